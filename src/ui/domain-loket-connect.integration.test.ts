/**
 * How a domain connects to Loket, on the real app with the Loket sandbox over HTTP: "Koppelen met Loket"
 * (authorization code) is the standard way; the password form exists only when the portal switched on
 * Loket's password flow, a client without it gets "use Koppelen met Loket" (never "wrong password"), and
 * the omgevingscode is checked against the provider the signed-in user reaches (GET /providers).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppWithSandboxes, type AppWithSandboxes } from '../../test/support/app-with-sandboxes.ts';
import { call, cookieFrom } from '../../test/support/auth-harness.ts';
import type { SandboxCredentials } from '../../test/support/loket-fixture.ts';
import { roleSessions, send } from '../../test/support/role-sessions.ts';
import type { Tenants } from '../../test/support/tenants.ts';
import type { RunningLoketSandbox } from '../../sandbox/loket/index.ts';
import type { createApp } from '../main/app.ts';

describe('connecting a domain to Loket', () => {
  let loket: RunningLoketSandbox;
  let app: ReturnType<typeof createApp>;
  let tenants: Tenants;
  let setup: AppWithSandboxes;
  let credentials: SandboxCredentials;
  const { as, api } = roleSessions(() => ({ app, tenants }));
  const domainId = () => tenants.a.domainIds[0]!;
  const pagePath = () => `/domains/${domainId()}/loket`;
  const apiPath = () => `/api/domains/${domainId()}/loket-connection`;

  async function page(): Promise<string> {
    const response = await call(app, pagePath(), { cookie: (await as('backoffice')).cookie });
    expect(response.status).toBe(200);
    return response.text();
  }

  async function saveUser(form: Record<string, string>): Promise<Response> {
    const session = await as('backoffice');
    return call(app, pagePath(), { cookie: session.cookie, form: { ...form, _csrf: session.csrf } });
  }

  async function testConnection() {
    const response = await send(app, await as('backoffice'), 'POST', `${apiPath()}/test`);
    return (await response.json()) as {
      ok: boolean;
      error: { code: string; message: { nl: string; en: string } } | null;
    };
  }

  async function portalClient(client: { clientId: string; clientSecret: string }, passwordFlow: boolean) {
    await api('portal_admin', 'PUT', `/api/portals/${tenants.a.portalId}/loket-settings`, {
      loketClientId: client.clientId,
      loketClientSecret: client.clientSecret,
      loketEnvironment: 'acceptance',
      loketPasswordFlow: passwordFlow,
    });
  }

  beforeAll(async () => {
    setup = await startAppWithSandboxes({ instanceName: 'ui-connect' });
    ({ loket, app, tenants } = setup);
    credentials = (await (await fetch(`${loket.controlUrl}/credentials`)).json()) as SandboxCredentials;
    // The demo's client: a standard external client, authorization code and refresh token only.
    await portalClient(credentials, false);
    await api('portal_admin', 'PUT', `/api/domains/${domainId()}/features/loket_payroll_link`);
  }, 60_000);

  afterAll(() => setup?.close());

  it('offers Koppelen met Loket and no password form while the portal switch is off (the default)', async () => {
    const settings = await (
      await send(app, await as('portal_admin'), 'GET', `/api/portals/${tenants.a.portalId}/loket-settings`)
    ).json();
    expect(settings).toMatchObject({ loketPasswordFlow: false });
    const html = await page();
    expect(html).toContain(`href="/api/domains/${domainId()}/loket-connection/authorize"`);
    expect(html).toContain('Koppelen met Loket');
    expect(html).not.toContain('name="password"');
    expect(html).not.toContain('Omgevingscode');

    const refusedPage = await saveUser({ username: 'koppeling.yuki', password: 'Salaris-2026!' });
    expect(refusedPage.status).toBe(422);
    expect(await refusedPage.text()).toContain(
      'Inloggen met gebruikersnaam en wachtwoord staat uit voor dit portaal',
    );
    const refusedApi = await send(app, await as('backoffice'), 'PUT', apiPath(), {
      username: 'koppeling.yuki',
      password: 'Salaris-2026!',
    });
    expect(refusedApi.status).toBe(422);
    expect(await refusedApi.json()).toMatchObject({
      error: 'loket_password_flow_off',
      message: { en: expect.stringContaining('Use "Connect with Loket"') },
    });
    expect(await (await send(app, await as('backoffice'), 'GET', apiPath())).json()).toMatchObject({
      method: 'none',
    });
  });

  it('connects through Loket’s own sign-in page, and the connection works', async () => {
    const backoffice = await as('backoffice');
    const start = await call(app, `${apiPath()}/authorize`, { cookie: backoffice.cookie });
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.searchParams.get('client_id')).toBe(credentials.clientId);
    const form = new URLSearchParams(authorize.searchParams);
    form.set('username', 'koppeling.yuki');
    form.set('password', credentials.users[0]!.password);
    const signedIn = await fetch(authorize, { method: 'POST', body: form, redirect: 'manual' });
    const back = new URL(signedIn.headers.get('location')!);
    const callback = await call(app, `${back.pathname}${back.search}`, {
      cookie: `${backoffice.cookie}; ${cookieFrom(start)}`,
    });
    expect(callback.headers.get('location')).toBe(`${pagePath()}?connected=ok`);
    expect(await testConnection()).toMatchObject({ ok: true, error: null });
    expect(await (await send(app, backoffice, 'GET', apiPath())).json()).toMatchObject({
      method: 'oauth',
      hasPassword: false,
      status: 'ok',
    });
  });

  it('says a client without the password flow must use Koppelen met Loket, not that the password is wrong', async () => {
    // The portal_admin switches it on although Loket did not enable the password flow for this client.
    await portalClient(credentials, true);
    const html = await page();
    expect(html).toContain('name="password"');
    expect(html).toContain('Omgevingscode');
    expect(
      (await saveUser({ username: 'koppeling.yuki', password: credentials.users[0]!.password })).status,
    ).toBe(303);
    const test = await testConnection();
    expect(test).toMatchObject({
      ok: false,
      error: {
        code: 'loket.password_grant_refused',
        message: {
          nl: 'Deze Loket-client staat inloggen met een wachtwoord niet toe; gebruik "Koppelen met Loket".',
          en: expect.stringContaining('does not allow signing in with a password'),
        },
      },
    });
    expect(test.error!.message.nl).not.toContain('wachtwoord onjuist');
    expect(await page()).toContain('Deze Loket-client staat inloggen met een wachtwoord niet toe');
  });

  it('refuses a password connection whose user reaches another provider than the omgevingscode names', async () => {
    await portalClient(credentials.passwordClient, true);
    const user = { username: 'koppeling.yuki', password: credentials.users[0]!.password };
    expect((await saveUser({ ...user, environmentCode: 'Ander Salarisbureau B.V.' })).status).toBe(303);
    const mismatch = await testConnection();
    expect(mismatch).toMatchObject({ ok: false, error: { code: 'loket.environment_mismatch' } });
    expect(mismatch.error!.message.nl).toContain(credentials.provider.name);
    expect(mismatch.error!.message.nl).toContain('Ander Salarisbureau B.V.');
    expect(await (await send(app, await as('backoffice'), 'GET', apiPath())).json()).toMatchObject({
      connected: false,
    });

    expect(
      (await saveUser({ ...user, environmentCode: credentials.provider.name.toUpperCase() })).status,
    ).toBe(303);
    expect(await testConnection()).toMatchObject({ ok: true, error: null });
  });
});
