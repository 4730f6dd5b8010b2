/**
 * @module sync/yuki-call-budget
 * Yuki's daily call budget per domain, kept in the database so every worker and every restart shares
 * one count. Reserving is one conditional UPDATE, atomic on PGlite and PostgreSQL alike, so concurrent
 * workers can never spend more than the limit. Calls that keep the reserve (payslips) stop short of the
 * last part of the day's budget, so a journal or tax return planned later that day still fits.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../store/database.ts';
import { yukiCallBudgets } from '../store/schema/index.ts';
import type { YukiCallBudget } from '../yuki/budget.ts';
import { yukiDay } from '../yuki/budget.ts';
import { YukiDailyLimitError } from '../yuki/errors.ts';

/** The last part of a day's budget that only the books may spend: a share of the limit, at least so many calls. */
export type BooksReserve = { share: number; minimumCalls: number };

/** 5% of the day's calls, at least 10: room for the journals and tax returns of a late payroll run. */
export const BOOKS_RESERVE: BooksReserve = { share: 0.05, minimumCalls: 10 };

/** Yuki's free tier: calls per domain per Yuki day. */
export const YUKI_DAILY_CALL_LIMIT = 1000;

export type DatabaseCallBudgetOptions = {
  /** Calls per domain per Yuki day; default `YUKI_DAILY_CALL_LIMIT`. */
  dailyLimit?: number;
  /** Default `BOOKS_RESERVE`; tests with a small budget set their own. */
  booksReserve?: BooksReserve;
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
  const limit = options.dailyLimit ?? YUKI_DAILY_CALL_LIMIT;
  const now = options.now ?? (() => new Date());
  const { share, minimumCalls } = options.booksReserve ?? BOOKS_RESERVE;
  const reserveCalls = sql`greatest(ceil(${yukiCallBudgets.callLimit} * ${share}::float8), ${minimumCalls}::int)`;
  const today = (domainId: string) =>
    and(eq(yukiCallBudgets.yukiDomainId, domainId), eq(yukiCallBudgets.day, yukiDay(now())));

  async function ensureRow(domainId: string): Promise<void> {
    await db
      .insert(yukiCallBudgets)
      .values({ yukiDomainId: domainId, day: yukiDay(now()), used: 0, callLimit: limit })
      .onConflictDoNothing();
  }

  async function status(domainId: string) {
    const [row] = await db.select().from(yukiCallBudgets).where(today(domainId));
    return { day: yukiDay(now()), used: row?.used ?? 0, limit: row?.callLimit ?? limit };
  }

  return {
    async reserve(domainId, reserveOptions = {}) {
      const ceiling = reserveOptions.keepReserve
        ? sql`${yukiCallBudgets.callLimit} - ${reserveCalls}`
        : sql`${yukiCallBudgets.callLimit}`;
      const take = async () =>
        (
          await db
            .update(yukiCallBudgets)
            .set({ used: sql`${yukiCallBudgets.used} + 1` })
            .where(and(today(domainId), sql`${yukiCallBudgets.used} < ${ceiling}`))
            .returning({ used: yukiCallBudgets.used })
        ).length === 1;
      // The day's row exists after its first call: only then is it created, one statement per call after.
      if (await take()) return;
      await ensureRow(domainId);
      if (await take()) return;
      const { used, limit: dayLimit } = await status(domainId);
      if (used < dayLimit)
        throw new YukiDailyLimitError(domainId, {
          reserve: true,
          detail: `${used} of ${dayLimit} calls used today; the rest is kept for journals and tax returns`,
        });
      throw new YukiDailyLimitError(domainId, { detail: `all ${dayLimit} calls of today are used` });
    },
    async exhausted(domainId) {
      await ensureRow(domainId);
      await db
        .update(yukiCallBudgets)
        .set({ used: sql`${yukiCallBudgets.callLimit}` })
        .where(today(domainId));
    },
    status,
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
