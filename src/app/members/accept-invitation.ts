/**
 * @module accept-invitation
 * Turns an invitation into the membership it offers, once: accepted by the signed-in person it was sent
 * to, or by someone without an account choosing a password (which creates the account in the same
 * transaction). Audited as the person who accepted.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { domainMemberships, memberInvitations, portalMemberships } from '../../store/schema/index.ts';
import { AppError } from '../../core/errors.ts';
import type { Actor, DomainRole, PortalRole } from '../../core/roles.ts';
import { createUser } from '../../auth/users.ts';
import { runCommand } from '../command.ts';
import { findInvitation, liveInvitation, type OpenInvitation } from './find-invitation.ts';

/** Who accepts: the signed-in person, or someone without an account choosing a password. */
export type Acceptor = { actor: Actor } | { newPassword: string };

export type AcceptInvitationOptions = {
  token: string;
  acceptor: Acceptor;
  requestId: string | null;
  now?: Date;
};

export const INVITATION_GONE = new AppError('invitation_gone', {
  nl: 'Deze uitnodiging is al gebruikt of verlopen. Vraag de beheerder om een nieuwe.',
  en: 'This invitation has been used or has expired. Ask the administrator for a new one.',
});

const OTHER_ACCOUNT = new AppError('invitation_other_account', {
  nl: 'Deze uitnodiging is voor een ander e-mailadres. Log in met dat adres om haar te accepteren.',
  en: 'This invitation is for another e-mail address. Sign in with that address to accept it.',
});

export function acceptInvitation(
  db: Database,
  { token, acceptor, requestId, now = new Date() }: AcceptInvitationOptions,
): Promise<{ portalId: string; userId: string }> {
  const by = 'actor' in acceptor ? { actor: acceptor.actor, requestId } : { label: 'invitation', requestId };
  return runCommand(db, by, {
    audit: { action: 'portal.member.accept', targetType: 'user' },
    check: async () => {
      const invitation = await findInvitation(db, token, now);
      if (!invitation) throw INVITATION_GONE;
      if ('actor' in acceptor && acceptor.actor.email.toLowerCase() !== invitation.email) throw OTHER_ACCOUNT;
      // An address with an account must sign in; choosing a password here would take the account over.
      if (!('actor' in acceptor) && invitation.hasAccount) throw OTHER_ACCOUNT;
      return invitation;
    },
    change: async (tx, invitation) => {
      const userId =
        'actor' in acceptor
          ? acceptor.actor.userId
          : (
              await createUser(tx, {
                email: invitation.email,
                name: invitation.name,
                password: acceptor.newPassword,
              })
            ).id;
      // Claiming the invitation first makes two simultaneous acceptances end in one membership.
      const [claimed] = await tx
        .update(memberInvitations)
        .set({ acceptedAt: now, acceptedBy: userId })
        .where(and(eq(memberInvitations.id, invitation.id), liveInvitation(now)))
        .returning({ id: memberInvitations.id });
      if (!claimed) throw INVITATION_GONE;
      await grantRole(tx, userId, invitation);
      return { portalId: invitation.portalId, userId };
    },
    audited: ({ portalId, userId }) => ({ portalId, targetId: userId, actorUserId: userId }),
  });
}

/** The invitation's role in its portal or its domain; a role the person already had there is replaced. */
async function grantRole(tx: Database, userId: string, invitation: OpenInvitation): Promise<void> {
  const { domainId, portalId } = invitation;
  if (domainId === null) {
    const role = invitation.role as PortalRole;
    await tx
      .insert(portalMemberships)
      .values({ userId, portalId, role })
      .onConflictDoUpdate({ target: [portalMemberships.userId, portalMemberships.portalId], set: { role } });
    return;
  }
  const role = invitation.role as DomainRole;
  await tx
    .insert(domainMemberships)
    .values({ userId, domainId, role })
    .onConflictDoUpdate({ target: [domainMemberships.userId, domainMemberships.domainId], set: { role } });
}
