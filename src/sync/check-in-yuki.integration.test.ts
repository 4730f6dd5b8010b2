import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportFixture } from '../../test/support/import-fixture.ts';
import { itemRow, startImportFixture } from '../../test/support/import-fixture.ts';
import { importItems, yukiSearchProofs } from '../store/schema/index.ts';
import { settleCheck } from './check-in-yuki.ts';
import type { ImportItemEnvironment } from './import-item.ts';
import { importItem } from './import-item.ts';
import { planImportRun } from './import-run.ts';
import { markerTag } from './item-key.ts';

let fixture: ImportFixture;
let env: ImportItemEnvironment;

beforeAll(async () => {
  fixture = await startImportFixture({ importFromPeriod: '2026-10' });
  env = { ...fixture.env, attemptDeadlineMs: 2000, settleAfterMs: 0 };
}, 60_000);
afterAll(() => fixture.close());

async function payslips(administrationId: string): Promise<string[]> {
  const planned = await planImportRun(env, {
    administrationId,
    trigger: 'manual',
    requestedLabel: 'test',
    kinds: ['payslip'],
  });
  return planned.itemIds;
}

async function proof(yukiDomainId: string) {
  const [row] = await fixture.env.db
    .select()
    .from(yukiSearchProofs)
    .where(and(eq(yukiSearchProofs.yukiDomainId, yukiDomainId), eq(yukiSearchProofs.kind, 'payslip')));
  return row;
}

const copies = (marker: string) =>
  fixture.yuki.state.documents.filter((d) => d.subject.includes(markerTag(marker)));
/** A fault text the product does not know, once (a fresh list: the sandbox uses it up). */
const uncertainFault = () => ({
  UploadDocumentWithData: ['Object reference not set to an instance of an object.'],
});

describe('exactly once does not rest on an unproven search (issue 10.5)', () => {
  it('where the search did not find what was posted, "not found" waits in "check in Yuki" for a person', async () => {
    const [first, second, third] = await payslips(fixture.bakeryId);
    if (!first || !second || !third) throw new Error('three payslips expected');
    const link = await env.loadLink(fixture.bakeryId);

    // A first payslip posts normally; Yuki's search here does not see markers.
    fixture.yuki.setFaults({ searchFindsNothing: true });
    expect(await importItem(env, first)).toMatchObject({ outcome: 'posted' });
    // Posting spends no call on proving the search: that happens only when a search comes back empty.
    expect(await proof(link.yukiDomainId)).toBeUndefined();

    // An answer Yuki gives that the product does not know: the payslip may be in Yuki.
    fixture.yuki.setFaults({ failCalls: uncertainFault() });
    expect(await importItem(env, second)).toMatchObject({ outcome: 'failed', maybePosted: true });
    // The search finds nothing, but it is not proven to find anything here: nobody posts it again.
    expect(await importItem(env, second)).toEqual({ outcome: 'needs_check' });
    expect(await importItem(env, second)).toEqual({ outcome: 'needs_check' });
    const waiting = await itemRow(fixture, second);
    expect(waiting).toMatchObject({ state: 'needs_check', errorCode: 'sync.needs_check' });
    // The search was put to the test on the payslip posted before, and did not find it.
    expect(await proof(link.yukiDomainId)).toMatchObject({
      findsPosted: false,
      marker: (await itemRow(fixture, first)).marker,
      yukiDocumentId: (await itemRow(fixture, first)).yukiDocumentId,
    });
    expect(waiting.errorNl).toContain('Controleer in Yuki');
    expect(waiting.errorEn).toContain('Check in Yuki');
    expect(copies(waiting.marker)).toHaveLength(0);

    // A person looked: it is not in Yuki. It is posted once, without searching.
    const answered = await settleCheck(
      fixture.env.db,
      { administrationId: fixture.bakeryId, itemId: second },
      { decision: 'not_in_yuki', checkedBy: 'backoffice@jansen-deboer.nl' },
    );
    expect(answered).toMatchObject({
      state: 'planned',
      maybePostedSince: null,
      checkedBy: 'backoffice@jansen-deboer.nl',
    });
    expect(await importItem(env, second)).toMatchObject({ outcome: 'posted' });
    expect(copies(waiting.marker)).toHaveLength(1);

    // A lost answer: the payslip is in Yuki, the search cannot see it; a person says so.
    fixture.yuki.setFaults({ slowAnswers: { UploadDocumentWithData: 6000 } });
    expect(await importItem(env, third)).toMatchObject({ outcome: 'failed', maybePosted: true });
    fixture.yuki.setFaults({ slowAnswers: {} });
    expect(await importItem(env, third)).toEqual({ outcome: 'needs_check' });
    const [arrived] = copies((await itemRow(fixture, third)).marker);
    const marked = await settleCheck(
      fixture.env.db,
      { administrationId: fixture.bakeryId, itemId: third },
      { decision: 'in_yuki', checkedBy: 'backoffice@jansen-deboer.nl', yukiDocumentId: arrived?.id ?? null },
    );
    expect(marked).toMatchObject({ state: 'posted', yukiDocumentId: arrived?.id, maybePostedSince: null });
    expect(await importItem(env, third)).toEqual({ outcome: 'already_done' });
    expect(copies(marked?.marker ?? '')).toHaveLength(1);
    // A second answer to the same question changes nothing.
    expect(
      await settleCheck(
        fixture.env.db,
        { administrationId: fixture.bakeryId, itemId: third },
        { decision: 'not_in_yuki', checkedBy: 'someone@else.nl' },
      ),
    ).toBeNull();
    fixture.yuki.setFaults({ searchFindsNothing: false });
  }, 60_000);

  it('where the search found what was posted, "not found" posts again by itself', async () => {
    const [first, second] = await payslips(fixture.installerId);
    if (!first || !second) throw new Error('two payslips expected');
    const link = await env.loadLink(fixture.installerId);
    expect(await importItem(env, first)).toMatchObject({ outcome: 'posted' });

    fixture.yuki.setFaults({ failCalls: uncertainFault() });
    expect(await importItem(env, second)).toMatchObject({ outcome: 'failed', maybePosted: true });
    expect(await importItem(env, second)).toMatchObject({ outcome: 'posted' });
    expect(copies((await itemRow(fixture, second)).marker)).toHaveLength(1);
    // Proven on the payslip posted before: found, with the Yuki id we recorded for it.
    expect(await proof(link.yukiDomainId)).toMatchObject({
      findsPosted: true,
      marker: (await itemRow(fixture, first)).marker,
      yukiDocumentId: (await itemRow(fixture, first)).yukiDocumentId,
    });
  }, 60_000);

  it('a plan that includes exported journals on purpose leaves a journal waiting for a check alone', async () => {
    const journals = {
      administrationId: fixture.bakeryId,
      trigger: 'backfill' as const,
      requestedLabel: 'test',
      kinds: ['journal' as const],
      fromPeriodId: 202608,
      toPeriodId: 202610,
    };
    await planImportRun(env, journals);
    const exported = await fixture.env.db
      .select()
      .from(importItems)
      .where(and(eq(importItems.kind, 'journal'), eq(importItems.errorCode, 'sync.exported_elsewhere')));
    expect(exported.length).toBeGreaterThan(0);
    for (const journal of exported)
      await fixture.env.db
        .update(importItems)
        .set({ state: 'needs_check', maybePostedSince: new Date(), attempts: 1 })
        .where(eq(importItems.id, journal.id));
    await planImportRun(env, { ...journals, includeExported: true });
    for (const journal of exported) expect((await itemRow(fixture, journal.id)).state).toBe('needs_check');
  });
});
