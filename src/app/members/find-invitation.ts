/**
 * @module find-invitation
 * The invitation behind a mailed link, while it is unused and not expired; what its page shows.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { domains, memberInvitations, portals } from '../../store/schema/index.ts';
import { hashToken } from '../../auth/tokens.ts';
import { findActiveUserByEmail } from '../../auth/users.ts';

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

/** An invitation still to be accepted: not used and not expired at `now`. */
export const liveInvitation = (now: Date) =>
  and(isNull(memberInvitations.acceptedAt), gt(memberInvitations.expiresAt, now));

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
    .where(and(eq(memberInvitations.tokenHash, hashToken(token)), liveInvitation(now)));
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
