/**
 * The domain's Loket settings on the real app, with the Loket sandbox over HTTP: after a failed "Test
 * connection" the page shows the error in its own language, the REST API gives it in both, and a
 * connection tested before the English text was kept still reads (in Dutch).
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/support/database.ts';
import { testLogger } from '../../test/support/logger.ts';
import { createTestServices } from '../../test/support/services.ts';
import { call } from '../../test/support/auth-harness.ts';
import type { SandboxCredentials } from '../../test/support/loket-fixture.ts';
import { roleSessions, type Session } from '../../test/support/role-sessions.ts';
import { createTenants, type Tenants } from '../../test/support/tenants.ts';
import { startLoketSandbox, type RunningLoketSandbox } from '../../sandbox/loket/index.ts';
import { createApp } from '../main/app.ts';
import { startJobEngine, type JobEngine } from '../jobs/engine.ts';
import type { DatabaseHandle } from '../store/database.ts';
import { loketConnections } from '../store/schema/index.ts';
import { sandboxEnv } from '../../sandbox/demo/sandboxes.ts';

const DUTCH = 'Loket weigert de gebruikersnaam of het wachtwoord.';
const ENGLISH = 'Loket refuses the user name or password.';

describe('domain Loket settings: the last error in the language of the page', () => {
  let database: DatabaseHandle;
  let jobs: JobEngine;
  let loket: RunningLoketSandbox;
  let app: ReturnType<typeof createApp>;
  let tenants: Tenants;
  let session: Session;
  const { as, api } = roleSessions(() => ({ app, tenants }));
  const settingsPath = () => `/domains/${tenants.a.domainIds[0]}/loket`;
  const apiPath = () => `/api/domains/${tenants.a.domainIds[0]}/loket-connection`;

  async function get(path: string, lang?: 'en') {
    const response = await call(app, path, {
      cookie: lang ? `${session.cookie}; ly_lang=${lang}` : session.cookie,
    });
    expect(response.status).toBe(200);
    return response.text();
  }

  /** The error paragraph of the connection state. */
  const shownError = (html: string) => /<p class="error">([^<]*)<\/p>/.exec(html)?.[1];

  beforeAll(async () => {
    database = await openTestDatabase();
    jobs = await startJobEngine({
      database,
      logger: testLogger,
      supervise: false,
      instanceName: 'ui-domain-loket',
    });
    loket = await startLoketSandbox({});
    app = createApp(
      createTestServices({
        database,
        jobs,
        env: sandboxEnv(loket),
      }),
    );
    tenants = await createTenants(database.db);
    const credentials = (await (await fetch(`${loket.controlUrl}/credentials`)).json()) as SandboxCredentials;
    // A portal whose Loket client has the password flow, enabled by exception.
    await api('portal_admin', 'PUT', `/api/portals/${tenants.a.portalId}/loket-settings`, {
      loketClientId: credentials.passwordClient.clientId,
      loketClientSecret: credentials.passwordClient.clientSecret,
      loketEnvironment: 'acceptance',
      loketPasswordFlow: true,
    });
    await api('portal_admin', 'PUT', `/api/domains/${tenants.a.domainIds[0]}/features/loket_payroll_link`);
    session = await as('backoffice');
    // The backoffice fills in the Loket user with a wrong password and tests it with the page's form.
    const saved = await call(app, settingsPath(), {
      cookie: session.cookie,
      form: {
        username: credentials.users[0]!.username,
        password: 'wrong-password',
        environmentCode: credentials.provider.name,
        _csrf: session.csrf,
      },
    });
    expect(saved.status).toBe(303);
    const tested = await call(app, `${settingsPath()}/test`, {
      cookie: session.cookie,
      form: { _csrf: session.csrf },
    });
    expect(tested.status).toBe(303);
  }, 60_000);

  afterAll(async () => {
    await jobs?.stop();
    await loket?.close();
    await database?.close();
  });

  it('shows the failed test in English on the English page and in Dutch on the Dutch one', async () => {
    const english = await get(settingsPath(), 'en');
    expect(english).toContain('Connection does not work');
    expect(shownError(english)).toContain(ENGLISH);
    expect(english).not.toContain(DUTCH);

    const dutch = await get(settingsPath());
    expect(dutch).toContain('Verbinding werkt niet');
    expect(shownError(dutch)).toContain(DUTCH);
    expect(dutch).not.toContain(ENGLISH);
  });

  it('gives the error in both languages over the API, and keeps lastError in Dutch', async () => {
    const connection = JSON.parse(await get(apiPath())) as {
      status: string;
      lastError: string | null;
      lastErrorMessage: { nl: string; en: string } | null;
    };
    expect(connection.status).toBe('failed');
    expect(connection.lastError).toContain(DUTCH);
    expect(connection.lastErrorMessage?.nl).toBe(connection.lastError);
    expect(connection.lastErrorMessage?.en).toContain(ENGLISH);
  });

  it('shows an error stored before the English text was kept in Dutch, rather than nothing', async () => {
    await database.db
      .update(loketConnections)
      .set({ lastErrorEn: null })
      .where(eq(loketConnections.domainId, tenants.a.domainIds[0]));
    expect(shownError(await get(settingsPath(), 'en'))).toContain(DUTCH);
    const connection = JSON.parse(await get(apiPath())) as { lastErrorMessage: unknown };
    expect(connection.lastErrorMessage).toEqual({
      nl: expect.stringContaining(DUTCH),
      en: expect.stringContaining(DUTCH),
    });
  });
});
