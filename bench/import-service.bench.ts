/**
 * @module import-service.bench
 * P1 (issue 13): a month of one employer's payslips through the real service path — the
 * `import.administration` job plans, `import.item` jobs claim, post and record — against the same Loket
 * listing, downloads and Yuki uploads made directly through the clients at the same concurrency; and
 * planning time at two sizes, which must grow linearly.
 */
import { availableParallelism } from 'node:os';
import { and, eq, inArray } from 'drizzle-orm';
import { cents } from '../src/core/money.ts';
import { startJobEngine } from '../src/jobs/engine.ts';
import { importAdministrationQueue, importQueues, startImportWorkers } from '../src/jobs/import-queues.ts';
import { createLogger } from '../src/platform/logger.ts';
import { importItems, importRuns } from '../src/store/schema/index.ts';
import { planImportRun } from '../src/sync/import-run.ts';
import { discoverItems } from '../src/sync/plan.ts';
import { YukiFolder } from '../src/yuki/yuki.client.ts';
import { startImportFixture, LOKET_TODAY, type ImportFixture } from '../test/support/import-fixture.ts';

const PERIOD = 202610;
export const ITEM_CONCURRENCY = 4;
/** A month of one administration's payslips, as a backfill asks for it. */
export const payslipMonth = (administrationId: string) => ({
  administrationId,
  trigger: 'backfill' as const,
  requestedLabel: 'bench',
  kinds: ['payslip' as const],
  fromPeriodId: PERIOD,
  toPeriodId: PERIOD,
});

export type Engine = 'pglite' | 'postgres';

/** Opens the fixture on the engine asked for (test/support/database.ts reads TEST_DB_ENGINE). */
export async function benchFixture(
  engine: Engine,
  options: Parameters<typeof startImportFixture>[0] = {},
): Promise<ImportFixture> {
  process.env.TEST_DB_ENGINE = engine;
  return startImportFixture({ budgetLimit: 1_000_000, yukiDailyCallLimit: 1_000_000, ...options });
}

/** Runs `work` over `items` with at most `concurrency` at a time. */
export async function inPool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

async function forget(fixture: ImportFixture) {
  const { db } = fixture.env;
  await db.delete(importItems).where(eq(importItems.administrationId, fixture.bakeryId));
  await db.delete(importRuns).where(eq(importRuns.administrationId, fixture.bakeryId));
  fixture.yuki.state.documents.length = 0;
}

/** Milliseconds to plan the month (discovery in Loket and our records), on a fresh fixture. */
export async function planningMs(engine: Engine, employees: number): Promise<number> {
  const fixture = await benchFixture(engine, { loket: { employeesPerAdministration: employees } });
  try {
    // A first plan warms the sandbox's derived employees and the Loket session; the median of three is timed.
    await planImportRun(fixture.env, payslipMonth(fixture.bakeryId));
    const times: number[] = [];
    for (let round = 0; round < 3; round++) {
      await forget(fixture);
      const started = performance.now();
      await planImportRun(fixture.env, payslipMonth(fixture.bakeryId));
      times.push(performance.now() - started);
    }
    return times.sort((a, b) => a - b)[1]!;
  } finally {
    await fixture.close();
  }
}

async function waitForRun(fixture: ImportFixture, deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const [run] = await fixture.env.db
      .select({ state: importRuns.state })
      .from(importRuns)
      .where(eq(importRuns.administrationId, fixture.bakeryId));
    if (run && run.state !== 'running' && run.state !== 'planning') return;
    if (Date.now() > until) throw new Error(`the service run did not finish in ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export type ServiceFigures = {
  bareMs: number;
  serviceMs: number;
  documents: number;
  ratios: number[];
  /** CPU time of the whole process (sandboxes included) per document, in the median round. */
  bareCpuMs: number;
  serviceCpuMs: number;
};

/** CPU milliseconds (all threads of the process) that `work` took. */
async function cpuMsOf(work: () => Promise<void>): Promise<number> {
  const before = process.cpuUsage();
  await work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

const ROUNDS = 3;

/** The bare transfer, then the same month through the jobs, on one fixture, interleaved over a few rounds. */
export async function serviceVersusBare(engine: Engine, employees: number): Promise<ServiceFigures> {
  const fixture = await benchFixture(engine, { loket: { employeesPerAdministration: employees } });
  const logger = createLogger('silent');
  const jobs = await startJobEngine({
    database: fixture.database,
    logger,
    supervise: true,
    instanceName: 'bench',
  });
  try {
    await jobs.ensureQueues(importQueues);
    const link = await fixture.env.loadLink(fixture.bakeryId);
    // The service lists the month in Loket before it moves a document (planning); the bare transfer too.
    const listMonth = async () =>
      (
        await discoverItems(link, {
          today: LOKET_TODAY,
          kinds: ['payslip'],
          fromPeriodId: PERIOD,
          toPeriodId: PERIOD,
        })
      ).items;
    const items = await listMonth();
    const bare = async (item: (typeof items)[number]) => {
      const data = await link.loket.payslipPdf(item.details.employmentId!, item.details.payrollRunId!);
      await link.yuki.uploadDocumentWithData({
        administrationId: link.yukiAdministrationId,
        fileName: `${item.baseSubject}.pdf`,
        data,
        folder: YukiFolder.personnel,
        amount: cents(item.amountCents ?? 0),
      });
    };
    // One untimed pass fills both sandboxes' per-employee caches and the sessions: a first round on a
    // few warmed employees ran its bare transfer up to 30 % slower than later rounds.
    await inPool(items, ITEM_CONCURRENCY, bare);
    await forget(fixture);
    await startImportWorkers(jobs, { env: fixture.env, logger, itemConcurrency: ITEM_CONCURRENCY });

    const bareRuns: number[] = [];
    const serviceRuns: number[] = [];
    const bareCpu: number[] = [];
    const serviceCpu: number[] = [];
    let documents = 0;
    // Interleaved, so drift on a busy machine hits both alike; the median round is reported.
    for (let round = 0; round < ROUNDS; round++) {
      let started = performance.now();
      bareCpu.push(await cpuMsOf(async () => inPool(await listMonth(), ITEM_CONCURRENCY, bare)));
      bareRuns.push(performance.now() - started);
      await forget(fixture);

      started = performance.now();
      serviceCpu.push(
        await cpuMsOf(async () => {
          await jobs.send(importAdministrationQueue, {
            ...payslipMonth(fixture.bakeryId),
            requestedBy: null,
          });
          await waitForRun(fixture, 20 * 60_000);
        }),
      );
      serviceRuns.push(performance.now() - started);
      const posted = await fixture.env.db
        .select({ id: importItems.id })
        .from(importItems)
        .where(
          and(eq(importItems.administrationId, fixture.bakeryId), inArray(importItems.state, ['posted'])),
        );
      if (posted.length !== items.length)
        throw new Error(`the service posted ${posted.length} of ${items.length} payslips`);
      documents = posted.length;
      await forget(fixture);
    }
    const ratios = serviceRuns.map((service, round) => service / bareRuns[round]!);
    const middle = ratios.indexOf([...ratios].sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!);
    return {
      bareMs: bareRuns[middle]!,
      serviceMs: serviceRuns[middle]!,
      documents,
      ratios,
      bareCpuMs: bareCpu[middle]! / documents,
      serviceCpuMs: serviceCpu[middle]! / documents,
    };
  } finally {
    await jobs.stop();
    await fixture.close();
  }
}

/** Prints P1's lines for one engine. */
export async function importServiceBench(engine: Engine, employees: number, smaller: number): Promise<void> {
  const figures = await serviceVersusBare(engine, employees);
  const ratio = figures.serviceMs / figures.bareMs;
  console.log(
    `P1 [${engine}] ${employees} employees: service/bare ${ratio.toFixed(2)}× (goal ≤ 1.25×), ` +
      `${((figures.documents * 1000) / figures.serviceMs).toFixed(0)} documents/s ` +
      `(service ${(figures.serviceMs / 1000).toFixed(1)} s, bare ${(figures.bareMs / 1000).toFixed(1)} s; ` +
      `median of ${figures.ratios.map((ratio) => ratio.toFixed(2)).join(', ')})`,
  );
  // Both runs are CPU-bound on 2 cores (sandboxes in this process): the CPU per document tells why.
  console.log(
    `P1 [${engine}] CPU per document, all threads of this process` +
      `${engine === 'postgres' ? ' (not the PostgreSQL server)' : ''}: bare ${figures.bareCpuMs.toFixed(2)} ms, ` +
      `service ${figures.serviceCpuMs.toFixed(2)} ms (${availableParallelism()} cores)`,
  );
  const [small, large] = [await planningMs(engine, smaller), await planningMs(engine, employees)];
  console.log(
    `P1 [${engine}] planning ${employees}/${smaller} employees ${(large / small).toFixed(2)}× ` +
      `(goal ≤ ${((employees / smaller) * 1.1).toFixed(1)}×; ${(small / 1000).toFixed(2)} s → ${(large / 1000).toFixed(2)} s)`,
  );
}
