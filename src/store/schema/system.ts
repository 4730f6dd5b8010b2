/** @module schema/system — the process's own bookkeeping: which worker ran each probe job. */
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row per `system.probe` job: which worker ran it and how often. An operator sends probes to see
 * that every worker of a distributed deployment takes work; `runs` > 1 would expose a double delivery.
 */
export const workerProbes = pgTable('worker_probes', {
  jobId: text('job_id').primaryKey(),
  batch: text('batch').notNull(),
  workerId: text('worker_id').notNull(),
  runs: integer('runs').notNull().default(1),
  ranAt: timestamp('ran_at', { withTimezone: true }).notNull().defaultNow(),
});
