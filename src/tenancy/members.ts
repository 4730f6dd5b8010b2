/**
 * @module members
 * Who works in a portal and in which role: portal roles for the firm's own staff, domain roles for a
 * client organisation. Roles are given by invitation (see invitations.ts); nobody ever chooses a
 * password for someone else, nor adds someone's account to a portal without their consent.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../store/database.ts';
import { domainMemberships, domains, portalMemberships, users } from '../store/schema/index.ts';
import { DOMAIN_ROLES, PORTAL_ROLES } from '../core/roles.ts';
import { Email } from '../auth/users.ts';
import { plainText } from '../core/text.ts';

export const MemberInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('portal'),
    email: Email,
    name: plainText(1, 200),
    role: z.enum(PORTAL_ROLES),
  }),
  z.object({
    kind: z.literal('domain'),
    email: Email,
    name: plainText(1, 200),
    role: z.enum(DOMAIN_ROLES),
    domainId: z.uuid(),
  }),
]);
export type MemberInput = z.infer<typeof MemberInput>;

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

/** Takes away every role the person has in this portal and its domains; the account itself stays. */
export async function removeMember(db: Database, portalId: string, userId: string): Promise<boolean> {
  const portalDomainIds = (
    await db.select({ id: domains.id }).from(domains).where(eq(domains.portalId, portalId))
  ).map((row) => row.id);
  const fromPortal = await db
    .delete(portalMemberships)
    .where(and(eq(portalMemberships.portalId, portalId), eq(portalMemberships.userId, userId)))
    .returning();
  const fromDomains = portalDomainIds.length
    ? await db
        .delete(domainMemberships)
        .where(
          and(eq(domainMemberships.userId, userId), inArray(domainMemberships.domainId, portalDomainIds)),
        )
        .returning()
    : [];
  return fromPortal.length + fromDomains.length > 0;
}
