/**
 * @module invitations
 * Giving someone a role is an invitation they accept, never a membership imposed on their account: a
 * portal admin could otherwise pull anyone's account into their portal, and learn which addresses have
 * one. The answer to the admin is the same whether the address has an account or not; the person gets a
 * mail with a single-use link, and accepts signed in as that address, or by choosing a password when
 * the address has no account yet.
 */
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database } from '../store/database.ts';
import {
  domainMemberships,
  domains,
  memberInvitations,
  portalMemberships,
  portals,
} from '../store/schema/index.ts';
import type { Actor } from '../core/roles.ts';
import { AppError } from '../core/errors.ts';
import type { Mailer } from '../mail/mailer.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { createUser, findActiveUserByEmail } from '../auth/users.ts';
import type { MemberInput } from './members.ts';

export const INVITATION_VALIDITY_MS = 7 * 24 * 60 * 60 * 1000;

export type InviteDeps = {
  db: Database;
  mailer: Mailer;
  publicUrl: string;
  /** The command line prints the link even when it was mailed: whoever runs it may pass it on. */
  returnLink?: boolean;
};

export const PORTAL_NOT_FOUND = new AppError('portal_not_found', {
  nl: 'Dit portaal bestaat niet.',
  en: 'This portal does not exist.',
});

/**
 * Offers `input`'s role by e-mail; the same answer whether the address has an account or not. Without
 * SMTP the link comes back instead, once, for the inviter to pass on (nothing else can reach the person).
 */
export async function inviteMember(
  deps: InviteDeps,
  actor: Actor,
  portalId: string,
  input: MemberInput,
  now = new Date(),
): Promise<{ invitationId: string; link?: string }> {
  const { db } = deps;
  const [portal] = await db.select({ name: portals.name }).from(portals).where(eq(portals.id, portalId));
  if (!portal) throw PORTAL_NOT_FOUND;
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
  const token = newToken();
  const [invitation] = await db
    .insert(memberInvitations)
    .values({
      tokenHash: hashToken(token),
      portalId,
      domainId: input.kind === 'domain' ? input.domainId : null,
      email: input.email,
      name: input.name,
      role: input.role,
      invitedBy: actor.userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_VALIDITY_MS),
    })
    .returning({ id: memberInvitations.id });
  const link = `${deps.publicUrl}/invitation?token=${encodeURIComponent(token)}`;
  // Not waited for: how long the mail takes must not tell the admin anything about the address.
  void deps.mailer.send({
    kind: 'invitation',
    to: input.email,
    ...invitationMail(input.name, link, { portalName: portal.name, invitedBy: actor.name }),
  });
  const showLink = deps.returnLink === true || !deps.mailer.configured;
  return showLink ? { invitationId: invitation!.id, link } : { invitationId: invitation!.id };
}

export type OpenInvitation = {
  id: string;
  portalId: string;
  portalName: string;
  domainId: string | null;
  domainName: string | null;
  email: string;
  name: string;
  role: string;
  /** Whether the invited address has an account (only shown to whoever holds the link). */
  hasAccount: boolean;
};

const live = (now: Date) => and(isNull(memberInvitations.acceptedAt), gt(memberInvitations.expiresAt, now));

/** The invitation behind a mailed link, while it is unused and not expired. */
export async function findInvitation(
  db: Database,
  token: string,
  now = new Date(),
): Promise<OpenInvitation | undefined> {
  const [row] = await db
    .select({ invitation: memberInvitations, portalName: portals.name, domainName: domains.name })
    .from(memberInvitations)
    .innerJoin(portals, eq(portals.id, memberInvitations.portalId))
    .leftJoin(domains, eq(domains.id, memberInvitations.domainId))
    .where(and(eq(memberInvitations.tokenHash, hashToken(token)), live(now)));
  if (!row) return undefined;
  const { invitation } = row;
  return {
    id: invitation.id,
    portalId: invitation.portalId,
    portalName: row.portalName,
    domainId: invitation.domainId,
    domainName: row.domainName,
    email: invitation.email,
    name: invitation.name,
    role: invitation.role,
    hasAccount: (await findActiveUserByEmail(db, invitation.email)) !== undefined,
  };
}

/** Who accepts: the signed-in person, or someone without an account choosing a password. */
export type Acceptor = { actor: Actor } | { newPassword: string };

export const INVITATION_GONE = new AppError('invitation_gone', {
  nl: 'Deze uitnodiging is al gebruikt of verlopen. Vraag de beheerder om een nieuwe.',
  en: 'This invitation has been used or has expired. Ask the administrator for a new one.',
});

const OTHER_ACCOUNT = new AppError('invitation_other_account', {
  nl: 'Deze uitnodiging is voor een ander e-mailadres. Log in met dat adres om haar te accepteren.',
  en: 'This invitation is for another e-mail address. Sign in with that address to accept it.',
});

/** Turns the invitation into the membership, once; returns the portal and the (new) user. */
export async function acceptInvitation(
  db: Database,
  token: string,
  acceptor: Acceptor,
  now = new Date(),
): Promise<{ portalId: string; userId: string }> {
  const invitation = await findInvitation(db, token, now);
  if (!invitation) throw INVITATION_GONE;
  let userId: string;
  if ('actor' in acceptor) {
    if (acceptor.actor.email.toLowerCase() !== invitation.email) throw OTHER_ACCOUNT;
    userId = acceptor.actor.userId;
  } else {
    // An address with an account must sign in; choosing a password here would take the account over.
    if (invitation.hasAccount) throw OTHER_ACCOUNT;
    userId = (
      await createUser(db, { email: invitation.email, name: invitation.name, password: acceptor.newPassword })
    ).id;
  }
  return db.transaction(async (tx) => {
    // Claiming the invitation first makes two simultaneous acceptances end in one membership.
    const [claimed] = await tx
      .update(memberInvitations)
      .set({ acceptedAt: now, acceptedBy: userId })
      .where(and(eq(memberInvitations.id, invitation.id), live(now)))
      .returning({ id: memberInvitations.id });
    if (!claimed) throw INVITATION_GONE;
    if (invitation.domainId === null) {
      const role = invitation.role as (typeof portalMemberships.$inferInsert)['role'];
      await tx
        .insert(portalMemberships)
        .values({ userId, portalId: invitation.portalId, role })
        .onConflictDoUpdate({
          target: [portalMemberships.userId, portalMemberships.portalId],
          set: { role },
        });
    } else {
      const role = invitation.role as (typeof domainMemberships.$inferInsert)['role'];
      await tx
        .insert(domainMemberships)
        .values({ userId, domainId: invitation.domainId, role })
        .onConflictDoUpdate({
          target: [domainMemberships.userId, domainMemberships.domainId],
          set: { role },
        });
    }
    return { portalId: invitation.portalId, userId };
  });
}

export type PendingInvitation = {
  id: string;
  email: string;
  name: string;
  role: string;
  domainName: string | null;
  createdAt: Date;
  expiresAt: Date;
};

/** Invitations of this portal nobody has accepted yet and that still work. */
export async function listPendingInvitations(
  db: Database,
  portalId: string,
  now = new Date(),
): Promise<PendingInvitation[]> {
  return db
    .select({
      id: memberInvitations.id,
      email: memberInvitations.email,
      name: memberInvitations.name,
      role: memberInvitations.role,
      domainName: domains.name,
      createdAt: memberInvitations.createdAt,
      expiresAt: memberInvitations.expiresAt,
    })
    .from(memberInvitations)
    .leftJoin(domains, eq(domains.id, memberInvitations.domainId))
    .where(and(eq(memberInvitations.portalId, portalId), live(now)))
    .orderBy(sql`${memberInvitations.createdAt} desc`);
}

function invitationMail(
  name: string,
  link: string,
  invitation: { portalName: string; invitedBy: string },
): { subject: string; text: string } {
  return {
    subject: `Uitnodiging Salariskoppeling met Loket / Invitation (${invitation.portalName})`,
    text: [
      `Beste ${name},`,
      '',
      `${invitation.invitedBy} nodigt u uit voor de Salariskoppeling met Loket van ${invitation.portalName}.`,
      'Accepteer via deze link (een week geldig, werkt één keer). Heeft u al een account, dan logt u eerst in;',
      'anders kiest u daar uw wachtwoord. Zonder uw akkoord verandert er niets aan uw account.',
      '',
      link,
      '',
      '---',
      '',
      `Dear ${name},`,
      '',
      `${invitation.invitedBy} invites you to the Loket payroll link of ${invitation.portalName}.`,
      'Accept through this link (valid for a week, works once). If you have an account, you sign in first;',
      'otherwise you choose your password there. Nothing about your account changes without your consent.',
      '',
      link,
    ].join('\n'),
  };
}
