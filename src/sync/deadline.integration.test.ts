import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportFixture } from '../../test/support/import-fixture.ts';
import { itemRow, startImportFixture } from '../../test/support/import-fixture.ts';
import type { ImportItemEnvironment } from './import-item.ts';
import { importItem } from './import-item.ts';
import { planImportRun } from './import-run.ts';
import { markerTag } from './item-key.ts';

const DEADLINE_MS = 2000;
/** Far beyond the deadline: without one, the attempt would sit this long (or for ever). */
const STALL_MS = 6000;

let fixture: ImportFixture;
let env: ImportItemEnvironment;
let payslips: string[];

beforeAll(async () => {
  fixture = await startImportFixture({ importFromPeriod: '2026-10' });
  // Retried at once here; the settling time after a possible post has a test of its own below.
  env = { ...fixture.env, attemptDeadlineMs: DEADLINE_MS, settleAfterMs: 0 };
  const planned = await planImportRun(env, {
    administrationId: fixture.bakeryId,
    trigger: 'manual',
    requestedLabel: 'backoffice@jansen-deboer.nl',
    kinds: ['payslip'],
  });
  payslips = planned.itemIds;
  // A first payslip the ordinary way: Loket's token and Yuki's session exist before the stalls start.
  expect(await importItem(env, payslips[0] ?? '')).toMatchObject({ outcome: 'posted' });
}, 60_000);
afterAll(() => fixture.close());

/** Replaces a sandbox's fault knobs; `controlUrl` is its `/_sandbox` base. */
async function sandboxFaults(controlUrl: string, faults: unknown): Promise<void> {
  const response = await fetch(`${controlUrl}/faults`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(faults),
  });
  expect(response.status).toBe(200);
}

function documentsMarked(marker: string) {
  return fixture.yuki.state.documents.filter((d) => d.subject.includes(markerTag(marker)));
}

/** Runs one attempt and says how long it took. */
async function timedAttempt(itemId: string) {
  const started = performance.now();
  const outcome = await importItem(env, itemId);
  return { outcome, ms: performance.now() - started };
}

describe('an attempt has a deadline', () => {
  it('stops waiting for a Yuki answer that does not come, and the retry finds the document instead of posting it again', async () => {
    const itemId = payslips[1] ?? '';
    await sandboxFaults(`${fixture.yuki.url}/_sandbox`, {
      slowAnswers: { UploadDocumentWithData: STALL_MS },
    });
    const attempt = await timedAttempt(itemId);

    expect(attempt.outcome).toEqual({
      outcome: 'failed',
      retryable: true,
      code: 'sync.attempt_timeout',
      maybePosted: true,
    });
    expect(attempt.ms).toBeLessThan(STALL_MS - 1000);
    const failed = await itemRow(fixture, itemId);
    expect(failed).toMatchObject({
      state: 'failed',
      errorCode: 'sync.attempt_timeout',
      errorNl:
        'Loket of Yuki antwoordde niet binnen 2 seconden; deze poging is afgebroken. De import probeert het vanzelf opnieuw en doorzoekt Yuki eerst, zodat niets dubbel wordt geboekt.',
      errorEn:
        'Loket or Yuki did not answer within 2 seconds; this attempt was stopped. The import tries again by itself and searches Yuki first, so nothing is booked twice.',
    });
    expect(failed.errorDetail).toContain('UploadDocumentWithData');
    // Yuki kept the document although we never heard its answer.
    const [arrived] = documentsMarked(failed.marker);
    expect(documentsMarked(failed.marker)).toHaveLength(1);

    await sandboxFaults(`${fixture.yuki.url}/_sandbox`, { slowAnswers: {} });
    // Right after a failure that may have reached Yuki, nobody tries again: Yuki may still be booking it.
    const settling = { ...env, settleAfterMs: 60_000 };
    const settled = await itemRow(fixture, itemId);
    // …and the job comes back once it has settled, instead of ending quietly with the item unfinished.
    expect(await importItem(settling, itemId)).toEqual({
      outcome: 'busy',
      retryAt: new Date(settled.updatedAt.getTime() + 60_000),
    });
    expect(settled).toMatchObject({ state: 'failed', attempts: 1 });
    expect(await importItem(env, itemId)).toEqual({ outcome: 'reconciled', yukiDocumentId: arrived?.id });
    expect(documentsMarked(failed.marker)).toHaveLength(1);
    expect(await itemRow(fixture, itemId)).toMatchObject({
      state: 'posted',
      yukiDocumentId: arrived?.id,
      attempts: 2,
      errorCode: null,
    });
  }, 60_000);

  it('stops waiting for Loket, sends nothing to Yuki, and posts once when Loket answers again', async () => {
    const itemId = payslips[2] ?? '';
    const documentsBefore = fixture.yuki.state.documents.length;
    await sandboxFaults(fixture.loket.controlUrl, { latencyMs: STALL_MS });
    const attempt = await timedAttempt(itemId);

    // The post call was never reached, so nothing needs searching afterwards.
    expect(attempt.outcome).toEqual({
      outcome: 'failed',
      retryable: true,
      code: 'sync.attempt_timeout',
      maybePosted: false,
    });
    expect(attempt.ms).toBeLessThan(STALL_MS - 1000);
    const failed = await itemRow(fixture, itemId);
    expect(failed.state).toBe('failed');
    expect(failed.maybePostedSince).toBeNull();
    expect(failed.errorDetail).toMatch(/abandoned, the caller's deadline passed/);
    expect(fixture.yuki.state.documents).toHaveLength(documentsBefore);

    await sandboxFaults(fixture.loket.controlUrl, {});
    expect(await importItem(env, itemId)).toMatchObject({ outcome: 'posted' });
    expect(documentsMarked(failed.marker)).toHaveLength(1);
    expect(fixture.yuki.state.documents).toHaveLength(documentsBefore + 1);
  }, 60_000);
});
