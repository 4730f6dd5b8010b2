/**
 * Giving someone a role is an invitation they accept: a portal admin cannot pull an existing account into
 * their portal, and cannot tell from the answer whether the address has an account.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createUser } from '../../auth/users.ts';
import { auditEvents, domains, portalMemberships, portals, users } from '../../store/schema/index.ts';
import type { ReceivedMail } from '../../../test/support/smtp.ts';
import { call, cookieFrom, login, startHarness, type Harness } from '../../../test/support/auth-harness.ts';

const ADMIN = { email: 'admin@kantoor-a.nl', password: 'admin a long password' };
const OUTSIDER = { email: 'boss@kantoor-b.nl', password: 'boss b long password' };
const OPERATOR = { email: 'ops@yuki.nl', password: 'operator long password' };

function invitationToken(mail: ReceivedMail): string {
  const text = /Content-Transfer-Encoding: base64/i.test(mail.raw)
    ? Buffer.from(
        mail.raw
          .split(/\r?\n\r?\n/)
          .slice(1)
          .join(''),
        'base64',
      ).toString('utf8')
    : mail.text;
  const match = /http:\/\/localhost:3000\/invitation\?token=([A-Za-z0-9_-]{43})/.exec(text);
  if (!match?.[1]) throw new Error(`no invitation link in:\n${mail.raw}`);
  return match[1];
}

describe('member invitations', () => {
  let harness: Harness;
  let portalA: string;
  let domainA: string;
  let outsiderId: string;
  let admin: { cookie: string; csrfToken: string };
  beforeAll(async () => {
    harness = await startHarness();
    const { db } = harness.services;
    const adminId = (await createUser(db, { ...ADMIN, name: 'Admin A' })).id;
    outsiderId = (await createUser(db, { ...OUTSIDER, name: 'Boss B' })).id;
    await createUser(db, { ...OPERATOR, name: 'Operator', isOperator: true });
    const [a] = await db.insert(portals).values({ name: 'Kantoor A' }).returning();
    const [b] = await db.insert(portals).values({ name: 'Kantoor B' }).returning();
    portalA = a!.id;
    domainA = (await db.insert(domains).values({ portalId: portalA, name: 'Bakkerij A' }).returning())[0]!.id;
    await db.insert(portalMemberships).values([
      { userId: adminId, portalId: portalA, role: 'portal_admin' },
      { userId: outsiderId, portalId: b!.id, role: 'portal_admin' },
    ]);
    admin = await login(harness.app, ADMIN);
  });
  afterAll(() => harness?.close());

  const invite = (body: Record<string, unknown>, portalId = portalA, as = admin) =>
    call(harness.app, `/api/portals/${portalId}/members`, {
      json: body,
      cookie: as.cookie,
      csrf: as.csrfToken,
    });

  it('answers the same for an address with an account and one without, and adds nobody yet', async () => {
    const existing = await invite({
      kind: 'portal',
      email: OUTSIDER.email,
      name: 'Boss',
      role: 'portal_admin',
    });
    const fresh = await invite({
      kind: 'portal',
      email: 'nieuw@example.nl',
      name: 'Nieuw',
      role: 'portal_guest',
    });
    expect([existing.status, fresh.status]).toEqual([202, 202]);
    const [a, b] = [(await existing.json()) as object, (await fresh.json()) as object];
    expect(Object.keys(a)).toEqual(['invitationId']);
    expect(Object.keys(b)).toEqual(Object.keys(a));
    const pulledIn = await harness.services.db
      .select()
      .from(portalMemberships)
      .where(and(eq(portalMemberships.userId, outsiderId), eq(portalMemberships.portalId, portalA)));
    expect(pulledIn).toEqual([]);
    expect(await harness.services.db.select().from(users).where(eq(users.email, 'nieuw@example.nl'))).toEqual(
      [],
    );
    const audit = await harness.services.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'portal.member.invite'));
    expect(audit.map((row) => row.details)).toEqual([{ role: 'portal_admin' }, { role: 'portal_guest' }]);
    // The members page lists both as open invitations, alike.
    const page = await (
      await call(harness.app, `/portals/${portalA}/members`, { cookie: admin.cookie })
    ).text();
    expect(page).toContain('Openstaande uitnodigingen');
    expect(page).toContain(OUTSIDER.email);
    expect(page).toContain('nieuw@example.nl');
  });

  it('lets the existing account accept only when signed in as that address, once', async () => {
    const mails = await harness.smtp.waitForMails(2);
    const mail = mails.find((m) => m.to.includes(OUTSIDER.email))!;
    const token = invitationToken(mail);
    const link = `/invitation?token=${token}`;
    // Not signed in: to the log-in page, which comes back here.
    const anonymous = await call(harness.app, link);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe(`/login?next=${encodeURIComponent(link)}`);
    // Choosing a password for an existing account through the link is refused.
    const takeover = await call(harness.app, link, { form: { password: 'a brand new password' } });
    expect(takeover.status).toBe(422);
    // Signed in as someone else: cannot accept.
    const wrong = await call(harness.app, link, { form: { _csrf: admin.csrfToken }, cookie: admin.cookie });
    expect(wrong.status).toBe(422);
    const outsider = await login(harness.app, OUTSIDER);
    const shown = await call(harness.app, link, { cookie: outsider.cookie });
    expect(await shown.text()).toContain('Kantoor A');
    const accepted = await call(harness.app, link, {
      form: { _csrf: outsider.csrfToken },
      cookie: outsider.cookie,
    });
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toBe(`/portals/${portalA}`);
    const [membership] = await harness.services.db
      .select()
      .from(portalMemberships)
      .where(and(eq(portalMemberships.userId, outsiderId), eq(portalMemberships.portalId, portalA)));
    expect(membership?.role).toBe('portal_admin');
    const again = await call(harness.app, link, {
      form: { _csrf: outsider.csrfToken },
      cookie: outsider.cookie,
    });
    expect(again.status).toBe(404);
  });

  it('lets a new address choose a password, which creates the account with the role', async () => {
    const mail = harness.smtp.mails.find((m) => m.to.includes('nieuw@example.nl'))!;
    const link = `/invitation?token=${invitationToken(mail)}`;
    const form = await call(harness.app, link);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('name="password"');
    expect((await call(harness.app, link, { form: { password: 'short' } })).status).toBe(400);
    const joined = await call(harness.app, link, { form: { password: 'my own long password' } });
    expect(joined.status).toBe(303);
    expect(joined.headers.get('location')).toBe('/login?joined');
    const signedIn = await call(harness.app, '/api/auth/login', {
      json: { email: 'nieuw@example.nl', password: 'my own long password' },
    });
    expect(signedIn.status).toBe(200);
    const me = await call(harness.app, '/api/auth/me', { cookie: cookieFrom(signedIn) });
    expect(JSON.stringify(await me.json())).toContain(portalA);
  });

  it('refuses a domain of another portal and answers an unknown portal with 404 for the operator', async () => {
    const operator = await login(harness.app, OPERATOR);
    const unknown = await invite(
      { kind: 'portal', email: 'x@example.nl', name: 'X', role: 'portal_guest' },
      '00000000-0000-4000-8000-000000000000',
      operator,
    );
    expect(unknown.status).toBe(404);
    const otherDomain = await invite(
      { kind: 'domain', email: 'x@example.nl', name: 'X', role: 'hrm', domainId: domainA },
      (await harness.services.db.select().from(portals).where(eq(portals.name, 'Kantoor B')))[0]!.id,
      operator,
    );
    expect(otherDomain.status).toBe(422);
  });
});
