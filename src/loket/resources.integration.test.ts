import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidPaymentReference } from '../../sandbox/loket/data/payment-reference.ts';
import {
  NET_PAY_COMPONENT_KEY,
  demoPayrollAdministration,
  startLoketSandbox,
} from '../../sandbox/loket/index.ts';
import type { RunningLoketSandbox } from '../../sandbox/loket/index.ts';
import { sum } from '../core/money.ts';
import type { LoketConnection } from './connection.ts';
import {
  checkRights,
  findPayrollAdministrationByClientNumber,
  listEmployers,
  listEmployments,
  listPayrollAdministrations,
} from './employers.ts';
import { LoketMissingRightError, LoketNotFoundError, LoketRequestRefusedError } from './errors.ts';
import {
  getJournalRun,
  listJournalLines,
  listJournalRuns,
  markJournalRunFailed,
  markJournalRunProcessed,
} from './journal-runs.ts';
import { DEFAULT_NET_PAY_COMPONENT_KEY, netPayOf } from './payroll-results.ts';
import {
  getPayrollRun,
  listApprovedPayrollRuns,
  listPayrollPeriods,
  listPayrollRunResults,
  listPayrollRuns,
} from './payroll-runs.ts';
import { downloadPayslipPdf, getPayslipResult, listPayslips } from './payslips.ts';
import { sandboxFixture } from '../../test/support/loket-fixture.ts';
import type { SandboxFixture } from '../../test/support/loket-fixture.ts';
import { downloadTaxReturnOverview, getPayrollTaxReturn, listPayrollTaxReturns } from './tax-returns.ts';
import { collectAll } from './paging.ts';

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const bakery = demoPayrollAdministration(10231);
const installer = demoPayrollAdministration(20417);

let sandbox: RunningLoketSandbox;
let fixture: SandboxFixture;
let connection: LoketConnection;

beforeAll(async () => {
  sandbox = await startLoketSandbox({ today: '2026-11-18', employers: 4 });
  fixture = await sandboxFixture(sandbox);
  connection = (await fixture.connect()).connection;
});
afterAll(() => sandbox.close());

describe('Loket client against the sandbox: discovery', () => {
  it('lists the demo employers and their payroll administrations', async () => {
    const employers = await collectAll(listEmployers(connection));
    expect(employers.map((employer) => employer.id)).toEqual(
      expect.arrayContaining([bakery.employerId, installer.employerId]),
    );
    const administrations = await collectAll(listPayrollAdministrations(connection, installer.employerId));
    expect(administrations).toEqual([
      expect.objectContaining({
        id: installer.payrollAdministrationId,
        clientNumber: 20417,
        periodType: '4weeks',
      }),
    ]);
  });

  it('finds a payroll administration by client number across employers, or nothing', async () => {
    const found = await findPayrollAdministrationByClientNumber(connection, 20418);
    expect(found).toMatchObject({
      id: demoPayrollAdministration(20418).payrollAdministrationId,
      employerId: demoPayrollAdministration(20418).employerId,
    });
    expect(await findPayrollAdministrationByClientNumber(connection, 99999)).toBeUndefined();
  });

  it('reports the missing rights of a user through /authorizations', async () => {
    expect(await checkRights(connection, bakery.employerId)).toMatchObject({ missing: [] });
    const limited = (await fixture.connect({ username: 'zonder.loonaangifte' })).connection;
    expect((await checkRights(limited, bakery.employerId)).missing).toEqual(['Raadplegen loonaangifte']);
  });

  it('pages through employments over three pages', async () => {
    const employments = await collectAll(listEmployments(connection, bakery.employerId, { pageSize: 5 }));
    expect(employments).toHaveLength(bakery.employees);
    expect(new Set(employments.map((employment) => employment.id)).size).toBe(bakery.employees);
    expect(employments[0]).toMatchObject({
      payrollAdministrationId: bakery.payrollAdministrationId,
      employeeNumber: 1001,
    });
  });

  it('answers 404 for an unknown object as LoketNotFoundError', async () => {
    await expect(getPayrollRun(connection, '00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(
      LoketNotFoundError,
    );
  });
});

describe('Loket client against the sandbox: payroll, payslips, journals, tax returns', () => {
  it('lists periods and approved runs, and reads a run', async () => {
    const periods = await collectAll(listPayrollPeriods(connection, bakery.payrollAdministrationId));
    expect(periods.at(-1)).toMatchObject({
      id: 202611,
      startDate: '2026-11-01',
      endDate: '2026-11-30',
      payrollRunIds: [],
    });
    const all = await collectAll(listPayrollRuns(connection, bakery.payrollAdministrationId));
    const approved = await collectAll(listApprovedPayrollRuns(connection, bakery.payrollAdministrationId));
    expect(all.some((run) => run.status === 6)).toBe(true);
    expect(approved.length).toBe(3);
    expect(approved.every((run) => run.status === 9)).toBe(true);
    const [first] = approved;
    expect(await getPayrollRun(connection, first?.id ?? '')).toEqual(first);
  });

  it('balances every journal, and its 17000 credit equals the net pay on the payslips of the run', async () => {
    const journalRuns = await collectAll(listJournalRuns(connection, bakery.payrollAdministrationId));
    expect(journalRuns.map((run) => run.status)).toEqual([7, 4, 4]);
    for (const journalRun of journalRuns) {
      const lines = await listJournalLines(connection, journalRun.id);
      expect(sum(lines.map((line) => line.debit))).toBe(sum(lines.map((line) => line.credit)));
      expect(new Set(lines.map((line) => line.glAccountCode))).toEqual(
        new Set(['40000', '40100', '40950', '17000', '17100', '17500']),
      );
      expect(lines.filter((line) => line.debit > 0).every((line) => line.costCenterCode !== null)).toBe(true);
      const results = await collectAll(
        listPayrollRunResults(connection, journalRun.payrollRunId, { pageSize: 5 }),
      );
      expect(results).toHaveLength(bakery.employees);
      const netCredit = sum(
        lines.filter((line) => line.glAccountCode === '17000').map((line) => line.credit),
      );
      expect(netCredit).toBe(sum(results.map((result) => netPayOf(result))));
    }
    expect(DEFAULT_NET_PAY_COMPONENT_KEY).toBe(NET_PAY_COMPONENT_KEY);
  });

  it('reads payslips per employment as JSON and as a streamed PDF', async () => {
    const [employment] = await collectAll(listEmployments(connection, bakery.employerId));
    const payslips = await collectAll(listPayslips(connection, employment?.id ?? ''));
    expect(payslips).toHaveLength(3);
    const latest = payslips.at(-1);
    if (!employment || !latest) throw new Error('no payslip');
    const result = await getPayslipResult(connection, employment.id, latest.payrollRunId);
    expect(result.employmentId).toBe(employment.id);
    const components = result.periods[0]?.payslipTypes[0]?.components ?? [];
    const byKey = new Map(components.map((component) => [component.key, Math.round(component.value * 100)]));
    expect(byKey.get(10)! - byKey.get(20)!).toBe(netPayOf(result));
    const pdf = await downloadPayslipPdf(connection, employment.id, latest.payrollRunId);
    const bytes = await readAll(pdf.stream);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBe(pdf.contentLength);
    expect(pdf.fileName).toMatch(/^Loonstrook 1001 /);
    expect(connection.inFlight).toBe(0);
  });

  it('reads tax returns whose total is the 17100 credit of the journal, with a valid betalingskenmerk', async () => {
    const taxReturns = await collectAll(listPayrollTaxReturns(connection, bakery.payrollAdministrationId));
    expect(taxReturns.map((taxReturn) => taxReturn.status)).toEqual([6, 6, 5]);
    const journalRuns = await collectAll(listJournalRuns(connection, bakery.payrollAdministrationId));
    for (const [index, taxReturn] of taxReturns.entries()) {
      expect(isValidPaymentReference(taxReturn.paymentReference)).toBe(true);
      expect(taxReturn.totalAmount).toBe(taxReturn.periodAmount + taxReturn.correctionAmount);
      const lines = await listJournalLines(connection, journalRuns[index]?.id ?? '');
      expect(taxReturn.totalAmount).toBe(
        sum(lines.filter((line) => line.glAccountCode === '17100').map((line) => line.credit)),
      );
      expect(taxReturn.deadlineForPayment > taxReturn.periodEndDate).toBe(true);
    }
    const last = taxReturns.at(-1);
    if (!last) throw new Error('no tax return');
    expect(await getPayrollTaxReturn(connection, last.id)).toEqual(last);
    const overview = await downloadTaxReturnOverview(connection, last.id);
    expect((await readAll(overview.stream)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('files weekly payrolls per four weeks, the total being the sum of the weeks’ 17100 credits', async () => {
    const weekly = fixture.credentials.payrollAdministrations.find(
      (administration) => administration.periodType === 'week',
    );
    if (!weekly) throw new Error('no weekly administration');
    // The last return: its four weeks all lie inside the seeded history.
    const taxReturn = (await collectAll(listPayrollTaxReturns(connection, weekly.id))).at(-1);
    if (!taxReturn) throw new Error('no weekly tax return');
    const journalRuns = (await collectAll(listJournalRuns(connection, weekly.id))).filter(
      (run) =>
        run.periodStartDate >= taxReturn.periodStartDate && run.periodEndDate <= taxReturn.periodEndDate,
    );
    expect(journalRuns).toHaveLength(4);
    let credit = 0;
    for (const run of journalRuns) {
      credit += sum(
        (await listJournalLines(connection, run.id))
          .filter((line) => line.glAccountCode === '17100')
          .map((line) => line.credit),
      );
    }
    expect(taxReturn.totalAmount).toBe(credit);
  });

  it('marks journal runs processed or failed, and refuses results before status 4', async () => {
    const journalRuns = await collectAll(listJournalRuns(connection, installer.payrollAdministrationId));
    const ready = journalRuns.filter((run) => run.status === 4);
    const [first, second] = ready;
    if (!first || !second) throw new Error('expected two ready journal runs');
    await markJournalRunProcessed(connection, first.id, {
      applicationKey: 2,
      message: 'Geïmporteerd in Yuki',
    });
    expect((await getJournalRun(connection, first.id)).status).toBe(7);
    expect(await fixture.control(`/journal-runs/${first.id}`)).toMatchObject({
      processedMessage: 'Geïmporteerd in Yuki',
    });
    await markJournalRunFailed(connection, second.id, 'Grootboekrekening 40950 bestaat niet in Yuki');
    expect((await getJournalRun(connection, second.id)).status).toBe(6);

    await fixture.control('/periods/advance', { payrollAdministrationId: installer.payrollAdministrationId });
    await fixture.control('/payroll-runs', {
      payrollAdministrationId: installer.payrollAdministrationId,
      journalRunStatus: 0,
    });
    const pending = (await collectAll(listJournalRuns(connection, installer.payrollAdministrationId))).find(
      (run) => run.status === 0,
    );
    if (!pending) throw new Error('no pending journal run');
    await expect(listJournalLines(connection, pending.id)).rejects.toBeInstanceOf(LoketRequestRefusedError);
    await expect(markJournalRunProcessed(connection, pending.id)).rejects.toMatchObject({ status: 409 });
    await fixture.control(`/journal-runs/${pending.id}/ready`, {});
    expect((await listJournalLines(connection, pending.id)).length).toBeGreaterThan(0);
  });

  it('follows a month with a correction run, a corrected tax return and a new employee', async () => {
    const id = bakery.payrollAdministrationId;
    await fixture.control('/employees', { payrollAdministrationId: id, count: 1 });
    await fixture.control('/payroll-runs', { payrollAdministrationId: id });
    const september = 202609;
    const correction = (await fixture.control('/correction-runs', {
      payrollAdministrationId: id,
      payrollPeriodId: september,
      backPayPercent: 3,
    })) as { id: string };
    const corrected = (await fixture.control('/corrected-tax-returns', {
      payrollAdministrationId: id,
      payrollPeriodId: september,
    })) as { id: string };

    const current = (await collectAll(listApprovedPayrollRuns(connection, id))).find(
      (run) => run.year === 2026 && run.periodNumber === 11 && run.id !== correction.id,
    );
    if (!current) throw new Error('no run for the current period');
    const results = await collectAll(listPayrollRunResults(connection, current.id));
    expect(results).toHaveLength(bakery.employees + 1);

    const correctionResults = await collectAll(listPayrollRunResults(connection, correction.id));
    expect(correctionResults).toHaveLength(bakery.employees);
    expect(correctionResults[0]?.periods.map((period) => period.startDate)).toEqual(['2026-09-01']);

    const correctionJournal = (await collectAll(listJournalRuns(connection, id))).find(
      (run) => run.payrollRunId === correction.id,
    );
    const lines = await listJournalLines(connection, correctionJournal?.id ?? '');
    const taxReturn = await getPayrollTaxReturn(connection, corrected.id);
    expect(taxReturn).toMatchObject({ sequenceNumber: 2, periodStartDate: '2026-09-01', status: 3 });
    expect(taxReturn.correctionAmount).toBe(
      sum(lines.filter((line) => line.glAccountCode === '17100').map((line) => line.credit)),
    );
    expect(sum(lines.map((line) => line.debit))).toBe(sum(lines.map((line) => line.credit)));
    await fixture.control(`/payroll-tax-returns/${corrected.id}/status`, { status: 5 });
    expect((await getPayrollTaxReturn(connection, corrected.id)).status).toBe(5);
  });

  it('turns a 403 into an error naming the missing right, also after a right is revoked', async () => {
    const limited = (await fixture.connect({ username: 'zonder.loonaangifte' })).connection;
    const refused = collectAll(listPayrollTaxReturns(limited, bakery.payrollAdministrationId));
    await expect(refused).rejects.toBeInstanceOf(LoketMissingRightError);
    await expect(refused).rejects.toMatchObject({
      right: 'Raadplegen loonaangifte',
      text: { nl: expect.stringContaining('Raadplegen loonaangifte') },
    });

    const { connection: own } = await fixture.connect({ username: 'alleen.dienstverbanden' });
    await fixture.control('/users/alleen.dienstverbanden/rights/revoke', {
      right: 'Raadplegen dienstverbanden',
    });
    await expect(collectAll(listEmployments(own, bakery.employerId))).rejects.toMatchObject({
      right: 'Raadplegen dienstverbanden',
    });
  });
});
