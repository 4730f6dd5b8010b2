/**
 * @module test-import-worker
 * A worker process that runs only the import queues, for reliability tests that kill it: the real
 * job engine, database and clients, pointed by the environment at a test database and the sandboxes.
 */
import { startJobEngine } from '../../src/jobs/engine.ts';
import { importQueues, startImportWorkers } from '../../src/jobs/import-queues.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { createSecretBox } from '../../src/secrets/secret-box.ts';
import { openDatabase } from '../../src/store/database.ts';
import { createImportEnvironment } from '../../src/main/import-engine.ts';
import { databaseCallBudget } from '../../src/sync/yuki-call-budget.ts';
import { createYukiClient } from '../../src/yuki/yuki.client.ts';

const need = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const logger = createLogger('info');
const database = await openDatabase({
  databaseUrl: need('DATABASE_URL'),
  dataDir: 'memory://',
  migrate: false,
});
const jobs = await startJobEngine({ database, logger, supervise: true, instanceName: 'import-worker' });
await jobs.ensureQueues(importQueues);
const env = createImportEnvironment({
  db: database.db,
  secrets: createSecretBox(database.db, { current: Buffer.from(need('APP_MASTER_KEY'), 'base64') }),
  yuki: createYukiClient({ baseUrl: need('YUKI_API_URL'), budget: databaseCallBudget(database.db) }),
  config: loadConfig(process.env, 'production'),
});
// Optional: shorter heartbeats and sweeps than production's, so a test of a dead worker takes seconds.
const optional = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
const heartbeatMs = optional('HEARTBEAT_MS');
const sweepEveryMs = optional('SWEEP_EVERY_MS');
const attemptDeadlineMs = optional('ATTEMPT_DEADLINE_MS');
const settleAfterMs = optional('SETTLE_AFTER_MS');
const maybePostedRetryDelaySeconds = optional('MAYBE_POSTED_RETRY_DELAY_SECONDS');
await startImportWorkers(jobs, {
  env: {
    ...env,
    staleAfterMs: Number(need('STALE_AFTER_MS')),
    ...(heartbeatMs === undefined ? {} : { heartbeatMs }),
    ...(attemptDeadlineMs === undefined ? {} : { attemptDeadlineMs }),
    ...(settleAfterMs === undefined ? {} : { settleAfterMs }),
    logger,
  },
  logger,
  itemConcurrency: 4,
  ...(sweepEveryMs === undefined ? {} : { sweepEveryMs }),
  ...(maybePostedRetryDelaySeconds === undefined ? {} : { maybePostedRetryDelaySeconds }),
});
logger.info('import worker started');
