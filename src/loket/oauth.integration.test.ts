import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoketSandbox } from '../../sandbox/loket/index.ts';
import type { RunningLoketSandbox } from '../../sandbox/loket/index.ts';
import {
  LoketClientRejectedError,
  LoketCredentialsRejectedError,
  LoketSessionExpiredError,
} from './errors.ts';
import { buildAuthorizeUrl, exchangeAuthorizationCode, passwordGrant, refreshTokens } from './oauth.ts';
import { sandboxFixture } from '../../test/support/loket-fixture.ts';
import type { SandboxFixture } from '../../test/support/loket-fixture.ts';

const REDIRECT_URI = 'http://127.0.0.1:9/loket/oauth/callback';
let sandbox: RunningLoketSandbox;
let fixture: SandboxFixture;

beforeAll(async () => {
  sandbox = await startLoketSandbox({ today: '2026-11-18', redirectUri: REDIRECT_URI });
  fixture = await sandboxFixture(sandbox);
});
afterAll(() => sandbox.close());

const user = () => fixture.credentials.users[0] ?? { username: '', password: '', environmentCode: '' };

describe('Loket OAuth against the sandbox', () => {
  it('signs in with the password grant, with or without the environment code', async () => {
    const before = Date.now();
    const tokens = await passwordGrant(fixture.oauth, {
      username: user().username,
      password: user().password,
      environmentCode: user().environmentCode,
    });
    expect(tokens.accessToken).toMatch(/^[\w-]+$/);
    expect(tokens.expiresAt).toBeGreaterThanOrEqual(before + 3599_000);
    await expect(
      passwordGrant(fixture.oauth, { username: user().username, password: user().password }),
    ).resolves.toHaveProperty('refreshToken');
  });

  it('refuses a wrong password or environment code with a message a person can act on', async () => {
    const wrongPassword = passwordGrant(fixture.oauth, { username: user().username, password: 'fout' });
    await expect(wrongPassword).rejects.toBeInstanceOf(LoketCredentialsRejectedError);
    await expect(wrongPassword).rejects.toMatchObject({
      text: {
        nl: expect.stringMatching(/^Loket weigert de inloggegevens/),
        en: expect.stringMatching(/^Wrong Loket user name or password/),
      },
    });
    await expect(
      passwordGrant(fixture.oauth, { ...user(), environmentCode: 'ANDERE-OMGEVING' }),
    ).rejects.toBeInstanceOf(LoketCredentialsRejectedError);
  });

  it('refuses an unknown client secret as invalid_client', async () => {
    await expect(passwordGrant({ ...fixture.oauth, clientSecret: 'wrong' }, user())).rejects.toBeInstanceOf(
      LoketClientRejectedError,
    );
  });

  it('runs the authorization-code flow through the sign-in page, keeping state, and spends the code once', async () => {
    const url = buildAuthorizeUrl({
      oauthBaseUrl: fixture.sandbox.oauthUrl,
      clientId: fixture.credentials.clientId,
      redirectUri: REDIRECT_URI,
      state: 'st-123',
    });
    const page = await fetch(url);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('<form method="post" action="authorize">');
    expect(html).toContain('value="st-123"');

    const form = new URLSearchParams({
      client_id: fixture.credentials.clientId,
      redirect_uri: REDIRECT_URI,
      state: 'st-123',
      scope: 'all',
      username: user().username,
      password: 'fout',
    });
    const refused = await fetch(new URL('authorize', url), {
      method: 'POST',
      body: form,
      redirect: 'manual',
    });
    expect(refused.status).toBe(401);
    expect(await refused.text()).toContain('Gebruikersnaam of wachtwoord onjuist');

    form.set('password', user().password);
    const redirect = await fetch(new URL('authorize', url), {
      method: 'POST',
      body: form,
      redirect: 'manual',
    });
    expect(redirect.status).toBe(302);
    const location = new URL(redirect.headers.get('Location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get('state')).toBe('st-123');
    const code = location.searchParams.get('code') ?? '';
    const tokens = await exchangeAuthorizationCode(fixture.oauth, code, REDIRECT_URI);
    expect(tokens.refreshToken).toBeTruthy();
    await expect(exchangeAuthorizationCode(fixture.oauth, code, REDIRECT_URI)).rejects.toBeInstanceOf(
      LoketSessionExpiredError,
    );
  });

  it('never redirects to an unregistered redirect URI', async () => {
    const url = buildAuthorizeUrl({
      oauthBaseUrl: fixture.sandbox.oauthUrl,
      clientId: fixture.credentials.clientId,
      redirectUri: 'https://evil.example/cb',
      state: 's',
    });
    expect((await fetch(url, { redirect: 'manual' })).status).toBe(400);
  });

  it('rotates refresh tokens: the rotated-out one gives invalid_grant', async () => {
    const first = await passwordGrant(fixture.oauth, user());
    const second = await refreshTokens(fixture.oauth, first.refreshToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    await expect(refreshTokens(fixture.oauth, first.refreshToken)).rejects.toBeInstanceOf(
      LoketSessionExpiredError,
    );
    await expect(refreshTokens(fixture.oauth, second.refreshToken)).resolves.toHaveProperty('accessToken');
  });
});
