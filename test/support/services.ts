/**
 * @module test-services
 * The services an HTTP app needs, for a test: a real database and job engine, a real mailer pointed at
 * the test SMTP server (or none), and a configuration as production would have it.
 */
import { randomBytes } from 'node:crypto';
import type { AppServices } from '../../src/http/context.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';
import type { JobEngine } from '../../src/jobs/engine.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { createMailer } from '../../src/mail/mailer.ts';
import { outboxMailer } from '../../src/mail/outbox.ts';
import { createSecretBox } from '../../src/secrets/secret-box.ts';
import { createYukiClient } from '../../src/yuki/yuki.client.ts';
import { databaseCallBudget } from '../../src/sync/yuki-call-budget.ts';
import { createImportEnvironment } from '../../src/main/import-engine.ts';
import { testLogger } from './logger.ts';
import type { Logger } from '../../src/platform/logger.ts';

export function createTestServices(options: {
  database: DatabaseHandle;
  jobs: JobEngine;
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
}): AppServices {
  const logger = options.logger ?? testLogger;
  const masterKey = randomBytes(32);
  const config = loadConfig(
    { APP_MASTER_KEY: masterKey.toString('base64'), PUBLIC_URL: 'http://localhost:3000', ...options.env },
    'production',
  );
  const db = options.database.db;
  const secrets = createSecretBox(db, { current: masterKey });
  const yuki = createYukiClient({ baseUrl: config.yukiApiUrl, budget: databaseCallBudget(db) });
  return {
    config,
    db,
    jobs: options.jobs,
    logger,
    mailer: outboxMailer(
      db,
      createMailer({ smtpUrl: config.smtpUrl, from: 'loket-yuki@localhost', logger }),
      logger,
    ),
    secrets,
    yuki,
    importEnvironment: createImportEnvironment({ db, secrets, yuki, config, logger }),
  };
}
