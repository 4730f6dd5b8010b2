/**
 * @module list-pending-invitations
 * Invitations of a portal nobody has accepted yet and that still work, newest first.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { domains, memberInvitations } from '../../store/schema/index.ts';
import { liveInvitation } from './find-invitation.ts';

export type PendingInvitation = {
  id: string;
  email: string;
  name: string;
  role: string;
  domainName: string | null;
  createdAt: Date;
  expiresAt: Date;
};

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
    .where(and(eq(memberInvitations.portalId, portalId), liveInvitation(now)))
    .orderBy(sql`${memberInvitations.createdAt} desc`);
}
