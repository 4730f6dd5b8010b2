import { Writable } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from './support/database.ts';
import { testLogger } from './support/logger.ts';
import { createTestServices } from './support/services.ts';
import { startTestSmtpServer, type TestSmtpServer } from './support/smtp.ts';
import { call, cookieFrom, login } from './support/auth-harness.ts';
import { roleSessions, send as sendAs, type Session } from './support/role-sessions.ts';
import { createTenants, type Tenants } from './support/tenants.ts';
import { demoFirm } from '../sandbox/shared/demo-firm.ts';
import { startLoketSandbox, type RunningLoketSandbox } from '../sandbox/loket/index.ts';
import { parseYukiSandboxOptions, startYukiSandbox, type YukiSandbox } from '../sandbox/yuki/index.ts';
import { createApp } from '../src/main/app.ts';
import { startJobEngine, type JobEngine } from '../src/jobs/engine.ts';
import { allQueues } from '../src/jobs/queues.ts';
import { queryRows, type DatabaseHandle } from '../src/store/database.ts';
import { domains } from '../src/store/schema/index.ts';
import { createLogger } from '../src/platform/logger.ts';
import { startImportWorkers } from '../src/jobs/import-queues.ts';
import { createImportEnvironment } from '../src/main/import-engine.ts';
import { sandboxEnv } from '../sandbox/demo/sandboxes.ts';
import { waitFor } from './support/wait-for.ts';
import type { SandboxCredentials } from './support/loket-fixture.ts';

describe('setting up the link at its three levels, as the original description tells it', () => {
  let database: DatabaseHandle;
  let jobs: JobEngine;
  let smtp: TestSmtpServer;
  let loket: RunningLoketSandbox;
  let yuki: YukiSandbox;
  let app: ReturnType<typeof createApp>;
  let services: ReturnType<typeof createTestServices>;
  let tenants: Tenants;
  let loketCredentials: SandboxCredentials;
  let yukiKey: string;
  // Everything the service logs, at the most talkative level, to prove no secret is ever written.
  let logText = '';
  const logger = createLogger(
    'trace',
    new Writable({
      write(chunk, _encoding, done) {
        logText += String(chunk);
        done();
      },
    }),
  );

  const { as } = roleSessions(() => ({ app, tenants }));
  const send = (session: Session, method: string, path: string, json?: unknown) =>
    sendAs(app, session, method, path, json);

  beforeAll(async () => {
    database = await openTestDatabase();
    jobs = await startJobEngine({ database, logger: testLogger, supervise: false, instanceName: 'test' });
    await jobs.ensureQueues(allQueues);
    smtp = await startTestSmtpServer();
    loket = await startLoketSandbox({ redirectUri: 'http://localhost:3000/loket/oauth/callback' });
    yuki = await startYukiSandbox(parseYukiSandboxOptions({}));
    services = createTestServices({
      database,
      jobs,
      env: {
        SMTP_URL: smtp.url,
        ...sandboxEnv(loket, yuki),
        OPERATOR_EMAIL: 'administratie@yuki.nl',
      },
      logger,
    });
    app = createApp(services);
    tenants = await createTenants(database.db);
    loketCredentials = await (await fetch(`${loket.controlUrl}/credentials`)).json();
    yukiKey = yuki.credentials()[0]!.key;
  }, 60_000);

  afterAll(async () => {
    await jobs?.stop();
    await Promise.all([loket?.close(), yuki?.close(), smtp?.close()]);
    await database?.close();
  });

  it('portal level: the portal_admin fills in Loket instellingen; secrets never come back', async () => {
    const admin = await as('portal_admin');
    const response = await send(admin, 'PUT', `/api/portals/${tenants.a.portalId}/loket-settings`, {
      loketClientId: loketCredentials.clientId,
      loketClientSecret: loketCredentials.clientSecret,
      loketEnvironment: 'acceptance',
      yukiAccessKey: yukiKey,
      lookbackPeriods: 3,
    });
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).not.toContain(loketCredentials.clientSecret);
    expect(body).not.toContain(yukiKey);
    expect(JSON.parse(body)).toMatchObject({
      hasLoketClientSecret: true,
      hasYukiAccessKey: true,
      lookbackPeriods: 3,
    });

    const backoffice = await as('backoffice');
    expect((await send(backoffice, 'GET', `/api/portals/${tenants.a.portalId}/loket-settings`)).status).toBe(
      403,
    );
  });

  it('portal level: a sync follows renames in Yuki and marks what Yuki no longer has, without deleting it', async () => {
    const [bakery] = tenants.a.domainIds;
    await database.db.update(domains).set({ name: 'Oude naam' }).where(eq(domains.id, bakery));
    const [closed] = await database.db
      .insert(domains)
      .values({
        portalId: tenants.a.portalId,
        yukiDomainId: '0b5c2d11-9d2e-4f7a-8b1c-0d9e8f7a6b5c',
        name: 'Opgeheven',
      })
      .returning();
    const response = await send(await as('portal_admin'), 'POST', `/api/portals/${tenants.a.portalId}/sync`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      domains: { added: 0, gone: 1 },
      administrations: { seen: 3, added: 0, gone: 0 },
    });
    const rows = await database.db.select().from(domains).where(eq(domains.portalId, tenants.a.portalId));
    expect(rows.find((row) => row.id === bakery)?.name).toBe('Bakkerij De Vries');
    expect(rows.find((row) => row.id === closed!.id)?.goneFromYukiAt).toBeInstanceOf(Date);
  });

  it('domain level is closed until the contract carries the feature, which only the portal_admin adds', async () => {
    const [bakery] = tenants.a.domainIds;
    const backoffice = await as('backoffice');
    const refused = await send(backoffice, 'GET', `/api/domains/${bakery}/loket-connection`);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ reason: 'feature_missing' });

    expect((await send(backoffice, 'PUT', `/api/domains/${bakery}/features/loket_payroll_link`)).status).toBe(
      403,
    );
    for (const domainId of tenants.a.domainIds) {
      const added = await send(
        await as('portal_admin'),
        'PUT',
        `/api/domains/${domainId}/features/loket_payroll_link`,
      );
      expect(await added.json()).toEqual({ features: ['loket_payroll_link'] });
    }
    expect((await send(backoffice, 'GET', `/api/domains/${bakery}/loket-connection`)).status).toBe(200);
  });

  it('domain level: backoffice enters the Loket user; the connection test names missing rights', async () => {
    const [bakery, group] = tenants.a.domainIds;
    const backoffice = await as('backoffice');
    const limited = loketCredentials.users.find((user) => user.username === 'zonder.loonaangifte')!;
    // Loket enables the password flow only by exception: until the portal says its client has it, no password.
    const off = await send(backoffice, 'PUT', `/api/domains/${group}/loket-connection`, {
      username: limited.username,
      password: limited.password,
    });
    expect(off.status).toBe(422);
    expect(await off.json()).toMatchObject({ error: 'loket_password_flow_off' });
    const switched = await send(
      await as('portal_admin'),
      'PUT',
      `/api/portals/${tenants.a.portalId}/loket-settings`,
      {
        loketClientId: loketCredentials.passwordClient.clientId,
        loketClientSecret: loketCredentials.passwordClient.clientSecret,
        loketPasswordFlow: true,
      },
    );
    expect(await switched.json()).toMatchObject({ loketPasswordFlow: true });
    await send(backoffice, 'PUT', `/api/domains/${group}/loket-connection`, {
      username: limited.username,
      password: limited.password,
      environmentCode: loketCredentials.provider.name,
    });
    const limitedTest = await (
      await send(backoffice, 'POST', `/api/domains/${group}/loket-connection/test`)
    ).json();
    expect(limitedTest).toMatchObject({ ok: false, missingRights: ['Raadplegen loonaangifte'] });

    const full = loketCredentials.users[0]!;
    for (const domainId of [bakery, group]) {
      const saved = await send(backoffice, 'PUT', `/api/domains/${domainId}/loket-connection`, {
        username: full.username,
        password: full.password,
        environmentCode: loketCredentials.provider.id,
      });
      const text = await saved.text();
      expect(text).not.toContain(full.password);
      expect(JSON.parse(text)).toMatchObject({ method: 'password', hasPassword: true, status: 'untested' });
      const test = await (
        await send(backoffice, 'POST', `/api/domains/${domainId}/loket-connection/test`)
      ).json();
      expect(test).toMatchObject({ ok: true, missingRights: [], error: null });
    }

    await send(backoffice, 'PUT', `/api/domains/${bakery}/loket-connection`, {
      username: full.username,
      password: 'wrong-password',
    });
    const wrong = await (
      await send(backoffice, 'POST', `/api/domains/${bakery}/loket-connection/test`)
    ).json();
    expect(wrong).toMatchObject({ ok: false, error: { code: 'loket.credentials_rejected' } });
    await send(backoffice, 'PUT', `/api/domains/${bakery}/loket-connection`, {
      username: full.username,
      password: full.password,
    });
  });

  it('administration level: the Relatiecode resolves to the Loket payroll administration and is unique', async () => {
    const backoffice = await as('backoffice');
    const linked = await send(
      backoffice,
      'PUT',
      `/api/administrations/${tenants.a.standardId}/relation-code`,
      {
        relationCode: 10231,
      },
    );
    expect(linked.status).toBe(200);
    expect(await linked.json()).toMatchObject({
      relationCode: 10231,
      loketPayrollAdministrationName: expect.any(String),
    });

    const taken = await send(
      backoffice,
      'PUT',
      `/api/administrations/${tenants.a.groupStandardId}/relation-code`,
      {
        relationCode: 10231,
      },
    );
    expect(taken.status).toBe(422);
    expect(await taken.json()).toMatchObject({ error: 'relation_code_taken' });

    const unknown = await send(
      backoffice,
      'PUT',
      `/api/administrations/${tenants.a.groupStandardId}/relation-code`,
      {
        relationCode: 99999,
      },
    );
    expect(await unknown.json()).toMatchObject({ error: 'client_number_unknown' });
  });

  it('a non-standard administration needs a contract line: request → e-mail → operator grants → link', async () => {
    const [, group] = tenants.a.domainIds;
    const backoffice = await as('backoffice');
    const refused = await send(
      backoffice,
      'PUT',
      `/api/administrations/${tenants.a.nonStandardId}/relation-code`,
      {
        relationCode: 20418,
      },
    );
    expect(await refused.json()).toMatchObject({ error: 'contract_line_required' });

    const requested = await send(backoffice, 'POST', `/api/domains/${group}/contract-lines`, {
      administrationId: tenants.a.nonStandardId,
    });
    expect(requested.status).toBe(201);
    const line = (await requested.json()) as { id: string };
    const [request] = await smtp.waitForMails(1);
    expect(request!.to).toEqual(['administratie@yuki.nl']);
    expect(request!.raw).toContain('Van der Berg Holding B.V.');
    expect(request!.raw).toContain(tenants.emails.backoffice);

    expect(
      (
        await send(backoffice, 'POST', `/api/operator/contract-lines/${line.id}/decision`, {
          decision: 'grant',
        })
      ).status,
    ).toBe(403);
    const operator = await as('operator');
    const list = (await (await send(operator, 'GET', '/api/operator/contract-lines')).json()) as Array<{
      id: string;
      status: string;
    }>;
    expect(list).toContainEqual(expect.objectContaining({ id: line.id, status: 'requested' }));
    const granted = await send(operator, 'POST', `/api/operator/contract-lines/${line.id}/decision`, {
      decision: 'grant',
    });
    expect(await granted.json()).toMatchObject({ status: 'active' });
    const mails = await smtp.waitForMails(2);
    expect(mails[1]!.to).toEqual([tenants.emails.backoffice]);
    expect(mails[1]!.subject).toContain('geactiveerd');

    const linked = await send(
      backoffice,
      'PUT',
      `/api/administrations/${tenants.a.nonStandardId}/relation-code`,
      {
        relationCode: 20418,
      },
    );
    expect(linked.status).toBe(200);
  });

  it('Connect with Loket: the OAuth authorization-code flow stores tokens instead of a password', async () => {
    const [bakery] = tenants.a.domainIds;
    const backoffice = await as('backoffice');
    const start = await send(backoffice, 'GET', `/api/domains/${bakery}/loket-connection/authorize`);
    expect(start.status).toBe(302);
    const authorizeUrl = new URL(start.headers.get('location')!);
    expect(authorizeUrl.pathname).toBe('/oauth/authorize');
    const stateCookie = cookieFrom(start);

    const user = loketCredentials.users[0]!;
    const form = new URLSearchParams(authorizeUrl.searchParams);
    form.set('username', user.username);
    form.set('password', user.password);
    const signedIn = await fetch(new URL('/oauth/authorize', authorizeUrl), {
      method: 'POST',
      body: form,
      redirect: 'manual',
    });
    const back = new URL(signedIn.headers.get('location')!);
    expect(back.pathname).toBe('/loket/oauth/callback');

    const callback = await call(app, `${back.pathname}${back.search}`, {
      cookie: `${backoffice.cookie}; ${stateCookie}`,
    });
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe(`/domains/${bakery}/loket?connected=ok`);
    const connection = await (
      await send(backoffice, 'GET', `/api/domains/${bakery}/loket-connection`)
    ).json();
    expect(connection).toMatchObject({ method: 'oauth', connected: true, hasPassword: false });
    const test = await (
      await send(backoffice, 'POST', `/api/domains/${bakery}/loket-connection/test`)
    ).json();
    expect(test).toMatchObject({ ok: true });

    const forged = await call(app, `${back.pathname}?code=x&state=forged`, {
      cookie: `${backoffice.cookie}; ${stateCookie}`,
    });
    expect(forged.status).toBe(422);
  });

  it('the portal_admin invites a colleague, who accepts by choosing a password through the e-mailed link', async () => {
    const [bakery] = tenants.a.domainIds;
    const invited = await send(
      await as('portal_admin'),
      'POST',
      `/api/portals/${tenants.a.portalId}/members`,
      {
        kind: 'domain',
        email: 'Nieuwe.Collega@portal-a.nl',
        name: 'Nieuwe Collega',
        role: 'backoffice',
        domainId: bakery,
      },
    );
    expect(invited.status).toBe(202);
    expect(Object.keys((await invited.json()) as object)).toEqual(['invitationId']);
    const mails = await smtp.waitForMails(3);
    const invitation = mails[2]!;
    expect(invitation.to).toEqual(['nieuwe.collega@portal-a.nl']);
    const token = /\/invitation\?token=([A-Za-z0-9_-]{43})/.exec(invitation.text)?.[1];
    expect(token).toBeDefined();
    // The link asks a new address for its own password; choosing it accepts the invitation.
    const page = await call(app, `/invitation?token=${token!}`);
    expect(await page.text()).toContain('name="password"');
    const joined = await call(app, `/invitation?token=${token!}`, {
      form: { password: 'een eigen wachtwoord' },
    });
    expect(joined.status, await joined.clone().text()).toBe(303);
    expect(joined.headers.get('location')).toBe('/login?joined');
    const { cookie, csrfToken } = await login(app, {
      email: 'nieuwe.collega@portal-a.nl',
      password: 'een eigen wachtwoord',
    });
    const colleague = { cookie, csrf: csrfToken };
    expect((await send(colleague, 'GET', `/api/domains/${bakery}/loket-connection`)).status).toBe(200);
    const other = tenants.a.domainIds[1];
    expect((await send(colleague, 'GET', `/api/domains/${other}/loket-connection`)).status).toBe(404);
  });

  it('Import now: previewed, queued, worked by the import workers, and seen in Yuki and in the history', async () => {
    const backoffice = await as('backoffice');
    const path = `/api/administrations/${tenants.a.standardId}/imports`;
    const preview = await send(backoffice, 'POST', path, { dryRun: true });
    expect(preview.status).toBe(200);
    expect(((await preview.json()) as { summary: string }).summary).toMatch(/loonstroken/);

    expect((await send(backoffice, 'POST', path, {})).status).toBe(202);
    await startImportWorkers(jobs, {
      env: createImportEnvironment({
        db: database.db,
        secrets: services.secrets,
        yuki: services.yuki,
        config: services.config,
      }),
      logger: testLogger,
    });
    const history = await waitFor(
      async () =>
        (await (await send(backoffice, 'GET', path)).json()) as {
          items: Array<{ state: string; kind: string }>;
        },
      ({ items }) => items.length > 0 && items.every((item) => ['posted', 'skipped'].includes(item.state)),
      30_000,
    );
    expect(history.items.length, JSON.stringify(history).slice(0, 1500)).toBeGreaterThan(0);
    // A journal run Loket shows as exported by another application is skipped, as §4 of the design asks.
    expect(history.items.filter((item) => !['posted', 'skipped'].includes(item.state))).toEqual([]);
    const bakery = demoFirm.domains[0]!.administrations[0]!.yukiAdministrationId;
    const inFolder = (folder: number) =>
      yuki.state.documents.filter(
        (document) => document.administrationId === bakery && document.folder === folder,
      ).length;
    const count = (kind: string) =>
      history.items.filter((item) => item.kind === kind && item.state === 'posted').length;
    expect(inFolder(4)).toBe(count('payslip'));
    expect(inFolder(5)).toBe(count('tax_return'));
    expect(count('payslip')).toBeGreaterThan(0);
  }, 90_000);

  it('never writes a secret to the log', () => {
    expect(logText).toContain('"msg":"request"');
    for (const secret of [loketCredentials.clientSecret, yukiKey, loketCredentials.users[0]!.password]) {
      expect(logText).not.toContain(secret);
    }
  });

  it('keeps every secret out of the database in plain text', async () => {
    const secrets = [loketCredentials.clientSecret, yukiKey, loketCredentials.users[0]!.password];
    const tables = await queryRows<{ table_name: string }>(
      database.db,
      sql`select table_name from information_schema.tables where table_schema = 'public'`,
    );
    for (const { table_name } of tables) {
      const rows = await queryRows<{ row: string }>(
        database.db,
        sql`select row_to_json(t)::text as row from ${sql.identifier(table_name)} t`,
      );
      for (const { row } of rows) for (const secret of secrets) expect(row).not.toContain(secret);
    }
  });

  it('gives the portal_admin an audit trail naming fields, never values', async () => {
    const events = (await (
      await send(await as('portal_admin'), 'GET', `/api/portals/${tenants.a.portalId}/audit?limit=500`)
    ).json()) as Array<{ action: string; changedFields: string[]; outcome: string }>;
    const actions = events.map((event) => event.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'portal.loket_settings.update',
        'domain.feature.add',
        'domain.loket_connection.update',
        'domain.loket_connection.test',
        'administration.relation_code.update',
        'contract_line.request',
        'contract_line.grant',
        'domain.loket_connection.oauth',
        'portal.member.invite',
        'portal.member.accept',
      ]),
    );
    // Newest first: the switch to the password-enabled client, then the first fill-in.
    const [passwordFlow, settings] = events.filter(
      (event) => event.action === 'portal.loket_settings.update',
    );
    expect(settings!.changedFields).toEqual(
      expect.arrayContaining(['loketClientId', 'loketClientSecret', 'yukiAccessKey', 'lookbackPeriods']),
    );
    expect(passwordFlow!.changedFields).toEqual(['loketClientId', 'loketClientSecret', 'loketPasswordFlow']);
    expect(JSON.stringify(events)).not.toContain(loketCredentials.clientSecret);
  });
});
