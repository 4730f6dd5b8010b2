/**
 * @module test-app
 * The product's HTTP app on a fresh test database and a running job engine, without sandboxes: what
 * page and route tests start from (with sandboxes: app-with-sandboxes.ts).
 */
import { createApp } from '../../src/main/app.ts';
import { startJobEngine, type JobEngine } from '../../src/jobs/engine.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';
import { openTestDatabase } from './database.ts';
import { testLogger } from './logger.ts';
import { createTestServices } from './services.ts';

export type TestApp = { database: DatabaseHandle; jobs: JobEngine; app: ReturnType<typeof createApp> };

export async function startTestApp(instanceName: string): Promise<TestApp> {
  const database = await openTestDatabase();
  const jobs = await startJobEngine({ database, logger: testLogger, supervise: false, instanceName });
  return { database, jobs, app: createApp(createTestServices({ database, jobs })) };
}
