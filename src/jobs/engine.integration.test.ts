import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openTestDatabase } from '../../test/support/database.ts';
import { testLogger } from '../../test/support/logger.ts';
import { waitFor } from '../../test/support/wait-for.ts';
import { createTestServices } from '../../test/support/services.ts';
import type { DatabaseHandle } from '../store/database.ts';
import { startJobEngine, type JobEngine } from './engine.ts';
import { probeQueue, readProbeReport } from './probe.ts';
import { allQueues, startWorkers } from './queues.ts';
import { defineQueue } from './queue.ts';

describe('job engine', () => {
  let database: DatabaseHandle;
  let jobs: JobEngine;
  beforeAll(async () => {
    database = await openTestDatabase();
    jobs = await startJobEngine({ database, logger: testLogger, supervise: true, instanceName: 'test' });
    await jobs.ensureQueues(allQueues);
    const services = createTestServices({ database, jobs });
    await startWorkers(jobs, { ...services, engine: database.engine, workerId: 'test-worker' });
  });
  afterAll(async () => {
    await jobs?.stop();
    await database?.close();
  });

  it('runs every probe job once through the real queue', async () => {
    const batch = randomUUID();
    for (let sequence = 0; sequence < 10; sequence++) await jobs.send(probeQueue, { batch, sequence });
    const report = await waitFor(
      () => readProbeReport(database.db, batch),
      (value) => value.jobs === 10,
    );
    expect(report).toEqual({ jobs: 10, byWorker: { 'test-worker': 10 }, repeated: 0 });
    await expect(jobs.ping()).resolves.toBeUndefined();
  });

  it('refuses a payload that does not match the queue schema, before it is queued', async () => {
    await expect(jobs.send(probeQueue, { batch: '', sequence: -1 })).rejects.toThrow();
  });

  it('retries a failed job with its attempt number', async () => {
    const flaky = defineQueue({
      name: `test.flaky.${randomUUID().slice(0, 8)}`,
      payload: z.object({ n: z.number() }),
      policy: { retryLimit: 2, retryDelaySeconds: 1, retryBackoff: false },
    });
    await jobs.ensureQueues([flaky]);
    const attempts: number[] = [];
    await jobs.work(
      flaky,
      async (_payload, { attempt }) => {
        attempts.push(attempt);
        if (attempt < 2) throw new Error('transient');
      },
      { pollingIntervalSeconds: 0.5 },
    );
    await jobs.send(flaky, { n: 1 });
    await waitFor(
      async () => attempts.length,
      (count) => count >= 2,
    );
    expect(attempts).toEqual([1, 2]);
  });

  it('drains a full queue in batches without waiting the polling interval, settling each job on its own', async () => {
    const drained = defineQueue({
      name: `test.drained.${randomUUID().slice(0, 8)}`,
      payload: z.object({ n: z.number() }),
      policy: { retryLimit: 1, retryDelaySeconds: 1, retryBackoff: false },
    });
    await jobs.ensureQueues([drained]);
    const done: number[] = [];
    const attempts = new Map<number, number>();
    // Jobs are queued before the worker starts, so its first fetch comes back full.
    await jobs.sendMany(
      drained,
      Array.from({ length: 12 }, (_, n) => ({ payload: { n } })),
    );
    const started = Date.now();
    await jobs.work(
      drained,
      async ({ n }, { attempt }) => {
        attempts.set(n, attempt);
        // One job of a batch fails once: only it is retried, its batch-mates complete.
        if (n === 5 && attempt === 1) throw new Error('transient');
        done.push(n);
      },
      // A 30 s interval: each wait between fetches would show; full batches fetch again at once.
      { batchSize: 3, concurrency: 1, pollingIntervalSeconds: 30 },
    );
    await waitFor(
      async () => done.filter((n) => n !== 5).length,
      (count) => count === 11,
      20_000,
    );
    expect(Date.now() - started).toBeLessThan(20_000);
    expect([...attempts.entries()].filter(([n]) => n !== 5).every(([, attempt]) => attempt === 1)).toBe(true);
  }, 40_000);

  it('wakes an idle worker the moment a job lands on a notify queue, without waiting for its poll', async () => {
    const notified = defineQueue({
      name: `test.notified.${randomUUID().slice(0, 8)}`,
      payload: z.object({ n: z.number() }),
      policy: { notify: true },
    });
    await jobs.ensureQueues([notified]);
    const done: number[] = [];
    // A 30 s poll: the worker's first fetch comes back empty, so only a notice can bring the job in time.
    await jobs.work(notified, async ({ n }) => void done.push(n), { pollingIntervalSeconds: 30 });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const sent = Date.now();
    await jobs.send(notified, { n: 1 });
    await waitFor(
      async () => done.length,
      (count) => count === 1,
      20_000,
    );
    expect(Date.now() - sent).toBeLessThan(10_000);
  }, 40_000);

  it('runs the shared task of a batch once after its jobs, and fails exactly the jobs that asked for it when it fails', async () => {
    const batched = defineQueue({
      name: `test.after.${randomUUID().slice(0, 8)}`,
      payload: z.object({ n: z.number(), group: z.string() }),
      policy: { retryLimit: 1, retryDelaySeconds: 1, retryBackoff: false },
    });
    await jobs.ensureQueues([batched]);
    const tasks: string[] = [];
    const runs: Array<[number, number]> = [];
    await jobs.sendMany(batched, [
      { payload: { n: 1, group: 'a' } },
      { payload: { n: 2, group: 'a' } },
      { payload: { n: 3, group: 'b' } },
    ]);
    await jobs.work(
      batched,
      async ({ n, group }, { attempt, afterBatch }) => {
        runs.push([n, attempt]);
        afterBatch(group, async () => {
          tasks.push(`${group}${attempt}`);
          if (group === 'b' && attempt === 1) throw new Error('shared task failed');
        });
      },
      { batchSize: 3, concurrency: 1, pollingIntervalSeconds: 0.5 },
    );
    await waitFor(
      async () => runs.length,
      (count) => count === 4,
      20_000,
    );
    // One task per group for the batch; group b's failure sent only job 3 round again.
    expect(tasks.slice(0, 2).sort()).toEqual(['a1', 'b1']);
    expect(runs.filter(([, attempt]) => attempt === 2)).toEqual([[3, 2]]);
  }, 40_000);

  it('answers every job fetched together the one result of a batch task, run once with all their payloads', async () => {
    const shared = defineQueue({
      name: `test.shared.${randomUUID().slice(0, 8)}`,
      payload: z.object({ n: z.number() }),
      policy: {},
    });
    await jobs.ensureQueues([shared]);
    const calls: number[][] = [];
    const seen: Array<[number, number[]]> = [];
    await jobs.sendMany(shared, [{ payload: { n: 1 } }, { payload: { n: 2 } }, { payload: { n: 3 } }]);
    await jobs.work(
      shared,
      async ({ n }, { forBatch }) => {
        const all = await forBatch('all', async (payloads) => {
          calls.push(payloads.map((payload) => payload.n).sort());
          return payloads.map((payload) => payload.n).sort();
        });
        seen.push([n, all]);
      },
      { batchSize: 3, concurrency: 1, pollingIntervalSeconds: 0.5 },
    );
    await waitFor(
      async () => seen.length,
      (count) => count === 3,
      20_000,
    );
    expect(calls).toEqual([[1, 2, 3]]);
    expect(seen.map(([, all]) => all)).toEqual([
      [1, 2, 3],
      [1, 2, 3],
      [1, 2, 3],
    ]);
  }, 40_000);
});
