/**
 * @module role-sessions
 * Signed-in sessions per role of the test tenants, for the integration tests that drive the real app
 * as its users do: one login per role, reused by every request of the file.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { expect } from 'vitest';
import type { AppEnv } from '../../src/http/context.ts';
import { call, login } from './auth-harness.ts';
import { PASSWORD, type RoleName, type Tenants } from './tenants.ts';

export type Session = { cookie: string; csrf: string };
export type SessionRole = RoleName | 'b_admin';

/** A REST call with the session's cookie and CSRF token, as our own pages make it. */
export function send(
  app: OpenAPIHono<AppEnv>,
  session: Session,
  method: string,
  path: string,
  json?: unknown,
) {
  return call(app, path, {
    method,
    cookie: session.cookie,
    csrf: session.csrf,
    ...(json === undefined ? {} : { json }),
  });
}

/** `as(role)`, `api(role, …)` and `forget(role)`; `context` is a getter: the app and tenants are made in beforeAll. */
export function roleSessions(context: () => { app: OpenAPIHono<AppEnv>; tenants: Tenants }) {
  const sessions = new Map<string, Session>();

  /** The role's session, logged in on first use. */
  async function as(role: SessionRole): Promise<Session> {
    const { app, tenants } = context();
    const email = tenants.emails[role];
    let session = sessions.get(email);
    if (!session) {
      const { cookie, csrfToken } = await login(app, { email, password: PASSWORD });
      session = { cookie, csrf: csrfToken };
      sessions.set(email, session);
    }
    return session;
  }

  /** A REST call as the role that must succeed; the failure message carries the response body. */
  async function api(role: SessionRole, method: string, path: string, json?: unknown) {
    const response = await send(context().app, await as(role), method, path, json);
    expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBeLessThan(300);
    return response;
  }

  /** Drops the role's session, after a request that ended it (a logout). */
  function forget(role: SessionRole): void {
    sessions.delete(context().tenants.emails[role]);
  }

  return { as, api, forget };
}

export type RoleSessions = ReturnType<typeof roleSessions>;
