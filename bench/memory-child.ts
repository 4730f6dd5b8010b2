/**
 * @module memory-child
 * Run by memory.bench.ts in a process of its own, so its RSS is the figure: embedded PGlite in a data
 * directory with the job engine, importing one month of N employees' payslips through the service
 * path (on a data directory an `init` run created); prints `{"peakRssBytes":…}`. The sandboxes run in a
 * process of their own (memory-sandboxes.ts), so the figure is the product's memory, not theirs.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { startJobEngine } from '../src/jobs/engine.ts';
import { importAdministrationQueue, importQueues, startImportWorkers } from '../src/jobs/import-queues.ts';
import { createLogger } from '../src/platform/logger.ts';
import { tuneMemory } from '../src/platform/memory-tuning.ts';
import { openDatabase } from '../src/store/database.ts';
import { importRuns } from '../src/store/schema/index.ts';
import type { RunningLoketSandbox } from '../sandbox/loket/index.ts';
import type { YukiSandbox } from '../sandbox/yuki/index.ts';
import { startImportFixture } from '../test/support/import-fixture.ts';

// As bin/loket-yuki.js does for `loket-yuki all`.
if (!process.env.BENCH_V8_DEFAULTS) tuneMemory();
const employees = Number(process.argv[2] ?? 100);
const dataDir = process.argv[3] ?? mkdtempSync(join(tmpdir(), 'loket-yuki-memory-'));
if (process.argv[4] === 'init') {
  // The cluster is created and migrated in a process of its own: the service's everyday life is a reopen.
  await (await openDatabase({ dataDir })).close();
  process.exit(0);
}
const database = await openDatabase({ dataDir });
const sandboxProcess = spawn(
  process.execPath,
  ['--import', 'tsx', fileURLToPath(new URL('memory-sandboxes.ts', import.meta.url)), String(employees)],
  { stdio: ['pipe', 'pipe', 'inherit'] },
);
const lines = createInterface({ input: sandboxProcess.stdout! })[Symbol.asyncIterator]();
const urls = JSON.parse(String((await lines.next()).value)) as { loket: object; yuki: object };
const stopSandboxes = async () => {
  sandboxProcess.stdin!.end();
  if (sandboxProcess.exitCode === null) await new Promise((resolve) => sandboxProcess.once('exit', resolve));
};
const fixture = await startImportFixture({
  database,
  // Only their addresses and a close are used; the sandboxes' state lives in their own process.
  sandboxes: {
    loket: { ...urls.loket, close: stopSandboxes } as unknown as RunningLoketSandbox,
    yuki: { ...urls.yuki, close: async () => {} } as unknown as YukiSandbox,
  },
  budgetLimit: 1_000_000,
});
const logger = createLogger('silent');
const jobs = await startJobEngine({ database, logger, supervise: true, instanceName: 'memory-bench' });
await jobs.ensureQueues(importQueues);
await startImportWorkers(jobs, { env: fixture.env, logger, itemConcurrency: 4 });
await jobs.send(importAdministrationQueue, {
  administrationId: fixture.bakeryId,
  trigger: 'backfill',
  requestedBy: null,
  requestedLabel: 'bench',
  kinds: ['payslip'],
  fromPeriodId: 202610,
  toPeriodId: 202610,
});
for (;;) {
  const [run] = await fixture.env.db
    .select({ state: importRuns.state })
    .from(importRuns)
    .where(eq(importRuns.administrationId, fixture.bakeryId));
  if (run && (run.state === 'done' || run.state === 'failed')) break;
  await new Promise((resolve) => setTimeout(resolve, 250));
}
// maxRSS is in kilobytes: the process's high-water mark over the whole import.
console.log(JSON.stringify({ peakRssBytes: process.resourceUsage().maxRSS * 1024 }));
await jobs.stop();
await fixture.close();
process.exit(0);
