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
import type { Config } from '../runtime/config.ts';
import { AppError } from '../core/errors.ts';
import { LoketConnection } from '../loket/connection.ts';
import { passwordGrant, type LoketOAuthClient, type LoketTokens } from '../loket/oauth.ts';
import { z } from 'zod';
import type { Logger } from '../runtime/logger.ts';
import { obsoleteVersionRecorder } from './loket-deprecations.ts';

/** A level of the link is not filled in yet; the message says where and who can do it. */
export class LinkSetupError extends AppError {}

/** The stored (decrypted) form of a Loket token pair. */
const LoketTokensSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  expiresAt: z.number().int(),
});

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
  const tokensEnc = await deps.secrets.encrypt(
    { portalId: scope.portalId, field: 'loket_connections.tokens', rowId: scope.domainId },
    JSON.stringify(tokens),
  );
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
    .select()
    .from(loketConnections)
    .where(eq(loketConnections.domainId, scope.domainId));
  if (!row) {
    throw new LinkSetupError('loket_connection_missing', {
      nl: 'Dit domein heeft nog geen Loket-gebruiker. Vul bij het domein de Loket-instellingen in of kies "Koppelen met Loket".',
      en: 'This domain has no Loket user yet. Fill in the domain\'s Loket settings or choose "Connect with Loket".',
    });
  }
  const ref = { portalId: scope.portalId, rowId: scope.domainId };
  const signIn =
    row.method === 'password' && row.username && row.passwordEnc
      ? async () =>
          passwordGrant(oauth, {
            username: row.username!,
            password: await deps.secrets.decrypt(
              { ...ref, field: 'loket_connections.password' },
              row.passwordEnc!,
            ),
            ...(row.environmentCode ? { environmentCode: row.environmentCode } : {}),
          })
      : undefined;

  let tokens = row.tokensEnc
    ? LoketTokensSchema.parse(
        JSON.parse(await deps.secrets.decrypt({ ...ref, field: 'loket_connections.tokens' }, row.tokensEnc)),
      )
    : undefined;
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
    onTokens: (next) => storeLoketTokens(deps, scope, next),
    ...(signIn ? { reauthenticate: signIn } : {}),
    onObsoleteVersion: obsoleteVersionRecorder({ db: deps.db, logger: deps.logger }, scope.portalId),
  });
  return { connection, oauth, apiBaseUrl };
}
