/**
 * @module environment
 * The one environment of a loket-yuki process — configuration, logger, database, job engine, secrets,
 * mail, Yuki client and the import engine's environment — opened here and closed in the reverse order,
 * within the 10 s a supervisor allows. The web app and the workers each take the part they need.
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
import { createYukiClient } from '../yuki/yuki.client.ts';
import { databaseCallBudget } from '../sync/yuki-call-budget.ts';
import type { ImportItemEnvironment } from '../sync/import-item.ts';
import { createLinkLoader, type LinkEnvironment } from '../sync/link-context.ts';
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
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: mailSender(config), logger });
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

export type ImportEnvironmentOptions = LinkEnvironment & {
  now?: () => Date;
  /** How long one attempt on one item may take (default 5 minutes). */
  attemptDeadlineMs?: number;
};

/**
 * The import engine's environment from what the process already holds: its one Yuki client (calls counted
 * in the database budget), its secret box and the link loader with its per-domain Loket connections. One
 * per process, shared by every import, page preview and API request, so the cached period kind of each
 * payroll administration is asked from Loket once rather than on every page view.
 */
export function createImportEnvironment(options: ImportEnvironmentOptions): ImportItemEnvironment {
  const { now, attemptDeadlineMs, ...link } = options;
  return {
    db: options.db,
    loadLink: createLinkLoader(link),
    ...(now ? { now } : {}),
    ...(attemptDeadlineMs === undefined ? {} : { attemptDeadlineMs }),
    ...(options.logger ? { logger: options.logger } : {}),
  };
}

/** Mail goes out from the service's own host name, e.g. loket-yuki@koppeling.kantoor.nl. */
function mailSender(config: Config): string {
  return `loket-yuki@${new URL(config.publicUrl).hostname}`;
}
