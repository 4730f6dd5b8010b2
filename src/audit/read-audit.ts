/**
 * @module read-audit
 * Reads a portal's audit log, newest first, a page at a time, with the names of who and what it concerns.
 */
import { and, desc, eq, getTableColumns, lt } from 'drizzle-orm';
import type { Database } from '../store/database.ts';
import { administrations, auditEvents, domains, users } from '../store/schema/index.ts';

export type ReadAuditOptions = { portalId: string; before?: number; limit?: number };

export async function readAudit(db: Database, options: ReadAuditOptions) {
  const limit = Math.min(options.limit ?? 100, 500);
  // Left joins: a deleted user, domain or administration keeps its events, shown by label or id.
  return db
    .select({
      ...getTableColumns(auditEvents),
      actorName: users.name,
      domainName: domains.name,
      administrationName: administrations.name,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .leftJoin(domains, eq(domains.id, auditEvents.domainId))
    .leftJoin(administrations, eq(administrations.id, auditEvents.administrationId))
    .where(
      and(
        eq(auditEvents.portalId, options.portalId),
        options.before ? lt(auditEvents.id, options.before) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(limit);
}
