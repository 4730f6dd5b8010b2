/**
 * @module change-link-settings
 * Saves an administration's link settings (first period, automatic import, net pay component) and
 * audits which fields changed.
 */
import type { Database } from '../store/database.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { updateLinkSettings, type LinkSettingsInput } from './administration-settings.ts';
import type { Administration, DomainScope } from '../app/scope.ts';
import { auditActor, type ChangedBy } from './changed-by.ts';

export async function changeLinkSettings(
  db: Database,
  by: ChangedBy,
  target: { scope: DomainScope; administration: Administration },
  input: LinkSettingsInput,
): Promise<Administration> {
  const { changed, administration } = await updateLinkSettings(db, target.administration, input);
  await recordAudit(db, {
    ...auditActor(by),
    portalId: target.scope.portalId,
    domainId: target.scope.domainId,
    administrationId: administration.id,
    action: 'administration.link_settings.update',
    targetType: 'administration',
    targetId: administration.id,
    changedFields: changed,
  });
  return administration;
}
