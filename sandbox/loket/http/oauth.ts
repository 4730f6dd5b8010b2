/**
 * @module oauth
 * Loket's OAuth server: a sign-in page at /authorize that redirects back with `code` and `state`, and
 * /token for the authorization_code, refresh_token and password grants, with OAuth error bodies. Every
 * registered client gets the first two; the password grant only a client enabled for it by exception.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { html } from 'hono/html';
import type { LoketWorld } from '../data/world.ts';
import type { TokenStore } from './tokens.ts';
import type { FaultState } from './faults.ts';

type AuthorizeParams = { client_id: string; redirect_uri: string; state: string; scope: string };

function signInPage(params: AuthorizeParams, error: string | null) {
  return html`<!doctype html>
    <html lang="nl">
      <head>
        <meta charset="utf-8" />
        <title>Inloggen – Loket.nl (sandbox)</title>
        <style>
          body {
            font-family: system-ui, sans-serif;
            max-width: 26rem;
            margin: 4rem auto;
          }
          label,
          input,
          button {
            display: block;
            width: 100%;
            margin-top: 0.5rem;
          }
          .error {
            color: #a00;
          }
        </style>
      </head>
      <body>
        <h1>Inloggen bij Loket.nl</h1>
        <p>Sandbox: log in als een van de gebruikers uit <code>/_sandbox/credentials</code>.</p>
        ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
        <form method="post" action="authorize">
          <input type="hidden" name="client_id" value="${params.client_id}" />
          <input type="hidden" name="redirect_uri" value="${params.redirect_uri}" />
          <input type="hidden" name="state" value="${params.state}" />
          <input type="hidden" name="scope" value="${params.scope}" />
          <label for="username">Gebruikersnaam</label>
          <input id="username" name="username" autocomplete="username" required />
          <label for="password">Wachtwoord</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
          <button type="submit">Inloggen</button>
        </form>
      </body>
    </html>`;
}

function oauthError(
  c: Context,
  error:
    'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unauthorized_client' | 'unsupported_grant_type',
  description: string,
) {
  return c.json({ error, error_description: description }, error === 'invalid_client' ? 401 : 400);
}

/** Token requests arrive form-encoded, and some clients send them as text/plain; read both. */
async function readForm(c: Context): Promise<URLSearchParams> {
  return new URLSearchParams(await c.req.text());
}

export function oauthRoutes(world: LoketWorld, tokens: TokenStore, faults: FaultState): Hono {
  const app = new Hono();

  const checkClient = (clientId: string | undefined, redirectUri: string | undefined) =>
    world.clients.some((client) => client.clientId === clientId) && redirectUri === world.redirectUri;

  app.get('/authorize', (c) => {
    const params: AuthorizeParams = {
      client_id: c.req.query('client_id') ?? '',
      redirect_uri: c.req.query('redirect_uri') ?? '',
      state: c.req.query('state') ?? '',
      scope: c.req.query('scope') ?? 'all',
    };
    // Never redirect to an unregistered URI: show the error here instead.
    if (!checkClient(params.client_id, params.redirect_uri))
      return c.text('Unknown client_id or redirect_uri.', 400);
    if (c.req.query('response_type') !== 'code') return c.text('response_type must be code.', 400);
    return c.html(signInPage(params, null));
  });

  app.post('/authorize', async (c) => {
    const form = await readForm(c);
    const params: AuthorizeParams = {
      client_id: form.get('client_id') ?? '',
      redirect_uri: form.get('redirect_uri') ?? '',
      state: form.get('state') ?? '',
      scope: form.get('scope') ?? 'all',
    };
    if (!checkClient(params.client_id, params.redirect_uri))
      return c.text('Unknown client_id or redirect_uri.', 400);
    const user = world.user(form.get('username') ?? '');
    if (!user || user.password !== form.get('password')) {
      return c.html(signInPage(params, 'Gebruikersnaam of wachtwoord onjuist.'), 401);
    }
    const target = new URL(params.redirect_uri);
    target.searchParams.set('code', tokens.issueCode(user.username, params.redirect_uri));
    if (params.state) target.searchParams.set('state', params.state);
    return c.redirect(target.toString(), 302);
  });

  app.post('/token', async (c) => {
    const fault = faults.tokenFault();
    if (fault === 'error') return c.json({ message: 'sandbox fault: token endpoint unavailable' }, 503);
    if (fault === 'hang') {
      // Longer than any client waits; the request is never processed, so nothing rotates.
      await new Promise((resolve) => setTimeout(resolve, faults.faults.tokenHangMs));
      return c.body(null, 504);
    }
    if (fault === 'garbled') return c.text('<html>Bad gateway</html>', 200);
    const form = await readForm(c);
    // Loket's own examples spell it client_Id; OAuth's is client_id. Accept both.
    const client = world.client(form.get('client_id') ?? form.get('client_Id'), form.get('client_secret'));
    if (!client) return oauthError(c, 'invalid_client', 'Unknown client or wrong client secret.');
    const grantType = form.get('grant_type');
    if (grantType === 'authorization_code') {
      const username = tokens.redeemCode(form.get('code') ?? '', form.get('redirect_uri') ?? '');
      return username
        ? c.json(tokens.issuePair(username))
        : oauthError(c, 'invalid_grant', 'The code is invalid, used or expired.');
    }
    if (grantType === 'refresh_token') {
      const pair = tokens.rotate(form.get('refresh_token') ?? '');
      return pair
        ? c.json(pair)
        : oauthError(c, 'invalid_grant', 'The refresh token is invalid or has been rotated out.');
    }
    if (grantType === 'password') {
      // "Password grant type is not available for an external client", unless enabled by exception.
      if (!client.passwordFlow)
        return oauthError(c, 'unauthorized_client', 'The password grant is not enabled for this client.');
      const user = world.user(form.get('username') ?? '');
      if (!user || user.password !== form.get('password')) {
        return oauthError(c, 'invalid_grant', 'The user name or password is incorrect.');
      }
      return c.json(tokens.issuePair(user.username));
    }
    return oauthError(c, 'unsupported_grant_type', `Unsupported grant_type '${grantType ?? ''}'.`);
  });

  return app;
}
