/**
 * @module test-loket-connection
 * "Test connection" on the domain's Loket settings: signs in as the domain's Loket user, lists the
 * employers it sees and, for each, which of the five rights the import needs it lacks. The outcome is
 * kept on the connection, so the overview can show it without calling Loket again.
 */
import { eq } from 'drizzle-orm';
import { loketConnections } from '../store/schema/index.ts';
import { isAppError } from '../core/errors.ts';
import { checkRights, listEmployers } from '../loket/employers.ts';
import type { LoketRight } from '../loket/rights.ts';
import { openLoketSession, type LoketSessionDeps } from './loket-session.ts';

export type ConnectionTestResult = {
  ok: boolean;
  employers: Array<{ id: string; name: string; missingRights: LoketRight[] }>;
  missingRights: LoketRight[];
  error: { code: string; message: { nl: string; en: string } } | null;
};

export async function testLoketConnection(
  deps: LoketSessionDeps,
  scope: { portalId: string; domainId: string },
): Promise<ConnectionTestResult> {
  let result: ConnectionTestResult;
  try {
    const { connection } = await openLoketSession(deps, scope);
    const employers: ConnectionTestResult['employers'] = [];
    for await (const employer of listEmployers(connection)) {
      const { missing } = await checkRights(connection, employer.id);
      employers.push({ id: employer.id, name: employer.companyName, missingRights: missing });
    }
    const missingRights = [...new Set(employers.flatMap((employer) => employer.missingRights))];
    const error =
      employers.length === 0
        ? {
            code: 'loket.no_employers',
            message: {
              nl: 'Deze Loket-gebruiker ziet geen werkgevers. Koppel de gebruiker in Loket aan de werkgevers (direct of via een team).',
              en: 'This Loket user sees no employers. Link the user to the employers in Loket (directly or through a team).',
            },
          }
        : null;
    result = { ok: error === null && missingRights.length === 0, employers, missingRights, error };
  } catch (error) {
    if (!isAppError(error)) throw error;
    result = {
      ok: false,
      employers: [],
      missingRights: [],
      error: { code: error.code, message: error.text },
    };
  }
  const lastError =
    result.error?.message ??
    (result.missingRights.length ? { nl: 'Ontbrekende rechten', en: 'Missing rights' } : null);
  await deps.db
    .update(loketConnections)
    .set({
      status: result.ok ? 'ok' : 'failed',
      missingRights: result.missingRights,
      lastError: lastError?.nl ?? null,
      lastErrorEn: lastError?.en ?? null,
      checkedAt: new Date(),
    })
    .where(eq(loketConnections.domainId, scope.domainId));
  return result;
}
