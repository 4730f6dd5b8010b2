/**
 * Issue 14 points 5, 7, 8 and 15.2 on the real app, with the Loket sandbox over HTTP and a test SMTP
 * server: forms keep what was typed, the Loket client is proved at once, successful POSTs answer 303,
 * destructive actions ask first, the operator's note reaches the requester (page and mail), the audit
 * log names people, and the operator can send a failed mail again from a page.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/support/database.ts';
import { testLogger } from '../../test/support/logger.ts';
import { createTestServices } from '../../test/support/services.ts';
import { call } from '../../test/support/auth-harness.ts';
import type { SandboxCredentials } from '../../test/support/loket-fixture.ts';
import { roleSessions, type SessionRole } from '../../test/support/role-sessions.ts';
import { createTenants, type Tenants } from '../../test/support/tenants.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../../test/support/smtp.ts';
import { startLoketSandbox, type RunningLoketSandbox } from '../../sandbox/loket/index.ts';
import { sandboxEnv } from '../../sandbox/demo/sandboxes.ts';
import { createApp } from '../main/app.ts';
import { startJobEngine, type JobEngine } from '../jobs/engine.ts';
import type { DatabaseHandle } from '../store/database.ts';
import { contractLines, importRuns, mailOutbox, portals, users } from '../store/schema/index.ts';
import { importHistory } from '../sync/status.ts';

describe('forms, confirmations, decision notes, names and the outbox page', () => {
  let database: DatabaseHandle;
  let jobs: JobEngine;
  let loket: RunningLoketSandbox;
  let smtp: TestSmtpServer;
  let services: ReturnType<typeof createTestServices>;
  let app: ReturnType<typeof createApp>;
  let tenants: Tenants;
  let credentials: SandboxCredentials;
  const { as } = roleSessions(() => ({ app, tenants }));

  beforeAll(async () => {
    database = await openTestDatabase();
    jobs = await startJobEngine({ database, logger: testLogger, supervise: false, instanceName: 'ui-forms' });
    loket = await startLoketSandbox({});
    smtp = await startTestSmtpServer();
    services = createTestServices({ database, jobs, env: { ...sandboxEnv(loket), SMTP_URL: smtp.url } });
    app = createApp(services);
    tenants = await createTenants(database.db);
    credentials = (await (await fetch(`${loket.controlUrl}/credentials`)).json()) as SandboxCredentials;
    await database.db
      .update(users)
      .set({ name: 'Anna Jansen' })
      .where(eq(users.email, tenants.emails.portal_admin));
  }, 60_000);
  afterAll(async () => {
    services?.mailer.close();
    await smtp?.close();
    await jobs?.stop();
    await loket?.close();
    await database?.close();
  });

  /** A page form POST as `role`, with the session's CSRF field, as the browser sends it. */
  async function post(role: SessionRole, path: string, form: Record<string, string> = {}) {
    const session = await as(role);
    return call(app, path, { cookie: session.cookie, form: { ...form, _csrf: session.csrf } });
  }
  async function page(role: SessionRole, path: string) {
    const response = await call(app, path, { cookie: (await as(role)).cookie });
    expect(response.status).toBe(200);
    return response.text();
  }
  const settingsPath = () => `/portals/${tenants.a.portalId}/settings/loket`;
  const settingsForm = (fields: Record<string, string>) => ({
    loketEnvironment: 'acceptance',
    lookbackPeriods: '2',
    kind_payslips: 'on',
    notificationRecipients: 'salaris@kantoor.nl',
    ...fields,
  });

  it('refuses a client secret Loket refuses, keeps what was typed (never the secret), and saves nothing', async () => {
    const response = await post(
      'portal_admin',
      settingsPath(),
      settingsForm({ loketClientId: credentials.clientId, loketClientSecret: 'not-the-secret' }),
    );
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Loket heeft de client-id of het geheim geweigerd');
    expect(html).toContain(`value="${credentials.clientId}"`);
    expect(html).toContain('salaris@kantoor.nl');
    expect(html).not.toContain('not-the-secret');
    const [portal] = await database.db.select().from(portals).where(eq(portals.id, tenants.a.portalId));
    expect(portal).toMatchObject({ loketClientId: null, loketClientSecretEnc: null });
  });

  it('keeps the typed client id after a validation error', async () => {
    const response = await post(
      'portal_admin',
      settingsPath(),
      settingsForm({ loketClientId: 'typed-client', loketClientSecret: 'x', lookbackPeriods: '99' }),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('value="typed-client"');
    expect(html).toContain('value="99"');
  });

  it('saves a client Loket accepts with a 303, and the page says Loket accepted it', async () => {
    const response = await post(
      'portal_admin',
      settingsPath(),
      settingsForm({ loketClientId: credentials.clientId, loketClientSecret: credentials.clientSecret }),
    );
    expect(response.status).toBe(303);
    const location = response.headers.get('location')!;
    expect(location).toBe(`${settingsPath()}?saved&verified`);
    expect(await page('portal_admin', location)).toContain(
      'Loket heeft de client-id en het geheim geaccepteerd.',
    );
    const [portal] = await database.db.select().from(portals).where(eq(portals.id, tenants.a.portalId));
    expect(portal?.loketClientId).toBe(credentials.clientId);
    // Saving other settings without touching the client does not ask Loket and does not claim it did.
    const again = await post(
      'portal_admin',
      settingsPath(),
      settingsForm({ loketClientId: credentials.clientId }),
    );
    expect(again.headers.get('location')).toBe(`${settingsPath()}?saved`);
  });

  it('keeps the typed invitation after a refusal', async () => {
    const response = await post('portal_admin', `/portals/${tenants.a.portalId}/members`, {
      email: 'geen-adres',
      name: 'Piet Typewerk',
      where: tenants.a.domainIds[1],
      role: 'hrm',
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('value="Piet Typewerk"');
    expect(html).toContain('value="geen-adres"');
    expect(html).toMatch(new RegExp(`<option value="${tenants.a.domainIds[1]}" selected`));
    expect(html).toMatch(/<option value="hrm" selected/);
  });

  it('asks before "Rollen intrekken" and "Van het contract halen", without JavaScript', async () => {
    const members = await page('portal_admin', `/portals/${tenants.a.portalId}/members`);
    // The first button only opens the question; the POST form sits inside the <details>.
    expect(members).toMatch(
      /<details class="confirm"><summary[^>]*>Rollen intrekken<\/summary><form method="post" action="\/portals\/[^"]+\/members\/[^"]+\/remove"/,
    );
    expect(members).toContain('Ja, rollen intrekken');
    const domainId = tenants.a.domainIds[1];
    const added = await post('portal_admin', `/domains/${domainId}/features/loket_payroll_link`, {
      change: 'add',
    });
    expect(added.status).toBe(303);
    const contract = await page('portal_admin', `/domains/${domainId}`);
    expect(contract).toMatch(
      /<details class="confirm"><summary[^>]*>Van het contract halen<\/summary><form method="post" action="\/domains\/[^"]+\/features\/loket_payroll_link"/,
    );
    expect(contract).toContain('Ja, van het contract halen');
  });

  it("brings the operator's note to the requester: on the domain page and in the mail", async () => {
    const domainId = tenants.a.domainIds[1];
    const requested = await post('backoffice', `/domains/${domainId}/contract-lines`, {
      administrationId: tenants.a.nonStandardId,
    });
    expect(requested.status).toBe(303);
    const [line] = await database.db
      .select()
      .from(contractLines)
      .where(eq(contractLines.administrationId, tenants.a.nonStandardId));
    const mailsBefore = smtp.mails.length;
    const decided = await post('operator', `/operator/contract-lines/${line!.id}/decision`, {
      decision: 'refuse',
      note: 'Eerst het contract tekenen, graag.',
    });
    expect(decided.status).toBe(303);
    expect(decided.headers.get('location')).toBe('/operator?decided');
    const domainPage = await page('backoffice', `/domains/${domainId}`);
    expect(domainPage).toContain('Geweigerd');
    expect(domainPage).toContain('Toelichting: Eerst het contract tekenen, graag.');
    const mails = await smtp.waitForMails(mailsBefore + 1);
    const mail = mails.find((received) => received.to.includes(tenants.emails.backoffice))!;
    expect(mail.text).toContain('Toelichting: Eerst het contract tekenen, graag.');
  });

  it('names people, domains and administrations in the audit log, by name not e-mail', async () => {
    const html = await page('portal_admin', `/portals/${tenants.a.portalId}/audit`);
    expect(html).toContain('door Anna Jansen');
    expect(html).not.toContain(`door ${tenants.emails.portal_admin}`);
    expect(html).toContain('Van der Berg Groep');
    const session = await as('portal_admin');
    const api = await call(app, `/api/portals/${tenants.a.portalId}/audit`, { cookie: session.cookie });
    const events = (await api.json()) as Array<{ actorName: string | null; domainName: string | null }>;
    expect(events.some((event) => event.actorName === 'Anna Jansen')).toBe(true);
    expect(events.some((event) => event.domainName === 'Van der Berg Groep')).toBe(true);
  });

  it('names who asked for an import in the history, and keeps the label of someone who is gone', async () => {
    const [admin] = await database.db
      .select()
      .from(users)
      .where(eq(users.email, tenants.emails.portal_admin));
    const run = (requestedBy: string | null, requestedLabel: string): typeof importRuns.$inferInsert => ({
      administrationId: tenants.a.standardId,
      trigger: 'manual',
      kinds: ['payslip'],
      fromPeriodId: 202601,
      toPeriodId: 202601,
      state: 'done',
      requestedBy,
      requestedLabel,
    });
    await database.db.insert(importRuns).values([run(admin!.id, admin!.email), run(null, 'scheduler')]);
    const { runs } = await importHistory(database.db, tenants.a.standardId);
    expect(runs.map((row) => [row.requestedLabel, row.requestedName]).sort()).toEqual(
      [
        [admin!.email, 'Anna Jansen'],
        ['scheduler', null],
      ].sort(),
    );
  });

  it('lists a failed mail on the outbox page and sends it again with a 303', async () => {
    const [failed] = await database.db
      .insert(mailOutbox)
      .values({
        kind: 'invitation',
        recipients: 'later@kantoor.nl',
        subject: 'Uitnodiging',
        body: 'Welkom',
        status: 'failed',
        error: 'connect ECONNREFUSED',
      })
      .returning();
    const listed = await page('operator', '/operator/outbox');
    expect(listed).toContain('later@kantoor.nl');
    expect(listed).toContain('connect ECONNREFUSED');
    expect(listed).toContain(`action="/operator/outbox/${failed!.id}/resend"`);
    expect(listed).toContain('Opnieuw versturen');
    expect(await page('operator', '/operator')).toContain('href="/operator/outbox"');

    const mailsBefore = smtp.mails.length;
    const resent = await post('operator', `/operator/outbox/${failed!.id}/resend`);
    expect(resent.status).toBe(303);
    expect(resent.headers.get('location')).toBe('/operator/outbox?resent=sent');
    const [received] = (await smtp.waitForMails(mailsBefore + 1)).slice(mailsBefore);
    expect(received!.to).toEqual(['later@kantoor.nl']);
    const after = await page('operator', '/operator/outbox?resent=sent');
    expect(after).toContain('De e-mail is opnieuw verstuurd.');
    expect(after).not.toContain('later@kantoor.nl');
    // Sending the same mail again is refused on the page, in words.
    const again = await post('operator', `/operator/outbox/${failed!.id}/resend`);
    expect(again.status).toBe(422);
  });
});
