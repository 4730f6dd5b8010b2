/**
 * @module world
 * The sandbox's state: employers, payroll administrations, payroll runs, journal runs, tax returns
 * and users. Only what changes is stored; employees and amounts are derived from the seed on demand
 * and run totals are cached per run, so a 5,000-employee administration stays cheap.
 */
import { demoFirm } from '../../shared/demo-firm.ts';
import type { PayrollPeriodType } from '../../shared/demo-firm.ts';
import type { ResolvedLoketSandboxOptions } from '../options.ts';
import { COST_CENTERS, employeeAt, employmentIdAt } from './employees.ts';
import type { Employee } from './employees.ts';
import { paymentReference, tijdvakCode } from './payment-reference.ts';
import { addAmounts, backPayAmounts, regularAmounts, ZERO_AMOUNTS } from './payroll-results.ts';
import type { PayrollAmounts } from './payroll-results.ts';
import { periodContaining, periodOf, periodsPerMonth, shiftPeriod } from './periods.ts';
import type { PayrollPeriod } from './periods.ts';
import { uuidFrom } from './random.ts';
import { RIGHTS } from './rights.ts';
import type { Right } from './rights.ts';

export type Employer = {
  id: string;
  employerNumber: number;
  companyName: string;
  chamberOfCommerceNumber: string;
  city: string;
};

export type Administration = {
  id: string;
  employerId: string;
  name: string;
  clientNumber: number;
  periodType: PayrollPeriodType;
  payrollTaxesNumber: string;
  /** Employees that exist from before the history starts. */
  baseEmployees: number;
  /** Start period ids of employees added later, in order of addition. */
  addedEmployeeStarts: number[];
  currentPeriod: PayrollPeriod;
  historyStart: PayrollPeriod;
  /** Payroll years run as a Loket test year: every period of them carries `testYear: true`. */
  testYears: Set<number>;
};

/**
 * A new client running its current year as a Loket test year beside its old payroll system, seeded
 * after the other employers with the `testYearEmployer` option. Fixed ids, so tests and demos find it.
 */
export const TEST_YEAR_EMPLOYER = {
  employerId: 'a1f0c3d2-7b6e-4a59-8c41-2d3e4f5a6b09',
  payrollAdministrationId: 'b2e1d4c3-8c7f-4b6a-9d52-3e4f5a6b7c09',
  companyName: 'Nieuwbouw Testjaar B.V.',
  clientNumber: 30990,
  periodType: 'month' as PayrollPeriodType,
  employees: 4,
  payrollTaxesNumber: '856789015L01',
};

/** A part of a payroll run: the regular result of a period, or back pay over an earlier one. */
export type RunLine = { period: PayrollPeriod; backPayPercent: number | null };

export type PayrollRunStatus = 0 | 1 | 5 | 6 | 9;

export type PayrollRun = {
  id: string;
  administrationId: string;
  period: PayrollPeriod;
  sequenceNumber: number;
  sequenceNumberApproved: number | null;
  status: PayrollRunStatus;
  requestTime: string;
  approvalTime: string | null;
  lines: RunLine[];
};

export type JournalRunStatus = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7;

export type JournalRun = {
  id: string;
  administrationId: string;
  payrollRunId: string;
  sequenceNumber: number;
  status: JournalRunStatus;
  requestTime: string;
  /** Test knob: cents added to the first debit line, so the results no longer balance (0 = balanced). */
  imbalanceCents: number;
  /** Every accepted PATCH, in order, so a test can count and read what the application told Loket. */
  patches: Array<{ action: 'MarkAsProcessed' | 'MarkAsProcessingFailed'; message: string | null }>;
};

export type TaxReturnStatus = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export type TaxReturn = {
  id: string;
  administrationId: string;
  /** The tijdvak: a month or four weeks (weekly payrolls file per four weeks). */
  tijdvak: { year: number; periodNumber: number; startDate: string; endDate: string; code: string };
  sequenceNumber: number;
  status: TaxReturnStatus;
  periodAmountCents: number;
  correctionAmountCents: number;
  /** The payroll runs whose 17100 credit this return pays. */
  payrollRunIds: string[];
  requestTime: string;
};

export type User = {
  id: string;
  username: string;
  password: string;
  initials: string;
  lastName: string;
  rights: Set<Right>;
};

/**
 * A registered API client. Loket supports the authorization code (and refresh token) flow for every
 * client and enables the password flow only by exception (loket-openapi.json, info.description).
 */
export type OAuthClient = { clientId: string; clientSecret: string; passwordFlow: boolean };

export type RunTotals = { total: PayrollAmounts; byCostCenter: Map<number, PayrollAmounts> };

const PAYROLL_RUN_STATUS_TEXT: Record<PayrollRunStatus, string> = {
  0: 'Staat klaar voor verloning',
  1: 'Verloning gereed',
  5: 'Verwijderd door gebruiker',
  6: 'Verloning geannuleerd door gebruiker',
  9: 'Verloning goedgekeurd.',
};
const JOURNAL_RUN_STATUS_TEXT: Record<JournalRunStatus, string> = {
  0: 'Staat klaar voor journaliseren',
  1: 'Geen journaal resultaten',
  2: 'Fout bij aanmaken',
  3: 'Verwijderd door gebruiker',
  4: 'Journaal gereed',
  5: 'Wordt geëxporteerd',
  6: 'Exporteren mislukt',
  7: 'Journaal geëxporteerd',
};
const TAX_RETURN_STATUS_TEXT: Record<TaxReturnStatus, string> = {
  1: 'Verzoek tot aanmaak loonaangifte',
  2: 'Fout bij aanmaken loonaangifte',
  3: 'Loonaangifte aangemaakt',
  4: 'Loonaangifte geannuleerd',
  5: 'Loonaangifte bevestigd',
  6: 'Loonaangifte verzonden',
  7: 'Loonaangifte verwijderd',
};

export function payrollRunStatusText(status: PayrollRunStatus): string {
  return PAYROLL_RUN_STATUS_TEXT[status];
}
export function journalRunStatusText(status: JournalRunStatus): string {
  return JOURNAL_RUN_STATUS_TEXT[status];
}
export function taxReturnStatusText(status: TaxReturnStatus): string {
  return TAX_RETURN_STATUS_TEXT[status];
}

/** A state change the rules forbid; the control surface answers 409. */
export class SandboxConflict extends Error {}

const GENERATED_COMPANIES = ['Zuivelhandel Ter Horst', 'Schildersbedrijf Van den Heuvel', 'Hoveniers Çelik & Zn.'];
const GENERATED_PERIOD_TYPES: PayrollPeriodType[] = ['week', 'month', '4weeks'];

export class LoketWorld {
  readonly seed: number;
  readonly providerId: string;
  readonly providerName = demoFirm.name;
  readonly employers: Employer[] = [];
  readonly administrations: Administration[] = [];
  readonly payrollRuns: PayrollRun[] = [];
  readonly journalRuns: JournalRun[] = [];
  readonly taxReturns: TaxReturn[] = [];
  readonly users: User[] = [];
  /** The demo's client first (the standard way), then one with the password flow enabled by exception. */
  readonly clients: readonly OAuthClient[];
  readonly redirectUri: string;
  /**
   * Test knob: euro values served as they are (12.345, 1e300) in place of a computed amount, keyed
   * `tax-return:<id>` (totalAmount), `journal-run:<id>` (first debit line), `payslip:<runId>:<employmentId>` (net pay).
   */
  readonly oddAmounts = new Map<string, number>();
  /**
   * Per employer, Loket's lastModifiedVersionNumber: the database-wide sequence number after the last
   * change of its employments' static data, never decreasing (GetEmployerLastModifiedVersionNumbersByUser).
   * Payroll period data (runs, approvals) is outside that scope, so only added employees move it.
   */
  readonly employerVersions = new Map<string, number>();
  private versionSequence = 70_429_274_000_000;
  private counter = 0;
  private readonly totalsCache = new Map<string, RunTotals>();
  private readonly employmentIndex = new Map<string, { administration: Administration; index: number }>();

  constructor(options: ResolvedLoketSandboxOptions) {
    this.seed = options.seed;
    this.providerId = uuidFrom(options.seed, 'provider');
    this.clients = [
      {
        clientId: 'loket-yuki-sandbox',
        clientSecret: `secret-${uuidFrom(options.seed, 'client-secret').slice(0, 8)}`,
        passwordFlow: false,
      },
      {
        clientId: 'loket-yuki-sandbox-password',
        clientSecret: `secret-${uuidFrom(options.seed, 'password-client-secret').slice(0, 8)}`,
        passwordFlow: true,
      },
    ];
    this.redirectUri = options.redirectUri;
    this.seedUsers();
    this.seedEmployers(options);
  }

  private nextId(...label: Array<string | number>): string {
    this.counter += 1;
    return uuidFrom(this.seed, ...label, this.counter);
  }

  private seedUsers(): void {
    const users: Array<[string, string, string, Right[]]> = [
      ['koppeling.yuki', 'Salaris-2026!', 'Koppeling', [...RIGHTS]],
      ['zonder.loonaangifte', 'Salaris-2026!', 'Peters', RIGHTS.filter((right) => right !== 'Raadplegen loonaangifte')],
      ['alleen.dienstverbanden', 'Salaris-2026!', 'Smit', ['Raadplegen dienstverbanden']],
    ];
    for (const [username, password, lastName, rights] of users) {
      this.users.push({
        id: uuidFrom(this.seed, 'user', username),
        username,
        password,
        initials: 'Y.',
        lastName,
        rights: new Set(rights),
      });
    }
  }

  private seedEmployers(options: ResolvedLoketSandboxOptions): void {
    const today = options.today ?? new Date().toISOString().slice(0, 10);
    const demo = demoFirm.domains.flatMap((domain) => domain.administrations.flatMap((a) => (a.loket ? [{ ...a, loket: a.loket }] : [])));
    const count = options.employers ?? demo.length;
    for (let index = 0; index < count; index += 1) {
      const fromDemo = demo[index];
      const periodType = fromDemo?.loket.periodType ?? GENERATED_PERIOD_TYPES[index % 3] ?? 'month';
      const employer: Employer = {
        id: fromDemo?.loket.employerId ?? uuidFrom(this.seed, 'employer', index),
        employerNumber: 20_700 + index,
        companyName: fromDemo?.name ?? `${GENERATED_COMPANIES[index % 3]} ${index + 1} B.V.`,
        chamberOfCommerceNumber: fromDemo?.cocNumber ?? String(40_000_000 + index * 7919),
        city: ['Utrecht', 'Zwolle', 'Tilburg'][index % 3] ?? 'Utrecht',
      };
      this.employers.push(employer);
      this.touchEmployer(employer.id);
      const currentPeriod = periodContaining(periodType, today);
      const historyLength = Math.max(1, Math.round(options.months * periodsPerMonth(periodType)));
      const administration: Administration = {
        id: fromDemo?.loket.payrollAdministrationId ?? uuidFrom(this.seed, 'payroll-administration', index),
        employerId: employer.id,
        name: `Salarisadministratie ${employer.companyName}`.slice(0, 70),
        clientNumber: fromDemo?.loket.clientNumber ?? 30_000 + index,
        periodType,
        payrollTaxesNumber: fromDemo?.loket.payrollTaxesNumber ?? `${String(845_000_000 + index * 97).slice(0, 9)}L01`,
        baseEmployees: options.employeesPerAdministration ?? fromDemo?.loket.employees ?? 8,
        addedEmployeeStarts: [],
        currentPeriod,
        historyStart: shiftPeriod(periodType, currentPeriod, -historyLength),
        testYears: new Set(),
      };
      this.administrations.push(administration);
      this.seedHistory(administration, historyLength);
    }
    if (options.testYearEmployer) this.seedTestYearEmployer(options, today);
  }

  private seedTestYearEmployer(options: ResolvedLoketSandboxOptions, today: string): void {
    const spec = TEST_YEAR_EMPLOYER;
    const employer: Employer = {
      id: spec.employerId,
      employerNumber: 20_799,
      companyName: spec.companyName,
      chamberOfCommerceNumber: '69012345',
      city: 'Amersfoort',
    };
    this.employers.push(employer);
    this.touchEmployer(employer.id);
    const currentPeriod = periodContaining(spec.periodType, today);
    const historyLength = Math.max(1, Math.round(options.months * periodsPerMonth(spec.periodType)));
    const administration: Administration = {
      id: spec.payrollAdministrationId,
      employerId: employer.id,
      name: `Salarisadministratie ${employer.companyName}`,
      clientNumber: spec.clientNumber,
      periodType: spec.periodType,
      payrollTaxesNumber: spec.payrollTaxesNumber,
      baseEmployees: options.employeesPerAdministration ?? spec.employees,
      addedEmployeeStarts: [],
      currentPeriod,
      historyStart: shiftPeriod(spec.periodType, currentPeriod, -historyLength),
      testYears: new Set([currentPeriod.year]),
    };
    this.administrations.push(administration);
    this.seedHistory(administration, historyLength);
  }

  /** Loket's `testYear` of a period: whether its payroll year runs as a test year. */
  isTestYear(administrationId: string, year: number): boolean {
    return this.administration(administrationId)?.testYears.has(year) ?? false;
  }

  /** Approved runs for each past period; the oldest journals were exported by another application. */
  private seedHistory(administration: Administration, historyLength: number): void {
    for (let back = historyLength; back >= 1; back -= 1) {
      const period = shiftPeriod(administration.periodType, administration.currentPeriod, -back);
      if (back === 1) this.cancelPayrollRun(this.createPayrollRun(administration, period, [{ period, backPayPercent: null }]).id);
      const run = this.createPayrollRun(administration, period, [{ period, backPayPercent: null }]);
      this.approvePayrollRun(run.id, { journalRunStatus: back > 2 ? 7 : 4 });
    }
    for (const taxReturn of this.taxReturns) {
      if (taxReturn.administrationId === administration.id) taxReturn.status = 6;
    }
    const latest = this.taxReturns.findLast((taxReturn) => taxReturn.administrationId === administration.id);
    if (latest) latest.status = 5;
  }

  // ---- employees -------------------------------------------------------------------------------

  /** Employees active in a period: everyone from before the history, plus those added up to it. */
  employeeCount(administration: Administration, periodId: number): number {
    return administration.baseEmployees + administration.addedEmployeeStarts.filter((start) => start <= periodId).length;
  }

  /** Everyone who ever worked in the administration (today's employee list). */
  totalEmployees(administration: Administration): number {
    return administration.baseEmployees + administration.addedEmployeeStarts.length;
  }

  employee(administration: Administration, index: number): Employee {
    const addedStart = administration.addedEmployeeStarts[index - administration.baseEmployees];
    const startDate =
      addedStart === undefined
        ? shiftPeriod(administration.periodType, administration.historyStart, -12).startDate
        : periodOf(administration.periodType, Math.floor(addedStart / 100), addedStart % 100).startDate;
    return employeeAt(this.seed, administration.id, index, startDate);
  }

  /** Finds an employment by id; the id index is built on first use and kept up to date after. */
  findEmployment(employmentId: string): { administration: Administration; employee: Employee } | undefined {
    if (this.employmentIndex.size === 0) {
      for (const administration of this.administrations) {
        for (let index = 0; index < this.totalEmployees(administration); index += 1) {
          this.employmentIndex.set(employmentIdAt(this.seed, administration.id, index), { administration, index });
        }
      }
    }
    const hit = this.employmentIndex.get(employmentId);
    return hit && { administration: hit.administration, employee: this.employee(hit.administration, hit.index) };
  }

  addEmployees(administration: Administration, count: number): Employee[] {
    const added: Employee[] = [];
    for (let n = 0; n < count; n += 1) {
      administration.addedEmployeeStarts.push(administration.currentPeriod.id);
      const employee = this.employee(administration, this.totalEmployees(administration) - 1);
      if (this.employmentIndex.size > 0) this.employmentIndex.set(employee.employmentId, { administration, index: employee.index });
      added.push(employee);
    }
    if (count > 0) this.touchEmployer(administration.employerId);
    return added;
  }

  /** A change to an employer's employments: the next number of the global sequence. */
  touchEmployer(employerId: string): void {
    this.versionSequence += 1;
    this.employerVersions.set(employerId, this.versionSequence);
  }

  // ---- payroll runs ----------------------------------------------------------------------------

  administration(id: string): Administration | undefined {
    return this.administrations.find((administration) => administration.id === id);
  }

  payrollRun(id: string): PayrollRun | undefined {
    return this.payrollRuns.find((run) => run.id === id);
  }

  /** Creates a run that has been calculated and awaits approval (status 1). */
  createPayrollRun(administration: Administration, period: PayrollPeriod, lines: RunLine[]): PayrollRun {
    const blocking = this.payrollRuns.find((run) => run.administrationId === administration.id && (run.status === 0 || run.status === 1));
    if (blocking) throw new SandboxConflict(`payroll run ${blocking.id} is still open (status ${blocking.status})`);
    const run: PayrollRun = {
      id: this.nextId(administration.id, 'payroll-run'),
      administrationId: administration.id,
      period,
      sequenceNumber: this.payrollRuns.filter((r) => r.administrationId === administration.id && r.period.id === period.id).length + 1,
      sequenceNumberApproved: null,
      status: 1,
      requestTime: `${period.endDate}T09:00:00Z`,
      approvalTime: null,
      lines,
    };
    this.payrollRuns.push(run);
    return run;
  }

  cancelPayrollRun(id: string): PayrollRun {
    const run = this.requireRun(id);
    if (run.status !== 1) throw new SandboxConflict(`payroll run ${id} has status ${run.status}; only 1 can be cancelled`);
    run.status = 6;
    return run;
  }

  /** Approves a ready run (1 → 9); Loket then makes its journal run and, per tijdvak, a tax return. */
  approvePayrollRun(id: string, options: { journalRunStatus?: JournalRunStatus } = {}): PayrollRun {
    const run = this.requireRun(id);
    if (run.status !== 1) throw new SandboxConflict(`payroll run ${id} has status ${run.status}; only 1 can be approved`);
    run.status = 9;
    run.approvalTime = `${run.period.endDate}T15:30:00Z`;
    const year = run.period.year;
    run.sequenceNumberApproved = this.payrollRuns.filter((r) => r.administrationId === run.administrationId && r.status === 9 && r.period.year === year).length;
    this.journalRuns.push({
      id: this.nextId(run.id, 'journal-run'),
      administrationId: run.administrationId,
      payrollRunId: run.id,
      sequenceNumber: 1,
      status: options.journalRunStatus ?? 4,
      requestTime: `${run.period.endDate}T16:00:00Z`,
      imbalanceCents: 0,
      patches: [],
    });
    if (run.lines.some((line) => line.backPayPercent === null)) this.fileRegularTaxReturn(run);
    return run;
  }

  private requireRun(id: string): PayrollRun {
    const run = this.payrollRun(id);
    if (!run) throw new SandboxConflict(`no payroll run ${id}`);
    return run;
  }

  /** Totals of a run over all its lines and employees; cached because runs never change once made. */
  runTotals(run: PayrollRun): RunTotals {
    const cached = this.totalsCache.get(run.id);
    if (cached) return cached;
    const administration = this.administration(run.administrationId);
    if (!administration) throw new Error(`run ${run.id} lost its administration`);
    const byCostCenter = new Map<number, PayrollAmounts>(COST_CENTERS.map((center) => [center.key, ZERO_AMOUNTS]));
    let total = ZERO_AMOUNTS;
    for (const line of run.lines) {
      for (let index = 0; index < this.employeeCount(administration, line.period.id); index += 1) {
        const employee = this.employee(administration, index);
        const amounts = this.lineAmounts(administration, employee, line);
        total = addAmounts(total, amounts);
        byCostCenter.set(employee.costCenter.key, addAmounts(byCostCenter.get(employee.costCenter.key) ?? ZERO_AMOUNTS, amounts));
      }
    }
    const totals = { total, byCostCenter };
    this.totalsCache.set(run.id, totals);
    return totals;
  }

  lineAmounts(administration: Administration, employee: Employee, line: RunLine): PayrollAmounts {
    return line.backPayPercent === null
      ? regularAmounts(employee, administration.periodType, line.period.id)
      : backPayAmounts(employee, administration.periodType, line.backPayPercent);
  }

  /** The run lines an employee has results in (an employee added later has none in older periods). */
  employeeLines(administration: Administration, employee: Employee, run: PayrollRun): RunLine[] {
    return run.lines.filter((line) => employee.index < this.employeeCount(administration, line.period.id));
  }

  // ---- tax returns -----------------------------------------------------------------------------

  /** The tijdvak a payroll period is declared in; weekly payrolls declare per four weeks. */
  tijdvakOf(administration: Administration, period: PayrollPeriod): TaxReturn['tijdvak'] & { lastPeriodId: number } {
    if (administration.periodType !== 'week') {
      const kind = administration.periodType;
      return { ...period, code: tijdvakCode(kind, period.periodNumber), lastPeriodId: period.id };
    }
    const block = Math.min(13, Math.ceil(period.periodNumber / 4));
    const fourWeeks = periodOf('4weeks', period.year, block);
    const lastWeek = block === 13 ? shiftPeriod('week', periodOf('week', period.year + 1, 1), -1) : periodOf('week', period.year, block * 4);
    return { ...fourWeeks, code: tijdvakCode('4weeks', block), lastPeriodId: lastWeek.id };
  }

  /** Files the tijdvak's return once its last period is approved, declaring runs not declared before. */
  private fileRegularTaxReturn(run: PayrollRun): void {
    const administration = this.administration(run.administrationId);
    if (!administration) return;
    const tijdvak = this.tijdvakOf(administration, run.period);
    if (run.period.id !== tijdvak.lastPeriodId) return;
    const previous = this.returnsFor(administration, tijdvak);
    const declared = new Set(previous.flatMap((taxReturn) => taxReturn.payrollRunIds));
    const runs = this.payrollRuns.filter(
      (r) =>
        r.administrationId === administration.id &&
        r.status === 9 &&
        !declared.has(r.id) &&
        r.lines.some((line) => line.backPayPercent === null && this.sameTijdvak(administration, line.period, tijdvak)),
    );
    const { lastPeriodId: _last, ...declaredTijdvak } = tijdvak;
    this.taxReturns.push({
      id: this.nextId(administration.id, 'tax-return'),
      administrationId: administration.id,
      tijdvak: declaredTijdvak,
      sequenceNumber: previous.length + 1,
      status: 3,
      periodAmountCents: runs.reduce((sum, r) => sum + payrollTaxCredit(this.runTotals(r).total), 0),
      correctionAmountCents: 0,
      payrollRunIds: runs.map((r) => r.id),
      requestTime: `${run.period.endDate}T17:00:00Z`,
    });
  }

  private returnsFor(administration: Administration, tijdvak: TaxReturn['tijdvak']): TaxReturn[] {
    return this.taxReturns.filter(
      (t) => t.administrationId === administration.id && t.tijdvak.code === tijdvak.code && t.tijdvak.year === tijdvak.year,
    );
  }

  private sameTijdvak(administration: Administration, period: PayrollPeriod, tijdvak: TaxReturn['tijdvak']): boolean {
    const other = this.tijdvakOf(administration, period);
    return other.code === tijdvak.code && other.year === tijdvak.year;
  }

  /** A run in the current period paying `percent` back pay over an earlier period. */
  createCorrectionRun(administration: Administration, periodId: number, percent: number): PayrollRun {
    const period = periodOf(administration.periodType, Math.floor(periodId / 100), periodId % 100);
    if (period.id >= administration.currentPeriod.id) throw new SandboxConflict(`period ${periodId} is not earlier than the current one`);
    const run = this.createPayrollRun(administration, administration.currentPeriod, [{ period, backPayPercent: percent }]);
    return this.approvePayrollRun(run.id);
  }

  /** A correction return for an earlier tijdvak, paying the correction runs not yet declared. */
  createCorrectedTaxReturn(administration: Administration, periodId: number): TaxReturn {
    const period = periodOf(administration.periodType, Math.floor(periodId / 100), periodId % 100);
    const tijdvak = this.tijdvakOf(administration, period);
    const previous = this.returnsFor(administration, tijdvak);
    const declared = new Set(previous.flatMap((t) => t.payrollRunIds));
    const runs = this.payrollRuns.filter(
      (r) =>
        r.administrationId === administration.id &&
        r.status === 9 &&
        !declared.has(r.id) &&
        r.lines.some((line) => line.backPayPercent !== null && this.sameTijdvak(administration, line.period, tijdvak)),
    );
    if (runs.length === 0) throw new SandboxConflict(`no undeclared correction run for period ${periodId}`);
    const { lastPeriodId: _last, ...declaredTijdvak } = tijdvak;
    const taxReturn: TaxReturn = {
      id: this.nextId(administration.id, 'tax-return'),
      administrationId: administration.id,
      tijdvak: declaredTijdvak,
      sequenceNumber: previous.length + 1,
      status: 3,
      periodAmountCents: 0,
      correctionAmountCents: runs.reduce((sum, r) => sum + payrollTaxCredit(this.runTotals(r).total), 0),
      payrollRunIds: runs.map((r) => r.id),
      requestTime: `${administration.currentPeriod.endDate}T17:00:00Z`,
    };
    this.taxReturns.push(taxReturn);
    return taxReturn;
  }

  paymentReferenceOf(taxReturn: TaxReturn): string {
    const administration = this.administration(taxReturn.administrationId);
    return paymentReference(administration?.payrollTaxesNumber ?? '000000000L01', taxReturn.tijdvak.year, taxReturn.tijdvak.code);
  }

  /** Moves the current period on by one (all administrations, or one). */
  advancePeriod(administration?: Administration): void {
    for (const target of administration ? [administration] : this.administrations) {
      target.currentPeriod = shiftPeriod(target.periodType, target.currentPeriod, 1);
    }
  }

  /** The demo's own client: authorization code and refresh token only. */
  get clientId(): string {
    return this.clients[0]!.clientId;
  }

  get clientSecret(): string {
    return this.clients[0]!.clientSecret;
  }

  /** The registered client with this id and secret, if any. */
  client(clientId: string | null, clientSecret: string | null): OAuthClient | undefined {
    return this.clients.find((client) => client.clientId === clientId && client.clientSecret === clientSecret);
  }

  user(username: string): User | undefined {
    return this.users.find((user) => user.username.toLowerCase() === username.toLowerCase());
  }
}

/** What account 17100 (af te dragen loonheffingen) is credited with: wage tax plus employer charges. */
export function payrollTaxCredit(amounts: PayrollAmounts): number {
  return amounts.wageTax + amounts.socialCharges;
}
