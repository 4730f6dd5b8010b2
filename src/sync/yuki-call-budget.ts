/**
 * @module sync/yuki-call-budget
 * Yuki's daily call budget per domain, kept in the database so every worker and every restart shares
 * one count. Reserving is one conditional UPDATE, atomic on PGlite and PostgreSQL alike, so concurrent
 * workers can never spend more than the limit.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../store/database.ts';
import { yukiCallBudgets } from '../store/schema/index.ts';
import type { YukiCallBudget } from '../yuki/budget.ts';
import { yukiDay } from '../yuki/budget.ts';
import { YukiDailyLimitError } from '../yuki/errors.ts';

export type DatabaseCallBudgetOptions = {
  /** Calls per domain per Yuki day (Yuki's free tier: 1,000). */
  dailyLimit?: number;
  now?: () => Date;
};

export type DatabaseCallBudget = YukiCallBudget & {
  /** Calls used and the limit today, for the UI and the scheduler. */
  status(domainId: string): Promise<{ day: string; used: number; limit: number }>;
};

export function databaseCallBudget(
  db: Database,
  options: DatabaseCallBudgetOptions = {},
): DatabaseCallBudget {
  const limit = options.dailyLimit ?? 1000;
  const now = options.now ?? (() => new Date());
  const today = (domainId: string) =>
    and(eq(yukiCallBudgets.yukiDomainId, domainId), eq(yukiCallBudgets.day, yukiDay(now())));

  async function ensureRow(domainId: string): Promise<void> {
    await db
      .insert(yukiCallBudgets)
      .values({ yukiDomainId: domainId, day: yukiDay(now()), used: 0, callLimit: limit })
      .onConflictDoNothing();
  }

  return {
    async reserve(domainId) {
      await ensureRow(domainId);
      const [row] = await db
        .update(yukiCallBudgets)
        .set({ used: sql`${yukiCallBudgets.used} + 1` })
        .where(and(today(domainId), sql`${yukiCallBudgets.used} < ${yukiCallBudgets.callLimit}`))
        .returning({ used: yukiCallBudgets.used });
      if (!row) throw new YukiDailyLimitError(domainId, { detail: `all ${limit} calls of today are used` });
    },
    async exhausted(domainId) {
      await ensureRow(domainId);
      await db
        .update(yukiCallBudgets)
        .set({ used: sql`${yukiCallBudgets.callLimit}` })
        .where(today(domainId));
    },
    async status(domainId) {
      const [row] = await db.select().from(yukiCallBudgets).where(today(domainId));
      return { day: yukiDay(now()), used: row?.used ?? 0, limit: row?.callLimit ?? limit };
    },
  };
}

/** The first moment of the next Yuki day (midnight in Amsterdam), when parked work may go on. */
export function nextYukiDayStart(at: Date): Date {
  const day = yukiDay(at);
  const next = yukiDay(new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000));
  // Midnight in Amsterdam is 22:00 or 23:00 UTC the evening before; pick the one where the day flips.
  for (const hours of [22, 23]) {
    const candidate = new Date(Date.parse(`${next}T00:00:00Z`) - (24 - hours) * 3_600_000);
    if (yukiDay(candidate) === next && yukiDay(new Date(candidate.getTime() - 1)) !== next) return candidate;
  }
  throw new Error(`no midnight found after ${at.toISOString()}`);
}
