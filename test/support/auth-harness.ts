/**
 * @module auth-test-harness
 * Not a test itself: the real app, database, job engine and SMTP server that the auth integration
 * tests share, and a small client that posts the way a browser on our own origin does.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { openTestDatabase } from './database.ts';
import { testLogger } from './logger.ts';
import { createTestServices } from './services.ts';
import { startTestSmtpServer, type TestSmtpServer } from './smtp.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';
import { startJobEngine, type JobEngine } from '../../src/jobs/engine.ts';
import type { AppEnv, AppServices } from '../../src/http/context.ts';
import { createApp } from '../../src/main/app.ts';

export const PUBLIC_ORIGIN = 'http://localhost:3000';

export type Harness = {
  database: DatabaseHandle;
  smtp: TestSmtpServer;
  services: AppServices;
  app: OpenAPIHono<AppEnv>;
  /** Same database, but served at an https public URL. */
  httpsApp: OpenAPIHono<AppEnv>;
  /** Same database, behind a reverse proxy at 10.0.0.2 named in TRUSTED_PROXIES. */
  proxiedApp: OpenAPIHono<AppEnv>;
  close(): Promise<void>;
};

export async function startHarness(): Promise<Harness> {
  const database = await openTestDatabase();
  const smtp = await startTestSmtpServer();
  const jobs: JobEngine = await startJobEngine({
    database,
    logger: testLogger,
    supervise: false,
    instanceName: 'auth-test',
  });
  const services = createTestServices({ database, jobs, env: { SMTP_URL: smtp.url } });
  const httpsServices = createTestServices({
    database,
    jobs,
    env: { PUBLIC_URL: 'https://loket.example.nl' },
  });
  const proxiedServices = createTestServices({
    database,
    jobs,
    env: { SMTP_URL: smtp.url, TRUSTED_PROXIES: '10.0.0.2' },
  });
  return {
    database,
    smtp,
    services,
    app: createAuthApp(services),
    httpsApp: createAuthApp(httpsServices),
    proxiedApp: createAuthApp(proxiedServices),
    async close() {
      services.mailer.close();
      proxiedServices.mailer.close();
      await jobs.stop();
      await smtp.close();
      await database.close();
    },
  };
}

/** The real app, plus one protected route standing for all the others. */
function createAuthApp(services: AppServices): OpenAPIHono<AppEnv> {
  const app = createApp(services);
  app.post('/api/test/protected', (c) =>
    c.var.actor ? c.json({ userId: c.var.actor.userId }) : c.json({ error: 'not_signed_in' }, 401),
  );
  return app;
}

export type Call = {
  method?: string;
  json?: unknown;
  form?: Record<string, string>;
  cookie?: string | undefined;
  csrf?: string | undefined;
  /** Defaults to our own origin, as a browser on our pages sends it; `null` sends none. */
  origin?: string | null;
  ip?: string;
  headers?: Record<string, string>;
};

export async function call(app: OpenAPIHono<AppEnv>, path: string, options: Call = {}): Promise<Response> {
  const headers = new Headers(options.headers);
  const origin = options.origin === undefined ? PUBLIC_ORIGIN : options.origin;
  if (origin !== null) headers.set('origin', origin);
  if (options.cookie) headers.set('cookie', options.cookie);
  if (options.csrf) headers.set('x-csrf-token', options.csrf);
  let body: string | undefined;
  if (options.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(options.json);
  } else if (options.form) {
    headers.set('content-type', 'application/x-www-form-urlencoded');
    body = new URLSearchParams(options.form).toString();
  }
  const method = options.method ?? (body === undefined ? 'GET' : 'POST');
  // The Node server puts the socket here; the client address comes from it.
  const env = { incoming: { socket: { remoteAddress: options.ip ?? '198.51.100.10' } } };
  return app.request(path, { method, headers, body }, env);
}

/** `name=value` of the cookie a response sets, ready for the next request's Cookie header. */
export function cookieFrom(response: Response): string {
  const setCookie = response.headers.get('set-cookie') ?? '';
  const pair = setCookie.split(';')[0] ?? '';
  if (!pair.includes('=') || pair.endsWith('=')) throw new Error(`no session cookie set: ${setCookie}`);
  return pair;
}

export async function login(
  app: OpenAPIHono<AppEnv>,
  credentials: { email: string; password: string },
  options: Call = {},
): Promise<{ cookie: string; csrfToken: string; response: Response }> {
  const response = await call(app, '/api/auth/login', { ...options, json: credentials });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const { csrfToken } = (await response.clone().json()) as { csrfToken: string };
  return { cookie: cookieFrom(response), csrfToken, response };
}
