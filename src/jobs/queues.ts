/**
 * @module queues
 * Every queue of loket-yuki and the handlers a worker process runs for them.
 */
import type { Database } from '../store/database.ts';
import type { Logger } from '../platform/logger.ts';
import type { ImportItemEnvironment } from '../sync/import-item.ts';
import type { JobEngine } from './engine.ts';
import type { QueueDefinition } from './queue.ts';
import { probeQueue, recordProbe } from './probe.ts';
import { cleanUp, HOUSEKEEPING_CRON, housekeepingQueue, vacuumEmbedded } from './housekeeping.ts';
import { applyRetention } from './retention.ts';
import { importQueues, startImportWorkers } from './import-queues.ts';
import { FAILURE_DIGEST_CRON, failureDigestQueue } from './failure-digest.ts';
import { sendFailureDigests } from '../sync/failure-digest.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Config } from '../platform/config.ts';

export const allQueues = [
  probeQueue,
  housekeepingQueue,
  failureDigestQueue,
  ...importQueues,
] as QueueDefinition<unknown>[];

/** The workers' part of the process environment (built in src/main/environment.ts). */
export type WorkerDependencies = {
  db: Database;
  /** Which database `db` is: the embedded one needs vacuuming by us. */
  engine: 'pglite' | 'postgres';
  workerId: string;
  logger: Logger;
  /** What the import needs in this process: its Yuki client, secrets and Loket connections. */
  importEnvironment: ImportItemEnvironment;
  mailer: Mailer;
  /** Its publicUrl is for links in e-mails. */
  config: Config;
};

/** Registers the handler of every queue on this process. */
export async function startWorkers(jobs: JobEngine, dependencies: WorkerDependencies): Promise<void> {
  await jobs.work(probeQueue, recordProbe(dependencies.db, dependencies.workerId), {
    concurrency: 2,
    pollingIntervalSeconds: 0.5,
  });
  await jobs.work(housekeepingQueue, async () => {
    await cleanUp(dependencies.db);
    await applyRetention(dependencies.db, dependencies.config.retention);
    if (dependencies.engine === 'pglite') await vacuumEmbedded(dependencies.db);
  });
  // One schedule row, whatever the number of workers: pg-boss fires each slot once.
  await jobs.schedule(housekeepingQueue, HOUSEKEEPING_CRON, {});
  await jobs.work(failureDigestQueue, async () => {
    await sendFailureDigests({
      db: dependencies.db,
      mailer: dependencies.mailer,
      publicUrl: dependencies.config.publicUrl,
    });
  });
  await jobs.schedule(failureDigestQueue, FAILURE_DIGEST_CRON, {});
  await startImportWorkers(jobs, { env: dependencies.importEnvironment, logger: dependencies.logger });
}
