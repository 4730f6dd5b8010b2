/**
 * @module run-service
 * Runs a long-lived loket-yuki process — HTTP, worker, or both — until SIGINT or SIGTERM, then closes
 * everything in order and exits within 10 s, forcing the exit if something hangs.
 */
import { loadConfig, type Config, type Mode } from '../platform/config.ts';
import { createLogger, type Logger } from '../platform/logger.ts';
import { openRuntime, type Runtime } from '../runtime/runtime.ts';
import { createApp } from '../http/app.ts';
import type { Hono } from 'hono';
import { listen } from '../http/server.ts';
import { metricsApp } from '../http/metrics-route.ts';
import { startWorkers } from '../jobs/queues.ts';
import { importEnvironment } from '../runtime/import-environment.ts';
import { reportStartupError } from './startup-error.ts';

const SHUTDOWN_DEADLINE_MS = 10_000;

export type ServiceOptions = {
  mode: Mode;
  role: 'serve' | 'worker' | 'all' | 'demo';
  http: boolean;
  worker: boolean;
  /** Extra things this process runs (the demo's sandboxes), closed after the service itself. */
  onStarted?: (runtime: Runtime, url: string | undefined) => Promise<Array<() => Promise<void>>>;
  env?: NodeJS.ProcessEnv;
  /** More routes on the HTTP app (the demo's outbox page); the product itself adds none. */
  extraRoutes?: (app: Hono<never>) => void;
};

export async function runService(options: ServiceOptions): Promise<void> {
  let config: Config;
  let logger: Logger | undefined;
  let runtime: Runtime;
  try {
    config = loadConfig(options.env ?? process.env, options.mode);
    logger = createLogger(config.logLevel);
    runtime = await openRuntime(config, logger, { supervise: options.worker, role: options.role });
  } catch (error) {
    process.exitCode = reportStartupError(error, logger);
    return;
  }

  const closers: Array<() => Promise<void>> = [];
  let url: string | undefined;
  if (options.worker) {
    await startWorkers(runtime.jobs, {
      db: runtime.database.db,
      workerId: runtime.workerId,
      logger: runtime.logger,
      importEnvironment: importEnvironment(runtime),
      mailer: runtime.mailer,
      publicUrl: runtime.config.publicUrl,
      retention: runtime.config.retention,
    });
  }
  if (options.http) {
    const app = createApp({
      config: runtime.config,
      db: runtime.database.db,
      jobs: runtime.jobs,
      logger: runtime.logger,
      mailer: runtime.mailer,
      secrets: runtime.secrets,
      yuki: runtime.yuki,
    });
    options.extraRoutes?.(app as unknown as Hono<never>);
    const server = await listen(app.fetch, config.port);
    url = server.url;
    closers.push(server.close);
  }
  if (config.metrics.port !== undefined) {
    // Every process, the worker too, can show its own Loket/Yuki call metrics on its metrics port.
    const metrics = await listen(
      metricsApp(runtime.database.db, config.metrics.token).fetch,
      config.metrics.port,
    );
    runtime.logger.info({ url: `${metrics.url}/metrics` }, 'metrics');
    closers.push(metrics.close);
  }
  closers.push(...((await options.onStarted?.(runtime, url)) ?? []));
  runtime.logger.info(
    { role: options.role, url, engine: runtime.database.engine, workerId: runtime.workerId },
    'loket-yuki started',
  );

  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      runtime.logger.info({ signal }, 'shutting down');
      const force = setTimeout(() => {
        runtime.logger.error('shutdown took longer than 10 s; exiting anyway');
        process.exit(1);
      }, SHUTDOWN_DEADLINE_MS);
      force.unref();
      void (async () => {
        for (const close of closers.reverse()) await close().catch(() => undefined);
        await runtime.close();
        resolve();
      })();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
