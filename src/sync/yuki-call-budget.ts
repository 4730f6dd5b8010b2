/**
 * @module sync/yuki-call-budget
 * Yuki's daily call budget per domain, kept in the database so every worker and every restart shares
 * one count. Reserving is one conditional UPDATE, atomic on PGlite and PostgreSQL alike, so concurrent
 * workers can never spend more than the limit. Calls that keep the reserve (payslips) stop short of the
 * last part of the day's budget, so a journal or tax return planned later that day still fits. A busy
 * process takes 16 calls at once (a lease) while eight more leases would still fit, one at a time after
 * that, and gives back what it did not use once it is idle (issue 13 P1).
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

/** Calls a process takes at once at most; unused ones go back after `LEASE_IDLE_MS` without a call. */
export const LEASE_CALLS = 16;
const LEASE_IDLE_MS = 2_000;

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

  /** Calls taken but not yet made, per domain and reserve rule; `single` once the day is too short for leases. */
  const leases = new Map<
    string,
    { domainId: string; day: string; left: number; single: boolean; idle?: NodeJS.Timeout }
  >();
  /** One reservation per domain and rule at a time, so two slots never both take a lease. */
  const turns = new Map<string, Promise<unknown>>();

  /** Gives a lease's unused calls back to its day's count. */
  async function giveBack(key: string): Promise<void> {
    const lease = leases.get(key);
    if (!lease) return;
    leases.delete(key);
    clearTimeout(lease.idle);
    if (lease.left === 0) return;
    await db
      .update(yukiCallBudgets)
      .set({ used: sql`greatest(${yukiCallBudgets.used} - ${lease.left}, 0)` })
      .where(and(eq(yukiCallBudgets.yukiDomainId, lease.domainId), eq(yukiCallBudgets.day, lease.day)));
  }

  /** Takes `calls` in one statement if they fit; a lease only while eight more would still fit after it. */
  async function take(domainId: string, keepReserve: boolean, calls: number): Promise<boolean> {
    const ceiling = keepReserve
      ? sql`${yukiCallBudgets.callLimit} - ${reserveCalls}`
      : sql`${yukiCallBudgets.callLimit}`;
    const room = calls === 1 ? 0 : calls * 8;
    const rows = await db
      .update(yukiCallBudgets)
      .set({ used: sql`${yukiCallBudgets.used} + ${calls}::int` })
      .where(and(today(domainId), sql`${yukiCallBudgets.used} + ${calls + room}::int <= ${ceiling}`))
      .returning({ used: yukiCallBudgets.used });
    return rows.length === 1;
  }

  async function reserveCall(domainId: string, keepReserve: boolean): Promise<void> {
    const day = yukiDay(now());
    const key = `${domainId}|${keepReserve}`;
    let lease = leases.get(key);
    if (lease && lease.day !== day) {
      await giveBack(key);
      lease = undefined;
    }
    if (lease && lease.left > 0) {
      lease.left -= 1;
      lease.idle?.refresh();
      return;
    }
    // The spent lease's idle timer must not give back the next one's calls while they are in use.
    clearTimeout(lease?.idle);
    const single = lease?.single ?? false;
    const leased = async () => !single && (await take(domainId, keepReserve, LEASE_CALLS));
    const taken = async () =>
      (await leased()) ? LEASE_CALLS : (await take(domainId, keepReserve, 1)) ? 1 : 0;
    // The day's row exists after its first call: only then is it created.
    let calls = await taken();
    if (calls === 0) {
      await ensureRow(domainId);
      calls = await taken();
    }
    if (calls > 0) {
      const next = { domainId, day, left: calls - 1, single: single || calls === 1 };
      leases.set(key, next);
      if (next.left > 0) {
        const idle = setTimeout(() => void giveBack(key).catch(() => undefined), LEASE_IDLE_MS);
        idle.unref();
        Object.assign(next, { idle });
      }
      return;
    }
    const { used, limit: dayLimit } = await status(domainId);
    if (used < dayLimit)
      throw new YukiDailyLimitError(domainId, {
        reserve: true,
        detail: `${used} of ${dayLimit} calls used today; the rest is kept for journals and tax returns`,
      });
    throw new YukiDailyLimitError(domainId, { detail: `all ${dayLimit} calls of today are used` });
  }

  return {
    reserve(domainId, reserveOptions = {}) {
      const keepReserve = reserveOptions.keepReserve ?? false;
      const key = `${domainId}|${keepReserve}`;
      const turn = (turns.get(key) ?? Promise.resolve())
        .catch(() => undefined)
        .then(() => reserveCall(domainId, keepReserve));
      turns.set(key, turn);
      return turn;
    },
    async exhausted(domainId) {
      // Yuki's own count ran out: what this process still holds is spent too.
      for (const [key, lease] of leases)
        if (lease.domainId === domainId) {
          clearTimeout(lease.idle);
          leases.delete(key);
        }
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
