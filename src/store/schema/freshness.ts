/**
 * @module schema/freshness
 * What the freshness poll remembers: per domain connection the Loket provider it reaches and how its
 * last poll went, and per administration and payroll period the last payroll process status seen.
 */
import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { administrations, domains } from './tenancy.ts';

export const loketPollState = pgTable('loket_poll_state', {
  domainId: uuid('domain_id')
    .primaryKey()
    .references(() => domains.id, { onDelete: 'cascade' }),
  /** GET /providers' id for this connection's user; the provider-wide view is asked per provider. */
  providerId: text('provider_id'),
  polledAt: timestamp('polled_at', { withTimezone: true }),
  okAt: timestamp('ok_at', { withTimezone: true }),
  /** The last poll's error code (e.g. loket.forbidden), null when it went well. */
  errorCode: text('error_code'),
});

export const loketProcessStatuses = pgTable(
  'loket_process_statuses',
  {
    administrationId: uuid('administration_id')
      .notNull()
      .references(() => administrations.id, { onDelete: 'cascade' }),
    /** YYYYPP in the administration's own period type. */
    payrollPeriodId: integer('payroll_period_id').notNull(),
    /** Loket's payrollPeriod.payrollProcess.status.key (1 not started … 6 approved …). */
    status: integer('status').notNull(),
    /** The last poll that saw it: an administration seen recently is covered by the poll. */
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull().defaultNow(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.administrationId, table.payrollPeriodId] }),
    index('loket_process_statuses_seen_at').on(table.administrationId, table.seenAt),
  ],
);
