/**
 * @module environment
 * The one environment of a loket-yuki process — configuration, logger, database, job engine, secrets,
 * mail, Yuki client and the import engine's environment — opened here and closed in the reverse order,
 * within the 10 s a supervisor allows. The web app and the workers each take the part they need; the
 * import engine's part is built by import-engine.ts.
 */
import { hostname } from 'node:os';
import type { Config } from '../platform/config.ts';
import type { Logger } from '../platform/logger.ts';
import { openDatabase, type DatabaseHandle } from '../store/database.ts';
import { startJobEngine } from '../jobs/engine.ts';
import { allQueues, type WorkerDependencies } from '../jobs/queues.ts';
import { resolveMasterKeys } from '../secrets/master-key.ts';
import { createSecretBox, type MasterKeys } from '../secrets/secret-box.ts';
import { createMailer } from '../mail/mailer.ts';
import { outboxMailer } from '../mail/outbox.ts';
import { createYukiClient } from '../yuki/yuki.client.ts';
import { databaseCallBudget } from '../sync/yuki-call-budget.ts';
import { createImportEnvironment } from './import-engine.ts';
import type { AppServices } from '../http/context.ts';

/** Everything a running process holds: what the web app needs, what the workers need, and what it closes. */
export type Environment = AppServices &
  WorkerDependencies & {
    database: DatabaseHandle;
    masterKeys: MasterKeys;
    close(): Promise<void>;
  };

export type OpenEnvironmentOptions = { supervise: boolean; role: string };

export async function openEnvironment(
  config: Config,
  logger: Logger,
  options: OpenEnvironmentOptions,
): Promise<Environment> {
  const masterKeys = resolveMasterKeys(config, logger);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  let jobs: Environment['jobs'];
  try {
    jobs = await startJobEngine({
      database,
      logger,
      supervise: options.supervise,
      instanceName: options.role,
    });
    await jobs.ensureQueues(allQueues);
  } catch (error) {
    await database.close();
    throw error;
  }
  const db = database.db;
  const mailer = outboxMailer(
    database.db,
    createMailer({ smtpUrl: config.smtpUrl, from: mailSender(config), logger }),
    logger,
  );
  const secrets = createSecretBox(db, masterKeys);
  // One per process, so Yuki sessions are shared; every call is counted in the database budget.
  const yuki = createYukiClient({ baseUrl: config.yukiApiUrl, budget: databaseCallBudget(db) });
  const cleanups: Array<() => Promise<void>> = [
    async () => mailer.close(),
    () => jobs.stop(),
    () => database.close(),
  ];
  return {
    config,
    logger,
    database,
    db,
    engine: database.engine,
    jobs,
    masterKeys,
    secrets,
    mailer,
    yuki,
    importEnvironment: createImportEnvironment({ db, secrets, yuki, config, logger }),
    // Names this process in logs and in job records: host and pid.
    workerId: `${hostname()}:${process.pid}`,
    async close() {
      for (const cleanup of cleanups.splice(0)) {
        await cleanup().catch((error: unknown) => logger.error({ err: error }, 'error while shutting down'));
      }
    },
  };
}

/** Mail goes out from the service's own host name, e.g. loket-yuki@koppeling.kantoor.nl. */
function mailSender(config: Config): string {
  return `loket-yuki@${new URL(config.publicUrl).hostname}`;
}
