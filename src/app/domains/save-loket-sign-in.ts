/**
 * @module save-loket-sign-in
 * Writes a domain's new way into Loket (a password user or OAuth tokens) inside a command's
 * transaction; a new sign-in always starts untested, so an old test's verdict never sticks to it.
 */
import { loketConnections } from '../../store/schema/index.ts';
import type { Database } from '../../store/database.ts';

export type LoketSignIn = Pick<
  typeof loketConnections.$inferInsert,
  'method' | 'username' | 'passwordEnc' | 'environmentCode' | 'tokensEnc'
>;

export async function saveLoketSignIn(tx: Database, domainId: string, signIn: LoketSignIn): Promise<void> {
  const values = {
    ...signIn,
    status: 'untested' as const,
    lastError: null,
    lastErrorEn: null,
    missingRights: [],
    checkedAt: null,
    updatedAt: new Date(),
  };
  await tx
    .insert(loketConnections)
    .values({ domainId, ...values })
    .onConflictDoUpdate({ target: loketConnections.domainId, set: values });
}
