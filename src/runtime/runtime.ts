/**
 * @module runtime
 * What a loket-yuki process holds while it runs — configuration, logger, database, job engine — and
 * how it lets go of them, in the reverse order, within the 10 s a supervisor allows.
 */
import { hostname } from 'node:os';
import type { Config } from '../platform/config.ts';
import type { Logger } from '../platform/logger.ts';
import { openDatabase, type DatabaseHandle } from '../store/database.ts';
import { startJobEngine, type JobEngine } from '../jobs/engine.ts';
import { allQueues } from '../jobs/queues.ts';
import { resolveMasterKeys } from '../secrets/master-key.ts';
import { createSecretBox, type MasterKeys, type SecretBox } from '../secrets/secret-box.ts';
import { createMailer, type Mailer } from '../mail/mailer.ts';
import { outboxMailer } from '../mail/outbox.ts';
import { createYukiClient, type YukiClient } from '../yuki/yuki.client.ts';
import { databaseCallBudget } from '../sync/yuki-call-budget.ts';

export type Runtime = {
  config: Config;
  logger: Logger;
  database: DatabaseHandle;
  jobs: JobEngine;
  masterKeys: MasterKeys;
  secrets: SecretBox;
  mailer: Mailer;
  /** One per process, so Yuki sessions are shared; every call is counted in the database budget. */
  yuki: YukiClient;
  /** Names this process in logs and in job records: host and pid. */
  workerId: string;
  close(): Promise<void>;
};

export type OpenRuntimeOptions = { supervise: boolean; role: string };

export async function openRuntime(
  config: Config,
  logger: Logger,
  options: OpenRuntimeOptions,
): Promise<Runtime> {
  const masterKeys = resolveMasterKeys(config, logger);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  let jobs: JobEngine;
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
  const mailer = outboxMailer(
    database.db,
    createMailer({ smtpUrl: config.smtpUrl, from: mailSender(config), logger }),
    logger,
  );
  const cleanups: Array<() => Promise<void>> = [
    async () => mailer.close(),
    () => jobs.stop(),
    () => database.close(),
  ];
  return {
    config,
    logger,
    database,
    jobs,
    masterKeys,
    secrets: createSecretBox(database.db, masterKeys),
    mailer,
    yuki: createYukiClient({ baseUrl: config.yukiApiUrl, budget: databaseCallBudget(database.db) }),
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
