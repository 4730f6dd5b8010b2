/**
 * Issue 11.2: a worker killed with SIGKILL while it holds a claim. Another worker, already running, takes
 * the claim over once its heartbeat stopped and finishes the item — in seconds here (short stale age and
 * sweep), well under the 2 minutes the production timers promise (sync/timers.unit.test.ts) — and every
 * document is in Yuki exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobEngine } from '../src/jobs/engine.ts';
import { importItemQueue } from '../src/jobs/import-queues.ts';
import { importItems } from '../src/store/schema/index.ts';
import { importItem } from '../src/sync/import-item.ts';
import { planImportRun } from '../src/sync/import-run.ts';
import type { ImportFixture } from './support/import-fixture.ts';
import {
  startFixtureWithQueues,
  startImportWorker,
  stopFixtureWithQueues,
} from './support/import-worker-process.ts';
import { expectEachPostedOnce } from './support/posted-once.ts';
import { waitFor } from './support/wait-for.ts';

const STALE_AFTER_MS = 3000;

let fixture: ImportFixture;
let jobs: JobEngine;

function startWorker() {
  return startImportWorker(fixture, {
    STALE_AFTER_MS: String(STALE_AFTER_MS),
    HEARTBEAT_MS: '500',
    SWEEP_EVERY_MS: '1000',
  });
}

beforeAll(async () => {
  ({ fixture, jobs } = await startFixtureWithQueues({ importFromPeriod: '2026-10' }));
}, 60_000);
afterAll(() => stopFixtureWithQueues({ fixture, jobs }));

describe('a worker killed while it holds claims', () => {
  it('another live worker finishes its items within seconds, each posted exactly once', async () => {
    const run = await planImportRun(fixture.env, {
      administrationId: fixture.bakeryId,
      trigger: 'manual',
      requestedLabel: 'test',
      kinds: ['payslip'],
    });
    const [posted, ...rest] = run.itemIds;
    expect(rest.length).toBeGreaterThan(2);
    // One payslip is in Yuki already, so a search for one the dead worker may have sent can be proven
    // (else that one would rightly wait for a person to check in Yuki).
    expect(await importItem(fixture.env, posted ?? '')).toMatchObject({ outcome: 'posted' });
    // Yuki answers slowly, so the first worker is caught holding claims.
    fixture.yuki.setFaults({ latencyMs: 1500 });
    const first = startWorker();
    await first.started;
    for (const itemId of rest) await jobs.send(importItemQueue, { itemId, runId: run.runId });
    await waitFor(
      () => fixture.env.db.select().from(importItems),
      (items) => items.some((i) => i.state === 'posting'),
      20_000,
    );
    // The second worker is up (its start-up sweep done) before the first dies: only a live sweep or the
    // job engine can bring the dead worker's claims back.
    const second = startWorker();
    await second.started;
    first.child.kill('SIGKILL');
    await first.exited;
    const killedAt = Date.now();
    const atKill = await fixture.env.db.select().from(importItems);
    expect(atKill.some((i) => i.state === 'posting')).toBe(true);
    fixture.yuki.setFaults({ latencyMs: 0 });

    const items = await waitFor(
      () => fixture.env.db.select().from(importItems),
      (rows) => rows.every((i) => i.state === 'posted'),
      60_000,
    );
    const recoveredInMs = Date.now() - killedAt;
    second.child.kill('SIGKILL');
    await second.exited;

    expect(recoveredInMs).toBeLessThan(30_000);
    expectEachPostedOnce(fixture.yuki, items);
    // Claims of the dead worker were taken over: a second attempt on them.
    expect(items.some((i) => i.attempts >= 2)).toBe(true);
  }, 120_000);
});
