/**
 * @module throttle
 * Slows password guessing. Every attempt is counted before its password is checked, by one upsert per
 * counter that returns the new count, so a hundred simultaneous guesses cannot all slip through:
 * - per e-mail address and client address: 5 in 15 minutes, then refused (429) until the window ends;
 * - per client address: 20 in 15 minutes (an office behind one router), then refused likewise;
 * - per e-mail address from anywhere: past 10 in 15 minutes each attempt waits longer (up to 8 s), but
 *   is never refused, so someone guessing from elsewhere cannot lock the real person out.
 * A successful log-in gives back its own counts and clears the address+client counter.
 */
import { inArray, lt, sql } from 'drizzle-orm';
import { loginThrottle } from '../store/schema/tenancy.ts';
import { queryRows, type Database } from '../store/database.ts';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_ATTEMPTS_PER_EMAIL_AND_IP = 5;
/** Higher than per e-mail: a whole office signs in from one address behind its router. */
export const MAX_ATTEMPTS_PER_IP = 20;
/** From here on, attempts for one e-mail address (from any client) are slowed down, not refused. */
export const SLOW_DOWN_AFTER_PER_EMAIL = 10;
export const SLOW_DOWN_BASE_MS = 250;
export const SLOW_DOWN_MAX_MS = 8000;

export type LoginAttemptKey = { email: string; ip: string };
export type ThrottleVerdict =
  { throttled: false; delayMs: number } | { throttled: true; retryAfterSeconds: number };

const ipKey = (attempt: LoginAttemptKey) => `ip:${attempt.ip}`;
const emailIpKey = (attempt: LoginAttemptKey) => `email_ip:${attempt.email}|${attempt.ip}`;
const emailKey = (attempt: LoginAttemptKey) => `email:${attempt.email}`;

type Counted = { key: string; attempts: number; window_start: string | Date };

/** Adds one attempt to each key in a single statement and returns the counts after it. */
async function bump(db: Database, keys: string[], now: Date): Promise<Counted[]> {
  const windowOpen = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
  const rows = sql.join(
    keys.map((key) => sql`(${key}, ${now.toISOString()}::timestamptz, 1)`),
    sql`, `,
  );
  // A key whose window has passed starts a new one; SET sees the row as it was before this statement.
  return queryRows<Counted>(
    db,
    sql`insert into login_throttle as t (key, window_start, attempts) values ${rows}
        on conflict (key) do update set
          attempts = case when t.window_start > ${windowOpen}::timestamptz then t.attempts + 1 else 1 end,
          window_start = case when t.window_start > ${windowOpen}::timestamptz then t.window_start
                              else excluded.window_start end
        returning key, attempts, window_start`,
  );
}

/**
 * Counts this attempt and says whether it may go on to the password check, and after how long a pause.
 * Call it before verifying the password; on success call `loginSucceeded`.
 */
export async function reserveLoginAttempt(
  db: Database,
  attempt: LoginAttemptKey,
  now = new Date(),
): Promise<ThrottleVerdict> {
  const limits = new Map([
    [ipKey(attempt), MAX_ATTEMPTS_PER_IP],
    [emailIpKey(attempt), MAX_ATTEMPTS_PER_EMAIL_AND_IP],
  ]);
  const counted = await bump(db, [...limits.keys()], now);
  const over = counted.filter((row) => row.attempts > (limits.get(row.key) ?? Infinity));
  if (over.length > 0) {
    const freeAt = Math.max(...over.map((row) => new Date(row.window_start).getTime() + THROTTLE_WINDOW_MS));
    return { throttled: true, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000)) };
  }
  // Only attempts that reach the password check count towards the address-wide slow-down.
  const [perEmail] = await bump(db, [emailKey(attempt)], now);
  return { throttled: false, delayMs: slowDownFor(perEmail?.attempts ?? 0) };
}

/** The pause before checking the `attempts`-th password for one address: doubling, capped. */
export function slowDownFor(attempts: number): number {
  const excess = attempts - SLOW_DOWN_AFTER_PER_EMAIL;
  if (excess <= 0) return 0;
  return Math.min(SLOW_DOWN_MAX_MS, SLOW_DOWN_BASE_MS * 2 ** Math.min(excess - 1, 16));
}

/** After a success: forgets this address's count from this client, and gives back the other two. */
export async function loginSucceeded(db: Database, attempt: LoginAttemptKey): Promise<void> {
  await db.delete(loginThrottle).where(inArray(loginThrottle.key, [emailIpKey(attempt)]));
  await db
    .update(loginThrottle)
    .set({ attempts: sql`greatest(${loginThrottle.attempts} - 1, 0)` })
    .where(inArray(loginThrottle.key, [ipKey(attempt), emailKey(attempt)]));
}

/** Counters whose window ended before `before`; housekeeping drops them. */
export async function forgetOldAttempts(db: Database, before: Date): Promise<number> {
  const gone = await db.delete(loginThrottle).where(lt(loginThrottle.windowStart, before)).returning();
  return gone.length;
}
