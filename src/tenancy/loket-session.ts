/**
 * @module loket-session
 * Opens the Loket connection of one domain: the portal's API client and environment, and the domain's
 * Loket user (password grant) or stored OAuth tokens. Every token Loket hands out is stored encrypted
 * before it is used, so a rotated refresh token is never lost.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../store/database.ts';
import { loketConnections, portals } from '../store/schema/index.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import type { Config } from '../platform/config.ts';
import { AppError } from '../core/errors.ts';
import { LoketConnection } from '../loket/connection.ts';
import { passwordGrant, type LoketOAuthClient, type LoketTokens } from '../loket/oauth.ts';
import { listProviders, providerMatches } from '../loket/providers.ts';
import { databaseTokenStore, decryptTokens, encryptTokens } from './loket-token-store.ts';
import type { Logger } from '../platform/logger.ts';
import { obsoleteVersionRecorder } from './loket-deprecations.ts';

/** A level of the link is not filled in yet; the message says where and who can do it. */
export class LinkSetupError extends AppError {}

/** The portal has not switched on Loket's password flow, so a domain cannot sign in with one. */
export const PASSWORD_FLOW_OFF = {
  nl: 'Inloggen met gebruikersnaam en wachtwoord staat uit voor dit portaal: Loket staat dat alleen bij uitzondering toe. Gebruik "Koppelen met Loket", of laat de portaalbeheerder het aanzetten bij Instellingen → Loket instellingen als de Loket-client van het portaal het wachtwoord-inloggen heeft.',
  en: 'Signing in with a user name and password is off for this portal: Loket allows it only by exception. Use "Connect with Loket", or ask the portal administrator to switch it on under Settings → Loket settings if the portal\'s Loket client has the password flow.',
};

/** The omgevingscode names a different Loket provider than the one the user reaches. */
export class LoketEnvironmentMismatchError extends AppError {
  constructor(environmentCode: string, reached: string[]) {
    super(
      'loket.environment_mismatch',
      {
        nl: `Deze Loket-gebruiker komt uit bij ${reached.join(', ') || 'geen enkele provider'}, niet bij omgevingscode "${environmentCode}". Controleer de omgevingscode of de gebruiker; de koppeling is niet gemaakt.`,
        en: `This Loket user reaches ${reached.join(', ') || 'no provider at all'}, not environment code "${environmentCode}". Check the environment code or the user; the connection was not made.`,
      },
      { detail: `providers reached: ${reached.join(', ')}` },
    );
  }
}

/** `logger`, when given, gets the daily warning about resource versions Loket will retire. */
export type LoketSessionDeps = {
  db: Database;
  secrets: SecretBox;
  config: Config;
  logger?: Logger | undefined;
};
export type LoketSession = { connection: LoketConnection; oauth: LoketOAuthClient; apiBaseUrl: string };

/** The portal's Loket API client for its chosen environment; throws when it is not filled in. */
export async function loketOAuthClient(
  deps: LoketSessionDeps,
  portalId: string,
): Promise<LoketOAuthClient & { apiBaseUrl: string }> {
  const [portal] = await deps.db.select().from(portals).where(eq(portals.id, portalId));
  if (!portal?.loketClientId || !portal.loketClientSecretEnc) {
    throw new LinkSetupError('loket_client_missing', {
      nl: 'De Loket API-client (client id en secret) is nog niet ingevuld bij Instellingen → Loket instellingen. De portaalbeheerder kan dat doen.',
      en: 'The Loket API client (client id and secret) is not filled in under Settings → Loket settings. The portal administrator can do this.',
    });
  }
  const environment = deps.config.loket[portal.loketEnvironment];
  const clientSecret = await deps.secrets.decrypt(
    { portalId, field: 'portals.loket_client_secret', rowId: portalId },
    portal.loketClientSecretEnc,
  );
  return {
    oauthBaseUrl: environment.oauthUrl,
    apiBaseUrl: environment.apiUrl,
    clientId: portal.loketClientId,
    clientSecret,
  };
}

/** Stores a token pair encrypted on the domain's connection. */
export async function storeLoketTokens(
  deps: LoketSessionDeps,
  scope: { portalId: string; domainId: string },
  tokens: LoketTokens,
): Promise<void> {
  const tokensEnc = await encryptTokens(deps.secrets, scope, tokens);
  await deps.db
    .update(loketConnections)
    .set({ tokensEnc, updatedAt: new Date() })
    .where(eq(loketConnections.domainId, scope.domainId));
}

export async function openLoketSession(
  deps: LoketSessionDeps,
  scope: { portalId: string; domainId: string },
): Promise<LoketSession> {
  const { apiBaseUrl, ...oauth } = await loketOAuthClient(deps, scope.portalId);
  const [row] = await deps.db
    .select({ connection: loketConnections, passwordFlow: portals.loketPasswordFlow })
    .from(loketConnections)
    .innerJoin(portals, eq(portals.id, scope.portalId))
    .where(eq(loketConnections.domainId, scope.domainId));
  if (!row) {
    throw new LinkSetupError('loket_connection_missing', {
      nl: 'Dit domein heeft nog geen verbinding met Loket. Kies bij de Loket-instellingen van het domein "Koppelen met Loket".',
      en: 'This domain is not connected to Loket yet. Choose "Connect with Loket" in the domain\'s Loket settings.',
    });
  }
  const { connection: stored, passwordFlow } = row;
  if (stored.method === 'password' && !passwordFlow)
    throw new LinkSetupError('loket_password_flow_off', PASSWORD_FLOW_OFF);
  const ref = { portalId: scope.portalId, rowId: scope.domainId };
  const signIn =
    stored.method === 'password' && stored.username && stored.passwordEnc
      ? async () => {
          const tokens = await passwordGrant(oauth, {
            username: stored.username!,
            password: await deps.secrets.decrypt(
              { ...ref, field: 'loket_connections.password' },
              stored.passwordEnc!,
            ),
          });
          return stored.environmentCode
            ? checkEnvironment({ apiBaseUrl, oauth, tokens }, stored.environmentCode)
            : tokens;
        }
      : undefined;

  let tokens = stored.tokensEnc ? await decryptTokens(deps.secrets, scope, stored.tokensEnc) : undefined;
  if (!tokens) {
    if (!signIn) {
      throw new LinkSetupError('loket_not_connected', {
        nl: 'De koppeling met Loket is verlopen of nog niet gemaakt. Kies bij het domein opnieuw "Koppelen met Loket".',
        en: 'The connection with Loket has expired or was never made. Choose "Connect with Loket" again on the domain.',
      });
    }
    tokens = await signIn();
    await storeLoketTokens(deps, scope, tokens);
  }
  const connection = new LoketConnection({
    apiBaseUrl,
    oauth,
    tokens,
    // The shared store keeps every new pair; other processes refresh through the same row.
    onTokens: () => {},
    sharedTokens: databaseTokenStore(deps, scope),
    ...(signIn ? { reauthenticate: signIn } : {}),
    maxJsonBytes: deps.config.loket.maxJsonBytes,
    onObsoleteVersion: obsoleteVersionRecorder({ db: deps.db, logger: deps.logger }, scope.portalId),
  });
  return { connection, oauth, apiBaseUrl };
}

/**
 * What the omgevingscode is for: after a password sign-in, the provider the user reaches (GET /providers)
 * must be the one it names, or the connection is refused. Returns the tokens to keep (a 401 may rotate them).
 */
async function checkEnvironment(
  session: { apiBaseUrl: string; oauth: LoketOAuthClient; tokens: LoketTokens },
  environmentCode: string,
): Promise<LoketTokens> {
  let latest = session.tokens;
  const probe = new LoketConnection({
    ...session,
    onTokens: (next) => {
      latest = next;
    },
  });
  const providers = await listProviders(probe);
  if (!providers.some((provider) => providerMatches(provider, environmentCode)))
    throw new LoketEnvironmentMismatchError(
      environmentCode,
      providers.map((provider) => provider.name),
    );
  return latest;
}
