/**
 * @module run-loket-connection-test
 * "Test connection" with its outcome written to the audit log, for the API and the pages.
 */
import { recordAudit } from '../audit/record-audit.ts';
import type { LoketSessionDeps } from './loket-session.ts';
import { testLoketConnection, type ConnectionTestResult } from './test-loket-connection.ts';
import type { DomainScope } from './scope.ts';
import { auditActor, type ChangedBy } from './changed-by.ts';

export async function runLoketConnectionTest(
  deps: LoketSessionDeps,
  by: ChangedBy,
  scope: DomainScope,
): Promise<ConnectionTestResult> {
  const result = await testLoketConnection(deps, scope);
  await recordAudit(deps.db, {
    ...auditActor(by),
    portalId: scope.portalId,
    domainId: scope.domainId,
    action: 'domain.loket_connection.test',
    outcome: result.ok ? 'ok' : 'failed',
    details: { missingRights: result.missingRights, error: result.error?.code ?? null },
  });
  return result;
}
