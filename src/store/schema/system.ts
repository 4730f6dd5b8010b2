/** @module schema/system — the process's own bookkeeping: probe jobs and the mail outbox. */
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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

/**
 * Every mail the service sends or meant to send, so a mail that failed or had no SMTP to go through is
 * visible and a failed one can be sent again. Only a failed mail keeps its body, until it is sent.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    recipients: text('recipients').notNull(),
    subject: text('subject').notNull(),
    body: text('body'),
    status: text('status', { enum: ['sent', 'failed', 'not_configured'] }).notNull(),
    error: text('error'),
    attempts: integer('attempts').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [
    index('mail_outbox_created_at_idx').on(table.createdAt),
    check('mail_outbox_status', sql`${table.status} in ('sent', 'failed', 'not_configured')`),
    check('mail_outbox_body_only_when_failed', sql`${table.status} = 'failed' or ${table.body} is null`),
  ],
);
