import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportFixture } from '../../test/support/import-fixture.ts';
import { itemRow, loketControl, startImportFixture } from '../../test/support/import-fixture.ts';
import type { ImportItemEnvironment } from './import-item.ts';
import { importItem } from './import-item.ts';
import { importNow, planImportRun } from './import-run.ts';
import { markerTag } from './item-key.ts';

let fixture: ImportFixture;
let env: ImportItemEnvironment;

beforeAll(async () => {
  fixture = await startImportFixture({ importFromPeriod: '2026-10' });
  // Short deadlines, and retries at once: the settling time has a test of its own (deadline test).
  env = { ...fixture.env, attemptDeadlineMs: 2000, settleAfterMs: 0 };
}, 60_000);
afterAll(() => fixture.close());

/** Loket's journal run status (GET /providers/employers/payrolladministrations/journalruns/{journalrunId}: journalRunStatus.key). */
async function loketJournalStatus(journalRunId: string): Promise<number> {
  const run = (await loketControl(fixture, `/journal-runs/${journalRunId}`)) as {
    journalRunStatus: { key: number };
  };
  return run.journalRunStatus.key;
}

describe('"may have been posted" is a fact of the item (issue 11.1)', () => {
  it('a lost answer, then failing searches, then "Import now": one journal in Yuki, and Loket never heard it failed', async () => {
    const planned = await planImportRun(env, {
      administrationId: fixture.bakeryId,
      trigger: 'manual',
      requestedLabel: 'test',
      kinds: ['journal'],
    });
    const [journalId] = planned.itemIds;
    if (!journalId) throw new Error('no journal planned');
    const { marker, loketObjectId } = await itemRow(fixture, journalId);
    const booked = () => fixture.yuki.state.journals.filter((j) => j.subject.includes(markerTag(marker)));
    const statusBefore = await loketJournalStatus(loketObjectId);

    // 1. Yuki books the journal but answers after the attempt's deadline: the answer is lost.
    fixture.yuki.setFaults({ slowAnswers: { ProcessJournal: 6000 } });
    expect(await importItem(env, journalId)).toMatchObject({ outcome: 'failed', maybePosted: true });
    expect(booked()).toHaveLength(1);
    fixture.yuki.setFaults({ slowAnswers: {} });

    // 2. The next attempt's search gets "access denied" once: an error that by itself proves nothing was posted.
    fixture.yuki.setFaults({
      failCalls: {
        SearchDocuments: ['Access denied: this access key has no rights for the Archive web service.'],
      },
    });
    expect(await importItem(env, journalId)).toEqual({
      outcome: 'failed',
      retryable: false,
      code: 'yuki.access_denied',
      maybePosted: true,
    });
    const afterDenied = await itemRow(fixture, journalId);
    expect(afterDenied).toMatchObject({ state: 'failed', errorCode: 'yuki.access_denied' });
    expect(afterDenied.maybePostedSince).not.toBeNull();
    // Loket is not told the journal failed: it may well be in Yuki.
    expect(await loketJournalStatus(loketObjectId)).toBe(statusBefore);
    expect(afterDenied.details.loketFailure).toBeUndefined();

    // 3. And then Yuki's daily limit: parked, the fact still stands.
    fixture.yuki.setFaults({ dailyLimitExhausted: true });
    expect(await importItem(env, journalId)).toMatchObject({ outcome: 'waiting_quota' });
    expect((await itemRow(fixture, journalId)).maybePostedSince).not.toBeNull();
    fixture.yuki.setFaults({ dailyLimitExhausted: false });
    // The next Yuki day, for Yuki and for our own count of its calls.
    await fetch(`${fixture.yuki.url}/_sandbox/reset-day`, { method: 'POST' });
    fixture.clock.now = new Date(fixture.clock.now.getTime() + 24 * 60 * 60 * 1000);

    // 4. "Import now": the search finds the journal; nothing is posted again.
    const run = await importNow(env, {
      administrationId: fixture.bakeryId,
      trigger: 'manual',
      requestedLabel: 'test',
      kinds: ['journal'],
    });
    expect(run.outcomes).toEqual([{ outcome: 'reconciled', yukiDocumentId: booked()[0]?.id }]);
    expect(booked()).toHaveLength(1);
    const done = await itemRow(fixture, journalId);
    expect(done).toMatchObject({ state: 'posted', yukiDocumentId: booked()[0]?.id, errorCode: null });
    expect(done.maybePostedSince).toBeNull();
    expect(await loketJournalStatus(loketObjectId)).toBe(7);
  }, 60_000);

  it('an unrecognised Yuki fault on the post is uncertain: searched before posting again, never a refusal', async () => {
    const planned = await planImportRun(env, {
      administrationId: fixture.bakeryId,
      trigger: 'manual',
      requestedLabel: 'test',
      kinds: ['payslip'],
    });
    const [payslipId] = planned.itemIds;
    if (!payslipId) throw new Error('no payslip planned');
    fixture.yuki.setFaults({
      failCalls: { UploadDocumentWithData: ['Object reference not set to an instance of an object.'] },
    });
    const outcome = await importItem(env, payslipId);
    expect(outcome).toEqual({ outcome: 'failed', retryable: true, code: 'yuki.fault', maybePosted: true });
    expect((await itemRow(fixture, payslipId)).maybePostedSince).not.toBeNull();
  }, 60_000);

  it('a fault Yuki is known to refuse with clears the fact this attempt set', async () => {
    const planned = await planImportRun(env, {
      administrationId: fixture.bakeryId,
      trigger: 'manual',
      requestedLabel: 'test',
      kinds: ['payslip'],
    });
    const payslipId = planned.itemIds.at(-1) ?? '';
    fixture.yuki.setFaults({
      failCalls: {
        UploadDocumentWithData: ['Access denied: this access key has no rights for the Archive web service.'],
      },
    });
    expect(await importItem(env, payslipId)).toEqual({
      outcome: 'failed',
      retryable: false,
      code: 'yuki.access_denied',
      maybePosted: false,
    });
    expect((await itemRow(fixture, payslipId)).maybePostedSince).toBeNull();
  }, 60_000);
});
