/**
 * @module yuki-budget
 * Yuki allows a fixed number of web-service calls per domain per day (1,000 by default). The client asks
 * a `YukiCallBudget` before every counted call, so a spent budget refuses the call before it is made.
 * The caller owns the count and persists it (e.g. a row per domain and day), so it survives restarts and
 * is shared by every worker; `memoryCallBudget` is the in-process version for tests and one-off tools.
 */
import { YukiDailyLimitError } from './errors.ts';

export interface YukiCallBudget {
  /**
   * Called once before each counted call (everything but Authenticate and Domains) with the domain it
   * counts against. Resolve to let the call go ahead, and count it; throw `YukiDailyLimitError` when the
   * domain's budget for today is spent. With `keepReserve` the call may not spend the part of the budget
   * the budget keeps for more important calls (a budget without a reserve ignores it).
   */
  reserve(domainId: string, options?: { keepReserve?: boolean }): Promise<void>;
  /**
   * Called when Yuki itself answers "Daily limit exceeded" (its count can run ahead of ours, e.g. other
   * software uses the same domain): treat the domain as spent until the day ends.
   */
  exhausted(domainId: string): Promise<void>;
}

// One formatter for every call: `toLocaleDateString` builds a new one each time, a hot spot of every Yuki call.
const amsterdamDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' });

/** Yuki counts calendar days; we assume Dutch time. */
export function yukiDay(at: Date): string {
  return amsterdamDay.format(at);
}

/** An in-memory budget of `limit` calls per domain per Yuki day. */
export function memoryCallBudget(
  limit: number,
  now: () => Date = () => new Date(),
): YukiCallBudget & { used(domainId: string): number } {
  const counts = new Map<string, number>();
  const keyOf = (domainId: string) => `${yukiDay(now())}|${domainId}`;
  return {
    async reserve(domainId) {
      const key = keyOf(domainId);
      const used = counts.get(key) ?? 0;
      if (used >= limit)
        throw new YukiDailyLimitError(domainId, { detail: `${used} of ${limit} calls used today` });
      counts.set(key, used + 1);
    },
    async exhausted(domainId) {
      counts.set(keyOf(domainId), limit);
    },
    used: (domainId) => counts.get(keyOf(domainId)) ?? 0,
  };
}
