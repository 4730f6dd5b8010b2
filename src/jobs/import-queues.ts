/**
 * @module import-queues
 * The import on pg-boss: `import.administration` plans one administration and fans out one
 * `import.item` job per (administration, kind, Loket object); a plan that failed for a reason only a
 * person can fix is not retried. An item job retries transient errors with backoff (the first retry
 * after a failure that may have reached Yuki only after 5 minutes), ends quietly on a permanent one
 * (only that item stops), and re-sends itself for the next Yuki day when the quota is spent. Item
 * jobs carry their posting priority (sync/posting-order), so when the budget is short the books go
 * before payslips, oldest period first. Exactly once rests on the item's claim, not on the queue, so a
 * job delivered twice does no harm. `import.schedule` fires hourly and starts the automatic imports due;
 * `import.freshness` (jobs/freshness-queue) plans an administration as soon as Loket shows an approval.
 */
import { and, eq, isNotNull, or, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { isAppError } from '../core/errors.ts';
import type { Logger } from '../platform/logger.ts';
import type { Database } from '../store/database.ts';
import type { ImportKind } from '../store/schema/index.ts';
import { administrations, IMPORT_KINDS, portals } from '../store/schema/index.ts';
import type { ImportItemEnvironment } from '../sync/import-item.ts';
import { claimOptionsOf, importItemAs } from '../sync/import-item.ts';
import { claimManyAtOnce } from '../sync/claim.ts';
import { finishRunIfComplete, planImportRun, type PlannedRun } from '../sync/import-run.ts';
import { inPostingOrder, postingPriority } from '../sync/posting-order.ts';
import { itemsToResume } from '../sync/reconcile.ts';
import {
  ITEM_JOB_EXPIRY_SECONDS,
  ITEM_JOB_HEARTBEAT_SECONDS,
  ITEM_JOB_RETRY_DELAY_SECONDS,
  MAYBE_POSTED_RETRY_DELAY_SECONDS,
  STALE_SWEEP_MS,
} from '../sync/timers.ts';
import { isImportDue } from '../core/schedule.ts';
import { administrationsCoveredSince } from '../sync/freshness-poll.ts';
import { freshnessCoverageMs, freshnessQueue, startFreshnessPoll } from './freshness-queue.ts';
import type { JobEngine, JobHandler } from './engine.ts';
import { defineQueue } from './queue.ts';
import { ITEM_ATTEMPTS } from '../sync/retrying.ts';

const yyyypp = z.number().int().min(190001).max(299953);

export const importAdministrationQueue = defineQueue({
  name: 'import.administration',
  payload: z.object({
    administrationId: z.uuid(),
    trigger: z.enum(['manual', 'schedule', 'backfill']),
    requestedBy: z.uuid().nullable().default(null),
    requestedLabel: z.string().min(1),
    kinds: z.array(z.enum(IMPORT_KINDS)).min(1).optional(),
    fromPeriodId: yyyypp.optional(),
    toPeriodId: yyyypp.optional(),
    includeExported: z.boolean().optional(),
  }),
  // "Import now" and an approval seen in Loket start at once, not at the next poll.
  policy: {
    retryLimit: 3,
    retryDelaySeconds: 60,
    retryBackoff: true,
    expireInSeconds: 30 * 60,
    notify: true,
  },
});
export type ImportAdministrationPayload = z.infer<typeof importAdministrationQueue.payload>;

export const importItemQueue = defineQueue({
  name: 'import.item',
  payload: z.object({
    itemId: z.uuid(),
    runId: z.uuid().nullable(),
    /** Sent again, late, after a failure that may have reached Yuki; its own failures retry as usual. */
    afterMaybePosted: z.boolean().optional(),
  }),
  // A live worker's job heartbeats by itself; a dead one's fails within seconds (sync/timers.ts), while
  // the expiry stays far above an attempt's deadline, so a live attempt's job is never run twice.
  policy: {
    retryLimit: ITEM_ATTEMPTS - 1,
    retryDelaySeconds: ITEM_JOB_RETRY_DELAY_SECONDS,
    retryBackoff: true,
    expireInSeconds: ITEM_JOB_EXPIRY_SECONDS,
    heartbeatSeconds: ITEM_JOB_HEARTBEAT_SECONDS,
  },
});
export type ImportItemPayload = z.infer<typeof importItemQueue.payload>;

export { MAYBE_POSTED_RETRY_DELAY_SECONDS };

/** Item jobs a worker slot claims per fetch: fewer fetch and completion statements (each halving saves ~0.25 ms of database per item), still a short tail. */
export const ITEM_FETCH_BATCH = 16;

const importScheduleQueue = defineQueue({
  name: 'import.schedule',
  payload: z.object({}),
  policy: { retryLimit: 1, retryDelaySeconds: 60, expireInSeconds: 10 * 60 },
});

export const importQueues = [importAdministrationQueue, importItemQueue, importScheduleQueue, freshnessQueue];

/** Thrown so pg-boss retries the job with backoff; the item's own record holds the real error. */
class RetryImportItemError extends Error {
  constructor(readonly code: string) {
    super(`import item will be retried (${code})`);
    this.name = 'RetryImportItemError';
  }
}

type Ranked = { kind: ImportKind; periodId: number };

/** `startAfter`: a moment, or seconds from now. */
function sendItem(jobs: JobEngine, payload: ImportItemPayload, item: Ranked, startAfter?: Date | number) {
  return jobs.send(importItemQueue, payload, {
    singletonKey: payload.itemId,
    priority: postingPriority(item.kind, item.periodId),
    ...(startAfter === undefined ? {} : { startAfter }),
  });
}

/** Sends items in one statement, each with its priority; an item whose job is still queued is not sent twice. */
function sendItems<Item extends Ranked & { id: string }>(
  jobs: JobEngine,
  items: readonly Item[],
  runId: (item: Item) => string | null,
) {
  return jobs.sendMany(
    importItemQueue,
    items.map((item) => ({
      payload: { itemId: item.id, runId: runId(item) },
      singletonKey: item.id,
      priority: postingPriority(item.kind, item.periodId),
    })),
  );
}

function planAdministration(
  jobs: JobEngine,
  env: ImportItemEnvironment,
): JobHandler<ImportAdministrationPayload> {
  return async (payload) => {
    let planned: PlannedRun;
    try {
      planned = await planImportRun(env, payload);
    } catch (error) {
      // The failed run already explains it; retrying what only a person can fix would repeat that run.
      if (isAppError(error) && !error.retryable) return;
      throw error;
    }
    await sendItems(jobs, planned.items, () => planned.runId);
    // Every item may already be done (another run posted them): then nothing else would close this run.
    await finishRunIfComplete(env.db, planned.runId);
  };
}

function runItem(
  jobs: JobEngine,
  env: ImportItemEnvironment,
  maybePostedRetryDelaySeconds = MAYBE_POSTED_RETRY_DELAY_SECONDS,
): JobHandler<ImportItemPayload> {
  return async (payload, context) => {
    // The items of the jobs fetched together are claimed in one statement (issue 13 P1); a job whose item
    // that claim did not take (done, being posted, settling, or fetched twice) reads it and decides alone.
    const claims = await context.forBatch('claim', (batch) =>
      claimManyAtOnce(
        env.db,
        batch.map((each) => each.itemId),
        claimOptionsOf(env),
      ),
    );
    const claimed = claims.get(payload.itemId);
    claims.delete(payload.itemId);
    const { outcome: result, item } = await importItemAs(env, payload.itemId, claimed);
    if (result.outcome === 'waiting_quota' && item) await sendItem(jobs, payload, item, result.notBefore);
    // Another attempt holds the claim: come back when it would count as stale, in case its worker died.
    if (result.outcome === 'busy' && result.retryAt && item)
      await sendItem(jobs, payload, item, result.retryAt);
    // A second "Import now" may have taken the item over while this job waited: finish both runs. Once
    // per run for the jobs fetched together (issue 13 P1), still before any of them counts as done.
    for (const runId of new Set([payload.runId, item?.lastRunId])) {
      if (runId) context.afterBatch(`finish-run:${runId}`, () => finishRunIfComplete(env.db, runId));
    }
    if (result.outcome !== 'failed' || !result.retryable) return;
    if (result.maybePosted && !payload.afterMaybePosted && item) {
      await sendItem(jobs, { ...payload, afterMaybePosted: true }, item, maybePostedRetryDelaySeconds);
      return;
    }
    throw new RetryImportItemError(result.code);
  };
}

/**
 * Starts an import for every administration with automatic import on (its own choice, else the
 * portal's) whose schedule is due: its own cron expression, else the portal's, else the built-in rhythm
 * (a daily safety sweep for those the freshness poll covers: core/schedule.ts).
 */
export function startScheduledImports(
  jobs: JobEngine,
  db: Database,
  now: () => Date = () => new Date(),
  coverageMs: number = freshnessCoverageMs(3),
): JobHandler<Record<string, never>> {
  return async () => {
    const at = now();
    const polled = await administrationsCoveredSince(db, new Date(at.getTime() - coverageMs));
    const candidates = await db
      .select({
        id: administrations.id,
        schedule: administrations.importSchedule,
        portalSchedule: portals.importSchedule,
      })
      .from(administrations)
      .innerJoin(portals, eq(portals.id, administrations.portalId))
      .where(
        and(
          isNotNull(administrations.loketPayrollAdministrationId),
          or(
            eq(administrations.autoImport, true),
            and(isNull(administrations.autoImport), eq(portals.autoImport, true)),
          ),
        ),
      );
    const due = candidates.filter((row) =>
      isImportDue(row.schedule ?? row.portalSchedule, at, polled.has(row.id)),
    );
    await planScheduled(
      jobs,
      due.map(({ id }) => id),
    );
  };
}

/** Queues scheduled plans; the singleton key keeps one waiting plan per administration. */
async function planScheduled(jobs: JobEngine, administrationIds: string[], label = 'scheduler') {
  for (const id of administrationIds) {
    await jobs.send(
      importAdministrationQueue,
      { administrationId: id, trigger: 'schedule', requestedBy: null, requestedLabel: label },
      { singletonKey: id },
    );
  }
}

/**
 * Re-sends what a crashed worker may have dropped: planned items and stale claims (whose next claim
 * reconciles with Yuki first). A duplicate job is harmless: the claim lets one of them through.
 */
async function resumeItems(jobs: JobEngine, env: ImportItemEnvironment, onlyStale = false): Promise<number> {
  const items = await itemsToResume(env.db, {
    onlyStale,
    ...(env.staleAfterMs === undefined ? {} : { staleAfterMs: env.staleAfterMs }),
  });
  await sendItems(jobs, inPostingOrder(items), (item) => item.lastRunId);
  return items.length;
}

export type ImportWorkerOptions = {
  env: ImportItemEnvironment;
  logger: Logger;
  itemConcurrency?: number;
  /** How often this worker looks for claims of dead workers (default 30 s; tests use less). */
  sweepEveryMs?: number;
  /** The first retry after a possible post (default 5 minutes, above the settle time; tests use less). */
  maybePostedRetryDelaySeconds?: number;
};

/** Runs `resumeItems` every so often, so a dead worker's claims come back without a restart. */
function sweepStaleClaims(jobs: JobEngine, options: ImportWorkerOptions): void {
  const timer = setInterval(() => {
    resumeItems(jobs, options.env, true).then(
      (resumed) => {
        if (resumed > 0) options.logger.info({ resumed }, 'stale import claims sent to the queue again');
      },
      (error: unknown) => options.logger.warn({ err: error }, 'stale claim sweep failed'),
    );
  }, options.sweepEveryMs ?? STALE_SWEEP_MS);
  timer.unref();
  jobs.onStop(() => clearInterval(timer));
}

/** Registers the import handlers, the hourly schedule, and picks up what a crash left behind. */
export async function startImportWorkers(jobs: JobEngine, options: ImportWorkerOptions): Promise<void> {
  const { env } = options;
  await jobs.work(importAdministrationQueue, planAdministration(jobs, env), { concurrency: 2 });
  // Each slot fetches a few items at once and fetches again at once while the queue is full (issue 13):
  // pg-boss otherwise waits its polling interval after every fetch, leaving the process mostly idle.
  await jobs.work(importItemQueue, runItem(jobs, env, options.maybePostedRetryDelaySeconds), {
    concurrency: options.itemConcurrency ?? 4,
    pollingIntervalSeconds: 0.5,
    batchSize: ITEM_FETCH_BATCH,
  });
  const pollMinutes = env.freshness?.pollMinutes;
  await jobs.work(
    importScheduleQueue,
    startScheduledImports(jobs, env.db, undefined, freshnessCoverageMs(pollMinutes ?? 3)),
  );
  await jobs.schedule(importScheduleQueue, '0 * * * *', {});
  if (env.freshness)
    await startFreshnessPoll(jobs, {
      db: env.db,
      loket: env.freshness.loket,
      pollMinutes: env.freshness.pollMinutes,
      logger: options.logger,
      plan: (ids) => planScheduled(jobs, ids, 'Loket: goedgekeurd'),
    });
  const resumed = await resumeItems(jobs, env);
  if (resumed > 0) options.logger.info({ resumed }, 'unfinished import items sent to the queue again');
  sweepStaleClaims(jobs, options);
}
