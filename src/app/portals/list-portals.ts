/**
 * @module list-portals
 * The portals a person has a portal or domain role in, by name; with `everyForOperator` the operator sees
 * every portal (the API's list), without it only their own (where `/` sends them).
 */
import { inArray } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { portals } from '../../store/schema/index.ts';
import type { Actor } from '../../core/roles.ts';
import type { PortalSummary } from './find-portal.ts';

export type ListPortalsOptions = { everyForOperator: boolean };

export async function listPortals(
  db: Database,
  actor: Actor,
  options: ListPortalsOptions,
): Promise<PortalSummary[]> {
  const ids = new Set([
    ...actor.portalRoles.keys(),
    ...[...actor.domainRoles.values()].map((role) => role.portalId),
  ]);
  const query = db.select({ id: portals.id, name: portals.name }).from(portals);
  const rows =
    actor.isOperator && options.everyForOperator
      ? await query
      : ids.size
        ? await query.where(inArray(portals.id, [...ids]))
        : [];
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}
