/**
 * Issue 11, "keep the probes as tests": two workers on one PostgreSQL import a small employer while both
 * sandboxes misbehave — Loket 5xx, 429, tokens that die early, bodies cut off; Yuki 5xx, sessions that
 * expire, answers that come after the attempt's deadline (the document booked, the answer lost), the
 * daily limit. Then the storm ends and "Import now" runs, as a person would press it. Every item ends
 * posted exactly once, or failed / waiting for a check with an explanation; nothing is booked twice and
 * nothing is left claimed or planned.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobEngine } from '../src/jobs/engine.ts';
import { importItemQueue } from '../src/jobs/import-queues.ts';
import { importItems, yukiCallBudgets } from '../src/store/schema/index.ts';
import { planImportRun } from '../src/sync/import-run.ts';
import { markerTag } from '../src/sync/item-key.ts';
import type { ImportFixture } from './support/import-fixture.ts';
import {
  startFixtureWithQueues,
  startImportWorker,
  stopFixtureWithQueues,
} from './support/import-worker-process.ts';
import { waitFor } from './support/wait-for.ts';

const DEADLINE_MS = 1500;

let fixture: ImportFixture;
let jobs: JobEngine;

function startWorker() {
  return startImportWorker(fixture, {
    STALE_AFTER_MS: '3000',
    HEARTBEAT_MS: '500',
    SWEEP_EVERY_MS: '1000',
    ATTEMPT_DEADLINE_MS: String(DEADLINE_MS),
    SETTLE_AFTER_MS: '500',
    MAYBE_POSTED_RETRY_DELAY_SECONDS: '1',
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  ({ fixture, jobs } = await startFixtureWithQueues({ importFromPeriod: '2026-10' }));
}, 60_000);
afterAll(() => stopFixtureWithQueues({ fixture, jobs }));

/** "Import now" for what is not done: a job for every item not posted (or a journal Loket has not heard of). */
async function importNowForUnfinished(): Promise<number> {
  const items = await fixture.env.db.select().from(importItems);
  const unfinished = items.filter(
    (i) =>
      ['planned', 'failed', 'waiting_quota'].includes(i.state) ||
      (i.state === 'posted' && i.kind === 'journal' && !i.loketMarkedAt),
  );
  for (const item of unfinished) await jobs.send(importItemQueue, { itemId: item.id, runId: item.lastRunId });
  return unfinished.length;
}

describe('a fault storm on two workers', () => {
  it('ends with every item posted exactly once or explained, 0 duplicates, 0 stuck', async () => {
    for (const administrationId of [fixture.bakeryId, fixture.installerId]) {
      const run = await planImportRun(fixture.env, {
        administrationId,
        trigger: 'manual',
        requestedLabel: 'test',
      });
      for (const itemId of run.itemIds) await jobs.send(importItemQueue, { itemId, runId: run.runId });
    }
    const planned = await fixture.env.db.select().from(importItems);
    expect(planned.length).toBeGreaterThan(10);

    fixture.loket.setFaults({
      serverErrorRate: 0.15,
      rateLimitRate: 0.1,
      retryAfterSeconds: 0,
      earlyTokenExpiry: true,
      truncateRate: 0.1,
    });
    // Yuki books the documents but answers after the attempts' deadline; sessions expire every few calls.
    fixture.yuki.setFaults({
      serverErrorRate: 0.15,
      sessionExpiresAfterCalls: 4,
      slowAnswers: { UploadDocumentWithData: DEADLINE_MS + 1000, ProcessJournal: DEADLINE_MS + 1000 },
    });
    const workers = [startWorker(), startWorker()];
    await Promise.all(workers.map((w) => w.started));
    await pause(6000);
    // Then the day's calls run out for a while.
    fixture.yuki.setFaults({ slowAnswers: {}, dailyLimitExhausted: true });
    await pause(3000);
    fixture.yuki.setFaults({ dailyLimitExhausted: false });
    await pause(3000);

    // The storm is over; a new Yuki day for Yuki and for our count, and "Import now" until it settles.
    fixture.loket.setFaults({
      serverErrorRate: 0,
      rateLimitRate: 0,
      earlyTokenExpiry: false,
      truncateRate: 0,
    });
    fixture.yuki.setFaults({ serverErrorRate: 0, sessionExpiresAfterCalls: 0 });
    await fetch(`${fixture.yuki.url}/_sandbox/reset-day`, { method: 'POST' });
    await fixture.env.db.delete(yukiCallBudgets);
    const items = await waitFor(
      async () => {
        await importNowForUnfinished();
        await pause(1500);
        return fixture.env.db.select().from(importItems);
      },
      (rows) =>
        rows.every(
          (i) =>
            (i.state === 'posted' && (i.kind !== 'journal' || i.loketMarkedAt)) ||
            i.state === 'needs_check' ||
            (i.state === 'failed' && i.maybePostedSince === null && i.errorCode?.startsWith('sync.')),
        ),
      35_000,
    );
    for (const worker of workers) worker.child.kill('SIGKILL');
    await Promise.all(workers.map((w) => w.exited));

    // 0 stuck: nothing left claimed, planned or parked.
    expect(items.filter((i) => ['planned', 'posting', 'waiting_quota'].includes(i.state))).toEqual([]);
    // 0 duplicates: at most one document per marker, and exactly the one a posted item names.
    for (const item of items) {
      const tag = markerTag(item.marker);
      const copies =
        item.kind === 'journal'
          ? fixture.yuki.state.journals.filter((j) => j.subject.includes(tag))
          : fixture.yuki.state.documents.filter((d) => d.subject.includes(tag) && d.folder !== 8);
      const what = `${item.kind} ${item.subject} (${item.state}, ${item.errorCode ?? '-'})`;
      expect(copies.length, what).toBeLessThanOrEqual(1);
      if (item.state === 'posted')
        expect(
          copies.map((c) => c.id),
          what,
        ).toEqual([item.yukiDocumentId]);
      // Whatever is not posted says why, in both languages.
      if (item.state !== 'posted') expect([item.errorNl, item.errorEn].every(Boolean), what).toBe(true);
    }
    // The storm did its work: some documents were found again instead of posted twice.
    expect(items.some((i) => i.attempts > 1)).toBe(true);
    expect(items.filter((i) => i.state === 'posted').length).toBeGreaterThan(items.length / 2);
  }, 90_000);
});
