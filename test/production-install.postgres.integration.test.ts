/**
 * A real install, as the README's Production section tells it: an empty PostgreSQL, `migrate`, `setup`
 * (twice: the second changes nothing), `serve` and `worker` as separate processes, the operator
 * inviting the firm's portal administrator without SMTP (the link comes back to pass on), the admin
 * accepting it, configuring the link and importing from the sandboxes, and /metrics moving with it.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoketSandbox, type RunningLoketSandbox } from '../sandbox/loket/index.ts';
import { parseYukiSandboxOptions, startYukiSandbox, type YukiSandbox } from '../sandbox/yuki/index.ts';
import { sandboxEnv } from '../sandbox/demo/sandboxes.ts';
import { startCli, terminate, type CliProcess } from './support/cli-process.ts';
import { createPostgresDatabase } from './support/database.ts';
import type { SandboxCredentials } from './support/loket-fixture.ts';
import { waitFor } from './support/wait-for.ts';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const OPERATOR = { email: 'ops@kantoor.nl', name: 'Operator', password: 'operator long password' };
const ADMIN = { email: 'beheer@kantoor.nl', name: 'Beheerder', password: 'admin long password 1' };
const METRICS_TOKEN = randomBytes(24).toString('base64url');

describe('a production install on PostgreSQL, from nothing to a first import', () => {
  let database: { url: string; drop(): Promise<void> };
  let loket: RunningLoketSandbox;
  let yuki: YukiSandbox;
  let env: NodeJS.ProcessEnv;
  let publicUrl: string;
  const running: CliProcess[] = [];

  /** Runs a one-off command to its end. */
  async function run(args: string[], extra: NodeJS.ProcessEnv = {}) {
    const command = startCli(args, { ...env, ...extra });
    const { code } = await command.exited;
    return { code, output: command.output() };
  }

  /** A browser-like request to the serve process: JSON, the session cookie, its CSRF token, our Origin. */
  async function request(
    path: string,
    options: { method?: string; json?: unknown; form?: Record<string, string>; session?: Session } = {},
  ) {
    const headers: Record<string, string> = { origin: publicUrl };
    let body: string | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(options.form).toString();
    }
    if (options.session) {
      headers.cookie = options.session.cookie;
      headers['x-csrf-token'] = options.session.csrfToken;
    }
    return fetch(`${publicUrl}${path}`, {
      method: options.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
      redirect: 'manual',
    });
  }
  type Session = { cookie: string; csrfToken: string };
  async function signIn(email: string, password: string): Promise<Session> {
    const response = await request('/api/auth/login', { json: { email, password } });
    expect(response.status).toBe(200);
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    return { cookie: response.headers.get('set-cookie')!.split(';')[0]!, csrfToken };
  }
  async function scrape(): Promise<string> {
    const response = await fetch(`${publicUrl}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(response.status).toBe(200);
    return response.text();
  }
  const posted = (metrics: string) =>
    [...metrics.matchAll(/^loket_yuki_documents\{kind="\w+",state="posted"\} (\d+)$/gm)].reduce(
      (sum, match) => sum + Number(match[1]),
      0,
    );

  beforeAll(async () => {
    database = await createPostgresDatabase();
    const port = await freePort();
    publicUrl = `http://127.0.0.1:${port}`;
    loket = await startLoketSandbox({ redirectUri: `${publicUrl}/loket/oauth/callback` });
    yuki = await startYukiSandbox(parseYukiSandboxOptions({}));
    env = {
      DATABASE_URL: database.url,
      APP_MASTER_KEY: randomBytes(32).toString('base64'),
      PORT: String(port),
      PUBLIC_URL: publicUrl,
      METRICS_TOKEN,
      SMTP_URL: '',
      LOG_LEVEL: 'info',
      ...sandboxEnv(loket, yuki),
    };
  }, 60_000);

  afterAll(async () => {
    for (const process of running) if (process.child.exitCode === null) await terminate(process);
    await Promise.all([loket?.close(), yuki?.close()]);
    await database?.drop();
  });

  it('migrates, sets up the operator once, serves, invites without SMTP and imports', async () => {
    const migrated = await run(['migrate']);
    expect(migrated).toMatchObject({ code: 0 });
    expect(migrated.output).toContain('database is up to date');

    const setup = await run(['setup', '--email', OPERATOR.email, '--name', OPERATOR.name], {
      SETUP_OPERATOR_PASSWORD: OPERATOR.password,
    });
    expect(setup.code).toBe(0);
    expect(setup.output).toContain(`operator account created for ${OPERATOR.email}`);
    expect(setup.output).toContain(`Sign in at ${publicUrl}/login`);
    const again = await run(['setup', '--email', 'other@kantoor.nl', '--name', 'Other'], {
      SETUP_OPERATOR_PASSWORD: 'another long password',
    });
    expect(again.code).toBe(0);
    expect(again.output).toContain(`exists already (${OPERATOR.email}); nothing changed`);

    const serve = startCli(['serve'], env);
    const worker = startCli(['worker'], env);
    running.push(serve, worker);
    await Promise.all([serve.waitFor(/loket-yuki started/), worker.waitFor(/loket-yuki started/)]);

    // The operator creates the firm's portal and invites its administrator; no SMTP, so the link comes back.
    const operator = await signIn(OPERATOR.email, OPERATOR.password);
    const portal = (await (
      await request('/api/portals', {
        json: { name: 'Administratiekantoor Jansen & De Boer' },
        session: operator,
      })
    ).json()) as { id: string };
    const invited = await request(`/api/portals/${portal.id}/members`, {
      json: { kind: 'portal', email: ADMIN.email, name: ADMIN.name, role: 'portal_admin' },
      session: operator,
    });
    expect(invited.status).toBe(202);
    const { link } = (await invited.json()) as { link: string };
    expect(link).toMatch(new RegExp(`^${publicUrl}/invitation\\?token=`));
    const outbox = (await (await request('/api/operator/outbox', { session: operator })).json()) as Array<{
      recipients: string;
      status: string;
    }>;
    expect(outbox).toContainEqual(
      expect.objectContaining({ recipients: ADMIN.email, status: 'not_configured' }),
    );

    // The administrator follows the link and chooses a password.
    const accepted = await request(new URL(link).pathname + new URL(link).search, {
      form: { password: ADMIN.password },
    });
    expect(accepted.status).toBe(303);
    const admin = await signIn(ADMIN.email, ADMIN.password);

    // The link at its three levels, then an import from the sandboxes.
    const credentials = (await (await fetch(`${loket.controlUrl}/credentials`)).json()) as SandboxCredentials;
    const settings = await request(`/api/portals/${portal.id}/loket-settings`, {
      method: 'PUT',
      json: {
        loketClientId: credentials.passwordClient.clientId,
        loketClientSecret: credentials.passwordClient.clientSecret,
        loketPasswordFlow: true,
        loketEnvironment: 'acceptance',
        yukiAccessKey: yuki.credentials()[0]!.key,
      },
      session: admin,
    });
    expect(settings.status).toBe(200);
    expect((await request(`/api/portals/${portal.id}/sync`, { method: 'POST', session: admin })).status).toBe(
      200,
    );
    type Overview = {
      domains: Array<{
        id: string;
        yukiDomainId: string | null;
        administrations: Array<{ id: string; yukiAdministrationId: string | null; isStandard: boolean }>;
      }>;
    };
    const overview = (await (
      await request(`/api/portals/${portal.id}`, { session: admin })
    ).json()) as Overview;
    // A script finds what it configured by Yuki's ids (Bakkerij De Vries in the sandbox).
    const bakery = overview.domains.find(
      (domain) => domain.yukiDomainId === '6f1c2a10-4b7e-4d0a-9a51-0c1d2e3f4a01',
    )!;
    const administration = bakery.administrations.find(
      (entry) => entry.yukiAdministrationId === '3a8e6c21-1f2b-4c3d-8e4f-5a6b7c8d9e01',
    )!;
    expect(administration).toBeDefined();
    await request(`/api/domains/${bakery.id}/features/loket_payroll_link`, { method: 'PUT', session: admin });
    const user = credentials.users[0]!;
    await request(`/api/domains/${bakery.id}/loket-connection`, {
      method: 'PUT',
      json: { username: user.username, password: user.password, environmentCode: credentials.provider.id },
      session: admin,
    });
    const linked = await request(`/api/administrations/${administration.id}/relation-code`, {
      method: 'PUT',
      json: { relationCode: 10231 },
      session: admin,
    });
    expect(linked.status).toBe(200);

    const before = posted(await scrape());
    const queued = await request(`/api/administrations/${administration.id}/imports`, {
      json: { kinds: ['journal', 'tax_return'] },
      session: admin,
    });
    expect(queued.status).toBe(202);
    const after = await waitFor(
      async () => posted(await scrape()),
      (count) => count > before,
      90_000,
    );
    expect(after).toBeGreaterThan(before);
    // What the counters say reached Yuki is there.
    expect(yuki.state.journals.length + yuki.state.documents.length).toBeGreaterThanOrEqual(after);
    expect(await scrape()).toMatch(
      /^loket_yuki_job_queue_depth\{queue="import\.item",state="queued"\} \d+$/m,
    );
  }, 240_000);
});
