/**
 * @module create-portal
 * The operator creates a portal for an accounting firm; audited in that new portal's log.
 */
import type { Database } from '../../store/database.ts';
import { portals } from '../../store/schema/index.ts';
import { runCommand, type ChangedBy } from '../command.ts';
import type { PortalSummary } from './find-portal.ts';

export type CreatePortalOptions = { name: string };

export function createPortal(
  db: Database,
  by: ChangedBy,
  options: CreatePortalOptions,
): Promise<PortalSummary> {
  return runCommand(db, by, {
    audit: { action: 'portal.create', targetType: 'portal' },
    change: async (tx) => {
      const [portal] = await tx.insert(portals).values({ name: options.name }).returning();
      return { id: portal!.id, name: portal!.name };
    },
    audited: (portal) => ({ portalId: portal.id, targetId: portal.id, changedFields: ['name'] }),
  });
}
