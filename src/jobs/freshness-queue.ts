/**
 * @module freshness-queue
 * `import.freshness` fires every few minutes (LOKET_POLL_MINUTES, default 3) and runs one freshness poll
 * tick (sync/freshness-poll): one pg-boss schedule row whatever the number of workers, so each slot polls
 * once; a plan it queues is deduplicated per administration by the plan queue's singleton key.
 */
import { z } from 'zod';
import type { Logger } from '../platform/logger.ts';
import type { Database } from '../store/database.ts';
import type { DomainLoket } from '../sync/domain-loket.ts';
import { pollFreshness } from '../sync/freshness-poll.ts';
import type { JobEngine } from './engine.ts';
import { defineQueue } from './queue.ts';

export const freshnessQueue = defineQueue({
  name: 'import.freshness',
  payload: z.object({}),
  // The next slot polls again, so a failed tick is not retried; a stuck one must not outlive a few slots.
  policy: { retryLimit: 0, retryDelaySeconds: 60, retryBackoff: false, expireInSeconds: 10 * 60 },
});

/** A cron expression for every `minutes` minutes (1–30). */
export function freshnessCron(minutes: number): string {
  return minutes === 1 ? '* * * * *' : `*/${minutes} * * * *`;
}

/**
 * How long an administration counts as covered by the poll after an answer listed it: three slots,
 * so one failed tick does not send everyone back to the hourly rhythm.
 */
export function freshnessCoverageMs(pollMinutes: number): number {
  return Math.max(3 * pollMinutes, 10) * 60_000;
}

export type FreshnessWorkerOptions = {
  db: Database;
  loket: DomainLoket;
  pollMinutes: number;
  logger: Logger;
  /** Queues the full plan of these administrations (import-queues owns the plan queue). */
  plan(administrationIds: string[]): Promise<void>;
};

export async function startFreshnessPoll(jobs: JobEngine, options: FreshnessWorkerOptions): Promise<void> {
  await jobs.work(freshnessQueue, async () => {
    const result = await pollFreshness({
      db: options.db,
      loket: options.loket,
      plan: options.plan,
      logger: options.logger,
    });
    if (result.planned.length > 0)
      options.logger.info(
        { planned: result.planned.length, calls: result.calls },
        'Loket approvals seen: imports planned',
      );
  });
  await jobs.schedule(freshnessQueue, freshnessCron(options.pollMinutes), {});
}
