/**
 * @module loket/oauth
 * Loket's OAuth endpoints: the authorize URL a user signs in at, and the token calls for the
 * authorization_code (Loket's standard), refresh_token and password (only by exception) grants. Tokens
 * come back with an absolute expiry. Only Loket's outright refusals are final; other failures retry.
 */
import {
  LoketClientRejectedError,
  LoketCredentialsRejectedError,
  LoketPasswordGrantRefusedError,
  LoketSessionExpiredError,
  LoketUnavailableError,
} from './errors.ts';
import { oauthErrorSchema, tokenResponseSchema } from './schemas.ts';

export type LoketTokens = {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds at which the access token stops working. */
  expiresAt: number;
};

export type LoketOAuthClient = {
  /** e.g. https://oauth.loket.nl (production) or https://oauth.loket-acc.nl (acceptance). */
  oauthBaseUrl: string;
  clientId: string;
  clientSecret: string;
  fetch?: typeof fetch;
  now?: () => number;
  /** Give up on a token request after this long (default 60 s): a hung endpoint must not hold every caller. */
  timeoutMs?: number;
};

export type AuthorizeUrlOptions = {
  oauthBaseUrl: string;
  clientId: string;
  redirectUri: string;
  state: string;
};

/** The page where a Loket user signs in and grants access; Loket redirects back with `code` and `state`. */
export function buildAuthorizeUrl({
  oauthBaseUrl,
  clientId,
  redirectUri,
  state,
}: AuthorizeUrlOptions): string {
  const url = new URL(`${oauthBaseUrl.replace(/\/$/, '')}/authorize`);
  url.search = new URLSearchParams({
    client_id: clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'all',
    state,
  }).toString();
  return url.toString();
}

type Grant = 'authorization_code' | 'password' | 'refresh_token';

const TOKEN_TIMEOUT_MS = 60_000;

async function requestTokens(
  client: LoketOAuthClient,
  grant: Grant,
  fields: Record<string, string>,
): Promise<LoketTokens> {
  const form = new URLSearchParams({
    grant_type: grant,
    client_id: client.clientId,
    client_secret: client.clientSecret,
    ...fields,
  });
  let response: Response;
  let text: string;
  try {
    response = await (client.fetch ?? fetch)(`${client.oauthBaseUrl.replace(/\/$/, '')}/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: form,
      // A token endpoint that never answers must not hold every request that waits for the token.
      signal: AbortSignal.timeout(client.timeoutMs ?? TOKEN_TIMEOUT_MS),
    });
    text = await response.text();
  } catch (error) {
    throw new LoketUnavailableError({ cause: error, detail: `token request failed: ${String(error)}` });
  }
  if (response.ok) {
    const parsed = tokenResponseSchema.safeParse(safeJson(text));
    // A garbled answer is a hiccup, not a verdict on the session: try again later.
    if (!parsed.success)
      throw new LoketUnavailableError({ detail: `token response unreadable: ${parsed.error.message}` });
    const now = (client.now ?? Date.now)();
    return {
      accessToken: parsed.data.access_token,
      refreshToken: parsed.data.refresh_token,
      expiresAt: now + parsed.data.expires_in * 1000,
    };
  }
  if (response.status === 429 || response.status >= 500)
    throw new LoketUnavailableError({ detail: `token endpoint answered ${response.status}` });
  const oauthError = oauthErrorSchema.safeParse(safeJson(text));
  const code = oauthError.success ? oauthError.data.error : `http_${response.status}`;
  const detail = `token endpoint: ${response.status} ${code}${oauthError.success && oauthError.data.error_description ? ` (${oauthError.data.error_description})` : ''}`;
  // Only Loket's outright refusals (RFC 6749 §5.2) need a person; anything else is retried later.
  if (code === 'invalid_client') throw new LoketClientRejectedError({ detail });
  if (grant === 'password') {
    if (code === 'unsupported_grant_type' || code === 'unauthorized_client')
      throw new LoketPasswordGrantRefusedError({ detail });
    if (code === 'invalid_grant') throw new LoketCredentialsRejectedError({ detail });
  } else if (code === 'invalid_grant' || code === 'unauthorized_client') {
    throw new LoketSessionExpiredError({ detail });
  }
  throw new LoketUnavailableError({ detail });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Exchanges the code from the authorize redirect for tokens. */
export function exchangeAuthorizationCode(
  client: LoketOAuthClient,
  code: string,
  redirectUri: string,
): Promise<LoketTokens> {
  return requestTokens(client, 'authorization_code', { code, redirect_uri: redirectUri });
}

export type PasswordCredentials = { username: string; password: string };

/**
 * Signs in with a dedicated Loket user (the password grant). Loket sends exactly grant_type, username,
 * password, client_Id and client_secret (info.description, "Password flow"), and enables this grant
 * only by exception: most clients get `unsupported_grant_type` / `unauthorized_client`.
 */
export function passwordGrant(
  client: LoketOAuthClient,
  credentials: PasswordCredentials,
): Promise<LoketTokens> {
  return requestTokens(client, 'password', {
    username: credentials.username,
    password: credentials.password,
  });
}

/** A refresh token no Loket ever issued: the check below must be refused for the grant, not the client. */
const CLIENT_CHECK_TOKEN = 'loket-yuki-client-check';

/**
 * Proves a client id and secret without a user: Loket gives external clients only the authorization-code
 * flow (info.description, "Authorization code flow"), so this sends the documented refresh request
 * (info.description, "Refresh token request example") with a token that cannot exist. Per RFC 6749 §5.2
 * `invalid_client` means the client failed to authenticate, while `invalid_grant` or `unauthorized_client`
 * ("the authenticated client …") mean it did. Throws LoketClientRejectedError, or LoketUnavailableError when
 * Loket gave no verdict.
 */
export async function verifyClientCredentials(client: LoketOAuthClient): Promise<void> {
  try {
    await requestTokens(client, 'refresh_token', { refresh_token: CLIENT_CHECK_TOKEN });
  } catch (error) {
    // invalid_grant / unauthorized_client on a non-password grant: the client itself was accepted.
    if (error instanceof LoketSessionExpiredError) return;
    throw error;
  }
}

/** Trades a refresh token for new tokens; Loket may rotate the refresh token, so keep the new one. */
export function refreshTokens(client: LoketOAuthClient, refreshToken: string): Promise<LoketTokens> {
  return requestTokens(client, 'refresh_token', { refresh_token: refreshToken });
}
