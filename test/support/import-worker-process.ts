/**
 * @module import-worker-process
 * Starts `import-worker.ts` as a child process on the fixture's PostgreSQL and sandboxes, so a test can
 * kill it with SIGKILL like a crashing machine. `settings` are the worker's timer knobs (env names).
 * The fixture with a job engine that such tests send the item jobs through.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sandboxEnv } from '../../sandbox/demo/sandboxes.ts';
import { startJobEngine, type JobEngine } from '../../src/jobs/engine.ts';
import { importQueues } from '../../src/jobs/import-queues.ts';
import { startImportFixture, type ImportFixture, type ImportFixtureOptions } from './import-fixture.ts';
import { testLogger } from './logger.ts';

const script = fileURLToPath(new URL('./import-worker.ts', import.meta.url));

export type ImportWorkerProcess = ReturnType<typeof startImportWorker>;

export function startImportWorker(fixture: ImportFixture, settings: Record<string, string>) {
  if (fixture.database.engine !== 'postgres') throw new Error('this test needs PostgreSQL');
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: {
      ...process.env,
      DATABASE_URL: fixture.database.connectionString,
      APP_MASTER_KEY: fixture.masterKey.toString('base64'),
      ...sandboxEnv(fixture.loket, fixture.yuki),
      ...settings,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const started = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', () => {
      if (output.includes('import worker started')) resolve();
    });
    child.once('exit', () => reject(new Error(`the worker exited before it started:\n${output}`)));
  });
  return { child, exited, started };
}

/** A fixture plus a job engine with the import queues, for tests whose workers are child processes. */
export async function startFixtureWithQueues(
  options: ImportFixtureOptions = {},
): Promise<{ fixture: ImportFixture; jobs: JobEngine }> {
  const fixture = await startImportFixture(options);
  const jobs = await startJobEngine({
    database: fixture.database,
    logger: testLogger,
    supervise: false,
    instanceName: 'test',
  });
  await jobs.ensureQueues(importQueues);
  return { fixture, jobs };
}

export async function stopFixtureWithQueues(setup: {
  fixture?: ImportFixture | undefined;
  jobs?: JobEngine | undefined;
}): Promise<void> {
  await setup.jobs?.stop();
  await setup.fixture?.close();
}
