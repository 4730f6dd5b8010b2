import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportFixture } from '../../test/support/import-fixture.ts';
import { itemRow, planBakeryPayslips, startImportFixture } from '../../test/support/import-fixture.ts';
import { importItems } from '../store/schema/index.ts';
import { importItem } from './import-item.ts';
import { markerTag } from './item-key.ts';

let fixture: ImportFixture;
let payslips: string[];

beforeAll(async () => {
  fixture = await startImportFixture({ importFromPeriod: '2026-10' });
  payslips = await planBakeryPayslips(fixture);
}, 60_000);
afterAll(() => fixture.close());

const inYuki = (marker: string) =>
  fixture.yuki.state.documents.filter((d) => d.subject.includes(markerTag(marker)));

/** Another worker takes the claim over, as it would a stale one. */
async function takeOver(itemId: string) {
  await fixture.env.db
    .update(importItems)
    .set({ attemptId: randomUUID(), heartbeatAt: fixture.clock.now })
    .where(eq(importItems.id, itemId));
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a claim lives by its heartbeat (issue 11.2)', () => {
  it('the live attempt refreshes its heartbeat, and stops without posting once its claim is taken over', async () => {
    const itemId = payslips[0] ?? '';
    // Loket is slow: the attempt is still fetching the PDF when its claim is taken.
    fixture.loket.setFaults({ latencyMs: 1500 });
    let beat = 0;
    const clock = () => new Date(fixture.clock.now.getTime() + beat++ * 1000);
    const attempt = importItem({ ...fixture.env, now: clock, heartbeatMs: 100 }, itemId);
    await pause(500);
    const running = await itemRow(fixture, itemId);
    expect(running.state).toBe('posting');
    expect(running.heartbeatAt?.getTime()).toBeGreaterThan(running.claimedAt?.getTime() ?? Infinity);
    await takeOver(itemId);
    expect(await attempt).toEqual({ outcome: 'busy' });
    fixture.loket.setFaults({});
    expect(inYuki(running.marker)).toEqual([]);
  }, 30_000);

  it('even between two beats, a lost claim is never posted on: the post call is gated on the claim', async () => {
    const itemId = payslips[1] ?? '';
    fixture.loket.setFaults({ latencyMs: 800 });
    const attempt = importItem({ ...fixture.env, heartbeatMs: 60_000 }, itemId);
    await pause(300);
    await takeOver(itemId);
    expect(await attempt).toEqual({ outcome: 'busy' });
    fixture.loket.setFaults({});
    const row = await itemRow(fixture, itemId);
    expect(row.maybePostedSince).toBeNull();
    expect(inYuki(row.marker)).toEqual([]);
  }, 30_000);

  it('a claim made long ago with a fresh heartbeat is alive; one whose heartbeat stopped is taken over', async () => {
    const itemId = payslips[2] ?? '';
    const now = fixture.clock.now.getTime();
    await fixture.env.db
      .update(importItems)
      .set({
        state: 'posting',
        attemptId: randomUUID(),
        attempts: 1,
        claimedAt: new Date(now - 10 * 60_000),
        heartbeatAt: new Date(now - 5_000),
      })
      .where(eq(importItems.id, itemId));
    expect(await importItem(fixture.env, itemId)).toEqual({
      outcome: 'busy',
      retryAt: new Date(now - 5_000 + 60_000),
    });
    await fixture.env.db
      .update(importItems)
      .set({ heartbeatAt: new Date(now - 61_000) })
      .where(eq(importItems.id, itemId));
    // It died before its post call (no "may have been posted"): posted at once, once.
    expect(await importItem(fixture.env, itemId)).toMatchObject({ outcome: 'posted' });
    expect(inYuki((await itemRow(fixture, itemId)).marker)).toHaveLength(1);
  }, 30_000);
});
