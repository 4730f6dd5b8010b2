/**
 * @module engine
 * The job engine port, on pg-boss: its PGlite backend in embedded mode, its own `pg` pool on
 * PostgreSQL. Every process opens one; only processes in the `worker` role run handlers, and only
 * those with `schedule` fire cron schedules.
 */
import { fromPglite, PgBoss, type JobResult } from 'pg-boss';
import type { DatabaseHandle } from '../store/database.ts';
import type { Logger } from '../platform/logger.ts';
import { JOB_MONITOR_INTERVAL_SECONDS } from '../sync/timers.ts';
import type { QueueDefinition } from './queue.ts';

export type JobContext<Payload = unknown> = {
  jobId: string;
  attempt: number;
  signal: AbortSignal;
  /**
   * Runs `task` once for every job fetched together that asked for the same `key`, after the last of
   * them and before any is marked done (a failed task fails those jobs, so they run again); alone, at
   * the end of the job.
   */
  afterBatch(key: string, task: () => Promise<unknown>): void;
  /**
   * Runs `task` once, with the payloads of every job fetched together (this job's alone when it was
   * fetched alone), and answers its result to each job of them that asks with the same `key`; a failure
   * fails each job that asked.
   */
  forBatch<Result>(key: string, task: (payloads: readonly Payload[]) => Promise<Result>): Promise<Result>;
};
export type SendOptions = {
  singletonKey?: string;
  startAfter?: Date | number;
  id?: string;
  priority?: number;
};
export type JobHandler<Payload> = (payload: Payload, context: JobContext<Payload>) => Promise<void>;

export type JobEngine = {
  /** Creates or updates the queues; idempotent, safe from several processes at once. */
  ensureQueues(queues: QueueDefinition<unknown>[]): Promise<void>;
  send<Payload>(
    queue: QueueDefinition<Payload>,
    payload: Payload,
    /** `priority`: higher is fetched first (default 0). */
    options?: SendOptions,
  ): Promise<string | null>;
  /** Sends many jobs in one statement (pg-boss `insert`); a job whose singletonKey is queued is dropped. */
  sendMany<Payload>(
    queue: QueueDefinition<Payload>,
    jobs: Array<{ payload: Payload } & SendOptions>,
  ): Promise<void>;
  work<Payload>(
    queue: QueueDefinition<Payload>,
    handler: JobHandler<Payload>,
    options?: {
      concurrency?: number;
      pollingIntervalSeconds?: number;
      /**
       * Jobs each slot fetches at once and runs one after another, each settled on its own; while
       * fetches come back full the slot fetches again at once instead of waiting the polling interval.
       */
      batchSize?: number;
    },
  ): Promise<void>;
  schedule<Payload>(
    queue: QueueDefinition<Payload>,
    cron: string,
    payload: Payload,
    key?: string,
  ): Promise<void>;
  /** Runs `listener` when the engine stops (timers of the handlers). */
  onStop(listener: () => void): void;
  /** Answers whether the engine can reach its tables; used by /readyz. */
  ping(): Promise<void>;
  stop(): Promise<void>;
};

export type StartJobEngineOptions = {
  database: DatabaseHandle;
  logger: Logger;
  /** Runs maintenance (expiry, retention) and fires schedules; true for worker processes. */
  supervise: boolean;
  instanceName: string;
};

function failedResult(id: string, error: unknown): JobResult {
  return {
    id,
    status: 'failed',
    output: { message: error instanceof Error ? error.message : String(error) },
  };
}

/** `forBatch` for the jobs fetched together with these payloads: each key's task runs once, its result shared. */
function sharedPerBatch<Payload>(payloads: readonly Payload[]): JobContext<Payload>['forBatch'] {
  const shared = new Map<string, Promise<unknown>>();
  return (key, task) => {
    const result = shared.get(key) ?? task(payloads);
    shared.set(key, result);
    return result as ReturnType<typeof task>;
  };
}

export async function startJobEngine(options: StartJobEngineOptions): Promise<JobEngine> {
  const { database, logger, supervise } = options;
  const boss =
    database.engine === 'pglite'
      ? new PgBoss({
          db: fromPglite(database.pglite),
          backend: 'pglite',
          supervise,
          schedule: supervise,
          instanceName: options.instanceName,
          monitorIntervalSeconds: JOB_MONITOR_INTERVAL_SECONDS,
          // Queues with `notify` wake idle workers at once (sync: "Import now" starts without a poll's wait).
          useListenNotify: true,
        })
      : new PgBoss({
          connectionString: database.connectionString,
          max: 4,
          monitorIntervalSeconds: JOB_MONITOR_INTERVAL_SECONDS,
          supervise,
          schedule: supervise,
          instanceName: options.instanceName,
          application_name: `loket-yuki ${options.instanceName}`,
          useListenNotify: true,
        });
  boss.on('error', (error: unknown) => logger.error({ err: error }, 'job engine error'));
  await boss.start();

  let stopped = false;
  const stopListeners: Array<() => void> = [];
  return {
    async ensureQueues(queues) {
      for (const queue of queues) {
        const existing = await boss.getQueue(queue.name);
        const settings = {
          retryLimit: queue.policy.retryLimit,
          retryDelay: queue.policy.retryDelaySeconds,
          retryBackoff: queue.policy.retryBackoff,
          expireInSeconds: queue.policy.expireInSeconds,
          ...(queue.policy.heartbeatSeconds === undefined
            ? {}
            : { heartbeatSeconds: queue.policy.heartbeatSeconds }),
          ...(queue.policy.notify === undefined ? {} : { notify: queue.policy.notify }),
        };
        if (!existing) {
          await boss.createQueue(queue.name, settings).catch(async (error: unknown) => {
            // Another process created it between our look and our create.
            if (!(await boss.getQueue(queue.name))) throw error;
          });
        } else {
          await boss.updateQueue(queue.name, settings);
        }
      }
    },

    async send(queue, payload, sendOptions = {}) {
      const data = queue.payload.parse(payload) as object;
      return boss.send(queue.name, data, {
        ...(sendOptions.id ? { id: sendOptions.id } : {}),
        ...(sendOptions.singletonKey ? { singletonKey: sendOptions.singletonKey } : {}),
        ...(sendOptions.startAfter !== undefined ? { startAfter: sendOptions.startAfter } : {}),
        ...(sendOptions.priority !== undefined ? { priority: sendOptions.priority } : {}),
      });
    },

    async sendMany(queue, jobs) {
      if (jobs.length === 0) return;
      await boss.insert(
        queue.name,
        jobs.map(({ payload, ...options }) => ({
          data: queue.payload.parse(payload) as object,
          ...(options.id ? { id: options.id } : {}),
          ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
          ...(options.startAfter !== undefined
            ? {
                startAfter:
                  typeof options.startAfter === 'number'
                    ? new Date(Date.now() + options.startAfter * 1000)
                    : options.startAfter,
              }
            : {}),
          ...(options.priority !== undefined ? { priority: options.priority } : {}),
        })),
      );
    },

    async work(queue, handler, workOptions = {}) {
      const batchSize = workOptions.batchSize ?? 1;
      if (batchSize > 1) {
        await boss.work<unknown>(
          queue.name,
          {
            batchSize,
            burstWhenBatchFull: true,
            perJobResults: true,
            localConcurrency: workOptions.concurrency ?? 1,
            pollingIntervalSeconds: workOptions.pollingIntervalSeconds ?? 2,
            // A notified queue still polls as often: a delayed job (a retry) is due without any notice.
            notifyPollingIntervalSeconds: workOptions.pollingIntervalSeconds ?? 2,
          },
          async (batch) => {
            const results: JobResult[] = [];
            const after = new Map<string, { task: () => Promise<unknown>; jobIds: Set<string> }>();
            const parsed = batch.map((job) => queue.payload.safeParse(job.data));
            // A payload that does not parse fails its own job below, not the batch's shared tasks.
            const forBatch = sharedPerBatch(parsed.flatMap((each) => (each.success ? [each.data] : [])));
            // One after another: the slot's concurrency stays one job, and each job's outcome is its own.
            for (const [at, job] of batch.entries()) {
              try {
                if (job.signal.aborted) throw new Error('job no longer claimed by this worker');
                const payload = parsed[at]!;
                if (!payload.success) throw payload.error;
                await handler(payload.data, {
                  jobId: job.id,
                  attempt: job.retryCount + 1,
                  signal: job.signal,
                  afterBatch(key, task) {
                    const entry = after.get(key) ?? { task, jobIds: new Set<string>() };
                    after.set(key, entry);
                    entry.jobIds.add(job.id);
                  },
                  forBatch,
                });
                results.push({ id: job.id, status: 'completed' });
              } catch (error) {
                results.push(failedResult(job.id, error));
              }
            }
            for (const { task, jobIds } of after.values()) {
              try {
                await task();
              } catch (error) {
                for (const [at, result] of results.entries())
                  if (jobIds.has(result.id)) results[at] = failedResult(result.id, error);
              }
            }
            return results;
          },
        );
        return;
      }
      await boss.work<unknown>(
        queue.name,
        {
          batchSize: 1,
          localConcurrency: workOptions.concurrency ?? 1,
          pollingIntervalSeconds: workOptions.pollingIntervalSeconds ?? 2,
          notifyPollingIntervalSeconds: workOptions.pollingIntervalSeconds ?? 2,
        },
        async ([job]) => {
          if (!job) return;
          const payload = queue.payload.parse(job.data);
          const after = new Map<string, () => Promise<unknown>>();
          await handler(payload, {
            jobId: job.id,
            attempt: job.retryCount + 1,
            signal: job.signal,
            afterBatch(key, task) {
              if (!after.has(key)) after.set(key, task);
            },
            forBatch: sharedPerBatch([payload]),
          });
          for (const task of after.values()) await task();
        },
      );
    },

    async schedule(queue, cron, payload, key) {
      await boss.schedule(queue.name, cron, queue.payload.parse(payload) as object, key ? { key } : {});
    },

    onStop(listener) {
      stopListeners.push(listener);
    },

    async ping() {
      if (stopped) throw new Error('job engine stopped');
      await boss.getQueues();
    },

    async stop() {
      if (stopped) return;
      stopped = true;
      for (const listener of stopListeners.splice(0)) listener();
      // close:false because the database handle is ours to close, after the engine lets go.
      await boss.stop({ graceful: true, timeout: 5_000, close: database.engine === 'postgres' });
    },
  };
}
