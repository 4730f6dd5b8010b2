/**
 * @module context
 * What every request handler can reach: the web's part of the process environment (built in
 * src/main/environment.ts) and the per-request logger.
 */
import type { RequestIdVariables } from 'hono/request-id';
import type { Database } from '../app/database.ts';
import type { JobEngine } from '../jobs/engine.ts';
import type { Logger } from '../platform/logger.ts';
import type { Config } from '../platform/config.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Actor } from '../core/roles.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import type { YukiClient } from '../yuki/yuki.client.ts';
import type { ImportItemEnvironment } from '../sync/import-item.ts';

export type AppServices = {
  config: Config;
  db: Database;
  jobs: JobEngine;
  logger: Logger;
  mailer: Mailer;
  secrets: SecretBox;
  yuki: YukiClient;
  /** The process's one import environment, for previews, the period window and requested imports. */
  importEnvironment: ImportItemEnvironment;
};

export type AppEnv = {
  Variables: RequestIdVariables & {
    services: AppServices;
    log: Logger;
    /** The signed-in person, when the session cookie is valid. */
    actor: Actor | undefined;
    /** The session's CSRF token, for forms and for the X-CSRF-Token header. */
    csrfToken: string | undefined;
  };
};
