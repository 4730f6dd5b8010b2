/**
 * @module app-with-sandboxes
 * The real app on a fresh database and job engine, pointed at both sandboxes over HTTP, with the demo
 * tenants: what an HTTP or page test of the link starts from.
 */
import {
  startLoketSandbox,
  type LoketSandboxOptions,
  type RunningLoketSandbox,
} from '../../sandbox/loket/index.ts';
import { parseYukiSandboxOptions, startYukiSandbox, type YukiSandbox } from '../../sandbox/yuki/index.ts';
import { sandboxEnv } from '../../sandbox/demo/sandboxes.ts';
import { createApp } from '../../src/main/app.ts';
import type { AppServices } from '../../src/http/context.ts';
import { startJobEngine, type JobEngine } from '../../src/jobs/engine.ts';
import type { Logger } from '../../src/platform/logger.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';
import { openTestDatabase } from './database.ts';
import { testLogger } from './logger.ts';
import { createTestServices } from './services.ts';
import { createTenants, type Tenants } from './tenants.ts';

export type AppWithSandboxes = {
  database: DatabaseHandle;
  jobs: JobEngine;
  loket: RunningLoketSandbox;
  yuki: YukiSandbox;
  app: ReturnType<typeof createApp>;
  /** What the app runs on, for tests that call the application layer directly. */
  services: AppServices;
  tenants: Tenants;
  close(): Promise<void>;
};

export async function startAppWithSandboxes(options: {
  instanceName: string;
  loket?: LoketSandboxOptions;
  /** The app's logger, when a test reads what it logs. */
  logger?: Logger;
}): Promise<AppWithSandboxes> {
  const database = await openTestDatabase();
  const jobs = await startJobEngine({
    database,
    logger: testLogger,
    supervise: false,
    instanceName: options.instanceName,
  });
  const loket = await startLoketSandbox(options.loket ?? {});
  const yuki = await startYukiSandbox(parseYukiSandboxOptions({}));
  const services = createTestServices({
    database,
    jobs,
    env: sandboxEnv(loket, yuki),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const app = createApp(services);
  const tenants = await createTenants(database.db);
  return {
    database,
    jobs,
    loket,
    yuki,
    app,
    services,
    tenants,
    async close() {
      await jobs.stop();
      await Promise.all([loket.close(), yuki.close()]);
      await database.close();
    },
  };
}
