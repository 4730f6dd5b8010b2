/**
 * @module resources
 * Renders the sandbox's state as Loket JSON objects, field for field as the official spec names them.
 * Amounts leave as euros with two decimals, as Loket sends them.
 */
import type { Employee } from '../data/employees.ts';
import { journalLines } from '../data/journal.ts';
import { euros, PAYROLL_COMPONENTS } from '../data/payroll-results.ts';
import type { PayrollAmounts } from '../data/payroll-results.ts';
import { PERIOD_TYPE_METADATA } from '../data/periods.ts';
import type { PayrollPeriod } from '../data/periods.ts';
import { uuidFrom } from '../data/random.ts';
import { journalRunStatusText, payrollRunStatusText, taxReturnStatusText } from '../data/world.ts';
import type {
  Administration,
  Employer,
  JournalRun,
  LoketWorld,
  PayrollRun,
  RunLine,
  TaxReturn,
} from '../data/world.ts';

const COUNTRY_NL = { isoCode: 'NL', key: 530, value: 'Nederland' };
const METHOD_INDIVIDUAL = { key: 2, value: 'Individueel' };
const BELASTINGDIENST_IBAN = 'NL86INGB0002445588';

/** The payroll clerk who requests and approves runs in every generated administration. */
export function payrollClerk(world: LoketWorld) {
  return {
    id: uuidFrom(world.seed, 'clerk'),
    formattedName: 'Jong, I. de',
    initials: 'I.',
    lastName: 'Jong',
    prefix: 'de',
  };
}

function address(city: string) {
  return {
    street: 'Stationsstraat',
    houseNumber: 12,
    houseNumberAddition: null,
    postalCode: '3511 EJ',
    city,
    country: COUNTRY_NL,
    furtherIndication: null,
    location: null,
    province: null,
  };
}

export function renderProvider(world: LoketWorld) {
  return { id: world.providerId, name: world.providerName.slice(0, 70) };
}

export function renderEmployer(employer: Employer) {
  return {
    id: employer.id,
    employerNumber: employer.employerNumber,
    companyName: employer.companyName,
    chamberOfCommerceNumber: employer.chamberOfCommerceNumber,
    legalForm: { key: 1, value: 'B.V.' },
    branch: null,
    sbi: null,
    address: address(employer.city),
    deviatingPostalAddress: null,
    contact: null,
    contactInformation: {
      emailAddress: 'salaris@example.nl',
      faxNumber: null,
      phoneNumber: '030-1234567',
      website: null,
    },
    providerSettings: {
      administrationNumber: null,
      groupCode: null,
      parentEmployerForConsolidatedOverviews: null,
      sendEmailWhenSalarySlipIsAvailable: true,
    },
    employerLogo: null,
    providerLogo: null,
  };
}

export function renderPayrollAdministration(administration: Administration, employer: Employer) {
  return {
    id: administration.id,
    name: administration.name,
    shortName: null,
    description: `Loonadministratie ${administration.clientNumber}`,
    clientNumber: administration.clientNumber,
    payrollTaxesNumber: administration.payrollTaxesNumber,
    administrationNumber: null,
    groupCode: 1,
    groupClassification: null,
    cao: { key: 1, value: 'Geen cao' },
    loonmodel: { key: 1, value: 'Standaard' },
    payrollPeriodType: PERIOD_TYPE_METADATA[administration.periodType],
    startDate: '2015-01-01',
    endDate: null,
    claTaxReturnCBSCode: null,
    address: address(employer.city),
    deviatingPostalAddress: null,
    contact: null,
  };
}

function runReference(run: PayrollRun) {
  return {
    id: run.id,
    payrollRunStatus: { key: run.status, value: payrollRunStatusText(run.status) },
    sequenceNumber: run.sequenceNumber,
    sequenceNumberApproved: run.sequenceNumberApproved,
  };
}

export function renderPayrollPeriod(
  world: LoketWorld,
  administration: Administration,
  period: PayrollPeriod,
) {
  const runs = world.payrollRuns.filter(
    (run) => run.administrationId === administration.id && run.period.id === period.id,
  );
  return {
    id: period.id,
    year: period.year,
    periodNumber: period.periodNumber,
    startDate: period.startDate,
    endDate: period.endDate,
    testYear: world.isTestYear(administration.id, period.year),
    payrollPeriodType: PERIOD_TYPE_METADATA[administration.periodType],
    automaticProcessing: null,
    payrollRuns: runs.map((run) => ({
      ...runReference(run),
      journalRuns: world.journalRuns
        .filter((journalRun) => journalRun.payrollRunId === run.id)
        .map((journalRun) => ({
          id: journalRun.id,
          journalRunStatus: { key: journalRun.status, value: journalRunStatusText(journalRun.status) },
          sequenceNumber: journalRun.sequenceNumber,
        })),
    })),
  };
}

export function renderPayrollRun(world: LoketWorld, run: PayrollRun) {
  const clerk = payrollClerk(world);
  return {
    ...runReference(run),
    payrollPeriod: { year: run.period.year, periodNumber: run.period.periodNumber },
    methodOfCreation: METHOD_INDIVIDUAL,
    requestTime: run.requestTime,
    requestedBy: clerk,
    processingFinishedTime: run.requestTime.replace('T09:00', 'T09:05'),
    approvalTime: run.approvalTime,
    approvedBy: run.approvalTime ? clerk : null,
    removeTime: null,
    removedBy: null,
    errorsAndWarnings: { hasErrors: false, hasWarnings: false },
    availableForEmployeeDate: run.approvalTime ? run.period.endDate : null,
    sendEmailToEmployee: true,
    textPaySlip: null,
    textPayment: null,
    textTariffPaySlip: null,
  };
}

function periodWithDates(world: LoketWorld, administrationId: string, period: PayrollPeriod) {
  return {
    year: period.year,
    periodNumber: period.periodNumber,
    periodStartDate: period.startDate,
    periodEndDate: period.endDate,
    testYear: world.isTestYear(administrationId, period.year),
  };
}

function componentResult(key: keyof typeof PAYROLL_COMPONENTS, cents: number, specialTariff: boolean) {
  const { category, column, ...component } = PAYROLL_COMPONENTS[key];
  const costsEmployer =
    key === 'socialCharges' || key === 'holidayReservation' ? { key: 1, value: '+' } : null;
  return {
    payrollComponent: { ...component, category, column, costsEmployer },
    value: specialTariff ? 0 : euros(cents),
    valueSpecialTariff: specialTariff ? euros(cents) : 0,
  };
}

/** One payslip type with its components; back pay is taxed at the special tariff. */
function renderPayslipType(amounts: PayrollAmounts, backPay: boolean, oddNetPay: number | undefined) {
  const netPay = componentResult('netPay', amounts.net, backPay);
  return {
    payslipType: backPay ? { key: 2, value: 'Correctiestrook' } : { key: 1, value: 'Normaal strook' },
    payrollComponentResults: [
      componentResult('gross', amounts.gross, backPay),
      componentResult('wageTax', amounts.wageTax, backPay),
      componentResult('socialCharges', amounts.socialCharges, backPay),
      componentResult('holidayReservation', amounts.holidayReservation, backPay),
      oddNetPay === undefined ? netPay : { ...netPay, value: oddNetPay },
    ],
  };
}

/** The payroll results of one employment in one run: one entry per period the run covers. */
export function renderPayrollResult(
  world: LoketWorld,
  administration: Administration,
  employee: Employee,
  run: PayrollRun,
) {
  const lines: RunLine[] = world.employeeLines(administration, employee, run);
  const odd = world.oddAmounts.get(`payslip:${run.id}:${employee.employmentId}`);
  return {
    employmentId: employee.employmentId,
    payrollPeriods: lines.map((line, index) => ({
      payrollPeriod: periodWithDates(world, administration.id, line.period),
      payslipTypes: [
        renderPayslipType(
          world.lineAmounts(administration, employee, line),
          line.backPayPercent !== null,
          index === 0 ? odd : undefined,
        ),
      ],
    })),
  };
}

export function renderEmployment(administration: Administration, employee: Employee) {
  return {
    id: employee.employmentId,
    employee: {
      id: employee.employeeId,
      employeeNumber: employee.employeeNumber,
      firstName: employee.firstName,
      initials: employee.initials,
      prefix: employee.prefix,
      lastName: employee.lastName,
      formattedName: employee.formattedName,
      dateOfBirth: employee.dateOfBirth,
      lastNamePartner: null,
      prefixPartner: null,
      photo: null,
    },
    payrollAdministration: {
      id: administration.id,
      name: administration.name,
      description: `Loonadministratie ${administration.clientNumber}`,
      clientNumber: administration.clientNumber,
    },
    nonPayrollAdministration: null,
    payrollId: employee.employeeNumber,
    incomeRelationshipNumber: 1,
    startDate: employee.startDate,
    endDate: null,
    historicalStartDate: null,
    namePayslip:
      `${employee.initials} ${employee.prefix ? `${employee.prefix} ` : ''}${employee.lastName}`.slice(0, 34),
    employmentContractType: { key: 1, value: 'Onbepaalde tijd' },
    employmentDurationType: { key: 1, value: 'Onbepaalde tijd' },
    typeOfEmployee: { key: 1, value: 'Werknemer' },
    employmentCategoryType: { key: 1, value: 'Normaal' },
    isOnCallEmployment: false,
    isAnonymousEmployee: false,
    calculateWorkingHours: true,
  };
}

export function renderPayslipListItem(
  world: LoketWorld,
  administration: Administration,
  employee: Employee,
  run: PayrollRun,
) {
  const lines = world.employeeLines(administration, employee, run);
  const first = lines[0]?.period ?? run.period;
  return {
    payrollrunId: run.id,
    payrollPeriod: periodWithDates(world, administration.id, first),
    approvalTime: run.approvalTime ?? run.requestTime,
    numberOfPayslips: lines.length,
  };
}

export function renderJournalRun(world: LoketWorld, journalRun: JournalRun) {
  const run = world.payrollRun(journalRun.payrollRunId);
  if (!run) throw new Error(`journal run ${journalRun.id} lost its payroll run`);
  return {
    id: journalRun.id,
    sequenceNumber: journalRun.sequenceNumber,
    journalRunStatus: { key: journalRun.status, value: journalRunStatusText(journalRun.status) },
    methodOfCreation: METHOD_INDIVIDUAL,
    payrollRun: {
      payrollRunId: run.id,
      payrollPeriod: periodWithDates(world, run.administrationId, run.period),
      sequenceNumberApproved: run.sequenceNumberApproved ?? 0,
    },
    requestTime: journalRun.requestTime,
    requestedBy: payrollClerk(world),
    processingFinishedTime:
      journalRun.status >= 4 ? journalRun.requestTime.replace('T16:00', 'T16:01') : null,
    removeTime: null,
    removedBy: null,
  };
}

export function renderJournalLines(world: LoketWorld, journalRun: JournalRun) {
  const run = world.payrollRun(journalRun.payrollRunId);
  if (!run) throw new Error(`journal run ${journalRun.id} lost its payroll run`);
  const odd = world.oddAmounts.get(`journal-run:${journalRun.id}`);
  const lines = journalLines(world.runTotals(run), journalRun.imbalanceCents);
  const first = lines.find((line) => line.debitCents > 0);
  return lines.map(({ debitCents, creditCents, ...line }, index) => ({
    ...line,
    debetAmount: odd !== undefined && index === (first ? lines.indexOf(first) : -1) ? odd : euros(debitCents),
    creditAmount: euros(creditCents),
  }));
}

/** The payment deadline: the last day of the month after the tijdvak. */
function deadline(endDate: string): string {
  const end = new Date(`${endDate}T00:00:00Z`);
  return new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 2, 0)).toISOString().slice(0, 10);
}

export function renderTaxReturn(world: LoketWorld, taxReturn: TaxReturn) {
  const administration = world.administration(taxReturn.administrationId);
  if (!administration) throw new Error(`tax return ${taxReturn.id} lost its administration`);
  const employer = world.employers.find((candidate) => candidate.id === administration.employerId);
  const clerk = payrollClerk(world);
  const confirmed = taxReturn.status === 5 || taxReturn.status === 6;
  const { tijdvak } = taxReturn;
  return {
    id: taxReturn.id,
    sequenceNumber: taxReturn.sequenceNumber,
    period: {
      year: tijdvak.year,
      periodNumber: tijdvak.periodNumber,
      periodStartDate: tijdvak.startDate,
      periodEndDate: tijdvak.endDate,
    },
    payrollTaxReturnType: { key: 1, value: 'Periodeaangifte' },
    payrollPeriodType: PERIOD_TYPE_METADATA[administration.periodType === 'month' ? 'month' : '4weeks'],
    payrollTaxReturnStatus: { key: taxReturn.status, value: taxReturnStatusText(taxReturn.status) },
    payrollTaxReturnParty: { key: 1, value: 'Loket.nl' },
    methodOfCreation: METHOD_INDIVIDUAL,
    wageTaxNumber: administration.payrollTaxesNumber,
    messageReference: `LA${administration.payrollTaxesNumber}${tijdvak.year}${tijdvak.code}${String(taxReturn.sequenceNumber).padStart(2, '0')}`,
    paymentReference: world.paymentReferenceOf(taxReturn),
    iban: BELASTINGDIENST_IBAN,
    inTheNameOf: 'Belastingdienst Apeldoorn',
    periodAmount: euros(taxReturn.periodAmountCents),
    correctionAmount: euros(taxReturn.correctionAmountCents),
    totalAmount:
      world.oddAmounts.get(`tax-return:${taxReturn.id}`) ??
      euros(taxReturn.periodAmountCents + taxReturn.correctionAmountCents),
    deadlineForPayment: deadline(tijdvak.endDate),
    isCorrectionMessagePriorYear: false,
    withholdingParty: employer?.companyName ?? null,
    taxReturnMessageReference: null,
    externalIdentification: null,
    emailAddressPayrollTaxReturnRunStarted: null,
    requestTime: taxReturn.requestTime,
    requestedBy: clerk,
    processingFinishedTime: taxReturn.requestTime,
    messageCreationTime: taxReturn.requestTime,
    approvalTime: confirmed ? taxReturn.requestTime : null,
    ...(confirmed ? { approvedBy: clerk } : {}),
    sendTime: taxReturn.status === 6 ? taxReturn.requestTime : null,
    cancelledTime: taxReturn.status === 4 ? taxReturn.requestTime : null,
    cancelledBy: taxReturn.status === 4 ? clerk : null,
    removalTime: null,
    responseMessages: [],
  };
}

/** The user's activities for an employer, in the shape of the requested version. */
export function renderAuthorizations(activities: Iterable<string>, version: string) {
  return [...activities]
    .sort()
    .map((activity) =>
      version >= '2019-02-11'
        ? { id: uuidFrom('activity', activity), description: activity }
        : { name: activity },
    );
}
