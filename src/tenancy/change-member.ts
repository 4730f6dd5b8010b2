/**
 * @module change-member
 * Offers a person a role in a portal (an invitation they accept), takes roles away, and records the
 * acceptance, audited, for the API and the pages. The audit line of an invitation does not say whether
 * the address had an account: the portal admin reads it.
 */
import { recordAudit } from '../audit/record-audit.ts';
import { removeMember, type MemberInput } from './members.ts';
import { acceptInvitation, inviteMember, type Acceptor, type InviteDeps } from './invitations.ts';
import { auditActor, type ChangedBy } from './changed-by.ts';
import type { Database } from '../store/database.ts';

export async function inviteMemberAudited(
  deps: InviteDeps,
  by: ChangedBy,
  portalId: string,
  input: MemberInput,
): Promise<{ invitationId: string; link?: string }> {
  const invited = await inviteMember(deps, by.actor, portalId, input);
  await recordAudit(deps.db, {
    ...auditActor(by),
    portalId,
    domainId: input.kind === 'domain' ? input.domainId : null,
    action: 'portal.member.invite',
    targetType: 'invitation',
    targetId: invited.invitationId,
    details: { role: input.role },
  });
  return invited;
}

export async function acceptInvitationAudited(
  db: Database,
  token: string,
  acceptor: Acceptor,
  requestId: string | null,
): Promise<{ portalId: string; userId: string }> {
  const accepted = await acceptInvitation(db, token, acceptor);
  await recordAudit(db, {
    actorUserId: accepted.userId,
    actorLabel: 'actor' in acceptor ? acceptor.actor.email : 'invitation',
    portalId: accepted.portalId,
    action: 'portal.member.accept',
    targetType: 'user',
    targetId: accepted.userId,
    requestId,
  });
  return accepted;
}

export async function removeMemberAudited(
  deps: { db: Database },
  by: ChangedBy,
  portalId: string,
  userId: string,
): Promise<boolean> {
  const removed = await removeMember(deps.db, portalId, userId);
  if (removed) {
    await recordAudit(deps.db, {
      ...auditActor(by),
      portalId,
      action: 'portal.member.remove',
      targetType: 'user',
      targetId: userId,
    });
  }
  return removed;
}
