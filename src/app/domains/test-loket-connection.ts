/**
 * @module test-loket-connection
 * "Test connection" on the domain's Loket settings: signs in as the domain's Loket user, lists the
 * employers it sees and, for each, which of the five rights the import needs it lacks. The outcome is
 * kept on the connection (so the overview shows it without calling Loket again) and audited, `failed`
 * when the test failed.
 */
import { eq } from 'drizzle-orm';
import { loketConnections } from '../../store/schema/index.ts';
import { isAppError } from '../../core/errors.ts';
import { checkRights, listEmployers } from '../../loket/employers.ts';
import type { LoketRight } from '../../loket/rights.ts';
import { openLoketSession, type LoketSessionDeps } from '../../tenancy/loket-session.ts';
import { runCommand, type ChangedBy } from '../command.ts';
import type { DomainScope } from '../scope.ts';

export type ConnectionTestResult = {
  ok: boolean;
  employers: Array<{ id: string; name: string; missingRights: LoketRight[] }>;
  missingRights: LoketRight[];
  error: { code: string; message: { nl: string; en: string } } | null;
};

const NO_EMPLOYERS = {
  code: 'loket.no_employers',
  message: {
    nl: 'Deze Loket-gebruiker ziet geen werkgevers. Koppel de gebruiker in Loket aan de werkgevers (direct of via een team).',
    en: 'This Loket user sees no employers. Link the user to the employers in Loket (directly or through a team).',
  },
};

export async function testLoketConnection(
  deps: LoketSessionDeps,
  by: ChangedBy,
  { scope }: { scope: DomainScope },
): Promise<ConnectionTestResult> {
  return runCommand(deps.db, by, {
    audit: { portalId: scope.portalId, domainId: scope.domainId, action: 'domain.loket_connection.test' },
    // Loket is asked before the transaction: PGlite holds every other query while one is open.
    check: () => askLoket(deps, scope),
    change: async (tx, result) => {
      const lastError =
        result.error?.message ??
        (result.missingRights.length ? { nl: 'Ontbrekende rechten', en: 'Missing rights' } : null);
      await tx
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
    },
    audited: (result) => ({
      outcome: result.ok ? 'ok' : 'failed',
      details: { missingRights: result.missingRights, error: result.error?.code ?? null },
    }),
  });
}

/** What Loket says of the domain's user; a refusal (wrong password, no client) is a result, not an error. */
async function askLoket(deps: LoketSessionDeps, scope: DomainScope): Promise<ConnectionTestResult> {
  try {
    const { connection } = await openLoketSession(deps, scope);
    const employers: ConnectionTestResult['employers'] = [];
    for await (const employer of listEmployers(connection)) {
      const { missing } = await checkRights(connection, employer.id);
      employers.push({ id: employer.id, name: employer.companyName, missingRights: missing });
    }
    const missingRights = [...new Set(employers.flatMap((employer) => employer.missingRights))];
    const error = employers.length === 0 ? NO_EMPLOYERS : null;
    return { ok: error === null && missingRights.length === 0, employers, missingRights, error };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { ok: false, employers: [], missingRights: [], error: { code: error.code, message: error.text } };
  }
}
