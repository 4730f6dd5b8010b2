/**
 * @module invite-member
 * Giving someone a role is an invitation they accept, never a membership imposed on their account: a
 * portal admin could otherwise pull anyone's account into their portal, and learn which addresses have
 * one. The answer is the same whether the address has an account or not; the person gets a mail with a
 * single-use link (sent after the invitation and its audit row are committed).
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../store/database.ts';
import { domains, memberInvitations, portals } from '../../store/schema/index.ts';
import { DOMAIN_ROLES, PORTAL_ROLES } from '../../core/roles.ts';
import { AppError } from '../../core/errors.ts';
import { plainText } from '../../core/text.ts';
import type { Mailer } from '../../mail/mailer.ts';
import { hashToken, newToken } from '../../auth/tokens.ts';
import { Email } from '../../auth/users.ts';
import { runCommand, type ChangedBy } from '../command.ts';
import { PORTAL_NOT_FOUND } from '../portals/find-portal.ts';

export const INVITATION_VALIDITY_MS = 7 * 24 * 60 * 60 * 1000;

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

export type InviteDeps = {
  db: Database;
  mailer: Mailer;
  publicUrl: string;
  /** The command line prints the link even when it was mailed: whoever runs it may pass it on. */
  returnLink?: boolean;
};

export type InviteMemberOptions = { portalId: string; input: MemberInput; now?: Date };

const DOMAIN_NOT_IN_PORTAL = new AppError('domain_not_in_portal', {
  nl: 'Dit domein hoort niet bij dit portaal.',
  en: 'This domain does not belong to this portal.',
});

/**
 * Offers `input`'s role by e-mail; PORTAL_NOT_FOUND or `domain_not_in_portal` refuse (audited). Without
 * SMTP the link comes back instead, once, for the inviter to pass on (nothing else can reach the person).
 */
export async function inviteMember(
  deps: InviteDeps,
  by: ChangedBy,
  { portalId, input, now = new Date() }: InviteMemberOptions,
): Promise<{ invitationId: string; link?: string }> {
  const domainId = input.kind === 'domain' ? input.domainId : null;
  const token = newToken();
  const invited = await runCommand(deps.db, by, {
    // The audit row does not say whether the address had an account: the portal admin reads it.
    audit: {
      portalId,
      domainId,
      action: 'portal.member.invite',
      targetType: 'invitation',
      details: { role: input.role },
    },
    check: async () => {
      const [portal] = await deps.db
        .select({ name: portals.name })
        .from(portals)
        .where(eq(portals.id, portalId));
      if (!portal) throw PORTAL_NOT_FOUND;
      if (domainId !== null) {
        const [domain] = await deps.db
          .select({ id: domains.id })
          .from(domains)
          .where(and(eq(domains.id, domainId), eq(domains.portalId, portalId)));
        if (!domain) throw DOMAIN_NOT_IN_PORTAL;
      }
      return portal;
    },
    change: async (tx, portal) => {
      const [invitation] = await tx
        .insert(memberInvitations)
        .values({
          tokenHash: hashToken(token),
          portalId,
          domainId,
          email: input.email,
          name: input.name,
          role: input.role,
          invitedBy: by.actor.userId,
          createdAt: now,
          expiresAt: new Date(now.getTime() + INVITATION_VALIDITY_MS),
        })
        .returning({ id: memberInvitations.id });
      return { invitationId: invitation!.id, portalName: portal.name };
    },
    audited: (result) => ({ targetId: result.invitationId }),
  });
  const link = `${deps.publicUrl}/invitation?token=${encodeURIComponent(token)}`;
  // Not waited for: how long the mail takes must not tell the admin anything about the address.
  void deps.mailer.send({
    kind: 'invitation',
    to: input.email,
    ...invitationMail(input.name, link, { portalName: invited.portalName, invitedBy: by.actor.name }),
  });
  const showLink = deps.returnLink === true || !deps.mailer.configured;
  return showLink ? { invitationId: invited.invitationId, link } : { invitationId: invited.invitationId };
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
