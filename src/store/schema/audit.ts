import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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
