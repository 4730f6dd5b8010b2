/**
 * @module change-member
 * Gives or takes a person's roles in a portal (invitation mail for someone new), audited, for the API
 * and the pages.
 */
import { recordAudit } from '../audit/record-audit.ts';
import { addMember, removeMember, type AddMemberDeps, type MemberInput } from './members.ts';
import { auditActor, type ChangedBy } from './changed-by.ts';

export async function addMemberAudited(
  deps: AddMemberDeps,
  by: ChangedBy,
  portalId: string,
  input: MemberInput,
): Promise<{ userId: string; invited: boolean }> {
  const added = await addMember(deps, by.actor, portalId, input);
  await recordAudit(deps.db, {
    ...auditActor(by),
    portalId,
    domainId: input.kind === 'domain' ? input.domainId : null,
    action: 'portal.member.add',
    targetType: 'user',
    targetId: added.userId,
    details: { role: input.role, invited: added.invited },
  });
  return added;
}

export async function removeMemberAudited(
  deps: Pick<AddMemberDeps, 'db'>,
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
