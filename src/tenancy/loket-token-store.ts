/**
 * @module loket-token-store
 * A domain's Loket tokens as every process shares them: read and decrypt the stored pair, and a short
 * refresh lease on the connection row (one UPDATE each way, no transaction held over the HTTP refresh,
 * so it is safe on PGlite's single connection too). A lease whose holder died runs out by itself.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../store/database.ts';
import { loketConnections } from '../store/schema/index.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import type { LoketTokens } from '../loket/oauth.ts';
import type { SharedTokenStore } from '../loket/token-keeper.ts';

/** Longer than one token request may take (60 s), so a live holder never loses its lease. */
export const REFRESH_LEASE_SECONDS = 90;

/** The stored (decrypted) form of a Loket token pair. */
export const LoketTokensSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  expiresAt: z.number().int(),
});

type Deps = { db: Database; secrets: SecretBox };
type Scope = { portalId: string; domainId: string };

export async function encryptTokens(secrets: SecretBox, scope: Scope, tokens: LoketTokens): Promise<string> {
  return secrets.encrypt(
    { portalId: scope.portalId, field: 'loket_connections.tokens', rowId: scope.domainId },
    JSON.stringify(tokens),
  );
}

export async function decryptTokens(
  secrets: SecretBox,
  scope: Scope,
  tokensEnc: string,
): Promise<LoketTokens> {
  const plain = await secrets.decrypt(
    { portalId: scope.portalId, field: 'loket_connections.tokens', rowId: scope.domainId },
    tokensEnc,
  );
  return LoketTokensSchema.parse(JSON.parse(plain));
}

export function databaseTokenStore(deps: Deps, scope: Scope): SharedTokenStore {
  const row = eq(loketConnections.domainId, scope.domainId);
  return {
    async read() {
      const [found] = await deps.db
        .select({ tokensEnc: loketConnections.tokensEnc })
        .from(loketConnections)
        .where(row);
      return found?.tokensEnc ? decryptTokens(deps.secrets, scope, found.tokensEnc) : null;
    },
    async acquire() {
      const leaseId = randomUUID();
      const taken = await deps.db
        .update(loketConnections)
        .set({
          refreshLeaseId: leaseId,
          refreshLeaseUntil: sql`now() + make_interval(secs => ${REFRESH_LEASE_SECONDS})`,
        })
        .where(
          and(
            row,
            or(
              isNull(loketConnections.refreshLeaseUntil),
              lt(loketConnections.refreshLeaseUntil, sql`now()`),
            ),
          ),
        )
        .returning({ domainId: loketConnections.domainId });
      return taken.length > 0 ? leaseId : null;
    },
    async release(leaseId, tokens) {
      // The new pair is stored whoever holds the lease now: it is the only refresh token Loket still accepts.
      if (tokens) {
        await deps.db
          .update(loketConnections)
          .set({ tokensEnc: await encryptTokens(deps.secrets, scope, tokens), updatedAt: new Date() })
          .where(row);
      }
      await deps.db
        .update(loketConnections)
        .set({ refreshLeaseId: null, refreshLeaseUntil: null })
        .where(and(row, eq(loketConnections.refreshLeaseId, leaseId)));
    },
  };
}
