/**
 * @module run-yuki-sync
 * "Synchronise with Yuki" (portal_admin) with what it found written to the audit log, for the API and
 * the pages.
 */
import { recordAudit } from '../audit/record-audit.ts';
import { syncPortalFromYuki, type SyncDeps, type SyncReport } from './sync-from-yuki.ts';
import { auditActor, type ChangedBy } from './changed-by.ts';

export async function runYukiSync(deps: SyncDeps, by: ChangedBy, portalId: string): Promise<SyncReport> {
  const report = await syncPortalFromYuki(deps, portalId);
  await recordAudit(deps.db, {
    ...auditActor(by),
    portalId,
    action: 'portal.sync_from_yuki',
    details: report,
  });
  return report;
}
