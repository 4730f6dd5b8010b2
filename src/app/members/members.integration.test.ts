/**
 * The member commands and queries against a real database: each change lands with its audit row, each
 * refusal leaves nothing but a `refused` row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { domainMemberships, memberInvitations, portalMemberships, users } from '../../store/schema/index.ts';
import { openAppFixture, type AppFixture } from '../../../test/support/app-fixture.ts';
import { inviteMember, type MemberInput } from './invite-member.ts';
import { acceptInvitation, INVITATION_GONE } from './accept-invitation.ts';
import { NOT_A_MEMBER, removeMember } from './remove-member.ts';
import { listMembers } from './list-members.ts';
import { listPendingInvitations } from './list-pending-invitations.ts';
import { findInvitation } from './find-invitation.ts';

describe('member commands', () => {
  let app: AppFixture;
  beforeAll(async () => {
    app = await openAppFixture();
  });
  afterAll(() => app?.close());

  const deps = () => ({ db: app.db, mailer: app.mailer, publicUrl: 'http://localhost:3000' });
  const invite = async (input: MemberInput, portalId = app.tenants.a.portalId) =>
    inviteMember(deps(), await app.by('portal_admin'), { portalId, input });
  /** The token of the link in the newest mail to `email`. */
  const tokenMailedTo = async (email: string) => {
    const count = app.smtp.mails.length + 1;
    await app.smtp.waitForMails(count);
    const mail = app.smtp.mails.findLast((m) => m.to.includes(email))!;
    return /invitation\?token=([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;
  };

  it('invites: the invitation and its audit row, a mailed link, and no membership yet', async () => {
    const invited = await invite({
      kind: 'portal',
      email: 'nieuw@example.nl',
      name: 'Nieuw',
      role: 'portal_guest',
    });
    const token = await tokenMailedTo('nieuw@example.nl');
    expect((await findInvitation(app.db, token))?.id).toBe(invited.invitationId);
    const [row] = await app.audit('portal.member.invite');
    expect(row).toMatchObject({
      portalId: app.tenants.a.portalId,
      targetType: 'invitation',
      targetId: invited.invitationId,
      details: { role: 'portal_guest' },
      requestId: 'test-portal_admin',
      outcome: 'ok',
    });
    const pending = await listPendingInvitations(app.db, app.tenants.a.portalId);
    expect(pending.map((invitation) => invitation.email)).toEqual(['nieuw@example.nl']);
    expect(await app.db.select().from(users).where(eq(users.email, 'nieuw@example.nl'))).toEqual([]);
  });

  it('refuses a domain of another portal: no invitation, one refused row', async () => {
    const before = (await app.db.select().from(memberInvitations)).length;
    const input = {
      kind: 'domain' as const,
      email: 'x@example.nl',
      name: 'X',
      role: 'hrm' as const,
      domainId: app.tenants.b.domainId,
    };
    await expect(invite(input)).rejects.toMatchObject({ code: 'domain_not_in_portal' });
    expect((await app.db.select().from(memberInvitations)).length).toBe(before);
    const refused = (await app.audit('portal.member.invite')).filter((row) => row.outcome === 'refused');
    expect(refused.map((row) => row.details)).toEqual([{ role: 'hrm', reason: 'domain_not_in_portal' }]);
  });

  it('accepts with a new password: account, role and claimed invitation in one change, audited as the new user', async () => {
    const invited = await invite({
      kind: 'portal',
      email: 'anna@example.nl',
      name: 'Anna',
      role: 'portal_backoffice',
    });
    const token = await tokenMailedTo('anna@example.nl');
    const accepted = await acceptInvitation(app.db, {
      token,
      acceptor: { newPassword: 'anna her own long password' },
      requestId: 'req-accept',
    });
    const [membership] = await app.db
      .select()
      .from(portalMemberships)
      .where(eq(portalMemberships.userId, accepted.userId));
    expect(membership).toMatchObject({ portalId: app.tenants.a.portalId, role: 'portal_backoffice' });
    const [claimed] = await app.db
      .select()
      .from(memberInvitations)
      .where(eq(memberInvitations.id, invited.invitationId));
    expect(claimed?.acceptedBy).toBe(accepted.userId);
    const [row] = await app.audit('portal.member.accept');
    expect(row).toMatchObject({
      actorUserId: accepted.userId,
      actorLabel: 'invitation',
      portalId: app.tenants.a.portalId,
      targetId: accepted.userId,
      requestId: 'req-accept',
      outcome: 'ok',
    });
    // Used once: the same link again is refused, and audited as such.
    await expect(
      acceptInvitation(app.db, {
        token,
        acceptor: { newPassword: 'another long password' },
        requestId: null,
      }),
    ).rejects.toBe(INVITATION_GONE);
    expect((await app.audit('portal.member.accept')).map((r) => r.outcome)).toEqual(['ok', 'refused']);
  });

  it('accepts a domain role signed in as the invited address, which an account cannot skip', async () => {
    const [bakery] = app.tenants.a.domainIds;
    const email = app.tenants.emails.b_admin;
    await invite({ kind: 'domain', email, name: 'B', role: 'management', domainId: bakery });
    const token = await tokenMailedTo(email);
    // The address has an account: choosing a password through the link would take it over.
    await expect(
      acceptInvitation(app.db, { token, acceptor: { newPassword: 'a takeover password' }, requestId: null }),
    ).rejects.toMatchObject({ code: 'invitation_other_account' });
    const bAdmin = await app.actor('b_admin');
    await acceptInvitation(app.db, { token, acceptor: { actor: bAdmin }, requestId: null });
    const roles = await app.db
      .select({ role: domainMemberships.role })
      .from(domainMemberships)
      .where(and(eq(domainMemberships.userId, bAdmin.userId), eq(domainMemberships.domainId, bakery)));
    expect(roles).toEqual([{ role: 'management' }]);
    const accepted = (await app.audit('portal.member.accept')).filter((row) => row.outcome === 'ok');
    expect(accepted.at(-1)).toMatchObject({ actorUserId: bAdmin.userId, actorLabel: email });
  });

  it('removes every role in the portal and its domains, audited; a second time is refused', async () => {
    const hrm = await app.actor('hrm');
    expect((await listMembers(app.db, app.tenants.a.portalId)).map((m) => m.userId)).toContain(hrm.userId);
    await removeMember(app.db, await app.by('portal_admin'), {
      portalId: app.tenants.a.portalId,
      userId: hrm.userId,
    });
    expect(
      await app.db.select().from(domainMemberships).where(eq(domainMemberships.userId, hrm.userId)),
    ).toEqual([]);
    expect((await listMembers(app.db, app.tenants.a.portalId)).map((m) => m.userId)).not.toContain(
      hrm.userId,
    );
    await expect(
      removeMember(app.db, await app.by('portal_admin'), {
        portalId: app.tenants.a.portalId,
        userId: hrm.userId,
      }),
    ).rejects.toBe(NOT_A_MEMBER);
    const rows = await app.audit('portal.member.remove');
    expect(rows.map((row) => [row.outcome, row.targetId])).toEqual([
      ['ok', hrm.userId],
      ['refused', hrm.userId],
    ]);
  });
});
