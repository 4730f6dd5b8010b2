import { asc, eq, inArray } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportFixture } from '../../test/support/import-fixture.ts';
import { bakery, loketControl, startImportFixture } from '../../test/support/import-fixture.ts';
import { administrations, importItems, importRuns } from '../store/schema/index.ts';
import { importItem } from './import-item.ts';
import { inPostingOrder } from './posting-order.ts';
import { quotaWaiting } from './quota-waiting.ts';
import { finishRunIfComplete, importNow, runProgress } from './import-run.ts';

const bakeryDomainId = '6f1c2a10-4b7e-4d0a-9a51-0c1d2e3f4a01';
/** For the tests of how the limit itself is spent, with every call counted alike. */
const NO_RESERVE = { share: 0, minimumCalls: 0 };
let fixture: ImportFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const importOfBakery = (f: ImportFixture) => ({
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

/** What the queue does when the parked jobs come due: one item after another, by their job priority. */
async function resumeWaiting(f: ImportFixture) {
  const waiting = await f.env.db
    .select()
    .from(importItems)
    .where(eq(importItems.state, 'waiting_quota'))
    .orderBy(asc(importItems.createdAt), asc(importItems.key));
  const outcomes = [];
  for (const item of inPostingOrder(waiting)) outcomes.push(await importItem(f.env, item.id));
  return outcomes;
}

/** "journal 202610" per item, in the order given. */
async function kindsInOrder(f: ImportFixture, itemIds: string[]): Promise<string[]> {
  const rows = await f.env.db.select().from(importItems).where(inArray(importItems.id, itemIds));
  const byId = new Map(rows.map((row) => [row.id, `${row.kind} ${row.periodId}`]));
  return itemIds.map((id) => byId.get(id) ?? 'missing');
}

/** Our domain id (not Yuki's) of an administration. */
async function domainOf(f: ImportFixture, administrationId: string): Promise<string> {
  const [row] = await f.env.db
    .select({ domainId: administrations.domainId })
    .from(administrations)
    .where(eq(administrations.id, administrationId));
  if (!row) throw new Error(`no administration ${administrationId}`);
  return row.domainId;
}

function bakeryDocuments(f: ImportFixture) {
  return f.yuki.state.documents.filter((d) => d.administrationId === bakery.yukiAdministrationId);
}

describe('a spent Yuki budget', () => {
  it('parks what does not fit in our own budget as waiting, and finishes it the next day without duplicates', async () => {
    fixture = await startImportFixture({
      importFromPeriod: '2026-10',
      budgetLimit: 8,
      booksReserve: NO_RESERVE,
    });
    const run = await importNow(fixture.env, importOfBakery(fixture));
    const outcomes = run.outcomes.map((o) => o.outcome);
    // Eight calls: the journal (GL scheme and ProcessJournal) and the tax return go first, then five
    // payslips get an upload each; the other seven wait.
    expect(await kindsInOrder(fixture, run.itemIds)).toEqual([
      'journal 202610',
      'tax_return 202610',
      ...Array(12).fill('payslip 202610'),
    ]);
    expect(outcomes).toEqual([...Array(7).fill('posted'), ...Array(7).fill('waiting_quota')]);
    expect(run.outcomes.find((o) => o.outcome === 'waiting_quota')).toEqual({
      outcome: 'waiting_quota',
      notBefore: new Date('2026-11-18T23:00:00.000Z'),
    });
    expect(await runProgress(fixture.env.db, run.runId)).toMatchObject({
      payslip: { total: 12, posted: 5, waiting: 7 },
      journal: { total: 1, posted: 1 },
      tax_return: { total: 1, posted: 1 },
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
    const documentsToday = bakeryDocuments(fixture).length;
    expect((await resumeWaiting(fixture)).map((o) => o.outcome)).toEqual(Array(7).fill('waiting_quota'));
    expect(bakeryDocuments(fixture)).toHaveLength(documentsToday);

    await nextDay(fixture);
    expect((await resumeWaiting(fixture)).map((o) => o.outcome)).toEqual(Array(7).fill('posted'));
    expect(bakeryDocuments(fixture).filter((d) => d.folder === 4 || d.folder === 5)).toHaveLength(13);
    expect(fixture.yuki.state.journals).toHaveLength(1);
    expect(new Set(bakeryDocuments(fixture).map((d) => d.subject)).size).toBe(
      bakeryDocuments(fixture).length,
    );
    expect(await finishRunIfComplete(fixture.env.db, run.runId)).toBe(true);
  }, 60_000);

  it('keeps the last calls of the day for the books: payslips wait, a journal and tax return planned later still post', async () => {
    // Twelve calls, of which payslips may spend eight: 5% is less than the four kept back.
    fixture = await startImportFixture({
      importFromPeriod: '2026-10',
      budgetLimit: 12,
      booksReserve: { share: 0.05, minimumCalls: 4 },
    });
    const payslips = await importNow(fixture.env, { ...importOfBakery(fixture), kinds: ['payslip'] });
    expect(payslips.outcomes.map((o) => o.outcome)).toEqual([
      ...Array(8).fill('posted'),
      ...Array(4).fill('waiting_quota'),
    ]);
    expect(await fixture.budget.status(bakeryDomainId)).toEqual({ day: '2026-11-18', used: 8, limit: 12 });
    const [parked] = await fixture.env.db
      .select()
      .from(importItems)
      .where(eq(importItems.state, 'waiting_quota'))
      .orderBy(asc(importItems.key))
      .limit(1);
    expect(parked).toMatchObject({
      errorCode: 'yuki.daily_limit',
      errorNl:
        'De webservicecalls van vandaag voor dit Yuki-domein zijn op, op het deel na dat bewaard blijft voor journaalposten en loonaangiften. De loonstroken gaan morgen verder.',
      notBefore: new Date('2026-11-18T23:00:00.000Z'),
    });

    // Later that day the books are planned: the journal (GL scheme and ProcessJournal) and the tax return fit.
    const books = await importNow(fixture.env, {
      ...importOfBakery(fixture),
      kinds: ['journal', 'tax_return'],
    });
    expect(books.outcomes.map((o) => o.outcome)).toEqual(['posted', 'posted']);
    expect(fixture.yuki.state.journals).toHaveLength(1);
    expect(await fixture.budget.status(bakeryDomainId)).toEqual({ day: '2026-11-18', used: 11, limit: 12 });
    // The call left over stays with the books: the waiting payslips do not take it.
    expect((await resumeWaiting(fixture)).map((o) => o.outcome)).toEqual(Array(4).fill('waiting_quota'));

    await nextDay(fixture);
    expect((await resumeWaiting(fixture)).map((o) => o.outcome)).toEqual(Array(4).fill('posted'));
    const items = await fixture.env.db.select().from(importItems);
    expect(items.map((i) => i.state)).toEqual(Array(14).fill('posted'));
    expect(bakeryDocuments(fixture).filter((d) => d.folder === 4)).toHaveLength(12);
  }, 60_000);

  it('parks work when Yuki itself says the day is spent, and finishes it after Yuki’s day resets', async () => {
    fixture = await startImportFixture({ importFromPeriod: '2026-10', yukiDailyCallLimit: 5 });
    const run = await importNow(fixture.env, importOfBakery(fixture));
    // Five calls: the journal (two calls), the tax return and two payslips; the rest waits.
    expect(run.outcomes.map((o) => o.outcome)).toEqual([
      ...Array(4).fill('posted'),
      ...Array(10).fill('waiting_quota'),
    ]);

    // Five calls a day: two more days finish the payslips.
    for (const posted of [5, 5]) {
      await nextDay(fixture);
      expect((await resumeWaiting(fixture)).filter((o) => o.outcome === 'posted')).toHaveLength(posted);
    }
    const items = await fixture.env.db.select().from(importItems);
    expect(items.every((i) => i.state === 'posted')).toBe(true);
    expect(bakeryDocuments(fixture).filter((d) => d.folder === 4 || d.folder === 5)).toHaveLength(13);
    expect(fixture.yuki.state.journals).toHaveLength(1);
  }, 60_000);

  it('spends a short budget on the books first and on the oldest payslips next, spread over the days', async () => {
    fixture = await startImportFixture({
      importFromPeriod: '2026-09',
      budgetLimit: 10,
      booksReserve: NO_RESERVE,
    });
    const f = fixture;
    const bakeryDomain = await domainOf(f, f.bakeryId);
    const postedPayslipPeriods: string[] = [];
    const importDay = async () => {
      const run = await importNow(f.env, importOfBakery(f));
      const kinds = await kindsInOrder(f, run.itemIds);
      run.outcomes.forEach((o, i) => {
        if (o.outcome === 'posted' && kinds[i]?.startsWith('payslip')) postedPayslipPeriods.push(kinds[i]);
      });
      return { kinds, outcomes: run.outcomes.map((o) => o.outcome) };
    };

    // Day 1: September's and October's books (two calls for the GL scheme and the first journal, then
    // one each), then five of September's payslips; the other payslips wait.
    const first = await importDay();
    expect(first.kinds).toEqual([
      'journal 202609',
      'tax_return 202609',
      'journal 202610',
      'tax_return 202610',
      ...Array(12).fill('payslip 202609'),
      ...Array(12).fill('payslip 202610'),
    ]);
    expect(first.outcomes).toEqual([...Array(9).fill('posted'), ...Array(19).fill('waiting_quota')]);
    expect(await quotaWaiting(f.env.db, bakeryDomain, f.clock.now)).toEqual({
      total: 19,
      byKind: { payslip: 19, journal: 0, tax_return: 0 },
      resetsAt: new Date('2026-11-18T23:00:00.000Z'),
    });
    expect(await quotaWaiting(f.env.db, await domainOf(f, f.installerId), f.clock.now)).toMatchObject({
      total: 0,
    });

    // Day 2: November's payroll is approved meanwhile; its journal goes before every waiting payslip.
    await nextDay(f);
    await loketControl(f, '/payroll-runs', { payrollAdministrationId: bakery.loket.payrollAdministrationId });
    const second = await importDay();
    expect(second.kinds.slice(0, 2)).toEqual(['journal 202611', 'payslip 202609']);
    expect(second.outcomes.slice(0, 1)).toEqual(['posted']);
    expect(second.outcomes.filter((o) => o === 'posted')).toHaveLength(10);
    expect(await quotaWaiting(f.env.db, bakeryDomain, f.clock.now)).toEqual({
      total: 22,
      byKind: { payslip: 22, journal: 0, tax_return: 0 },
      resetsAt: new Date('2026-11-19T23:00:00.000Z'),
    });

    // The following days finish the payslips, ten a day, never a newer period before an older one.
    let days = 2;
    while ((await quotaWaiting(f.env.db, bakeryDomain, f.clock.now)).total > 0 && days < 10) {
      await nextDay(f);
      await importDay();
      days += 1;
    }
    expect(days).toBe(5);
    expect(postedPayslipPeriods).toHaveLength(36);
    expect(postedPayslipPeriods).toEqual([...postedPayslipPeriods].sort());
    const subjects = bakeryDocuments(f).map((d) => d.subject);
    expect(new Set(subjects).size).toBe(subjects.length);
    expect(bakeryDocuments(f).filter((d) => d.folder === 4)).toHaveLength(36);
  }, 120_000);
});
