/**
 * @module create-portal
 * The operator creates a portal for an accounting firm; audited in that new portal's log.
 */
import type { Database } from '../store/database.ts';
import { portals } from '../store/schema/index.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { auditActor, type ChangedBy } from './changed-by.ts';

export async function createPortal(
  db: Database,
  by: ChangedBy,
  name: string,
): Promise<{ id: string; name: string }> {
  const [portal] = await db.insert(portals).values({ name }).returning();
  await recordAudit(db, {
    ...auditActor(by),
    portalId: portal!.id,
    action: 'portal.create',
    targetType: 'portal',
    targetId: portal!.id,
    changedFields: ['name'],
  });
  return { id: portal!.id, name: portal!.name };
}
