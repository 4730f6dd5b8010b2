/** @module schema/loket — what Loket tells us about itself: the resource versions it is retiring. */
import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { portals } from './tenancy.ts';

/**
 * Resource versions Loket said it will retire (`version.obsoleteDate` in its answers), per portal and
 * Loket activity (operationId): what was seen last, for the health pages and a daily warning in the log.
 */
export const loketDeprecations = pgTable(
  'loket_deprecations',
  {
    portalId: uuid('portal_id')
      .notNull()
      .references(() => portals.id, { onDelete: 'cascade' }),
    activity: text('activity').notNull(),
    method: text('method').notNull(),
    /** One endpoint it was seen on, e.g. /providers/employers/payrolladministrations/{id}/payrollruns. */
    path: text('path').notNull(),
    resourceVersion: text('resource_version').notNull(),
    /** yyyy-mm-dd, as Loket sent it. */
    obsoleteDate: text('obsolete_date').notNull(),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    lastWarnedAt: timestamp('last_warned_at', { withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.portalId, table.activity] })],
);
