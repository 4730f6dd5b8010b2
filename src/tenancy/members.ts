/**
 * @module members
 * Who works in a portal and in which role: portal roles for the firm's own staff, domain roles for a
 * client organisation. A new person gets an invitation e-mail to choose a password; nobody ever
 * chooses a password for someone else.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../store/database.ts';
import { domainMemberships, domains, portalMemberships, portals, users } from '../store/schema/index.ts';
import { DOMAIN_ROLES, PORTAL_ROLES, type Actor } from '../core/roles.ts';
import { AppError } from '../core/errors.ts';
import type { Mailer } from '../mail/mailer.ts';
import { createUser, Email, findActiveUserByEmail } from '../auth/users.ts';
import { requestPasswordReset } from '../auth/password-reset.ts';

export const MemberInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('portal'),
    email: Email,
    name: z.string().trim().min(1).max(200),
    role: z.enum(PORTAL_ROLES),
  }),
  z.object({
    kind: z.literal('domain'),
    email: Email,
    name: z.string().trim().min(1).max(200),
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

export type AddMemberDeps = { db: Database; mailer: Mailer; publicUrl: string };

/** Gives a person a role in the portal or one of its domains; invites them when they are new. */
export async function addMember(
  deps: AddMemberDeps,
  actor: Actor,
  portalId: string,
  input: MemberInput,
): Promise<{ userId: string; invited: boolean }> {
  const { db } = deps;
  const [portal] = await db.select().from(portals).where(eq(portals.id, portalId));
  if (!portal) throw new Error(`portal ${portalId} vanished`);
  if (input.kind === 'domain') {
    const [domain] = await db
      .select({ id: domains.id })
      .from(domains)
      .where(and(eq(domains.id, input.domainId), eq(domains.portalId, portalId)));
    if (!domain) {
      throw new AppError('domain_not_in_portal', {
        nl: 'Dit domein hoort niet bij dit portaal.',
        en: 'This domain does not belong to this portal.',
      });
    }
  }
  const existing = await findActiveUserByEmail(db, input.email);
  // A random password nobody knows: the person sets their own through the invitation link.
  const userId =
    existing?.id ??
    (
      await createUser(db, {
        email: input.email,
        name: input.name,
        password: randomBytes(24).toString('base64url'),
      })
    ).id;
  if (input.kind === 'portal') {
    await db
      .insert(portalMemberships)
      .values({ userId, portalId, role: input.role })
      .onConflictDoUpdate({
        target: [portalMemberships.userId, portalMemberships.portalId],
        set: { role: input.role },
      });
  } else {
    await db
      .insert(domainMemberships)
      .values({ userId, domainId: input.domainId, role: input.role })
      .onConflictDoUpdate({
        target: [domainMemberships.userId, domainMemberships.domainId],
        set: { role: input.role },
      });
  }
  if (!existing) {
    await requestPasswordReset(deps, input.email, new Date(), {
      portalName: portal.name,
      invitedBy: actor.name,
    });
  }
  return { userId, invited: !existing };
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
