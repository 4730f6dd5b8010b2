/**
 * @module list-members
 * Who works in a portal and in which role: portal roles for the firm's own staff, domain roles for a
 * client organisation, one entry per person, by e-mail.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { domainMemberships, domains, portalMemberships, users } from '../../store/schema/index.ts';

export type Member = {
  userId: string;
  email: string;
  name: string;
  portalRole: string | null;
  domainRoles: Array<{ domainId: string; domainName: string; role: string }>;
};

export async function listMembers(db: Database, portalId: string): Promise<Member[]> {
  const portalRows = await db
    .select({ user: users, role: portalMemberships.role })
    .from(portalMemberships)
    .innerJoin(users, eq(users.id, portalMemberships.userId))
    .where(eq(portalMemberships.portalId, portalId));
  const domainRows = await db
    .select({ user: users, role: domainMemberships.role, domainId: domains.id, domainName: domains.name })
    .from(domainMemberships)
    .innerJoin(users, eq(users.id, domainMemberships.userId))
    .innerJoin(domains, eq(domains.id, domainMemberships.domainId))
    .where(eq(domains.portalId, portalId));
  const members = new Map<string, Member>();
  const member = (user: typeof users.$inferSelect) => {
    let found = members.get(user.id);
    if (!found) {
      found = { userId: user.id, email: user.email, name: user.name, portalRole: null, domainRoles: [] };
      members.set(user.id, found);
    }
    return found;
  };
  for (const row of portalRows) member(row.user).portalRole = row.role;
  for (const row of domainRows)
    member(row.user).domainRoles.push({ domainId: row.domainId, domainName: row.domainName, role: row.role });
  return [...members.values()].sort((a, b) => a.email.localeCompare(b.email));
}
