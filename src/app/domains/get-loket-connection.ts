/**
 * @module get-loket-connection
 * A domain's Loket sign-in as the API and the pages show it: the method, the user name and whether a
 * password is set (never the password), and what the last connection test found.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { loketConnections } from '../../store/schema/index.ts';

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

const NONE: LoketConnectionView = {
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

export async function getLoketConnection(db: Database, domainId: string): Promise<LoketConnectionView> {
  const [row] = await db.select().from(loketConnections).where(eq(loketConnections.domainId, domainId));
  if (!row) return NONE;
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
