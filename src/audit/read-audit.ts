/**
 * @module read-audit
 * Reads a portal's audit log, newest first, a page at a time.
 */
import { and, desc, eq, lt } from 'drizzle-orm';
import type { Database } from '../store/database.ts';
import { auditEvents } from '../store/schema/index.ts';

export type ReadAuditOptions = { portalId: string; before?: number; limit?: number };

export async function readAudit(db: Database, options: ReadAuditOptions) {
  const limit = Math.min(options.limit ?? 100, 500);
  return db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.portalId, options.portalId),
        options.before ? lt(auditEvents.id, options.before) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(limit);
}
