/**
 * @module change-loket-connection
 * Saves a domain's Loket user (password grant) and audits which fields changed, never their values.
 */
import type { Database } from '../store/database.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { savePasswordConnection, type PasswordConnectionInput } from './loket-connection.ts';
import type { DomainScope } from './scope.ts';
import { auditActor, type ChangedBy } from './changed-by.ts';

export async function changeLoketConnection(
  deps: { db: Database; secrets: SecretBox },
  by: ChangedBy,
  scope: DomainScope,
  input: PasswordConnectionInput,
): Promise<string[]> {
  const changed = await savePasswordConnection(deps.db, deps.secrets, scope, input);
  await recordAudit(deps.db, {
    ...auditActor(by),
    portalId: scope.portalId,
    domainId: scope.domainId,
    action: 'domain.loket_connection.update',
    targetType: 'loket_connection',
    targetId: scope.domainId,
    changedFields: changed,
  });
  return changed;
}
