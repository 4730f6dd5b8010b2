/**
 * @module get-loket-authorize-url
 * "Connect with Loket", first half: the address of Loket's own sign-in page for the portal's client,
 * and the state value that ties Loket's callback to the person and domain that started it.
 */
import { randomBytes } from 'node:crypto';
import { buildAuthorizeUrl } from '../../loket/oauth.ts';
import { loketOAuthClient, type LoketSessionDeps } from '../../tenancy/loket-session.ts';

/** Where Loket sends the person back; registered with Loket as the client's redirect URI. */
export function loketRedirectUri(publicUrl: string): string {
  return `${publicUrl}/loket/oauth/callback`;
}

export async function getLoketAuthorizeUrl(
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
