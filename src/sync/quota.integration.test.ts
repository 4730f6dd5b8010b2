import { asc, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportFixture } from '../../test/support/import-fixture.ts';
import { bakery, startImportFixture } from '../../test/support/import-fixture.ts';
import { importItems, importRuns } from '../store/schema/index.ts';
import { importItem } from './import-item.ts';
import { finishRunIfComplete, importNow, runProgress } from './import-run.ts';

const bakeryDomainId = '6f1c2a10-4b7e-4d0a-9a51-0c1d2e3f4a01';
let fixture: ImportFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const october = (f: ImportFixture) => ({
  administrationId: f.bakeryId,
  trigger: 'manual' as const,
  requestedLabel: 'backoffice@jansen-deboer.nl',
});

/** The next Yuki day: the sandbox resets its counters, our clock moves past midnight in Amsterdam. */
async function nextDay(f: ImportFixture) {
  const response = await fetch(`${f.yuki.url}/_sandbox/reset-day`, { method: 'POST' });
  expect(response.status).toBe(200);
  f.clock.now = new Date(f.clock.now.getTime() + 24 * 60 * 60 * 1000);
}

/** What the queue does when the parked jobs come due: one item after another, in planning order. */
async function resumeWaiting(f: ImportFixture) {
  const waiting = await f.env.db
    .select()
    .from(importItems)
    .where(eq(importItems.state, 'waiting_quota'))
    .orderBy(asc(importItems.createdAt));
  const outcomes = [];
  for (const item of waiting) outcomes.push(await importItem(f.env, item.id));
  return outcomes;
}

function bakeryDocuments(f: ImportFixture) {
  return f.yuki.state.documents.filter((d) => d.administrationId === bakery.yukiAdministrationId);
}

describe('a spent Yuki budget', () => {
  it('parks what does not fit in our own budget as waiting, and finishes it the next day without duplicates', async () => {
    fixture = await startImportFixture({ importFromPeriod: '2026-10', budgetLimit: 8 });
    const run = await importNow(fixture.env, october(fixture));
    const outcomes = run.outcomes.map((o) => o.outcome);
    // Eight calls: one upload each for the first eight payslips; the rest waits.
    expect(outcomes).toEqual([...Array(8).fill('posted'), ...Array(6).fill('waiting_quota')]);
    expect(run.outcomes.find((o) => o.outcome === 'waiting_quota')).toEqual({
      outcome: 'waiting_quota',
      notBefore: new Date('2026-11-18T23:00:00.000Z'),
    });
    expect(await runProgress(fixture.env.db, run.runId)).toMatchObject({
      payslip: { total: 12, posted: 8, waiting: 4 },
      journal: { total: 1, waiting: 1 },
      tax_return: { total: 1, waiting: 1 },
    });
    const [parked] = await fixture.env.db
      .select()
      .from(importItems)
      .where(eq(importItems.state, 'waiting_quota'));
    expect(parked?.errorNl).toBe(
      'De webservicecalls van vandaag voor dit Yuki-domein zijn op. De import gaat morgen verder.',
    );
    expect(await fixture.budget.status(bakeryDomainId)).toEqual({ day: '2026-11-18', used: 8, limit: 8 });
    const [stillRunning] = await fixture.env.db.select().from(importRuns).where(eq(importRuns.id, run.runId));
    expect(stillRunning?.state).toBe('running');

    // Later the same day nothing moves, and nothing is sent.
    expect((await resumeWaiting(fixture)).map((o) => o.outcome)).toEqual(Array(6).fill('waiting_quota'));
    expect(bakeryDocuments(fixture)).toHaveLength(8);

    await nextDay(fixture);
    expect((await resumeWaiting(fixture)).map((o) => o.outcome)).toEqual(Array(6).fill('posted'));
    expect(bakeryDocuments(fixture).filter((d) => d.folder === 4 || d.folder === 5)).toHaveLength(13);
    expect(fixture.yuki.state.journals).toHaveLength(1);
    expect(new Set(bakeryDocuments(fixture).map((d) => d.subject)).size).toBe(
      bakeryDocuments(fixture).length,
    );
    expect(await finishRunIfComplete(fixture.env.db, run.runId)).toBe(true);
  }, 60_000);

  it('parks work when Yuki itself says the day is spent, and finishes it after Yuki’s day resets', async () => {
    fixture = await startImportFixture({ importFromPeriod: '2026-10', yukiDailyCallLimit: 5 });
    const run = await importNow(fixture.env, october(fixture));
    expect(run.outcomes.map((o) => o.outcome)).toEqual([
      ...Array(5).fill('posted'),
      ...Array(9).fill('waiting_quota'),
    ]);

    // Five calls a day: two more days finish the payslips, the third the journal and the tax return.
    for (const posted of [5, 4]) {
      await nextDay(fixture);
      expect((await resumeWaiting(fixture)).filter((o) => o.outcome === 'posted')).toHaveLength(posted);
    }
    const items = await fixture.env.db.select().from(importItems);
    expect(items.every((i) => i.state === 'posted')).toBe(true);
    expect(bakeryDocuments(fixture).filter((d) => d.folder === 4 || d.folder === 5)).toHaveLength(13);
    expect(fixture.yuki.state.journals).toHaveLength(1);
  }, 60_000);
});
