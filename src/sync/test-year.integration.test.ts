/**
 * A Loket test year (`payrollPeriod.testYear` on payroll results and journal runs, `testYear` on payroll
 * periods, loket-openapi.json): planned, previewed and recorded as "testjaar — niet geïmporteerd", nothing
 * of it reaches the Yuki sandbox; once Loket stops marking the year, the same items import as usual.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportFixture } from '../../test/support/import-fixture.ts';
import { bakery, loketControl, startImportFixture } from '../../test/support/import-fixture.ts';
import { importItems } from '../store/schema/index.ts';
import { importNow, planImportRun } from './import-run.ts';
import { TEST_YEAR_CODE } from './plan.ts';
import { importHistory } from './status.ts';

let fixture: ImportFixture;
const administration = bakery.loket.payrollAdministrationId;
const markTestYear = (testYear: boolean) =>
  loketControl(fixture, `/payroll-administrations/${administration}/test-year`, { year: 2026, testYear });

beforeAll(async () => {
  fixture = await startImportFixture();
  // The bakery runs 2026 in Loket as a test year, as a new client does beside its old payroll system.
  await markTestYear(true);
}, 60_000);
afterAll(() => fixture.close());

const request = () => ({
  administrationId: fixture.bakeryId,
  trigger: 'manual' as const,
  requestedLabel: 'backoffice@jansen-deboer.nl',
});
// A booked journal is an archive document too, so documents count everything posted.
const yukiDocuments = () =>
  fixture.yuki.state.documents.filter(
    (document) => document.administrationId === bakery.yukiAdministrationId,
  );
const items = () =>
  fixture.env.db.select().from(importItems).where(eq(importItems.administrationId, fixture.bakeryId));

describe('a payroll year Loket marks as a test year', () => {
  it('is previewed as "testjaar — niet geïmporteerd", with nothing to import', async () => {
    const preview = await planImportRun(fixture.env, { ...request(), dryRun: true });
    expect(preview.summary.split('\n')).toEqual([
      'Niets te importeren.',
      '2026-09: testjaar — niet geïmporteerd (12 loonstroken, 1 journaalpost, 1 loonaangifte).',
      '2026-10: testjaar — niet geïmporteerd (12 loonstroken, 1 journaalpost, 1 loonaangifte).',
    ]);
    expect(await items()).toEqual([]);
  }, 60_000);

  it('is recorded as skipped with the reason, posts nothing to Yuki, and shows so in the history', async () => {
    const result = await importNow(fixture.env, request());
    expect(result.outcomes).toEqual([]);
    expect(yukiDocuments()).toEqual([]);
    const recorded = await items();
    expect(recorded).toHaveLength(28);
    expect(new Set(recorded.map((item) => item.kind))).toEqual(new Set(['payslip', 'journal', 'tax_return']));
    for (const item of recorded) {
      expect(item).toMatchObject({ state: 'skipped', errorCode: TEST_YEAR_CODE, yukiDocumentId: null });
      expect(item.errorNl).toMatch(/^testjaar — niet geïmporteerd: /);
      expect(item.errorEn).toMatch(/^test year — not imported: /);
    }
    const history = await importHistory(fixture.env.db, fixture.bakeryId);
    expect(history.runs[0]?.summary).toContain('2026-10: testjaar — niet geïmporteerd');
    // Loket hears nothing of a journal that was never ours to book.
    const journal = recorded.find((item) => item.kind === 'journal');
    const loketRun = (await loketControl(fixture, `/journal-runs/${journal?.loketObjectId}`)) as {
      patches: unknown[];
    };
    expect(loketRun.patches).toEqual([]);

    const again = await importNow(fixture.env, request());
    expect(again.outcomes).toEqual([]);
    expect(yukiDocuments()).toEqual([]);
  }, 60_000);

  it('imports as usual once Loket no longer marks the year as a test year', async () => {
    await markTestYear(false);
    const preview = await planImportRun(fixture.env, { ...request(), dryRun: true });
    expect(preview.summary).not.toContain('testjaar');
    expect(preview.summary).toContain('2026-10: 12 loonstroken, 1 journaalpost, 1 loonaangifte');

    const result = await importNow(fixture.env, request());
    expect(result.outcomes).toHaveLength(28);
    expect(result.outcomes.every((outcome) => outcome.outcome === 'posted')).toBe(true);
    expect(yukiDocuments()).toHaveLength(28);
    const recorded = await items();
    expect(recorded.every((item) => item.state === 'posted' && item.errorCode === null)).toBe(true);
  }, 60_000);

  it('leaves a year alone again when Loket marks it once more, and keeps what was posted', async () => {
    await markTestYear(true);
    // A further approved run in the test year: only it is left out; posted documents stay as they are.
    await loketControl(fixture, '/payroll-runs', {
      payrollAdministrationId: administration,
    });
    const result = await importNow(fixture.env, request());
    expect(result.outcomes).toEqual([]);
    expect(yukiDocuments()).toHaveLength(28);
    const november = (await items()).filter((item) => item.periodId === 202611);
    expect(november.length).toBeGreaterThan(0);
    expect(november.every((item) => item.state === 'skipped' && item.errorCode === TEST_YEAR_CODE)).toBe(
      true,
    );
  }, 60_000);
});
