/** @module schema/audit — the append-only audit log and the per-hour counts of refused requests. */
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Append-only (a trigger refuses UPDATE and DELETE): who did what, when, to which tenant. Names of
 * changed fields only, never their values, so no secret ever lands here.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    /** E-mail of the actor, or "system" / "scheduler" for work nobody clicked. */
    actorLabel: text('actor_label').notNull(),
    portalId: uuid('portal_id'),
    domainId: uuid('domain_id'),
    administrationId: uuid('administration_id'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    changedFields: jsonb('changed_fields').$type<string[]>().notNull().default([]),
    outcome: text('outcome', { enum: ['ok', 'refused', 'failed'] })
      .notNull()
      .default('ok'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    requestId: text('request_id'),
  },
  (table) => [index('audit_events_portal_at').on(table.portalId, table.at)],
);

/**
 * Refused requests (wrong password, no access, throttled), counted per actor, action, route and hour
 * in one upserted row, so a flood of refusals cannot bury the audit log; the operator console shows them.
 */
export const refusalCounts = pgTable(
  'refusal_counts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Start of the hour (UTC) the refusals fell in. */
    hour: timestamp('hour', { withTimezone: true }).notNull(),
    /** E-mail of the signed-in actor, or the address typed at log-in, or "anonymous". */
    actorLabel: text('actor_label').notNull(),
    actorUserId: uuid('actor_user_id'),
    action: text('action').notNull(),
    /** The route pattern (`/api/domains/:domainId/…`), not the path, so ids do not split the count. */
    route: text('route').notNull(),
    portalId: uuid('portal_id'),
    lastReason: text('last_reason'),
    count: integer('count').notNull(),
    firstAt: timestamp('first_at', { withTimezone: true }).notNull(),
    lastAt: timestamp('last_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('refusal_counts_key').on(table.actorLabel, table.action, table.route, table.hour),
    index('refusal_counts_hour').on(table.hour),
  ],
);
