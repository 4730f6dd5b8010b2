/**
 * @module http/metrics-route
 * GET /metrics in Prometheus format: on the service's port only with METRICS_TOKEN as a bearer token,
 * or alone on METRICS_PORT. Without either there is no /metrics, so nothing leaks by default.
 */
import { timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './context.ts';
import { registry } from '../platform/metrics.ts';
import { measureInstallation } from '../app/operator/installation-metrics.ts';
import type { Database } from '../store/database.ts';

async function scrape(c: Context): Promise<Response> {
  return c.body(await registry.metrics(), 200, { 'content-type': registry.contentType });
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer /i, '') ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Adds /metrics to the service's app when METRICS_TOKEN is set. */
export function registerMetricsRoute(
  app: OpenAPIHono<AppEnv>,
  db: Database,
  token: string | undefined,
): void {
  measureInstallation(db);
  if (!token) return;
  app.get('/metrics', (c) => {
    if (!tokenMatches(c.req.header('authorization'), token)) {
      return c.text('metrics need the METRICS_TOKEN as a bearer token\n', 401, {
        'www-authenticate': 'Bearer',
      });
    }
    return scrape(c);
  });
}

/** The app of METRICS_PORT: /metrics and nothing else, for a worker too. */
export function metricsApp(db: Database, token: string | undefined): Hono {
  const app = new Hono();
  measureInstallation(db);
  app.get('/metrics', (c) =>
    token && !tokenMatches(c.req.header('authorization'), token) ? c.text('unauthorized\n', 401) : scrape(c),
  );
  return app;
}
