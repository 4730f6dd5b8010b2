import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportFixture } from '../../test/support/import-fixture.ts';
import { startImportFixture } from '../../test/support/import-fixture.ts';
import { administrationItemCounts, importItems } from '../store/schema/index.ts';
import { settleCheck } from './check-in-yuki.ts';
import type { ImportItemEnvironment } from './import-item.ts';
import { importItem } from './import-item.ts';
import { planImportRun } from './import-run.ts';

let fixture: ImportFixture;
let env: ImportItemEnvironment;

beforeAll(async () => {
  fixture = await startImportFixture({ importFromPeriod: '2026-10' });
  env = { ...fixture.env, attemptDeadlineMs: 2000, settleAfterMs: 0 };
}, 60_000);
afterAll(() => fixture.close());

type Counts = { failed: number; needsCheck: number; waitingQuota: number; lastPeriodId: number | null };

/** The trigger-kept counters (migration 0015), per administration that has them. */
async function kept(): Promise<Record<string, Counts>> {
  const rows = await fixture.env.db.select().from(administrationItemCounts);
  return Object.fromEntries(
    rows
      .filter((row) => row.lastPeriodId !== null || row.failed + row.needsCheck + row.waitingQuota > 0)
      .map(({ administrationId, ...counts }) => [administrationId, counts]),
  );
}

/** The same, counted again from the items themselves. */
async function recount(): Promise<Record<string, Counts>> {
  const rows = await fixture.env.db
    .select({
      administrationId: importItems.administrationId,
      failed: sql<number>`(count(*) filter (where ${importItems.state} = 'failed'))::int`,
      needsCheck: sql<number>`(count(*) filter (where ${importItems.state} = 'needs_check'))::int`,
      waitingQuota: sql<number>`(count(*) filter (where ${importItems.state} = 'waiting_quota'))::int`,
      lastPeriodId: sql<number>`max(${importItems.periodId})::int`,
    })
    .from(importItems)
    .groupBy(importItems.administrationId);
  return Object.fromEntries(rows.map(({ administrationId, ...counts }) => [administrationId, counts]));
}

async function expectExact(): Promise<Record<string, Counts>> {
  const counts = await kept();
  expect(counts).toEqual(await recount());
  return counts;
}

describe('the per-administration counters of the Importstatus page (issue 13 P5)', () => {
  it('equal a recount after planning, failures, retries, a check in Yuki, quota waits and retention', async () => {
    const planned = await planImportRun(env, {
      administrationId: fixture.bakeryId,
      trigger: 'manual',
      requestedLabel: 'test',
      kinds: ['payslip'],
    });
    const [first, second, third, fourth] = planned.itemIds;
    if (!first || !second || !third || !fourth) throw new Error('four payslips expected');
    expect((await expectExact())[fixture.bakeryId]).toMatchObject({ failed: 0, needsCheck: 0 });

    fixture.yuki.setFaults({ searchFindsNothing: true });
    expect(await importItem(env, first)).toMatchObject({ outcome: 'posted' });
    // An answer Yuki gives that the product does not know: failed, and it may be in Yuki.
    fixture.yuki.setFaults({ failCalls: { UploadDocumentWithData: ['Object reference not set.'] } });
    expect(await importItem(env, second)).toMatchObject({ outcome: 'failed', maybePosted: true });
    expect((await expectExact())[fixture.bakeryId]).toMatchObject({ failed: 1, needsCheck: 0 });
    // The retry cannot prove it is not there: it waits for a person.
    expect(await importItem(env, second)).toEqual({ outcome: 'needs_check' });
    expect((await expectExact())[fixture.bakeryId]).toMatchObject({ failed: 0, needsCheck: 1 });
    // A person says it is not in Yuki: planned again, then posted once.
    await settleCheck(
      fixture.env.db,
      { administrationId: fixture.bakeryId, itemId: second },
      { decision: 'not_in_yuki', checkedBy: 'backoffice@jansen-deboer.nl' },
    );
    expect((await expectExact())[fixture.bakeryId]).toMatchObject({ failed: 0, needsCheck: 0 });
    expect(await importItem(env, second)).toMatchObject({ outcome: 'posted' });
    fixture.yuki.setFaults({ searchFindsNothing: false });

    // Several rows in one statement, as the engine parks a batch for the next Yuki day.
    await fixture.env.db
      .update(importItems)
      .set({ state: 'waiting_quota' })
      .where(inArray(importItems.id, [third, fourth]));
    expect((await expectExact())[fixture.bakeryId]).toMatchObject({ waitingQuota: 2 });

    // Retention deletes items: the counts and the newest period follow.
    const newest = (await kept())[fixture.bakeryId]!.lastPeriodId!;
    await fixture.env.db
      .delete(importItems)
      .where(sql`${importItems.administrationId} = ${fixture.bakeryId} and ${importItems.periodId} = ${newest}`);
    const after = await expectExact();
    expect(after[fixture.bakeryId]?.lastPeriodId ?? null).not.toBe(newest);
    await fixture.env.db.delete(importItems).where(eq(importItems.administrationId, fixture.bakeryId));
    expect((await expectExact())[fixture.bakeryId]).toBeUndefined();
  }, 60_000);
});
