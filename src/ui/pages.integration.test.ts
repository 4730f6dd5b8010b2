/**
 * The pages on the real app through `app.request()`: who sees which page (and which menu item), the
 * 403 and 404 pages, forms with and without the CSRF field, POST/redirect/GET with audit, secrets that
 * never come back, and the language switch.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/support/database.ts';
import { testLogger } from '../../test/support/logger.ts';
import { createTestServices } from '../../test/support/services.ts';
import { call } from '../../test/support/auth-harness.ts';
import { roleSessions, type SessionRole } from '../../test/support/role-sessions.ts';
import { createTenants, PASSWORD, type RoleName, type Tenants } from '../../test/support/tenants.ts';
import type { SandboxCredentials } from '../../test/support/loket-fixture.ts';
import { startLoketSandbox, type RunningLoketSandbox } from '../../sandbox/loket/index.ts';
import { sandboxEnv } from '../../sandbox/demo/sandboxes.ts';
import { createApp } from '../main/app.ts';
import { startJobEngine, type JobEngine } from '../jobs/engine.ts';
import type { DatabaseHandle } from '../store/database.ts';
import { auditEvents, domainFeatures, portals, refusalCounts, users } from '../store/schema/index.ts';

describe('web UI pages', () => {
  let database: DatabaseHandle;
  let jobs: JobEngine;
  let app: ReturnType<typeof createApp>;
  let tenants: Tenants;
  // Saving the Loket client asks Loket's token endpoint: the sandbox answers, never the real host.
  let loket: RunningLoketSandbox;
  let credentials: SandboxCredentials;
  const { as } = roleSessions(() => ({ app, tenants }));

  beforeAll(async () => {
    database = await openTestDatabase();
    jobs = await startJobEngine({ database, logger: testLogger, supervise: false, instanceName: 'ui-test' });
    loket = await startLoketSandbox({});
    credentials = (await (await fetch(`${loket.controlUrl}/credentials`)).json()) as SandboxCredentials;
    app = createApp(createTestServices({ database, jobs, env: sandboxEnv(loket) }));
    tenants = await createTenants(database.db);
    await database.db
      .insert(domainFeatures)
      .values({ domainId: tenants.a.domainIds[0], feature: 'loket_payroll_link' });
  }, 60_000);

  afterAll(async () => {
    await jobs?.stop();
    await loket?.close();
    await database?.close();
  });

  async function get(path: string, role?: SessionRole, cookie = '') {
    const session = role ? await as(role) : undefined;
    const response = await call(app, path, { cookie: [session?.cookie, cookie].filter(Boolean).join('; ') });
    return {
      status: response.status,
      html: await response.text(),
      location: response.headers.get('location'),
    };
  }

  async function post(path: string, role: RoleName, form: Record<string, string>, withCsrf = true) {
    const session = await as(role);
    return call(app, path, {
      cookie: session.cookie,
      form: withCsrf ? { ...form, _csrf: session.csrf } : form,
    });
  }

  it('serves the login page in Dutch by default and in English with the language cookie', async () => {
    const dutch = await get('/login');
    expect(dutch.status).toBe(200);
    expect(dutch.html).toContain('<html lang="nl">');
    expect(dutch.html).toContain('<h1>Inloggen</h1>');
    expect(dutch.html).not.toContain('Demo-accounts');
    const english = await get('/login', undefined, 'ly_lang=en');
    expect(english.html).toContain('<h1>Sign in</h1>');
  });

  it('serves a favicon, linked from every page and answering /favicon.ico too (issue 14.10)', async () => {
    expect((await get('/login')).html).toContain(
      '<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml"/>',
    );
    for (const path of ['/assets/favicon.svg', '/favicon.ico']) {
      const response = await call(app, path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toBe('image/svg+xml');
      expect(await response.text(), path).toMatch(/^<svg /);
    }
  });

  it('logs in with the form and goes to the page asked for', async () => {
    const response = await call(app, '/login', {
      form: { email: tenants.emails.portal_admin, password: PASSWORD, next: '/operator' },
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/operator');
    expect(response.headers.get('set-cookie')).toMatch(/^ly_session=/);
    const wrong = await call(app, '/login', {
      form: { email: tenants.emails.portal_admin, password: 'wrong', next: 'https://evil.example' },
    });
    expect(wrong.status).toBe(401);
    const html = await wrong.text();
    expect(html).toContain('Het e-mailadres of het wachtwoord klopt niet.');
    expect(html).toContain('name="next" value="/"');
  });

  it('sends people without a session to the login page, and back afterwards', async () => {
    const page = await get(`/administrations/${tenants.a.standardId}/loket`);
    expect(page.status).toBe(303);
    expect(page.location).toBe(
      `/login?next=${encodeURIComponent(`/administrations/${tenants.a.standardId}/loket`)}`,
    );
  });

  it('shows the portal_admin every page of the link', async () => {
    const { portalId, domainIds, standardId } = tenants.a;
    for (const path of [
      `/portals/${portalId}`,
      `/portals/${portalId}/settings/loket`,
      `/portals/${portalId}/audit`,
      `/domains/${domainIds[0]}`,
      `/domains/${domainIds[0]}/loket`,
      `/administrations/${standardId}`,
      `/administrations/${standardId}/loket`,
    ]) {
      const page = await get(path, 'portal_admin');
      expect(page.status, path).toBe(200);
      expect(page.html, path).toContain('Uitloggen');
    }
  });

  it('hides the Loket service item from HRM and answers the typed URL with a 403 page', async () => {
    const administration = await get(`/administrations/${tenants.a.standardId}`, 'hrm');
    expect(administration.status).toBe(200);
    expect(administration.html).not.toContain('Loket service');
    expect(administration.html).not.toContain('Relatiecode');
    const service = await get(`/administrations/${tenants.a.standardId}/loket`, 'hrm');
    expect(service.status).toBe(403);
    expect(service.html).toContain('Geen toegang');
    expect(service.html).toContain('Dit kan wel: Portaalbeheerder, Backoffice in het domein.');
    const [refusal] = await database.db
      .select()
      .from(refusalCounts)
      .where(and(eq(refusalCounts.action, 'link.refused'), eq(refusalCounts.actorLabel, tenants.emails.hrm)));
    expect(refusal).toMatchObject({
      route: 'GET /administrations/:administrationId/loket',
      lastReason: 'role',
    });
    // The portal_admin sees it, counted, below the portal's audit log.
    const audit = await get(`/portals/${tenants.a.portalId}/audit`, 'portal_admin');
    expect(audit.html).toContain('Verzoeken in dit portaal die geweigerd zijn');
    expect(audit.html).toContain('GET /administrations/:administrationId/loket');
    expect(audit.html).toContain(tenants.emails.hrm);
  });

  it('shows backoffice the menu item, and explains a missing feature on the 403 page', async () => {
    const withFeature = await get(`/administrations/${tenants.a.standardId}`, 'backoffice');
    expect(withFeature.html).toContain(`href="/administrations/${tenants.a.standardId}/loket"`);
    const withoutFeature = await get(`/administrations/${tenants.a.nonStandardId}/loket`, 'backoffice');
    expect(withoutFeature.status).toBe(403);
    expect(withoutFeature.html).toContain('heeft de feature &#39;Salariskoppeling met Loket&#39; niet');
    expect(withoutFeature.html).toContain('Dit kan wel: Portaalbeheerder.');
  });

  it("answers another tenant's ids, unknown ids and unknown pages with the same 404 page", async () => {
    for (const path of [
      `/administrations/${tenants.b.administrationId}`,
      `/domains/${tenants.b.domainId}/loket`,
      `/portals/${tenants.b.portalId}`,
      '/administrations/00000000-0000-4000-8000-000000000000',
      '/administrations/not-a-uuid',
      '/no-such-page',
    ]) {
      const page = await get(path, 'portal_admin');
      expect(page.status, path).toBe(404);
      expect(page.html, path).toContain('Niet gevonden');
    }
    expect((await call(app, '/api/no-such-route')).status).toBe(404);
  });

  it('keeps the operator console and the settings to their roles', async () => {
    expect((await get('/operator', 'operator')).status).toBe(200);
    expect((await get('/operator', 'portal_admin')).status).toBe(403);
    expect((await get(`/portals/${tenants.a.portalId}/settings/loket`, 'backoffice')).status).toBe(403);
    expect((await get(`/portals/${tenants.a.portalId}/audit`, 'operator')).status).toBe(200);
    const overview = await get(`/portals/${tenants.a.portalId}`, 'backoffice');
    expect(overview.html).not.toContain('/settings/loket');
  });

  it('saves Loket instellingen with POST/redirect/GET, audits the field names and never shows a secret', async () => {
    const path = `/portals/${tenants.a.portalId}/settings/loket`;
    const form = {
      loketClientId: credentials.clientId,
      loketClientSecret: credentials.clientSecret,
      loketEnvironment: 'acceptance',
      yukiAccessKey: '5e1d0c3b-2a19-4f8e-8d7c-6b5a4f3e2d01',
      autoImport: 'on',
      lookbackPeriods: '3',
      kind_payslips: 'on',
      kind_journal: 'on',
      notificationRecipients: 'salaris@jansendeboer.nl',
    };
    expect((await post(path, 'portal_admin', form, false)).status).toBe(403);
    const saved = await post(path, 'portal_admin', form);
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`${path}?saved&verified`);
    const page = await get(`${path}?saved&verified`, 'portal_admin');
    expect(page.html).toContain('Opgeslagen.');
    expect(page.html).toContain(`value="${credentials.clientId}"`);
    expect(page.html).not.toContain(credentials.clientSecret);
    expect(page.html).not.toContain('5e1d0c3b-2a19-4f8e-8d7c-6b5a4f3e2d01');
    const [portal] = await database.db.select().from(portals).where(eq(portals.id, tenants.a.portalId));
    expect(portal?.documentKinds).toEqual(['payslips', 'journal']);
    expect(portal?.loketEnvironment).toBe('acceptance');
    const [event] = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'portal.loket_settings.update'));
    expect(event?.changedFields).toContain('loketClientSecret');
    expect(JSON.stringify(event)).not.toContain(credentials.clientSecret);

    const invalid = await post(path, 'portal_admin', { ...form, yukiAccessKey: 'geen-guid' });
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toContain('aria-invalid="true"');
  });

  it('lets only the portal_admin change the contract, and audits it', async () => {
    const domainId = tenants.a.domainIds[1];
    const path = `/domains/${domainId}/features/loket_payroll_link`;
    expect((await post(path, 'backoffice', { change: 'add' })).status).toBe(403);
    const added = await post(path, 'portal_admin', { change: 'add' });
    expect(added.status).toBe(303);
    const rows = await database.db.select().from(domainFeatures).where(eq(domainFeatures.domainId, domainId));
    expect(rows.map((row) => row.feature)).toEqual(['loket_payroll_link']);
    const page = await get(`/domains/${domainId}`, 'backoffice');
    expect(page.html).toContain('Op het contract');
    expect(page.html).toContain('Activering aanvragen');
  });

  it('saves the domain Loket user without ever showing the password', async () => {
    const domainId = tenants.a.domainIds[0];
    // Loket's password flow is an exception the portal switches on first.
    await database.db
      .update(portals)
      .set({ loketPasswordFlow: true })
      .where(eq(portals.id, tenants.a.portalId));
    const saved = await post(`/domains/${domainId}/loket`, 'backoffice', {
      username: 'koppeling.yuki',
      password: 'Salaris-2026!',
      environmentCode: 'Jansen & de Boer',
    });
    expect(saved.status).toBe(303);
    const page = await get(`/domains/${domainId}/loket`, 'backoffice');
    expect(page.html).toContain('value="koppeling.yuki"');
    expect(page.html).toContain('Ingevuld, nog niet getest');
    expect(page.html).not.toContain('Salaris-2026!');
  });

  it('checks the Relatiecode and the link settings on tab Administratie', async () => {
    const base = `/administrations/${tenants.a.standardId}`;
    const typo = await post(`${base}/relation-code`, 'backoffice', { relationCode: '10x31' });
    expect(typo.status).toBe(400);
    const html = await typo.text();
    expect(html).toContain('Vul een cliëntnummer in (alleen cijfers).');
    expect(html).toContain('value="10x31"');
    const wrongPeriod = await post(`${base}/link-settings`, 'backoffice', {
      importFromPeriod: 'oktober',
      autoImport: 'off',
      netPayComponentKey: '261',
    });
    expect(wrongPeriod.status).toBe(400);
    // What was typed stays in the form beside the error, the choice too.
    const refused = await wrongPeriod.text();
    expect(refused).toContain('value="oktober"');
    expect(refused).toContain('value="261"');
    expect(refused).toMatch(/<option value="off" selected/);
    const saved = await post(`${base}/link-settings`, 'backoffice', {
      importFromPeriod: '2026-10',
      autoImport: 'off',
      netPayComponentKey: '',
    });
    expect(saved.status).toBe(303);
    const page = await get(`${base}?saved`, 'backoffice');
    expect(page.html).toContain('value="2026-10"');
    const [event] = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'administration.link_settings.update'));
    expect(event?.changedFields).toEqual(['autoImport', 'importFromPeriod']);
  });

  it('gives and takes roles on the Gebruikers page, for the portal_admin only', async () => {
    const path = `/portals/${tenants.a.portalId}/members`;
    expect((await get(path, 'backoffice')).status).toBe(403);
    const page = await get(path, 'portal_admin');
    expect(page.status).toBe(200);
    expect(page.html).toContain(tenants.emails.hrm);
    const form = {
      email: 'nieuw@portal-a.nl',
      name: 'Nieuwe Collega',
      where: tenants.a.domainIds[0],
      role: 'portal_admin',
    };
    const mismatch = await post(path, 'portal_admin', form);
    expect(mismatch.status).toBe(400);
    expect(await mismatch.text()).toContain('Kies een portaalrol voor het hele portaal');
    const added = await post(path, 'portal_admin', { ...form, role: 'backoffice' });
    // No SMTP here: the page claims no mail, and shows the link once, for the admin to pass on.
    expect(added.status).toBe(200);
    const shown = await added.text();
    expect(shown).not.toContain('Er is een uitnodiging per e-mail verstuurd');
    expect(shown).toContain('Er is geen mailserver ingesteld, dus er is geen e-mail verstuurd');
    expect(shown).toMatch(/http:\/\/localhost:3000\/invitation\?token=[A-Za-z0-9_-]{43}/);
    // An invitation, not a membership: listed as open until the person accepts.
    const listed = await get(path, 'portal_admin');
    expect(listed.html).not.toMatch(/invitation\?token=/);
    expect(listed.html).toContain('Openstaande uitnodigingen');
    expect(listed.html).toContain('nieuw@portal-a.nl');
    expect(listed.html).toContain('Bakkerij De Vries: Backoffice in het domein');
    expect(await database.db.select().from(users).where(eq(users.email, 'nieuw@portal-a.nl'))).toEqual([]);
    // Taking roles away still works at once.
    const [hrm] = await database.db.select().from(users).where(eq(users.email, tenants.emails.hrm));
    expect(listed.html).toContain(`/members/${hrm!.id}/remove`);
    expect((await post(`${path}/${hrm!.id}/remove`, 'portal_admin', {})).status).toBe(303);
    expect((await get(path, 'portal_admin')).html).not.toContain(tenants.emails.hrm);
  });

  it('switches language with a cookie and only ever returns to a page of this site', async () => {
    const response = await call(app, '/language?to=en&back=%2Flogin%3Fx%3D1');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/login?x=1');
    expect(response.headers.get('set-cookie')).toMatch(/^ly_lang=en/);
    // A back link that leads off-site was not made by us: refused, no redirect, no cookie.
    const outside = await call(app, '/language?to=nl&back=%2F%2Fevil.example');
    expect(outside.status).toBe(400);
    expect(outside.headers.get('location')).toBeNull();
    expect(outside.headers.get('set-cookie')).toBeNull();
  });
});
