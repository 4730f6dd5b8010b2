/**
 * A 5,000-employee administration: the sandbox generates it lazily, the client lists every payslip
 * through the run's results and streams PDFs without memory growing with the count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPayrollAdministration, startLoketSandbox } from '../../sandbox/loket/index.ts';
import type { RunningLoketSandbox } from '../../sandbox/loket/index.ts';
import { sum } from '../core/money.ts';
import { listEmployments } from './employers.ts';
import { listJournalLines, listJournalRuns } from './journal-runs.ts';
import { netPayOf } from './payroll-results.ts';
import { listApprovedPayrollRuns, listPayrollRunResults } from './payroll-runs.ts';
import { downloadPayslipPdf, listPayslips } from './payslips.ts';
import { sandboxFixture } from '../../test/support/loket-fixture.ts';
import type { SandboxFixture } from '../../test/support/loket-fixture.ts';
import { collectAll } from './paging.ts';

const EMPLOYEES = 5000;
/** PDFs streamed: every 10th employee (500), enough to show flat memory while keeping the test short. */
const PDF_STRIDE = 10;
const bakery = demoPayrollAdministration(10231);
let sandbox: RunningLoketSandbox;
let fixture: SandboxFixture;

beforeAll(async () => {
  sandbox = await startLoketSandbox({
    today: '2026-11-18',
    employers: 1,
    employeesPerAdministration: EMPLOYEES,
    months: 1,
  });
  fixture = await sandboxFixture(sandbox);
});
afterAll(() => sandbox.close());

describe('a 5,000-employee administration', () => {
  it('lists every payslip of a run and streams PDFs with flat memory', async () => {
    const { connection } = await fixture.connect({ connection: { maxConcurrency: 4 } });
    const [run] = await collectAll(listApprovedPayrollRuns(connection, bakery.payrollAdministrationId));
    if (!run) throw new Error('no approved run');

    const employmentIds: string[] = [];
    let netPay = 0;
    for await (const result of listPayrollRunResults(connection, run.id)) {
      employmentIds.push(result.employmentId);
      netPay += netPayOf(result);
    }
    expect(employmentIds).toHaveLength(EMPLOYEES);
    expect(new Set(employmentIds).size).toBe(EMPLOYEES);

    let employments = 0;
    for await (const _employment of listEmployments(connection, bakery.employerId)) employments += 1;
    expect(employments).toBe(EMPLOYEES);

    const [journalRun] = await collectAll(listJournalRuns(connection, bakery.payrollAdministrationId));
    const lines = await listJournalLines(connection, journalRun?.id ?? '');
    expect(sum(lines.filter((line) => line.glAccountCode === '17000').map((line) => line.credit))).toBe(
      netPay,
    );

    const sample = employmentIds.filter((_, index) => index % PDF_STRIDE === 0);
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    let bytes = 0;
    let next = 0;
    const worker = async () => {
      while (next < sample.length) {
        const employmentId = sample[next++] ?? '';
        const download = await downloadPayslipPdf(connection, employmentId, run.id);
        for await (const chunk of download.stream) bytes += chunk.byteLength;
        peak = Math.max(peak, process.memoryUsage().rss);
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    expect(bytes).toBeGreaterThan(sample.length * 1000);
    // Flat: growth is bounded by a constant, not by the number of PDFs streamed.
    expect((peak - baseline) / 1_048_576).toBeLessThan(120);

    const listings = await collectAll(listPayslips(connection, employmentIds.at(-1) ?? ''));
    expect(listings.map((listing) => listing.payrollRunId)).toEqual([run.id]);
  }, 90_000);
});
