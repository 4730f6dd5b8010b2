import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/support/database.ts';
import type { DatabaseHandle } from '../store/database.ts';
import { YukiDailyLimitError } from '../yuki/errors.ts';
import { databaseCallBudget, LEASE_CALLS } from './yuki-call-budget.ts';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const clock = { now: new Date('2026-11-18T10:00:00Z') };
const budgetOf = (dailyLimit: number) =>
  databaseCallBudget(database.db, {
    dailyLimit,
    booksReserve: { share: 0, minimumCalls: 0 },
    now: () => clock.now,
  });

async function spend(budget: ReturnType<typeof budgetOf>, domainId: string, calls: number) {
  let made = 0;
  for (let call = 0; call < calls; call++) {
    try {
      await budget.reserve(domainId);
      made += 1;
    } catch (error) {
      if (!(error instanceof YukiDailyLimitError)) throw error;
    }
  }
  return made;
}

describe('the Yuki call budget in leases (issue 13 P1)', () => {
  it('takes calls in leases while the day has room, one statement per lease, and gives back what it did not use', async () => {
    const budget = budgetOf(1000);
    await budget.reserve('domein-lease');
    // One call made, a whole lease counted.
    expect((await budget.status('domein-lease')).used).toBe(LEASE_CALLS);
    expect(await spend(budget, 'domein-lease', LEASE_CALLS - 1)).toBe(LEASE_CALLS - 1);
    expect((await budget.status('domein-lease')).used).toBe(LEASE_CALLS);
    await budget.reserve('domein-lease');
    expect((await budget.status('domein-lease')).used).toBe(2 * LEASE_CALLS);
    // Idle, the process gives back the calls of the lease it did not make.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect((await budget.status('domein-lease')).used).toBe(LEASE_CALLS + 1);
  });

  it('never lets two processes together spend more than the limit; near the end it takes one call at a time', async () => {
    // Two budgets on one database: two worker processes, each with its own leases.
    const [first, second] = [budgetOf(200), budgetOf(200)];
    const made = await Promise.all([spend(first, 'domein-krap', 150), spend(second, 'domein-krap', 150)]);
    expect(made[0]! + made[1]!).toBe(200);
    expect((await first.status('domein-krap')).used).toBe(200);
    await expect(first.reserve('domein-krap')).rejects.toBeInstanceOf(YukiDailyLimitError);
  });

  it('a small budget is never leased: every call counts as it is made', async () => {
    const budget = budgetOf(40);
    expect(await spend(budget, 'domein-klein', 3)).toBe(3);
    expect((await budget.status('domein-klein')).used).toBe(3);
  });
});
