import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportFixture } from '../../test/support/import-fixture.ts';
import { bakery, loketControl, startImportFixture } from '../../test/support/import-fixture.ts';
import { formatEuro, sum } from '../core/money.ts';
import { glAccountMappings, importItems, portals } from '../store/schema/index.ts';
import { importNow } from './import-run.ts';

let fixture: ImportFixture;

beforeAll(async () => {
  fixture = await startImportFixture({ importFromPeriod: '2026-10' });
});
afterAll(() => fixture.close());

const request = (administrationId: string) => ({
  administrationId,
  trigger: 'manual' as const,
  requestedLabel: 'backoffice@jansen-deboer.nl',
  kinds: ['journal' as const],
});

describe('journals refused before posting', () => {
  it('refuses a journal whose mapped GL account is missing in Yuki, posts nothing and tells Loket why', async () => {
    await fixture.env.db.insert(glAccountMappings).values({
      portalId: fixture.portalId,
      administrationId: fixture.bakeryId,
      loketCode: '40950',
      yukiCode: '40999',
    });
    const result = await importNow(fixture.env, request(fixture.bakeryId));
    expect(result.outcomes).toEqual([
      { outcome: 'failed', retryable: false, code: 'sync.gl_accounts_unusable', maybePosted: false },
    ]);
    expect(fixture.yuki.state.journals).toEqual([]);
    const [journal] = await fixture.env.db.select().from(importItems).where(eq(importItems.kind, 'journal'));
    expect(journal).toMatchObject({ state: 'failed', yukiDocumentId: null });
    expect(journal?.errorNl).toBe(
      'De loonjournaalpost van oktober 2026 gebruikt grootboekrekeningen die in Yuki niet bestaan of niet actief zijn: 40999 (Loket 40950). Er is niets naar Yuki gestuurd; koppel ze aan een andere rekening of activeer ze in Yuki.',
    );
    const loketRun = (await loketControl(fixture, `/journal-runs/${journal?.loketObjectId}`)) as {
      journalRunStatus: { key: number };
      processedMessage: string | null;
    };
    expect(loketRun.journalRunStatus.key).toBe(6);
    expect(loketRun.processedMessage).toContain('40999');
  }, 60_000);

  it('posts it once the mapping is fixed, and Loket hears of the success', async () => {
    await fixture.env.db
      .delete(glAccountMappings)
      .where(eq(glAccountMappings.administrationId, fixture.bakeryId));
    const result = await importNow(fixture.env, request(fixture.bakeryId));
    expect(result.outcomes.map((o) => o.outcome)).toEqual(['posted']);
    expect(fixture.yuki.state.journals).toHaveLength(1);
    const [journal] = await fixture.env.db.select().from(importItems).where(eq(importItems.kind, 'journal'));
    const loketRun = (await loketControl(fixture, `/journal-runs/${journal?.loketObjectId}`)) as {
      journalRunStatus: { key: number };
    };
    expect(loketRun.journalRunStatus.key).toBe(7);
  }, 60_000);

  it('blocks on a control-total difference only when the portal chose so', async () => {
    // The installer's payslips are not imported, so their net pay is unknown and only the tax return counts.
    const tenth = {
      ...request(fixture.installerId),
      trigger: 'backfill' as const,
      fromPeriodId: 202610,
      toPeriodId: 202610,
    };
    await importNow(fixture.env, { ...tenth, kinds: ['tax_return'] });
    const [taxReturn] = await fixture.env.db
      .select()
      .from(importItems)
      .where(eq(importItems.administrationId, fixture.installerId));
    // Our record of the tax return differs by a cent from what Loket's journal says.
    await fixture.env.db
      .update(importItems)
      .set({ amountCents: (taxReturn?.amountCents ?? 0) + 1 })
      .where(eq(importItems.id, taxReturn?.id ?? ''));
    await fixture.env.db
      .update(portals)
      .set({ blockOnControlDifference: true })
      .where(eq(portals.id, fixture.portalId));
    const blocked = await importNow(fixture.env, tenth);
    expect(blocked.outcomes).toEqual([
      { outcome: 'failed', retryable: false, code: 'sync.control_total_blocked', maybePosted: false },
    ]);
    const [journal] = await fixture.env.db
      .select()
      .from(importItems)
      .where(eq(importItems.loketObjectId, (await journalItemOf(fixture.installerId)).loketObjectId));
    expect(journal?.errorNl).toMatch(
      /^Controletotaal periode 10 2026: af te dragen loonheffingen in de journaalpost \(€ [\d.,]+\) wijken af van de loonaangifte \(€ [\d.,]+\)\./,
    );

    await fixture.env.db
      .update(portals)
      .set({ blockOnControlDifference: false })
      .where(eq(portals.id, fixture.portalId));
    const warned = await importNow(fixture.env, tenth);
    expect(warned.outcomes.map((o) => o.outcome)).toEqual(['posted']);
    const posted = await journalItemOf(fixture.installerId);
    expect(posted.details.warnings?.map((w) => w.code)).toEqual(['control.payroll_tax']);
    expect(
      fixture.yuki.state.journals.filter((j) => j.administrationId === bakery.yukiAdministrationId),
    ).toHaveLength(1);
  }, 60_000);
});

describe('a journal from Loket that does not balance', () => {
  const november = {
    ...request(''),
    trigger: 'backfill' as const,
    fromPeriodId: 202611,
    toPeriodId: 202611,
  };

  it('is refused with the period and both totals, reaches Yuki not at all, and Loket hears why', async () => {
    const run = (await loketControl(fixture, '/payroll-runs', {
      payrollAdministrationId: bakery.loket.payrollAdministrationId,
    })) as { id: string };
    const journalRun = await loketJournalRunOf(run.id);
    await loketControl(fixture, `/journal-runs/${journalRun}/unbalance`, { cents: 1 });
    // What Loket now says, read through our own client: debits exceed credits by one cent.
    const lines = await (await fixture.env.loadLink(fixture.bakeryId)).loket.journalLines(journalRun);
    const debit = sum(lines.map((l) => l.debit));
    const credit = sum(lines.map((l) => l.credit));
    expect(debit - credit).toBe(1);
    const yukiCallsBefore = await yukiCalls();
    const journalsBefore = fixture.yuki.state.journals.length;

    const result = await importNow(fixture.env, { ...november, administrationId: fixture.bakeryId });

    expect(result.outcomes).toEqual([
      { outcome: 'failed', retryable: false, code: 'sync.journal_unbalanced', maybePosted: false },
    ]);
    expect(await yukiCalls()).toBe(yukiCallsBefore);
    expect(fixture.yuki.state.journals).toHaveLength(journalsBefore);
    const [item] = await fixture.env.db
      .select()
      .from(importItems)
      .where(eq(importItems.loketObjectId, journalRun));
    expect(item).toMatchObject({
      state: 'failed',
      attempts: 1,
      yukiDocumentId: null,
      errorCode: 'sync.journal_unbalanced',
      errorNl: `De loonjournaalpost van november 2026 is niet in evenwicht: debet ${formatEuro(debit)}, credit ${formatEuro(credit)} (verschil € 0,01). Er is niets naar Yuki gestuurd; laat de journaalrun in Loket corrigeren.`,
      errorEn: `The payroll journal of november 2026 does not balance: debit ${formatEuro(debit)}, credit ${formatEuro(credit)} (difference € 0,01). Nothing was sent to Yuki; have the journal run corrected in Loket.`,
    });
    expect(item?.loketMarkedAt).not.toBeNull();
    const loketRun = (await loketControl(fixture, `/journal-runs/${journalRun}`)) as {
      journalRunStatus: { key: number };
      processedMessage: string | null;
    };
    expect(loketRun.journalRunStatus.key).toBe(6);
    expect(loketRun.processedMessage).toBe(item?.errorNl);
  }, 60_000);

  it('is refused again, never "fixed", until Loket corrects it; then it is posted as Loket has it', async () => {
    const [item] = await fixture.env.db
      .select()
      .from(importItems)
      .where(and(eq(importItems.administrationId, fixture.bakeryId), eq(importItems.periodId, 202611)));
    const journalRun = item?.loketObjectId ?? '';
    const again = await importNow(fixture.env, { ...november, administrationId: fixture.bakeryId });
    expect(again.outcomes).toEqual([
      { outcome: 'failed', retryable: false, code: 'sync.journal_unbalanced', maybePosted: false },
    ]);
    expect(fixture.yuki.state.journals.filter((j) => j.subject === item?.subject)).toEqual([]);

    await loketControl(fixture, `/journal-runs/${journalRun}/unbalance`, { cents: 0 });
    const fixed = await importNow(fixture.env, { ...november, administrationId: fixture.bakeryId });
    expect(fixed.outcomes.map((o) => o.outcome)).toEqual(['posted']);
    const lines = await (await fixture.env.loadLink(fixture.bakeryId)).loket.journalLines(journalRun);
    const [posted] = fixture.yuki.state.journals.filter((j) => j.subject === item?.subject);
    expect(posted?.lines.map((l) => l.amountCents).sort((a, b) => a - b)).toEqual(
      lines
        .filter((l) => l.debit !== l.credit)
        .map((l) => l.debit - l.credit)
        .sort((a, b) => a - b),
    );
    const loketRun = (await loketControl(fixture, `/journal-runs/${journalRun}`)) as {
      journalRunStatus: { key: number };
    };
    expect(loketRun.journalRunStatus.key).toBe(7);
  }, 60_000);
});

describe('a refusal Loket has already heard', () => {
  it('is told to Loket once however often the schedule refuses it, and again only when the reason changes', async () => {
    // A second November payroll run, whose journal run does not balance.
    const run = (await loketControl(fixture, '/payroll-runs', {
      payrollAdministrationId: bakery.loket.payrollAdministrationId,
    })) as { id: string };
    const journalRun = await loketJournalRunOf(run.id);
    await loketControl(fixture, `/journal-runs/${journalRun}/unbalance`, { cents: 1 });
    const scheduledImport = async () =>
      (
        await importNow(fixture.env, {
          administrationId: fixture.bakeryId,
          trigger: 'schedule',
          requestedLabel: 'scheduler',
          kinds: ['journal'],
        })
      ).outcomes;
    const patches = async () =>
      (
        (await loketControl(fixture, `/journal-runs/${journalRun}`)) as {
          patches: Array<{ action: string; message: string | null }>;
        }
      ).patches;
    const refusal = async () => {
      const [item] = await fixture.env.db
        .select()
        .from(importItems)
        .where(eq(importItems.loketObjectId, journalRun));
      return item?.errorNl;
    };
    const refused = [
      { outcome: 'failed', retryable: false, code: 'sync.journal_unbalanced', maybePosted: false },
    ];

    expect(await scheduledImport()).toEqual(refused);
    const oneCent = await refusal();
    expect(oneCent).toContain('verschil € 0,01');
    expect(await scheduledImport()).toEqual(refused);
    expect(await patches()).toEqual([{ action: 'MarkAsProcessingFailed', message: oneCent }]);

    await loketControl(fixture, `/journal-runs/${journalRun}/unbalance`, { cents: 2 });
    expect(await scheduledImport()).toEqual(refused);
    expect(await scheduledImport()).toEqual(refused);
    const twoCents = await refusal();
    expect(twoCents).toContain('verschil € 0,02');
    expect(await patches()).toEqual([
      { action: 'MarkAsProcessingFailed', message: oneCent },
      { action: 'MarkAsProcessingFailed', message: twoCents },
    ]);
  }, 60_000);
});

/** The journal run Loket made when it approved this payroll run. */
async function loketJournalRunOf(payrollRunId: string): Promise<string> {
  const link = await fixture.env.loadLink(fixture.bakeryId);
  const runs = await link.loket.journalRuns(link.loketPayrollAdministrationId);
  const found = runs.find((r) => r.payrollRunId === payrollRunId);
  if (!found) throw new Error(`no journal run for payroll run ${payrollRunId}`);
  return found.id;
}

/** Every call the Yuki sandbox counted today, over all domains. */
async function yukiCalls(): Promise<number> {
  const counters = (await (await fetch(`${fixture.yuki.url}/_sandbox/calls`)).json()) as {
    domains: Array<{ calls: number }>;
  };
  return counters.domains.reduce((total, d) => total + d.calls, 0);
}

async function journalItemOf(administrationId: string) {
  const rows = await fixture.env.db
    .select()
    .from(importItems)
    .where(eq(importItems.administrationId, administrationId));
  const journal = rows.find((r) => r.kind === 'journal');
  if (!journal) throw new Error('no journal item');
  return journal;
}
