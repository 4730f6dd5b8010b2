import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportFixture } from '../../test/support/import-fixture.ts';
import {
  bakery,
  installer,
  loketControl,
  planBakeryPayslips,
  startImportFixture,
} from '../../test/support/import-fixture.ts';
import { importItems } from '../store/schema/index.ts';
import { claimItem } from './claim.ts';
import { importItem } from './import-item.ts';
import { postJournal } from './import-journal.ts';
import { postPayslip } from './import-payslip.ts';
import { importNow, planImportRun } from './import-run.ts';
import { markerTag } from './item-key.ts';
import { itemsToResume } from './reconcile.ts';
import { armPost } from './record.ts';

let fixture: ImportFixture;

beforeAll(async () => {
  fixture = await startImportFixture({ importFromPeriod: '2026-10' });
});
afterAll(() => fixture.close());

async function item(id: string) {
  const [row] = await fixture.env.db.select().from(importItems).where(eq(importItems.id, id));
  if (!row) throw new Error(`no item ${id}`);
  return row;
}

/** Documents in Yuki carrying an item's marker. */
function inYuki(marker: string) {
  return fixture.yuki.state.documents.filter((d) => d.subject.includes(markerTag(marker)));
}

describe('exactly once', () => {
  it('posts an item claimed twice at the same moment once', async () => {
    const [first] = await planBakeryPayslips(fixture);
    if (!first) throw new Error('nothing planned');
    const outcomes = await Promise.all([importItem(fixture.env, first), importItem(fixture.env, first)]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['busy', 'posted']);
    const row = await item(first);
    expect(row.state).toBe('posted');
    expect(inYuki(row.marker).map((d) => d.id)).toEqual([row.yukiDocumentId]);
  }, 60_000);

  it('does not take over a live claim', async () => {
    const [, second] = await planBakeryPayslips(fixture);
    if (!second) throw new Error('nothing planned');
    expect(await claimItem(fixture.env.db, second, { now: fixture.env.now })).not.toBeNull();
    // Busy, and told when the claim would count as stale should its worker have died.
    const busy = await importItem(fixture.env, second);
    expect(busy).toMatchObject({ outcome: 'busy', retryAt: expect.any(Date) });
    expect(inYuki((await item(second)).marker)).toEqual([]);
  }, 60_000);

  it('reconciles an item whose worker died after posting: found in Yuki, recorded, not posted again', async () => {
    const [, second] = await planBakeryPayslips(fixture);
    if (!second) throw new Error('nothing planned');
    // The claim of the previous test stands for a worker that posted and died before recording.
    const claimed = await item(second);
    const link = await fixture.env.loadLink(fixture.bakeryId);
    // As every attempt does, it marked the item "may have been posted" just before the post call.
    expect(
      await armPost(
        fixture.env.db,
        { ...claimed, attemptId: claimed.attemptId ?? '', searchFirst: false },
        fixture.clock.now,
      ),
    ).toBe(true);
    const documentId = await postPayslip(link, claimed);
    const resumable = await itemsToResume(fixture.env.db, { staleAfterMs: 0, now: fixture.clock.now });
    expect(resumable.map((r) => r.id)).toContain(second);
    const outcome = await importItem({ ...fixture.env, staleAfterMs: 0 }, second);
    expect(outcome).toEqual({ outcome: 'reconciled', yukiDocumentId: documentId });
    expect(await item(second)).toMatchObject({ state: 'posted', yukiDocumentId: documentId, attempts: 2 });
    expect(inYuki(claimed.marker)).toHaveLength(1);
  }, 60_000);

  it('reconciles an item whose worker died before posting: not in Yuki, posted once', async () => {
    const [, , third] = await planBakeryPayslips(fixture);
    if (!third) throw new Error('nothing planned');
    expect(await claimItem(fixture.env.db, third, { now: fixture.env.now })).not.toBeNull();
    const outcome = await importItem({ ...fixture.env, staleAfterMs: 0 }, third);
    expect(outcome.outcome).toBe('posted');
    expect(inYuki((await item(third)).marker)).toHaveLength(1);
  }, 60_000);

  it('makes one document per item when "Import now" is sent twice at once', async () => {
    const request = {
      administrationId: fixture.installerId,
      trigger: 'manual' as const,
      requestedLabel: 'test',
    };
    const [a, b] = await Promise.all([importNow(fixture.env, request), importNow(fixture.env, request)]);
    const items = await fixture.env.db
      .select()
      .from(importItems)
      .where(eq(importItems.administrationId, fixture.installerId));
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.state === 'posted')).toBe(true);
    const documents = fixture.yuki.state.documents.filter(
      (d) => d.administrationId === installer.yukiAdministrationId,
    );
    for (const i of items)
      expect(documents.filter((d) => d.subject.includes(markerTag(i.marker)))).toHaveLength(1);
    expect([...a.outcomes, ...b.outcomes].filter((o) => o.outcome === 'posted')).toHaveLength(items.length);
    expect(
      fixture.yuki.state.documents.filter((d) => d.administrationId === bakery.yukiAdministrationId).length,
    ).toBe(3);
  }, 60_000);

  it('reconciles a journal whose worker died after posting, and keeps the lines Yuki booked', async () => {
    const planned = await planImportRun(fixture.env, {
      administrationId: fixture.bakeryId,
      trigger: 'manual',
      requestedLabel: 'test',
      kinds: ['journal'],
    });
    const [journalId] = planned.itemIds;
    if (!journalId) throw new Error('no journal planned');
    // A worker claims the journal, posts it and dies before recording.
    const claimed = await claimItem(fixture.env.db, journalId, { now: fixture.env.now });
    if (!claimed) throw new Error('not claimed');
    expect(await armPost(fixture.env.db, claimed, fixture.clock.now)).toBe(true);
    const posted = await postJournal(
      fixture.env.db,
      await fixture.env.loadLink(fixture.bakeryId),
      claimed,
      'oktober 2026',
    );

    const outcome = await importItem({ ...fixture.env, staleAfterMs: 0 }, journalId);
    expect(outcome).toEqual({ outcome: 'reconciled', yukiDocumentId: posted.documentId });
    const booked = fixture.yuki.state.journals.filter((j) => j.subject === claimed.subject);
    expect(booked.map((j) => j.id)).toEqual([posted.documentId]);
    const row = await item(journalId);
    expect(row).toMatchObject({ state: 'posted', yukiDocumentId: posted.documentId, attempts: 2 });
    const byAccountAndAmount = (a: { glAccount: string; debitCents: number }, b: typeof a) =>
      a.glAccount.localeCompare(b.glAccount) || a.debitCents - b.debitCents;
    const inYukiLines = (booked[0]?.lines ?? []).map((line) => ({
      entryDate: line.entryDate,
      glAccount: line.glAccount,
      description: line.description,
      debitCents: Math.max(line.amountCents, 0),
      creditCents: Math.max(-line.amountCents, 0),
    }));
    expect(inYukiLines.length).toBeGreaterThan(0);
    expect(
      (row.details.journal?.lines ?? []).map(({ costCenter: _, ...line }) => line).sort(byAccountAndAmount),
    ).toEqual(inYukiLines.sort(byAccountAndAmount));
    expect(row.amountCents).toBe(posted.amountCents);
    const loketRun = (await loketControl(fixture, `/journal-runs/${row.loketObjectId}`)) as {
      journalRunStatus: { key: number };
    };
    expect(loketRun.journalRunStatus.key).toBe(7);
  }, 60_000);
});
