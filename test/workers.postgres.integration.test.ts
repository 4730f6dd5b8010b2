import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase } from './support/database.ts';
import { startCli, terminate, type CliProcess } from './support/cli-process.ts';
import { testLogger } from './support/logger.ts';
import { openDatabase, type DatabaseHandle } from '../src/store/database.ts';
import { startJobEngine, type JobEngine } from '../src/jobs/engine.ts';
import { probeQueue, readProbeReport } from '../src/jobs/probe.ts';

describe('several worker processes on one PostgreSQL', () => {
  let dropDatabase: () => Promise<void>;
  let database: DatabaseHandle;
  let jobs: JobEngine;
  const workers: CliProcess[] = [];

  beforeAll(async () => {
    const created = await createPostgresDatabase();
    dropDatabase = created.drop;
    const env = { DATABASE_URL: created.url, APP_MASTER_KEY: Buffer.alloc(32, 1).toString('base64') };
    // Both start at once, so they also race through the migrations.
    workers.push(startCli(['worker'], env), startCli(['worker'], env));
    await Promise.all(workers.map((worker) => worker.waitFor(/loket-yuki started/)));
    database = await openDatabase({ databaseUrl: created.url, dataDir: 'memory://', poolSize: 2 });
    jobs = await startJobEngine({ database, logger: testLogger, supervise: false, instanceName: 'test' });
  }, 90_000);

  afterAll(async () => {
    for (const worker of workers) worker.child.kill('SIGKILL');
    await jobs?.stop();
    await database?.close();
    await dropDatabase?.();
  });

  it('spreads the jobs over both workers and runs each exactly once', async () => {
    const batch = randomUUID();
    const total = 60;
    for (let sequence = 0; sequence < total; sequence++) await jobs.send(probeQueue, { batch, sequence });

    const deadline = Date.now() + 45_000;
    let report = await readProbeReport(database.db, batch);
    while (report.jobs < total && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      report = await readProbeReport(database.db, batch);
    }
    expect(report.jobs).toBe(total);
    expect(report.repeated).toBe(0);
    const perWorker = Object.values(report.byWorker);
    expect(perWorker).toHaveLength(2);
    for (const count of perWorker) expect(count).toBeGreaterThan(0);
  }, 60_000);

  it('stops both workers cleanly within 10 s on SIGTERM', async () => {
    const results = await Promise.all(workers.map((worker) => terminate(worker)));
    for (const { code, ms } of results) {
      expect(code).toBe(0);
      expect(ms).toBeLessThan(10_000);
    }
  }, 30_000);
});
