/**
 * @module run-service
 * Runs a long-lived loket-yuki process — HTTP, worker, or both — until SIGINT or SIGTERM, then closes
 * everything in order and exits within 10 s, forcing the exit if something hangs.
 */
import { loadConfig, type Config, type Mode } from '../platform/config.ts';
import { createLogger, type Logger } from '../platform/logger.ts';
import { openEnvironment, type Environment } from './environment.ts';
import { createApp } from './app.ts';
import { listen } from './server.ts';
import type { Hono } from 'hono';
import { metricsApp } from '../http/metrics-route.ts';
import { startWorkers } from '../jobs/queues.ts';
import { reportStartupError } from './startup-error.ts';

const SHUTDOWN_DEADLINE_MS = 10_000;

export type ServiceOptions = {
  mode: Mode;
  role: 'serve' | 'worker' | 'all' | 'demo';
  http: boolean;
  worker: boolean;
  /** Extra things this process runs (the demo's sandboxes), closed after the service itself. */
  onStarted?: (environment: Environment, url: string | undefined) => Promise<Array<() => Promise<void>>>;
  env?: NodeJS.ProcessEnv;
  /** More routes on the HTTP app (the demo's outbox page); the product itself adds none. */
  extraRoutes?: (app: Hono<never>) => void;
};

export async function runService(options: ServiceOptions): Promise<void> {
  let config: Config;
  let logger: Logger | undefined;
  let environment: Environment;
  try {
    config = loadConfig(options.env ?? process.env, options.mode);
    logger = createLogger(config.logLevel);
    environment = await openEnvironment(config, logger, { supervise: options.worker, role: options.role });
  } catch (error) {
    process.exitCode = reportStartupError(error, logger);
    return;
  }

  const { database } = environment;
  if (database.engine === 'pglite')
    database.pglite.onDeath((error) => {
      environment.logger.fatal(
        { err: error },
        'the embedded database stopped; exiting so the supervisor starts loket-yuki again',
      );
      process.exit(1);
    });

  const closers: Array<() => Promise<void>> = [];
  let url: string | undefined;
  if (options.worker) {
    await startWorkers(environment.jobs, environment);
  }
  if (options.http) {
    const app = createApp(environment);
    options.extraRoutes?.(app as unknown as Hono<never>);
    const server = await listen(app.fetch, config.port);
    url = server.url;
    closers.push(server.close);
  }
  if (config.metrics.port !== undefined) {
    // Every process, the worker too, can show its own Loket/Yuki call metrics on its metrics port.
    const metrics = await listen(
      metricsApp(environment.database.db, config.metrics.token).fetch,
      config.metrics.port,
    );
    environment.logger.info({ url: `${metrics.url}/metrics` }, 'metrics');
    closers.push(metrics.close);
  }
  closers.push(...((await options.onStarted?.(environment, url)) ?? []));
  environment.logger.info(
    { role: options.role, url, engine: environment.database.engine, workerId: environment.workerId },
    'loket-yuki started',
  );

  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      environment.logger.info({ signal }, 'shutting down');
      const force = setTimeout(() => {
        environment.logger.error('shutdown took longer than 10 s; exiting anyway');
        process.exit(1);
      }, SHUTDOWN_DEADLINE_MS);
      force.unref();
      void (async () => {
        for (const close of closers.reverse()) await close().catch(() => undefined);
        await environment.close();
        resolve();
      })();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
