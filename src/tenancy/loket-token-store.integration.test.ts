/**
 * The shared Loket tokens on the engine under test (PGlite and PostgreSQL): sessions opened side by side,
 * as the web process and the worker of `loket-yuki all` hold them, refresh once between them, and a
 * session whose tokens another process rotated in the meantime re-reads the stored pair instead of
 * spending a refresh token Loket has already rotated out.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startImportFixture, type ImportFixture } from '../../test/support/import-fixture.ts';
import { sandboxControl, type SandboxCredentials } from '../../test/support/loket-fixture.ts';
import { sandboxEnv } from '../../sandbox/demo/sandboxes.ts';
import { listEmployers } from '../loket/employers.ts';
import { passwordGrant, refreshTokens, type LoketOAuthClient, type LoketTokens } from '../loket/oauth.ts';
import { loadConfig } from '../platform/config.ts';
import { createSecretBox, type SecretBox } from '../secrets/secret-box.ts';
import { administrations, loketConnections } from '../store/schema/index.ts';
import { openLoketSession, storeLoketTokens, type LoketSessionDeps } from './loket-session.ts';
import { decryptTokens, encryptTokens } from './loket-token-store.ts';

let fixture: ImportFixture;
let deps: LoketSessionDeps;
let secrets: SecretBox;
let oauth: LoketOAuthClient;
let scope: { portalId: string; domainId: string };

async function employers(session: Promise<{ connection: Parameters<typeof listEmployers>[0] }>) {
  let count = 0;
  for await (const _ of listEmployers((await session).connection)) count += 1;
  return count;
}

async function stored(): Promise<LoketTokens> {
  const [row] = await deps.db
    .select()
    .from(loketConnections)
    .where(eq(loketConnections.domainId, scope.domainId));
  return decryptTokens(secrets, scope, row!.tokensEnc!);
}

beforeAll(async () => {
  fixture = await startImportFixture();
  secrets = createSecretBox(fixture.database.db, { current: fixture.masterKey });
  deps = {
    db: fixture.database.db,
    secrets,
    config: loadConfig(
      { APP_MASTER_KEY: fixture.masterKey.toString('base64'), ...sandboxEnv(fixture.loket, fixture.yuki) },
      'production',
    ),
  };
  const [row] = await deps.db
    .select({ domainId: administrations.domainId })
    .from(administrations)
    .where(eq(administrations.id, fixture.bakeryId));
  scope = { portalId: fixture.portalId, domainId: row!.domainId };
  const credentials = (await sandboxControl(fixture.loket.controlUrl, '/credentials')) as SandboxCredentials;
  oauth = { oauthBaseUrl: fixture.loket.oauthUrl, ...credentials.passwordClient };
  // Authorization-code style: only the rotating refresh token, no password to fall back on.
  await deps.db
    .update(loketConnections)
    .set({ method: 'oauth', username: null, passwordEnc: null })
    .where(eq(loketConnections.domainId, scope.domainId));
}, 60_000);

afterAll(async () => {
  await fixture?.close();
});

beforeEach(async () => {
  const tokens = await passwordGrant(oauth, { username: 'koppeling.yuki', password: 'Salaris-2026!' });
  await storeLoketTokens(deps, scope, { ...tokens, expiresAt: Date.now() - 1_000 });
});

describe('Loket tokens shared between sessions', () => {
  it('lets two sessions that find the token expired at once refresh it once and both go on', async () => {
    const before = await stored();
    const [web, worker] = [openLoketSession(deps, scope), openLoketSession(deps, scope)];
    await Promise.all([web, worker]);
    expect(await Promise.all([employers(web), employers(worker)])).toEqual([3, 3]);
    const after = await stored();
    expect(after.refreshToken).not.toBe(before.refreshToken);
    await expect(refreshTokens(oauth, after.refreshToken)).resolves.toHaveProperty('accessToken');
  });

  it('re-reads the stored tokens before refreshing, when another process rotated them meanwhile', async () => {
    const session = openLoketSession(deps, scope);
    await session;
    // Another process refreshes and stores the rotated pair; this session still holds the old one.
    const rotated = await refreshTokens(oauth, (await stored()).refreshToken);
    await storeLoketTokens(deps, scope, rotated);
    expect(await employers(session)).toBe(3);
    // It took the stored, still valid pair rather than refreshing with the spent token.
    expect((await stored()).accessToken).toBe(rotated.accessToken);
  });

  it('refreshes with the stored refresh token when the stored access token has run out too', async () => {
    const session = openLoketSession(deps, scope);
    await session;
    const rotated = await refreshTokens(oauth, (await stored()).refreshToken);
    await deps.db
      .update(loketConnections)
      .set({ tokensEnc: await encryptTokens(secrets, scope, { ...rotated, expiresAt: Date.now() - 1_000 }) })
      .where(eq(loketConnections.domainId, scope.domainId));
    expect(await employers(session)).toBe(3);
    const after = await stored();
    expect(after.refreshToken).not.toBe(rotated.refreshToken);
    expect(after.expiresAt).toBeGreaterThan(Date.now());
  });
});
