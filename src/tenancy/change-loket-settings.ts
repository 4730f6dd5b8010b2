/**
 * @module change-loket-settings
 * Saves *Instellingen → Loket instellingen* and audits which fields changed, for the API and the pages.
 */
import type { Database } from '../store/database.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { updateLoketSettings, type LoketSettingsInput } from './portal-settings.ts';
import { auditActor, type ChangedBy } from './changed-by.ts';

export async function changeLoketSettings(
  deps: { db: Database; secrets: SecretBox },
  by: ChangedBy,
  portalId: string,
  input: LoketSettingsInput,
): Promise<string[]> {
  const changed = await updateLoketSettings(deps.db, deps.secrets, portalId, input);
  await recordAudit(deps.db, {
    ...auditActor(by),
    portalId,
    action: 'portal.loket_settings.update',
    targetType: 'portal',
    targetId: portalId,
    changedFields: changed,
  });
  return changed;
}
