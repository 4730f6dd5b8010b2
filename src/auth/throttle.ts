/**
 * @module throttle
 * Slows password guessing: failed log-ins are counted per e-mail address and per client address in
 * a sliding 15-minute window; past the limit, further attempts are refused until the window frees up.
 */
import { and, desc, eq, gt, lt, type SQL } from 'drizzle-orm';
import { loginFailures } from '../store/schema/tenancy.ts';
import type { Database } from '../store/database.ts';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
/** Higher than per e-mail: a whole office signs in from one address behind its router. */
export const MAX_FAILURES_PER_IP = 20;

export type ThrottleVerdict = { throttled: false } | { throttled: true; retryAfterSeconds: number };

/** Whether this e-mail address or this client address has failed too often within the window. */
export async function checkLoginThrottle(
  db: Database,
  attempt: { email: string; ip: string },
  now = new Date(),
): Promise<ThrottleVerdict> {
  const freeAt = [
    await freeAgainAt(db, eq(loginFailures.email, attempt.email), MAX_FAILURES_PER_EMAIL, now),
    await freeAgainAt(db, eq(loginFailures.ip, attempt.ip), MAX_FAILURES_PER_IP, now),
  ].filter((at): at is Date => at !== undefined);
  if (freeAt.length === 0) return { throttled: false };
  const latest = Math.max(...freeAt.map((at) => at.getTime()));
  return { throttled: true, retryAfterSeconds: Math.max(1, Math.ceil((latest - now.getTime()) / 1000)) };
}

/** When `limit` failures are in the window: the moment the oldest of the last `limit` leaves it. */
async function freeAgainAt(db: Database, who: SQL, limit: number, now: Date): Promise<Date | undefined> {
  const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const [oldestCounted] = await db
    .select({ failedAt: loginFailures.failedAt })
    .from(loginFailures)
    .where(and(who, gt(loginFailures.failedAt, windowStart)))
    .orderBy(desc(loginFailures.failedAt))
    .offset(limit - 1)
    .limit(1);
  return oldestCounted && new Date(oldestCounted.failedAt.getTime() + THROTTLE_WINDOW_MS);
}

/** Counts a failed attempt and forgets this address's failures that left the window. */
export async function recordLoginFailure(
  db: Database,
  attempt: { email: string; ip: string },
  now = new Date(),
): Promise<void> {
  const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  await db
    .delete(loginFailures)
    .where(and(eq(loginFailures.email, attempt.email), lt(loginFailures.failedAt, windowStart)));
  await db.insert(loginFailures).values({ email: attempt.email, ip: attempt.ip, failedAt: now });
}

/** After a success, forgets this e-mail's failures from this client only; other addresses still count. */
export async function clearLoginFailures(
  db: Database,
  attempt: { email: string; ip: string },
): Promise<void> {
  await db
    .delete(loginFailures)
    .where(and(eq(loginFailures.email, attempt.email), eq(loginFailures.ip, attempt.ip)));
}
