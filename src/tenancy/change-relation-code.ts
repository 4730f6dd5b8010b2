/**
 * @module change-relation-code
 * Sets the Relatiecode (tab *Administratie*) and audits it, also when Loket or the rules refuse it;
 * the refusal is rethrown for the caller to show.
 */
import { recordAudit } from '../audit/record-audit.ts';
import type { LoketSessionDeps } from './loket-session.ts';
import { setRelationCode } from './relation-code.ts';
import type { Administration, DomainScope } from '../app/scope.ts';
import { auditActor, type ChangedBy } from './changed-by.ts';

export async function changeRelationCode(
  deps: LoketSessionDeps,
  by: ChangedBy,
  target: { scope: DomainScope; administration: Administration },
  relationCode: number | null,
): Promise<Administration> {
  const audit = {
    ...auditActor(by),
    portalId: target.scope.portalId,
    domainId: target.scope.domainId,
    administrationId: target.administration.id,
    action: 'administration.relation_code.update',
    targetType: 'administration',
    targetId: target.administration.id,
    details: { relationCode },
  };
  try {
    const updated = await setRelationCode(deps, target, relationCode);
    await recordAudit(deps.db, { ...audit, changedFields: ['relationCode'] });
    return updated;
  } catch (error) {
    await recordAudit(deps.db, { ...audit, outcome: 'refused' });
    throw error;
  }
}
