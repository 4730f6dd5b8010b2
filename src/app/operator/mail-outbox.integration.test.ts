/**
 * Mail that does not reach anyone is visible: without SMTP the inviter gets the link to pass on and no
 * page claims a mail was sent; with SMTP a failed mail is listed and the operator can send it again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createUser } from '../../auth/users.ts';
import { mailOutbox, portalMemberships, portals } from '../../store/schema/index.ts';
import { createApp } from '../../main/app.ts';
import { startJobEngine, type JobEngine } from '../../jobs/engine.ts';
import type { DatabaseHandle } from '../../store/database.ts';
import { openTestDatabase } from '../../../test/support/database.ts';
import { testLogger } from '../../../test/support/logger.ts';
import { createTestServices } from '../../../test/support/services.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../../../test/support/smtp.ts';
import { call, login } from '../../../test/support/auth-harness.ts';

const ADMIN = { email: 'admin@kantoor.nl', password: 'admin long password' };
const OPERATOR = { email: 'ops@yuki.nl', password: 'operator long password' };

describe('mail outbox', () => {
  let database: DatabaseHandle;
  let jobs: JobEngine;
  let smtp: TestSmtpServer;
  let portalId: string;
  const apps: Array<ReturnType<typeof createTestServices>> = [];
  const appWith = (env: NodeJS.ProcessEnv) => {
    const services = createTestServices({ database, jobs, env });
    apps.push(services);
    return createApp(services);
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    jobs = await startJobEngine({ database, logger: testLogger, supervise: false, instanceName: 'outbox' });
    smtp = await startTestSmtpServer();
    const { db } = database;
    const adminId = (await createUser(db, { ...ADMIN, name: 'Admin' })).id;
    await createUser(db, { ...OPERATOR, name: 'Operator', isOperator: true });
    portalId = (await db.insert(portals).values({ name: 'Kantoor' }).returning())[0]!.id;
    await db.insert(portalMemberships).values({ userId: adminId, portalId, role: 'portal_admin' });
  }, 60_000);
  afterAll(async () => {
    for (const services of apps) services.mailer.close();
    await smtp?.close();
    await jobs?.stop();
    await database?.close();
  });

  it('without SMTP shows the invitation link once, records no body, and claims no mail', async () => {
    const app = appWith({});
    const admin = await login(app, ADMIN);
    const invited = await call(app, `/api/portals/${portalId}/members`, {
      json: { kind: 'portal', email: 'nieuw@kantoor.nl', name: 'Nieuw', role: 'portal_guest' },
      cookie: admin.cookie,
      csrf: admin.csrfToken,
    });
    expect(invited.status).toBe(202);
    const { link } = (await invited.json()) as { link?: string };
    expect(link).toMatch(/^http:\/\/localhost:3000\/invitation\?token=[A-Za-z0-9_-]{43}$/);
    // The link works: it opens the invitation for the invited address.
    const page = await call(app, new URL(link!).pathname + new URL(link!).search);
    expect(await page.text()).toContain('nieuw@kantoor.nl');

    const rows = await database.db.select().from(mailOutbox).where(eq(mailOutbox.kind, 'invitation'));
    expect(rows.map((row) => [row.status, row.body, row.recipients])).toEqual([
      ['not_configured', null, 'nieuw@kantoor.nl'],
    ]);

    const reset = await call(app, '/api/auth/password-reset', { json: { email: ADMIN.email } });
    const { message } = (await reset.json()) as { message: { en: string } };
    expect(message.en).toContain('sends no e-mail');
    expect(message.en).not.toContain('has been sent');
  });

  it('with SMTP lists a failed mail and sends it again on the operator’s request', async () => {
    // Port 9 (discard) on loopback refuses SMTP: the send fails as with a mail server that is down.
    const broken = appWith({ SMTP_URL: 'smtp://127.0.0.1:9' });
    const admin = await login(broken, ADMIN);
    const invited = await call(broken, `/api/portals/${portalId}/members`, {
      json: { kind: 'portal', email: 'later@kantoor.nl', name: 'Later', role: 'portal_guest' },
      cookie: admin.cookie,
      csrf: admin.csrfToken,
    });
    expect(Object.keys((await invited.json()) as object)).toEqual(['invitationId']);
    let failed: typeof mailOutbox.$inferSelect | undefined;
    for (let i = 0; i < 100 && !failed; i++) {
      [failed] = await database.db
        .select()
        .from(mailOutbox)
        .where(eq(mailOutbox.recipients, 'later@kantoor.nl'));
      if (!failed) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(failed).toMatchObject({ status: 'failed', kind: 'invitation', attempts: 1 });
    expect(failed!.body).toContain('/invitation?token=');

    const working = appWith({ SMTP_URL: smtp.url });
    const operator = await login(working, OPERATOR);
    const listed = await call(working, '/api/operator/outbox', { cookie: operator.cookie });
    const mails = (await listed.json()) as Array<{ id: string; status: string; body?: string }>;
    expect(mails.find((mail) => mail.id === failed!.id)).toMatchObject({ status: 'failed' });
    expect(mails.every((mail) => !('body' in mail))).toBe(true);

    const resent = await call(working, `/api/operator/outbox/${failed!.id}/resend`, {
      method: 'POST',
      cookie: operator.cookie,
      csrf: operator.csrfToken,
    });
    expect(resent.status).toBe(200);
    expect(await resent.json()).toMatchObject({ status: 'sent', attempts: 2 });
    const [received] = await smtp.waitForMails(1);
    expect(received!.to).toEqual(['later@kantoor.nl']);
    const [row] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.id, failed!.id));
    expect(row!.body).toBeNull();

    const again = await call(working, `/api/operator/outbox/${failed!.id}/resend`, {
      method: 'POST',
      cookie: operator.cookie,
      csrf: operator.csrfToken,
    });
    expect(again.status).toBe(422);
  });
});
