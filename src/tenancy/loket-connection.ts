/**
 * @module loket-connection
 * The domain level of the link: which Loket user the import acts as. Either tokens from "Connect with
 * Loket" (authorization code, the standard way) or, where Loket enabled the password flow for the
 * portal's client, the user's name, password and omgevingscode (the provider it must reach).
 * Secrets are stored encrypted and never come back out of the API.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../store/database.ts';
import { loketConnections } from '../store/schema/index.ts';
import type { SecretBox } from '../secrets/secret-box.ts';

export const PasswordConnectionInput = z.object({
  username: z.string().trim().min(1).max(200),
  /** Write-only; omit to keep the stored one. */
  password: z.string().min(1).max(500).optional(),
  /** The Loket provider (its name or id, GET /providers) the user must reach; checked after signing in. */
  environmentCode: z.string().trim().max(70).nullable().optional(),
});
export type PasswordConnectionInput = z.infer<typeof PasswordConnectionInput>;

export type LoketConnectionView = {
  method: 'password' | 'oauth' | 'none';
  username: string | null;
  hasPassword: boolean;
  environmentCode: string | null;
  connected: boolean;
  status: 'untested' | 'ok' | 'failed' | 'none';
  /** The last test's error in Dutch, as before `lastErrorMessage`. */
  lastError: string | null;
  lastErrorMessage: { nl: string; en: string } | null;
  missingRights: string[];
  checkedAt: string | null;
};

export async function getLoketConnection(db: Database, domainId: string): Promise<LoketConnectionView> {
  const [row] = await db.select().from(loketConnections).where(eq(loketConnections.domainId, domainId));
  if (!row) {
    return {
      method: 'none',
      username: null,
      hasPassword: false,
      environmentCode: null,
      connected: false,
      status: 'none',
      lastError: null,
      lastErrorMessage: null,
      missingRights: [],
      checkedAt: null,
    };
  }
  return {
    method: row.method,
    username: row.username,
    hasPassword: row.passwordEnc !== null,
    environmentCode: row.environmentCode,
    connected: row.tokensEnc !== null,
    status: row.status,
    lastError: row.lastError,
    // Rows tested before the English text was kept show the Dutch one in both languages.
    lastErrorMessage:
      row.lastError === null ? null : { nl: row.lastError, en: row.lastErrorEn ?? row.lastError },
    missingRights: row.missingRights,
    checkedAt: row.checkedAt?.toISOString() ?? null,
  };
}

/** Saves a password-grant connection; changing the user or password drops tokens and the last test. */
export async function savePasswordConnection(
  db: Database,
  secrets: SecretBox,
  scope: { portalId: string; domainId: string },
  input: PasswordConnectionInput,
): Promise<string[]> {
  const [current] = await db
    .select()
    .from(loketConnections)
    .where(eq(loketConnections.domainId, scope.domainId));
  const ref = { portalId: scope.portalId, rowId: scope.domainId } as const;
  const passwordEnc =
    input.password !== undefined
      ? await secrets.encrypt({ ...ref, field: 'loket_connections.password' }, input.password)
      : current?.method === 'password'
        ? current.passwordEnc
        : null;
  const changed = ['method', 'username', 'environmentCode', 'password'].filter((field) => {
    if (field === 'method') return current?.method !== 'password';
    if (field === 'username') return current?.username !== input.username;
    if (field === 'environmentCode')
      return input.environmentCode !== undefined && current?.environmentCode !== input.environmentCode;
    return input.password !== undefined;
  });
  const values = {
    method: 'password' as const,
    username: input.username,
    passwordEnc,
    environmentCode: input.environmentCode ?? current?.environmentCode ?? null,
    tokensEnc: null,
    status: 'untested' as const,
    lastError: null,
    lastErrorEn: null,
    missingRights: [],
    checkedAt: null,
    updatedAt: new Date(),
  };
  await db
    .insert(loketConnections)
    .values({ domainId: scope.domainId, ...values })
    .onConflictDoUpdate({ target: loketConnections.domainId, set: values });
  return changed;
}
