/**
 * @module loket-oauth
 * "Connect with Loket": the domain's Loket user signs in at Loket itself and Loket sends us tokens, so
 * no Loket password is ever stored. The state value ties the callback to the person and domain that
 * started it.
 */
import { randomBytes } from 'node:crypto';
import { buildAuthorizeUrl, exchangeAuthorizationCode } from '../loket/oauth.ts';
import { loketConnections } from '../store/schema/index.ts';
import { loketOAuthClient, storeLoketTokens, type LoketSessionDeps } from './loket-session.ts';

/** Where Loket sends the person back; registered with Loket as the client's redirect URI. */
export function loketRedirectUri(publicUrl: string): string {
  return `${publicUrl}/loket/oauth/callback`;
}

export async function startLoketAuthorization(
  deps: LoketSessionDeps,
  portalId: string,
): Promise<{ url: string; state: string }> {
  const client = await loketOAuthClient(deps, portalId);
  const state = randomBytes(24).toString('base64url');
  const url = buildAuthorizeUrl({
    oauthBaseUrl: client.oauthBaseUrl,
    clientId: client.clientId,
    redirectUri: loketRedirectUri(deps.config.publicUrl),
    state,
  });
  return { url, state };
}

/** Exchanges the code and makes OAuth the domain's way into Loket, replacing a stored password. */
export async function completeLoketAuthorization(
  deps: LoketSessionDeps,
  scope: { portalId: string; domainId: string },
  code: string,
): Promise<void> {
  const { apiBaseUrl: _apiBaseUrl, ...client } = await loketOAuthClient(deps, scope.portalId);
  const tokens = await exchangeAuthorizationCode(client, code, loketRedirectUri(deps.config.publicUrl));
  const values = {
    method: 'oauth' as const,
    username: null,
    passwordEnc: null,
    environmentCode: null,
    status: 'untested' as const,
    lastError: null,
    lastErrorEn: null,
    missingRights: [],
    checkedAt: null,
    updatedAt: new Date(),
  };
  await deps.db
    .insert(loketConnections)
    .values({ domainId: scope.domainId, ...values })
    .onConflictDoUpdate({ target: loketConnections.domainId, set: values });
  await storeLoketTokens(deps, scope, tokens);
}
