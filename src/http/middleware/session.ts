/**
 * @module session-middleware
 * Reads the session cookie, and for a live session sets `c.var.actor` and `c.var.csrfToken`; both stay
 * undefined otherwise. Also the one place that knows the cookie's name and flags.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import type { AppEnv } from '../context.ts';
import {
  createSession,
  destroySession,
  findSession,
  SESSION_ABSOLUTE_MS,
  touchSession,
} from '../../auth/sessions.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { recordRefusal } from '../../audit/record-refusal.ts';
import { loadActor } from '../../auth/load-actor.ts';
import type { LoginOutcome, SignedInUser } from '../../auth/login.ts';
import { attemptLogin } from '../../auth/login.ts';
import { clientAddress } from './client-address.ts';

// 32 random bytes in base64url; anything else is not worth a database query.
const SessionToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

function isHttps(c: Context<AppEnv>): boolean {
  return c.var.services.config.publicUrl.startsWith('https://');
}

/** `__Host-` makes browsers refuse the cookie unless it is Secure, host-only and for Path=/. */
export function sessionCookieName(c: Context<AppEnv>): string {
  return isHttps(c) ? '__Host-ly_session' : 'ly_session';
}

export function readSessionToken(c: Context<AppEnv>): string | undefined {
  return SessionToken.safeParse(getCookie(c, sessionCookieName(c))).data;
}

export function setSessionCookie(c: Context<AppEnv>, token: string): void {
  setCookie(c, sessionCookieName(c), token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c),
    path: '/',
    maxAge: SESSION_ABSOLUTE_MS / 1000,
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, sessionCookieName(c), { httpOnly: true, sameSite: 'Lax', secure: isHttps(c), path: '/' });
}

export const sessionMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  c.set('actor', undefined);
  c.set('csrfToken', undefined);
  const name = sessionCookieName(c);
  const hadCookie = getCookie(c, name) !== undefined;
  const token = readSessionToken(c);
  const { db } = c.var.services;
  const session = token ? await findSession(db, token) : undefined;
  const actor = session && (await loadActor(db, session.userId));
  if (session && actor) {
    await touchSession(db, session);
    c.set('actor', actor);
    c.set('csrfToken', session.csrfToken);
  }
  await next();
  // A dead cookie is removed, unless the route (a log-in) has just set a fresh one.
  const routeSetCookie = c.res.headers.getSetCookie().some((cookie) => cookie.startsWith(`${name}=`));
  if (hadCookie && !actor && !routeSetCookie) clearSessionCookie(c);
});

/**
 * Checks the password under the throttle and audits the attempt; on success replaces any earlier
 * session (a planted cookie gains nothing) and sets the new cookie. A throttled answer sets Retry-After.
 */
export async function signIn(
  c: Context<AppEnv>,
  credentials: { email: string; password: string },
): Promise<Exclude<LoginOutcome, { ok: true }> | { ok: true; user: SignedInUser; csrfToken: string }> {
  const { db } = c.var.services;
  const ip = clientAddress(c);
  const audit = { actorLabel: credentials.email, action: 'auth.login', requestId: c.var.requestId } as const;
  const outcome = await attemptLogin(db, { ...credentials, ip });
  if (!outcome.ok) {
    const actorUserId = outcome.reason === 'throttled' ? null : (outcome.knownUser?.id ?? null);
    const reason =
      outcome.reason === 'throttled' ? 'throttled' : actorUserId ? 'wrong_password' : 'unknown_email';
    // Counted, not logged one by one: guessing must not flood the audit log.
    await recordRefusal(db, {
      actorLabel: credentials.email,
      actorUserId,
      action: 'auth.login',
      route: `${c.req.method} ${c.req.routePath}`,
      reason,
    });
    if (outcome.reason === 'throttled') c.header('Retry-After', String(outcome.retryAfterSeconds));
    return outcome;
  }
  const previous = readSessionToken(c);
  if (previous) await destroySession(db, previous);
  const session = await createSession(db, outcome.user.id);
  setSessionCookie(c, session.token);
  await recordAudit(db, { ...audit, actorUserId: outcome.user.id, outcome: 'ok', details: { ip } });
  return { ok: true, user: outcome.user, csrfToken: session.csrfToken };
}

/** Ends this request's session: the row, the cookie, and an audit line when someone was signed in. */
export async function signOut(c: Context<AppEnv>): Promise<void> {
  const { db } = c.var.services;
  const token = readSessionToken(c);
  if (token) await destroySession(db, token);
  clearSessionCookie(c);
  const actor = c.var.actor;
  if (actor) {
    await recordAudit(db, {
      actorUserId: actor.userId,
      actorLabel: actor.email,
      action: 'auth.logout',
      requestId: c.var.requestId,
    });
  }
}
