/**
 * @module housekeeping
 * The `system.housekeeping` queue, scheduled hourly: removes expired sessions, old failed log-ins and
 * spent password-reset links, so those tables stay small and nothing sensitive lingers; and vacuums the
 * embedded database, which has no autovacuum of its own.
 */
import { and, isNotNull, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../store/database.ts';
import { passwordResets, sessions } from '../store/schema/index.ts';
import { forgetOldAttempts } from '../auth/throttle.ts';
import { defineQueue } from './queue.ts';

export const housekeepingQueue = defineQueue({
  name: 'system.housekeeping',
  payload: z.object({}),
  policy: { retryLimit: 2, retryDelaySeconds: 60, expireInSeconds: 300 },
});

export const HOUSEKEEPING_CRON = '17 * * * *';
const DAY_MS = 24 * 60 * 60 * 1000;

export type HousekeepingReport = { sessions: number; loginFailures: number; passwordResets: number };

export async function cleanUp(db: Database, now = new Date()): Promise<HousekeepingReport> {
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const expiredSessions = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning();
  const oldFailures = await forgetOldAttempts(db, dayAgo);
  const spentResets = await db
    .delete(passwordResets)
    .where(
      or(
        lt(passwordResets.expiresAt, now),
        and(isNotNull(passwordResets.usedAt), lt(passwordResets.usedAt, dayAgo)),
      ),
    )
    .returning();
  return {
    sessions: expiredSessions.length,
    loginFailures: oldFailures,
    passwordResets: spentResets.length,
  };
}

/**
 * PGlite is PostgreSQL in one process: no autovacuum worker ever runs, so every update of an import
 * item or a job leaves a dead row version and the planner never gets fresh statistics. An hourly
 * VACUUM (ANALYZE) does what autovacuum does on a server; the embedded database is small, so it is
 * quick (PostgreSQL servers vacuum themselves).
 */
export async function vacuumEmbedded(db: Database): Promise<void> {
  await db.execute(sql`vacuum (analyze)`);
}
