/**
 * Loket rotates refresh tokens: two worker processes and the web process that find the domain's access
 * token expired at the same moment must refresh it once between them and all go on, on PostgreSQL.
 * Without the shared refresh, each would spend the same refresh token and all but one would end with
 * "the connection with Loket has expired", breaking the link until someone reconnected.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../src/core/errors.ts';
import { listEmployers } from '../src/loket/employers.ts';
import { passwordGrant, refreshTokens } from '../src/loket/oauth.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createSecretBox } from '../src/secrets/secret-box.ts';
import { administrations, loketConnections } from '../src/store/schema/index.ts';
import { decryptTokens, encryptTokens } from '../src/tenancy/loket-token-store.ts';
import { openLoketSession } from '../src/tenancy/loket-session.ts';
import { sandboxEnv } from '../sandbox/demo/sandboxes.ts';
import type { ImportFixture } from './support/import-fixture.ts';
import { startImportFixture } from './support/import-fixture.ts';
import { sandboxControl, type SandboxCredentials } from './support/loket-fixture.ts';

const script = fileURLToPath(new URL('./support/loket-refresher.ts', import.meta.url));

let fixture: ImportFixture;
let scope: { portalId: string; domainId: string };

function startRefresher() {
  if (fixture.database.engine !== 'postgres') throw new Error('this test needs PostgreSQL');
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: {
      ...process.env,
      DATABASE_URL: fixture.database.connectionString,
      APP_MASTER_KEY: fixture.masterKey.toString('base64'),
      ...sandboxEnv(fixture.loket, fixture.yuki),
      PORTAL_ID: scope.portalId,
      DOMAIN_ID: scope.domainId,
      LOG_LEVEL: 'silent',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const seen = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = output.match(pattern);
        if (match) resolve(match);
      };
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        check();
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', () => {
        check();
        reject(new Error(`the refresher exited before printing ${pattern}:\n${output}`));
      });
      check();
    });
  const ready = seen(/^ready$/m);
  const outcome = seen(/^outcome (.+)$/m).then((match) => JSON.parse(match[1]!) as unknown);
  return { child, ready, outcome, go: () => child.stdin.write('go\n') };
}

beforeAll(async () => {
  fixture = await startImportFixture();
  const [row] = await fixture.database.db
    .select({ domainId: administrations.domainId })
    .from(administrations)
    .where(eq(administrations.id, fixture.bakeryId));
  scope = { portalId: fixture.portalId, domainId: row!.domainId };
  // An authorization-code connection: no password to fall back on, only the rotating refresh token.
  const credentials = (await sandboxControl(fixture.loket.controlUrl, '/credentials')) as SandboxCredentials;
  const oauth = { oauthBaseUrl: fixture.loket.oauthUrl, ...credentials.passwordClient };
  const tokens = await passwordGrant(oauth, credentials.users[0]!);
  const secrets = createSecretBox(fixture.database.db, { current: fixture.masterKey });
  await fixture.database.db
    .update(loketConnections)
    .set({
      method: 'oauth',
      username: null,
      passwordEnc: null,
      // Expired: whoever calls Loket next must refresh first.
      tokensEnc: await encryptTokens(secrets, scope, { ...tokens, expiresAt: Date.now() - 1_000 }),
    })
    .where(eq(loketConnections.domainId, scope.domainId));
}, 60_000);

afterAll(async () => {
  await fixture?.close();
});

describe('refreshing Loket tokens across processes', () => {
  it('two workers and the web process refresh at the same moment; none of them loses the link', async () => {
    const workers = [startRefresher(), startRefresher()];
    try {
      // The web process ("Test connection") holds the same expired session.
      const config = loadConfig(
        { APP_MASTER_KEY: fixture.masterKey.toString('base64'), ...sandboxEnv(fixture.loket, fixture.yuki) },
        'production',
      );
      const secrets = createSecretBox(fixture.database.db, { current: fixture.masterKey });
      const { connection: web } = await openLoketSession({ db: fixture.database.db, secrets, config }, scope);
      await Promise.all(workers.map((worker) => worker.ready));
      for (const worker of workers) worker.go();
      const webOutcome = (async () => {
        try {
          let employers = 0;
          for await (const _ of listEmployers(web)) employers += 1;
          return { ok: true, employers };
        } catch (error) {
          return { ok: false, code: isAppError(error) ? error.code : String(error) };
        }
      })();
      const outcomes = await Promise.all([webOutcome, ...workers.map((worker) => worker.outcome)]);
      // The demo firm's three employers, seen by all three processes.
      expect(outcomes).toEqual([
        { ok: true, employers: 3 },
        { ok: true, employers: 3 },
        { ok: true, employers: 3 },
      ]);
      // The stored pair is the one Loket still honours: the link goes on after all three.
      const [row] = await fixture.database.db
        .select()
        .from(loketConnections)
        .where(eq(loketConnections.domainId, scope.domainId));
      expect(row).toMatchObject({ refreshLeaseId: null, refreshLeaseUntil: null });
      const stored = await decryptTokens(
        createSecretBox(fixture.database.db, { current: fixture.masterKey }),
        scope,
        row!.tokensEnc!,
      );
      expect(stored.expiresAt).toBeGreaterThan(Date.now());
      const credentials = (await sandboxControl(
        fixture.loket.controlUrl,
        '/credentials',
      )) as SandboxCredentials;
      await expect(
        refreshTokens(
          { oauthBaseUrl: fixture.loket.oauthUrl, ...credentials.passwordClient },
          stored.refreshToken,
        ),
      ).resolves.toHaveProperty('accessToken');
    } finally {
      for (const worker of workers) worker.child.kill('SIGKILL');
    }
  }, 60_000);
});
