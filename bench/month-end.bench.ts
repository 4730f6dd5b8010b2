/**
 * @module month-end.bench
 * Issue 13 P3: month-end for many administrations × 25 employees on PostgreSQL, both sandboxes answering
 * after 50 ms: the same payslips through 1 worker process and then through 4 (`test/support/import-worker.ts`
 * children, each with 4 item slots), timed from the first `import.administration` job to the last run
 * finished. Yuki's daily-limit faults are items whose error carries Yuki's "Daily limit exceeded".
 * The database is local (no latency proxy): only the APIs are 50 ms away.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { JobEngine } from '../src/jobs/engine.ts';
import { importAdministrationQueue } from '../src/jobs/import-queues.ts';
import {
  administrations,
  contractLines,
  importItems,
  importRuns,
  yukiCallBudgets,
} from '../src/store/schema/index.ts';
import { yukiDay } from '../src/yuki/budget.ts';
import type { ImportFixture } from '../test/support/import-fixture.ts';
import {
  startFixtureWithQueues,
  startImportWorker,
  stopFixtureWithQueues,
} from '../test/support/import-worker-process.ts';

const LATENCY_MS = 50;
const EMPLOYEES = 25;
/** Yuki's limit per domain and day, and ours: the one domain holds every administration here. */
const DAILY_CALLS = 1_000_000;

type Figures = { ms: number; items: number; posted: number; dailyLimitFaults: number };

async function setUp(administrationCount: number) {
  process.env.TEST_DB_ENGINE = 'postgres';
  const setup = await startFixtureWithQueues({
    // The Loket sandbox generates employers beyond the demo's; the demo's two stay out of the count.
    loket: {
      employers: administrationCount + 4,
      employeesPerAdministration: EMPLOYEES,
      faults: { latencyMs: LATENCY_MS },
    },
    yukiLatencyMs: LATENCY_MS,
    yukiDailyCallLimit: DAILY_CALLS,
    budgetLimit: DAILY_CALLS,
    importFromPeriod: '2026-10',
  });
  const { fixture } = setup;
  const { db } = fixture.env;
  const [bakery] = await db.select().from(administrations).where(eq(administrations.id, fixture.bakeryId));
  if (!bakery) throw new Error('no bakery');
  const taken = new Set(
    (await db.select({ code: administrations.relationCode }).from(administrations)).map((row) => row.code),
  );
  const loketAdministrations = fixture.loket.world.administrations
    .filter((administration) => !taken.has(administration.clientNumber))
    .slice(0, administrationCount);
  if (loketAdministrations.length < administrationCount)
    throw new Error(`the Loket sandbox has ${loketAdministrations.length} administrations to spare`);
  // All in the bakery's Yuki domain, each with its own Yuki administration made like the bakery's.
  const template = fixture.yuki.state.administrations.find((a) => a.id === bakery.yukiAdministrationId);
  if (!template) throw new Error('the Yuki sandbox lost the bakery');
  const yukiIds = loketAdministrations.map((administration) => {
    const id = randomUUID();
    fixture.yuki.state.administrations.push({ ...template, id, name: administration.name });
    return id;
  });
  const ids = (
    await db
      .insert(administrations)
      .values(
        loketAdministrations.map((administration, index) => ({
          portalId: bakery.portalId,
          domainId: bakery.domainId,
          yukiAdministrationId: yukiIds[index]!,
          name: administration.name,
          isStandard: false,
          relationCode: administration.clientNumber,
          loketEmployerId: administration.employerId,
          loketPayrollAdministrationId: administration.id,
          importFromPeriod: '2026-10',
        })),
      )
      .returning({ id: administrations.id })
  ).map((row) => row.id);
  // Not the standard administration: each needs an active contract line to be in the link.
  await db.insert(contractLines).values(
    ids.map((administrationId) => ({
      domainId: bakery.domainId,
      administrationId,
      status: 'active' as const,
    })),
  );
  return { ...setup, ids };
}

/** The worker processes count calls against the real day: give that day Yuki's own limit. */
async function allowTheDay(fixture: ImportFixture, yukiDomainId: string) {
  await fixture.env.db
    .insert(yukiCallBudgets)
    .values({ yukiDomainId, day: yukiDay(new Date()), used: 0, callLimit: DAILY_CALLS })
    .onConflictDoUpdate({
      target: [yukiCallBudgets.yukiDomainId, yukiCallBudgets.day],
      set: { used: 0, callLimit: DAILY_CALLS },
    });
}

async function monthEnd(
  setup: { fixture: ImportFixture; jobs: JobEngine; ids: string[] },
  workers: number,
): Promise<Figures> {
  const { fixture, jobs, ids } = setup;
  const { db } = fixture.env;
  const link = await fixture.env.loadLink(fixture.bakeryId);
  await allowTheDay(fixture, link.yukiDomainId);
  const children = Array.from({ length: workers }, () =>
    startImportWorker(fixture, { STALE_AFTER_MS: '120000' }),
  );
  try {
    await Promise.all(children.map((child) => child.started));
    const started = performance.now();
    for (const administrationId of ids)
      await jobs.send(importAdministrationQueue, {
        administrationId,
        trigger: 'schedule',
        requestedBy: null,
        requestedLabel: 'bench',
        kinds: ['payslip'],
      });
    for (;;) {
      const [open] = await db
        .select({ count: sql<number>`count(*)::int` })
        .from(importRuns)
        .where(
          and(inArray(importRuns.administrationId, ids), inArray(importRuns.state, ['planning', 'running'])),
        );
      const [runs] = await db
        .select({ count: sql<number>`count(*)::int` })
        .from(importRuns)
        .where(inArray(importRuns.administrationId, ids));
      if (Number(runs?.count) === ids.length && Number(open?.count) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const ms = performance.now() - started;
    const [counts] = await db
      .select({
        items: sql<number>`count(*)::int`,
        posted: sql<number>`(count(*) filter (where ${importItems.state} = 'posted'))::int`,
        dailyLimitFaults: sql<number>`(count(*) filter (where ${importItems.errorDetail} ilike '%daily limit%'))::int`,
      })
      .from(importItems)
      .where(inArray(importItems.administrationId, ids));
    if (!Number(counts?.items)) {
      const runs = await db
        .select({
          state: importRuns.state,
          error: importRuns.errorEn,
          detail: importRuns.errorDetail,
          summary: importRuns.summary,
        })
        .from(importRuns)
        .where(inArray(importRuns.administrationId, ids))
        .limit(3);
      throw new Error(`the month-end planned no payslips: ${JSON.stringify(runs)}`);
    }
    return {
      ms,
      items: Number(counts?.items),
      posted: Number(counts?.posted),
      dailyLimitFaults: Number(counts?.dailyLimitFaults),
    };
  } finally {
    for (const child of children) child.child.kill('SIGTERM');
    await Promise.all(children.map((child) => child.exited));
  }
}

/** Forgets the month, so the next round posts the same payslips again. */
async function forget(setup: { fixture: ImportFixture; ids: string[] }) {
  const { db } = setup.fixture.env;
  await db.delete(importItems).where(inArray(importItems.administrationId, setup.ids));
  await db.delete(importRuns).where(inArray(importRuns.administrationId, setup.ids));
  setup.fixture.yuki.state.documents.length = 0;
  await db.execute(sql`delete from pgboss.job where state <> 'active'`);
}

export async function monthEndBench(administrationCount: number): Promise<void> {
  if (!process.env.TEST_DATABASE_URL) {
    console.log('P3 not measured: set TEST_DATABASE_URL to a PostgreSQL server');
    return;
  }
  const setup = await setUp(administrationCount);
  try {
    const one = await monthEnd(setup, 1);
    await forget(setup);
    const four = await monthEnd(setup, 4);
    const faults = one.dailyLimitFaults + four.dailyLimitFaults;
    for (const [name, figures] of [
      ['1 worker', one],
      ['4 workers', four],
    ] as const)
      console.log(
        `P3 ${name}: ${figures.posted}/${figures.items} payslips of ${administrationCount} administrations in ` +
          `${(figures.ms / 1000).toFixed(1)} s (${((figures.posted * 1000) / figures.ms).toFixed(1)}/s)`,
      );
    console.log(
      `P3 4 workers / 1 worker ${(one.ms / four.ms).toFixed(2)}× (goal ≥ 3.5×), Yuki daily-limit faults ${faults} (goal 0)`,
    );
  } finally {
    await stopFixtureWithQueues(setup);
  }
}
