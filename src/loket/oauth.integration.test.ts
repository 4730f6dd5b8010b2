import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoketSandbox } from '../../sandbox/loket/index.ts';
import type { RunningLoketSandbox } from '../../sandbox/loket/index.ts';
import {
  LoketClientRejectedError,
  LoketCredentialsRejectedError,
  LoketPasswordGrantRefusedError,
  LoketSessionExpiredError,
  LoketUnavailableError,
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

const user = () => fixture.credentials.users[0] ?? { username: '', password: '' };

describe('Loket OAuth against the sandbox', () => {
  it('signs in with the password grant on a client that has it, sending only the documented fields', async () => {
    const sent: string[][] = [];
    const recording: typeof fetch = async (input, init) => {
      sent.push([...new URLSearchParams(String(init?.body)).keys()].sort());
      return fetch(input, init);
    };
    const before = Date.now();
    const tokens = await passwordGrant({ ...fixture.oauth, fetch: recording }, user());
    expect(tokens.accessToken).toMatch(/^[\w-]+$/);
    expect(tokens.expiresAt).toBeGreaterThanOrEqual(before + 3599_000);
    // info.description, "Password flow": grant_type, username, password, client id and secret; nothing else.
    expect(sent).toEqual([['client_id', 'client_secret', 'grant_type', 'password', 'username']]);
  });

  it('refuses a wrong password with a message a person can act on', async () => {
    const wrongPassword = passwordGrant(fixture.oauth, { username: user().username, password: 'fout' });
    await expect(wrongPassword).rejects.toBeInstanceOf(LoketCredentialsRejectedError);
    await expect(wrongPassword).rejects.toMatchObject({
      text: {
        nl: expect.stringMatching(/^Loket weigert de gebruikersnaam of het wachtwoord/),
        en: expect.stringMatching(/^Loket refuses the user name or password/),
      },
    });
  });

  it('says a client without the password flow must use Koppelen met Loket, never "wrong password"', async () => {
    // The demo's client is a standard external client: "Password grant type is not available".
    const refused = passwordGrant(fixture.standardOauth, user());
    await expect(refused).rejects.toBeInstanceOf(LoketPasswordGrantRefusedError);
    await expect(refused).rejects.toMatchObject({
      retryable: false,
      text: {
        nl: 'Deze Loket-client staat inloggen met een wachtwoord niet toe; gebruik "Koppelen met Loket".',
        en: expect.stringContaining('does not allow signing in with a password; use "Connect with Loket"'),
      },
    });
    await expect(
      passwordGrant(fixture.standardOauth, { username: user().username, password: 'fout' }),
    ).rejects.toBeInstanceOf(LoketPasswordGrantRefusedError);
  });

  it('refuses an unknown client secret as invalid_client', async () => {
    await expect(passwordGrant({ ...fixture.oauth, clientSecret: 'wrong' }, user())).rejects.toBeInstanceOf(
      LoketClientRejectedError,
    );
  });

  it('treats a token endpoint that fails (5xx, hangs, garbled answer) as transient, not as a lost session', async () => {
    const first = await passwordGrant(fixture.oauth, user());
    await fixture.control(
      '/faults',
      { tokenServerErrors: 1, tokenTimeouts: 1, tokenGarbled: 1, tokenHangMs: 2_000 },
      'PUT',
    );
    try {
      const client = { ...fixture.oauth, timeoutMs: 300 };
      for (const failure of ['503', 'timeout', 'unreadable']) {
        const attempt = refreshTokens(client, first.refreshToken);
        await expect(attempt, failure).rejects.toBeInstanceOf(LoketUnavailableError);
        await expect(attempt, failure).rejects.toMatchObject({ retryable: true });
      }
      // None of them spent the refresh token.
      await expect(refreshTokens(client, first.refreshToken)).resolves.toHaveProperty('accessToken');
    } finally {
      await fixture.control('/faults', undefined, 'DELETE');
    }
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
    const tokens = await exchangeAuthorizationCode(fixture.standardOauth, code, REDIRECT_URI);
    expect(tokens.refreshToken).toBeTruthy();
    await expect(exchangeAuthorizationCode(fixture.standardOauth, code, REDIRECT_URI)).rejects.toBeInstanceOf(
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
