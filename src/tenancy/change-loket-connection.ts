/**
 * @module change-loket-connection
 * Saves a domain's Loket user (password grant) and audits which fields changed, never their values.
 * Refused unless the portal switched on Loket's password flow, which Loket enables only by exception.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../store/database.ts';
import { portals } from '../store/schema/index.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { savePasswordConnection, type PasswordConnectionInput } from './loket-connection.ts';
import { LinkSetupError, PASSWORD_FLOW_OFF } from './loket-session.ts';
import type { DomainScope } from './scope.ts';
import { auditActor, type ChangedBy } from './changed-by.ts';

export async function changeLoketConnection(
  deps: { db: Database; secrets: SecretBox },
  by: ChangedBy,
  scope: DomainScope,
  input: PasswordConnectionInput,
): Promise<string[]> {
  const [portal] = await deps.db
    .select({ passwordFlow: portals.loketPasswordFlow })
    .from(portals)
    .where(eq(portals.id, scope.portalId));
  if (!portal?.passwordFlow) throw new LinkSetupError('loket_password_flow_off', PASSWORD_FLOW_OFF);
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
