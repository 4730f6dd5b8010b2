/**
 * @module create-loket-oauth-connection
 * "Connect with Loket", second half: exchanges Loket's code for tokens and makes OAuth the domain's
 * way into Loket, replacing a stored password, so no Loket password is kept. Audited as
 * `domain.loket_connection.oauth`, also when Loket refuses the code.
 */
import { exchangeAuthorizationCode } from '../../loket/oauth.ts';
import { loketOAuthClient, type LoketSessionDeps } from '../../tenancy/loket-session.ts';
import { encryptTokens } from '../../tenancy/loket-token-store.ts';
import { runCommand, type ChangedBy } from '../command.ts';
import type { DomainScope } from '../scope.ts';
import { loketRedirectUri } from './get-loket-authorize-url.ts';
import { saveLoketSignIn } from './save-loket-sign-in.ts';

export type CreateLoketOAuthConnectionOptions = { scope: DomainScope; code: string };

export async function createLoketOAuthConnection(
  deps: LoketSessionDeps,
  by: ChangedBy,
  { scope, code }: CreateLoketOAuthConnectionOptions,
): Promise<void> {
  await runCommand(deps.db, by, {
    audit: {
      portalId: scope.portalId,
      domainId: scope.domainId,
      action: 'domain.loket_connection.oauth',
      targetType: 'loket_connection',
      targetId: scope.domainId,
    },
    // Loket and the encryption (which reads data keys) before the transaction.
    check: async () => {
      const { apiBaseUrl: _apiBaseUrl, ...client } = await loketOAuthClient(deps, scope.portalId);
      const tokens = await exchangeAuthorizationCode(client, code, loketRedirectUri(deps.config.publicUrl));
      return encryptTokens(deps.secrets, scope, tokens);
    },
    change: async (tx, tokensEnc) => {
      await saveLoketSignIn(tx, scope.domainId, {
        method: 'oauth',
        username: null,
        passwordEnc: null,
        environmentCode: null,
        tokensEnc,
      });
    },
    audited: () => ({ changedFields: ['method', 'tokens'] }),
  });
}
