import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents, refusalCounts } from '../../../store/schema/audit.ts';
import { passwordResets } from '../../../store/schema/tenancy.ts';
import { createUser } from '../../../auth/users.ts';
import type { ReceivedMail } from '../../../../test/support/smtp.ts';
import { call, login, startHarness, type Harness } from '../../../../test/support/auth-harness.ts';

const DIRK = { email: 'dirk@example.nl', password: 'the old password of dirk' };
const NEW_PASSWORD = 'a brand new password for dirk';

/** The mail body as a reader sees it, whichever transfer encoding nodemailer chose. */
function mailText(mail: ReceivedMail): string {
  const [head = '', ...rest] = mail.raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/Content-Transfer-Encoding: base64/i.test(head)) return Buffer.from(body, 'base64').toString('utf8');
  if (/Content-Transfer-Encoding: quoted-printable/i.test(head)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => `%${hex}`);
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/g, '%25'));
  }
  return body;
}

function resetToken(mail: ReceivedMail): string {
  const match = /http:\/\/localhost:3000\/reset-password\?token=([A-Za-z0-9_-]{43})/.exec(mailText(mail));
  if (!match?.[1]) throw new Error(`no reset link in:\n${mail.raw}`);
  return match[1];
}

describe('password reset by e-mail link', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
    await createUser(harness.services.db, { ...DIRK, name: 'Dirk Bakker' });
  });
  afterAll(() => harness?.close());

  async function requestReset(email: string): Promise<Response> {
    return call(harness.app, '/api/auth/password-reset', { json: { email } });
  }

  it('answers the same for an unknown address and sends nothing', async () => {
    const unknown = await requestReset('nobody@example.nl');
    expect(unknown.status).toBe(202);
    const known = await requestReset(DIRK.email);
    expect(known.status).toBe(202);
    expect(await unknown.json()).toEqual(await known.json());
    const [mail] = await harness.smtp.waitForMails(1);
    expect(mail?.to).toEqual([DIRK.email]);
    // Give a mail to nobody@ the time to arrive, were one sent.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(harness.smtp.mails.map((m) => m.to)).toEqual([[DIRK.email]]);
  });

  it('mails a Dutch and English link that resets the password once, and ends every session', async () => {
    const mail = harness.smtp.mails[0]!;
    expect(mail.subject).toMatch(/Wachtwoord opnieuw instellen/);
    const text = mailText(mail);
    expect(text).toMatch(/Beste Dirk Bakker/);
    expect(text).toMatch(/één uur geldig/);
    expect(text).toMatch(/valid for one hour/);
    expect(text.indexOf('Beste')).toBeLessThan(text.indexOf('Dear'));
    const token = resetToken(mail);

    const session = await login(harness.app, DIRK);
    const confirm = await call(harness.app, '/api/auth/password-reset/confirm', {
      form: { token, password: NEW_PASSWORD },
      cookie: session.cookie,
    });
    expect(confirm.status).toBe(200);
    expect(((await confirm.json()) as { message: { nl: string } }).message.nl).toMatch(/gewijzigd/);
    expect((await call(harness.app, '/api/auth/me', { cookie: session.cookie })).status).toBe(401);

    expect((await call(harness.app, '/api/auth/login', { json: DIRK })).status).toBe(401);
    await login(harness.app, { email: DIRK.email, password: NEW_PASSWORD });

    const again = await call(harness.app, '/api/auth/password-reset/confirm', {
      json: { token, password: 'yet another new password' },
    });
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: string }).error).toBe('reset_link_invalid');
  });

  it('refuses an expired link and a made-up one', async () => {
    await requestReset(DIRK.email);
    const [, mail] = await harness.smtp.waitForMails(2);
    const token = resetToken(mail!);
    await harness.services.db.update(passwordResets).set({ expiresAt: new Date(Date.now() - 1000) });
    const expired = await call(harness.app, '/api/auth/password-reset/confirm', {
      json: { token, password: 'too late for this one' },
    });
    expect(expired.status).toBe(400);
    const madeUp = await call(harness.app, '/api/auth/password-reset/confirm', {
      json: { token: 'A'.repeat(43), password: 'too late for this one' },
    });
    expect(madeUp.status).toBe(400);
    await login(harness.app, { email: DIRK.email, password: NEW_PASSWORD });
  });

  it('refuses a new password shorter than 12 characters', async () => {
    const response = await call(harness.app, '/api/auth/password-reset/confirm', {
      json: { token: 'A'.repeat(43), password: 'short' },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_request');
  });

  it('lets one of two simultaneous uses of a link win', async () => {
    const before = harness.smtp.mails.length;
    await requestReset(DIRK.email);
    const mails = await harness.smtp.waitForMails(before + 1);
    const token = resetToken(mails[before]!);
    const confirm = () =>
      call(harness.app, '/api/auth/password-reset/confirm', { json: { token, password: NEW_PASSWORD } });
    const statuses = (await Promise.all([confirm(), confirm()])).map((response) => response.status);
    expect(statuses.sort()).toEqual([200, 400]);
  });

  it('sends at most 3 live links at a time, so nobody can flood an inbox', async () => {
    const before = harness.smtp.mails.length;
    for (let i = 0; i < 5; i++) expect((await requestReset(DIRK.email)).status).toBe(202);
    await vi.waitFor(
      async () => {
        const rows = await harness.services.db
          .select()
          .from(refusalCounts)
          .where(eq(refusalCounts.action, 'auth.password_reset.request'));
        expect(rows.filter((row) => row.lastReason === 'too_many').map((row) => row.count)).toEqual([2]);
      },
      { timeout: 10_000 },
    );
    await harness.smtp.waitForMails(before + 3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(harness.smtp.mails.length - before).toBe(3);
  });

  it('audits requests and confirmations, counts the refused ones, never with the token or any password', async () => {
    const rows = await harness.services.db.select().from(auditEvents);
    expect(rows.map((row) => `${row.action}:${row.outcome}`)).toEqual(
      expect.arrayContaining(['auth.password_reset.request:ok', 'auth.password_reset.confirm:ok']),
    );
    const refused = await harness.services.db.select().from(refusalCounts);
    expect(refused.map((row) => `${row.action}:${row.lastReason}`)).toEqual(
      expect.arrayContaining([
        'auth.password_reset.request:unknown_email',
        'auth.password_reset.confirm:invalid_token',
      ]),
    );
    const dump = JSON.stringify([...rows, ...refused]);
    for (const mail of harness.smtp.mails) expect(dump).not.toContain(resetToken(mail));
    for (const secret of [DIRK.password, NEW_PASSWORD]) expect(dump).not.toContain(secret);
    const stored = await harness.services.db.select().from(passwordResets);
    for (const mail of harness.smtp.mails) {
      expect(JSON.stringify(stored)).not.toContain(resetToken(mail));
    }
  });
});
