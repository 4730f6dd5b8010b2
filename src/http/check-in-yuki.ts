/**
 * @module check-in-yuki
 * "Do + audit" for a "check in Yuki" answer, shared by the Loket service page and the REST API: the
 * item is settled (sync/check-in-yuki), a job finishes what is left — post it, or tell Loket a journal
 * was processed — and `import.checked_in_yuki` records who answered what.
 */
import { recordAudit } from '../audit/record-audit.ts';
import { importItemQueue } from '../jobs/import-queues.ts';
import type { ImportItem } from '../sync/claim.ts';
import type { CheckDecision } from '../sync/check-in-yuki.ts';
import { settleCheck } from '../sync/check-in-yuki.ts';
import { auditActor, type ChangedBy } from '../tenancy/changed-by.ts';
import type { AppServices } from './context.ts';
import type { ImportTarget } from './request-import.ts';

/** Answers the settled item, or null when it was not (or no longer) waiting for a check. */
export async function answerCheckInYuki(
  services: AppServices,
  by: ChangedBy,
  target: ImportTarget,
  itemId: string,
  answer: { decision: CheckDecision; yukiDocumentId?: string | null },
): Promise<ImportItem | null> {
  const item = await settleCheck(
    services.db,
    { administrationId: target.administration.id, itemId },
    { ...answer, checkedBy: by.actor.email },
  );
  if (!item) return null;
  // Not in Yuki: post it now. In Yuki: a journal's run in Loket still hears it was processed.
  if (item.state === 'planned' || item.kind === 'journal')
    await services.jobs.send(importItemQueue, { itemId: item.id, runId: item.lastRunId });
  await recordAudit(services.db, {
    ...auditActor(by),
    portalId: target.scope.portalId,
    domainId: target.scope.domainId,
    administrationId: target.administration.id,
    action: 'import.checked_in_yuki',
    targetType: 'import_item',
    targetId: item.id,
    details: {
      decision: answer.decision,
      kind: item.kind,
      periodId: item.periodId,
      ...(item.yukiDocumentId ? { yukiDocumentId: item.yukiDocumentId } : {}),
    },
  });
  return item;
}
