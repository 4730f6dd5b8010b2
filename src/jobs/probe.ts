/**
 * @module probe
 * The `system.probe` queue: each job records which worker ran it. `loket-yuki probe` sends a batch and
 * reports how the work spread, so an operator can check a distributed deployment end to end.
 */
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../store/database.ts';
import { workerProbes } from '../store/schema/index.ts';
import { defineQueue } from './queue.ts';
import type { JobHandler } from './engine.ts';

export const probeQueue = defineQueue({
  name: 'system.probe',
  payload: z.object({ batch: z.string().min(1), sequence: z.number().int().nonnegative() }),
  policy: { retryLimit: 1, retryDelaySeconds: 1, expireInSeconds: 60 },
});

export type ProbePayload = z.infer<typeof probeQueue.payload>;

/** Records the run; a second delivery of the same job increments `runs` instead of hiding it. */
export function recordProbe(db: Database, workerId: string): JobHandler<ProbePayload> {
  return async (payload, { jobId }) => {
    await db
      .insert(workerProbes)
      .values({ jobId, batch: payload.batch, workerId })
      .onConflictDoUpdate({ target: workerProbes.jobId, set: { runs: sql`${workerProbes.runs} + 1` } });
  };
}

export type ProbeReport = { jobs: number; byWorker: Record<string, number>; repeated: number };

export async function readProbeReport(db: Database, batch: string): Promise<ProbeReport> {
  const rows = await db.select().from(workerProbes).where(eq(workerProbes.batch, batch));
  const byWorker: Record<string, number> = {};
  for (const row of rows) byWorker[row.workerId] = (byWorker[row.workerId] ?? 0) + 1;
  const repeated = rows.filter((row) => row.runs > 1).length;
  return { jobs: rows.length, byWorker, repeated };
}
