/**
 * @module change-check-in-yuki
 * A "check in Yuki" answer, for the Loket service page and the REST API: the item is settled and
 * `import.checked_in_yuki` records who answered what, in one transaction; then a job finishes what is
 * left — post it, or tell Loket a journal was processed.
 */
import { AppError, isAppError } from '../../core/errors.ts';
import type { Database } from '../../store/database.ts';
import type { JobEngine } from '../../jobs/engine.ts';
import { importItemQueue } from '../../jobs/import-queues.ts';
import type { ImportItem } from '../../sync/claim.ts';
import { settleCheck, type CheckDecision } from '../../sync/check-in-yuki.ts';
import { runCommand, type ChangedBy } from '../command.ts';
import type { ImportTarget } from './import-request.ts';

export type CheckInYukiAnswer = { decision: CheckDecision; yukiDocumentId?: string | null };

const NOT_WAITING = 'not_waiting_for_check';

/** The settled item, or null when it was not (or no longer) waiting for a check. */
export async function changeCheckInYuki(
  deps: { db: Database; jobs: JobEngine },
  by: ChangedBy,
  target: ImportTarget,
  itemId: string,
  answer: CheckInYukiAnswer,
): Promise<ImportItem | null> {
  let item: ImportItem;
  try {
    item = await runCommand(deps.db, by, {
      audit: {
        portalId: target.scope.portalId,
        domainId: target.scope.domainId,
        administrationId: target.administration.id,
        action: 'import.checked_in_yuki',
        targetType: 'import_item',
        targetId: itemId,
        details: { decision: answer.decision },
      },
      change: async (tx) => {
        const settled = await settleCheck(
          tx,
          { administrationId: target.administration.id, itemId },
          { ...answer, checkedBy: by.actor.email },
        );
        if (!settled) {
          throw new AppError(NOT_WAITING, {
            nl: 'Dit document wacht niet (meer) op controle in Yuki.',
            en: 'This document is not (or no longer) waiting for a check in Yuki.',
          });
        }
        return settled;
      },
      audited: (settled) => ({
        details: {
          decision: answer.decision,
          kind: settled.kind,
          periodId: settled.periodId,
          ...(settled.yukiDocumentId ? { yukiDocumentId: settled.yukiDocumentId } : {}),
        },
      }),
    });
  } catch (error) {
    if (isAppError(error) && error.code === NOT_WAITING) return null;
    throw error;
  }
  // Not in Yuki: post it now. In Yuki: a journal's run in Loket still hears it was processed.
  if (item.state === 'planned' || item.kind === 'journal')
    await deps.jobs.send(importItemQueue, { itemId: item.id, runId: item.lastRunId });
  return item;
}
