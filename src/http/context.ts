/**
 * @module context
 * What every request handler can reach: the process's services and the per-request logger.
 */
import type { RequestIdVariables } from 'hono/request-id';
import type { Database } from '../store/database.ts';
import type { JobEngine } from '../jobs/engine.ts';
import type { Logger } from '../runtime/logger.ts';

export type AppServices = {
  db: Database;
  jobs: JobEngine;
  logger: Logger;
};

export type AppEnv = {
  Variables: RequestIdVariables & { services: AppServices; log: Logger };
};
