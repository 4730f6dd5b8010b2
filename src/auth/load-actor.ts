/**
 * @module load-actor
 * Builds the `Actor` of a signed-in user from their row and memberships, once per request.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { domainMemberships, domains, portalMemberships, users } from '../store/schema/tenancy.ts';
import type { Database } from '../store/database.ts';
import type { Actor, DomainRole, PortalRole } from '../core/roles.ts';

/** The actor for a user id, or undefined when the user is gone or disabled. */
export async function loadActor(db: Database, userId: string): Promise<Actor | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  if (!user) return undefined;
  const portalRows = await db
    .select({ portalId: portalMemberships.portalId, role: portalMemberships.role })
    .from(portalMemberships)
    .where(eq(portalMemberships.userId, userId));
  // The domain's portal comes from the domains table, never from anything a caller sends.
  const domainRows = await db
    .select({
      domainId: domainMemberships.domainId,
      role: domainMemberships.role,
      portalId: domains.portalId,
    })
    .from(domainMemberships)
    .innerJoin(domains, eq(domains.id, domainMemberships.domainId))
    .where(eq(domainMemberships.userId, userId));
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    isOperator: user.isOperator,
    portalRoles: new Map<string, PortalRole>(portalRows.map((row) => [row.portalId, row.role])),
    domainRoles: new Map<string, { role: DomainRole; portalId: string }>(
      domainRows.map((row) => [row.domainId, { role: row.role, portalId: row.portalId }]),
    ),
  };
}
