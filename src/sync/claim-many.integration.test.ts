import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  itemRow,
  planBakeryPayslips,
  startImportFixture,
  type ImportFixture,
} from '../../test/support/import-fixture.ts';
import { importItems } from '../store/schema/index.ts';
import { claimManyAtOnce } from './claim.ts';
import { claimOptionsOf, importItemAs } from './import-item.ts';
import { CLAIM_HEARTBEAT_MS } from './timers.ts';

let fixture: ImportFixture;
let itemIds: string[] = [];

beforeAll(async () => {
  fixture = await startImportFixture({ importFromPeriod: '2026-10' });
  itemIds = await planBakeryPayslips(fixture);
});
afterAll(() => fixture.close());

describe('the item jobs fetched together, claimed in one statement (issue 13 P1)', () => {
  it('claims each claimable item once, with an attempt of its own, and leaves the rest to be read and decided', async () => {
    const [first, second, busy] = itemIds;
    await fixture.env.db
      .update(importItems)
      .set({ state: 'posting', attemptId: randomUUID(), heartbeatAt: fixture.clock.now })
      .where(eq(importItems.id, busy!));
    const claims = await claimManyAtOnce(
      fixture.env.db,
      [first!, second!, busy!, first!],
      claimOptionsOf(fixture.env),
    );
    expect([...claims.keys()].sort()).toEqual([first, second].sort());
    const [one, two] = [claims.get(first!)!, claims.get(second!)!];
    expect(one.attemptId).not.toBe(two.attemptId);
    expect(await itemRow(fixture, first!)).toMatchObject({
      state: 'posting',
      attemptId: one.attemptId,
      attempts: 1,
    });
    expect(one.linkVersion).toMatch(/^\d+:\d+:\d+:/);
    expect(one.searchFirst).toBe(false);

    // A claimed item posts as a claim of its own would.
    const { outcome } = await importItemAs(fixture.env, first!, one);
    expect(outcome).toMatchObject({ outcome: 'posted' });
    expect(await itemRow(fixture, first!)).toMatchObject({
      state: 'posted',
      yukiDocumentId: expect.any(String),
    });
  });

  it('beats before it goes on when its claim waited for the jobs before it, and posts nothing once the claim was taken over', async () => {
    const [, , , waiting, taken] = itemIds;
    const claims = await claimManyAtOnce(fixture.env.db, [waiting!, taken!], claimOptionsOf(fixture.env));
    const documents = fixture.yuki.state.documents.length;
    fixture.clock.now = new Date(fixture.clock.now.getTime() + CLAIM_HEARTBEAT_MS + 1_000);
    // Another worker took the second claim over meanwhile (its own attempt).
    await fixture.env.db
      .update(importItems)
      .set({ attemptId: randomUUID() })
      .where(eq(importItems.id, taken!));
    const loketCalls = fixture.loket.requests.total;
    const lost = await importItemAs(fixture.env, taken!, claims.get(taken!)!);
    expect(lost.outcome).toEqual({ outcome: 'busy' });
    // Stopped at the beat: not even the payslip was fetched from Loket.
    expect(fixture.loket.requests.total).toBe(loketCalls);
    expect(fixture.yuki.state.documents).toHaveLength(documents);

    const kept = await importItemAs(fixture.env, waiting!, claims.get(waiting!)!);
    expect(kept.outcome).toMatchObject({ outcome: 'posted' });
  });
});
