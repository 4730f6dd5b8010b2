import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobEngine } from '../src/jobs/engine.ts';
import { importItemQueue } from '../src/jobs/import-queues.ts';
import { importItems } from '../src/store/schema/index.ts';
import { importItem } from '../src/sync/import-item.ts';
import { planImportRun } from '../src/sync/import-run.ts';
import type { ImportFixture } from './support/import-fixture.ts';
import { bakery, installer, loketControl } from './support/import-fixture.ts';
import {
  startFixtureWithQueues,
  startImportWorker,
  stopFixtureWithQueues,
} from './support/import-worker-process.ts';
import { expectEachPostedOnce } from './support/posted-once.ts';
import { waitFor } from './support/wait-for.ts';

const STALE_AFTER_MS = 4000;

let fixture: ImportFixture;
let jobs: JobEngine;

function startWorker() {
  return startImportWorker(fixture, { STALE_AFTER_MS: String(STALE_AFTER_MS) });
}

/** A fixed sequence of pauses, so a failing run can be repeated. */
function* pauses(seed: number): Generator<number> {
  let state = seed;
  for (;;) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    yield 500 + (state % 2500);
  }
}

/** Reads the ledger until every item is posted or the time is up. */
function allPosted(timeoutMs: number) {
  return waitFor(
    () => fixture.env.db.select().from(importItems),
    (items) => items.every((i) => i.state === 'posted'),
    timeoutMs,
  );
}

/** Each scenario gets its own database, sandboxes and queue, so one's leftovers never slow the other. */
function useFixture() {
  beforeAll(async () => {
    ({ fixture, jobs } = await startFixtureWithQueues());
  }, 60_000);
  afterAll(() => stopFixtureWithQueues({ fixture, jobs }));
}

describe('a worker killed with SIGKILL at random moments', () => {
  useFixture();

  it('leaves 0 duplicates and 0 missing documents in Yuki', async () => {
    const plans = [
      { administrationId: fixture.bakeryId, fromPeriodId: 202608, toPeriodId: 202610 },
      { administrationId: fixture.installerId, fromPeriodId: 202609, toPeriodId: 202610 },
    ];
    for (const plan of plans) {
      const run = await planImportRun(fixture.env, {
        ...plan,
        trigger: 'backfill',
        requestedLabel: 'test',
        includeExported: true,
      });
      for (const itemId of run.itemIds) await jobs.send(importItemQueue, { itemId, runId: run.runId });
    }
    const planned = await fixture.env.db.select().from(importItems);
    expect(planned.length).toBeGreaterThanOrEqual(50);
    // One document of each kind per administration is posted unharmed first: what a killed first post
    // of a kind leaves is otherwise (rightly) a 'check in Yuki' for a person, as nothing proves the search.
    const firstOfEachKind = new Map(
      planned.map((item) => [`${item.administrationId} ${item.kind}`, item.id]),
    );
    for (const itemId of firstOfEachKind.values())
      expect((await importItem(fixture.env, itemId)).outcome).toBe('posted');

    // Slow answers, so that most kills land while a request is in flight.
    fixture.yuki.setFaults({ latencyMs: 300 });
    fixture.loket.setFaults({ latencyMs: 100 });
    const wait = pauses(42);
    const postedAfterKill: number[] = [];
    for (let round = 0; round < 8; round++) {
      const worker = startWorker();
      await worker.started;
      await new Promise((resolve) => setTimeout(resolve, wait.next().value as number));
      worker.child.kill('SIGKILL');
      await worker.exited;
      const states = await fixture.env.db.select({ state: importItems.state }).from(importItems);
      postedAfterKill.push(states.filter((s) => s.state === 'posted').length);
    }
    // The kills fell in the middle of the work: some was done, some was left for the last worker.
    expect(postedAfterKill.at(-1)).toBeGreaterThan(0);
    expect(postedAfterKill.at(-1)).toBeLessThan(planned.length);
    // Let the claims of the last killed worker go stale, then one worker finishes the job.
    await new Promise((resolve) => setTimeout(resolve, STALE_AFTER_MS + 500));
    const last = startWorker();
    const items = await allPosted(120_000);
    last.child.kill('SIGKILL');
    await last.exited;

    expectEachPostedOnce(fixture.yuki, items);
    const { documents, journals } = fixture.yuki.state;
    // Some kills caught an item between claim and record: those were reconciled or posted once.
    expect(items.some((i) => i.attempts > 1)).toBe(true);
    const uploads = documents.filter((d) => d.folder === 4 || d.folder === 5);
    expect(uploads).toHaveLength(items.filter((i) => i.kind !== 'journal').length);
    expect(journals).toHaveLength(items.filter((i) => i.kind === 'journal').length);
  }, 240_000);
});

describe('two workers racing for the same administrations', () => {
  useFixture();

  it('post every document once, even with every job sent twice', async () => {
    fixture.yuki.setFaults({ latencyMs: 50 });
    fixture.loket.setFaults({ latencyMs: 0 });
    const payrollAdministrations = [
      bakery.loket.payrollAdministrationId,
      installer.loket.payrollAdministrationId,
    ];
    for (const payrollAdministrationId of payrollAdministrations) {
      await loketControl(fixture, '/payroll-runs', { payrollAdministrationId });
      const taxReturn = fixture.loket.world.taxReturns
        .filter((t) => t.administrationId === payrollAdministrationId)
        .at(-1);
      if (taxReturn?.status === 3)
        await loketControl(fixture, `/payroll-tax-returns/${taxReturn.id}/status`, { status: 5 });
    }
    for (const administrationId of [fixture.bakeryId, fixture.installerId]) {
      const run = await planImportRun(fixture.env, {
        administrationId,
        trigger: 'manual',
        requestedLabel: 'test',
        fromPeriodId: 202611,
        toPeriodId: 202612,
      });
      for (const itemId of run.itemIds) {
        await jobs.send(importItemQueue, { itemId, runId: run.runId });
        await jobs.send(importItemQueue, { itemId, runId: run.runId });
      }
    }
    expect((await fixture.env.db.select().from(importItems)).length).toBeGreaterThanOrEqual(50);

    const workers = [startWorker(), startWorker()];
    await Promise.all(workers.map((w) => w.started));
    const items = await allPosted(90_000);
    for (const worker of workers) worker.child.kill('SIGKILL');
    await Promise.all(workers.map((w) => w.exited));

    expectEachPostedOnce(fixture.yuki, items);
  }, 150_000);
});
