/**
 * @module remove-member
 * Takes away every role a person has in a portal and its domains, audited; the account itself stays.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { domainMemberships, domains, portalMemberships } from '../../store/schema/index.ts';
import { NotFoundError } from '../../core/errors.ts';
import { runCommand, type ChangedBy } from '../command.ts';

export const NOT_A_MEMBER = new NotFoundError('not_a_member', {
  nl: 'Deze persoon heeft geen rol in dit portaal.',
  en: 'This person has no role in this portal.',
});

export type RemoveMemberOptions = { portalId: string; userId: string };

/** NOT_A_MEMBER (refused, audited) when the person had no role here. */
export function removeMember(
  db: Database,
  by: ChangedBy,
  { portalId, userId }: RemoveMemberOptions,
): Promise<void> {
  return runCommand(db, by, {
    audit: { portalId, action: 'portal.member.remove', targetType: 'user', targetId: userId },
    change: async (tx) => {
      const fromPortal = await tx
        .delete(portalMemberships)
        .where(and(eq(portalMemberships.portalId, portalId), eq(portalMemberships.userId, userId)))
        .returning();
      const portalDomains = tx.select({ id: domains.id }).from(domains).where(eq(domains.portalId, portalId));
      const fromDomains = await tx
        .delete(domainMemberships)
        .where(and(eq(domainMemberships.userId, userId), inArray(domainMemberships.domainId, portalDomains)))
        .returning();
      if (fromPortal.length + fromDomains.length === 0) throw NOT_A_MEMBER;
    },
  });
}
