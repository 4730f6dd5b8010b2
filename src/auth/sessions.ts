/**
 * @module sessions
 * Login sessions. The browser holds a random token; the table holds only its SHA-256 and the session's
 * CSRF token. A session ends after 12 hours without use or 7 days after login, whichever comes first.
 */
import { and, eq, gt, lt } from 'drizzle-orm';
import { sessions } from '../store/schema/tenancy.ts';
import type { Database } from '../store/database.ts';
import { hashToken, newToken } from './tokens.ts';

export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** Writing last_seen_at on every request would turn every read into a write. */
export const SESSION_TOUCH_INTERVAL_MS = 60 * 1000;

export type Session = {
  tokenHash: string;
  userId: string;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
};

export type NewSession = { token: string; csrfToken: string; expiresAt: Date };

/** Starts a session for a user who just proved who they are; also clears their expired ones. */
export async function createSession(db: Database, userId: string, now = new Date()): Promise<NewSession> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = slidingExpiry(now, now);
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, now)));
  await db
    .insert(sessions)
    .values({ tokenHash: hashToken(token), userId, csrfToken, createdAt: now, lastSeenAt: now, expiresAt });
  return { token, csrfToken, expiresAt };
}

/** The live session behind a cookie token, or undefined when it is unknown or expired. */
export async function findSession(
  db: Database,
  token: string,
  now = new Date(),
): Promise<Session | undefined> {
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now)));
  return row;
}

/** Slides the idle expiry forward, at most once a minute, never past the absolute limit. */
export async function touchSession(db: Database, session: Session, now = new Date()): Promise<void> {
  if (now.getTime() - session.lastSeenAt.getTime() < SESSION_TOUCH_INTERVAL_MS) return;
  await db
    .update(sessions)
    .set({ lastSeenAt: now, expiresAt: slidingExpiry(session.createdAt, now) })
    .where(eq(sessions.tokenHash, session.tokenHash));
}

export async function destroySession(db: Database, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/** Ends every session of a user, e.g. after a password reset, on every device. */
export async function destroyUserSessions(db: Database, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export function slidingExpiry(createdAt: Date, now: Date): Date {
  return new Date(Math.min(now.getTime() + SESSION_IDLE_MS, createdAt.getTime() + SESSION_ABSOLUTE_MS));
}
