/**
 * @module sync/check-in-yuki
 * The two answers a person gives for an item waiting in "check in Yuki" (issue 10.5): it is in Yuki —
 * recorded as posted, with the Yuki document id when they have it — or it is not — the "may have been
 * posted" fact is cleared and the item is planned again, to be posted without searching. Each answer
 * moves only an item still waiting, so two people answering at once settle it once.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../store/database.ts';
import { importItems } from '../store/schema/index.ts';
import type { ImportItem } from './claim.ts';
import { transition } from './item-states.ts';

export type CheckDecision = 'in_yuki' | 'not_in_yuki';

const noError = { errorCode: null, errorNl: null, errorEn: null, errorDetail: null };

/** Settles one waiting item of the administration; answers the item, or null when it was not waiting. */
export async function settleCheck(
  db: Database,
  target: { administrationId: string; itemId: string },
  answer: { decision: CheckDecision; checkedBy: string; yukiDocumentId?: string | null },
): Promise<ImportItem | null> {
  const now = new Date();
  const move = transition('needs_check', answer.decision === 'in_yuki' ? 'posted' : 'planned');
  const waiting = and(
    eq(importItems.id, target.itemId),
    eq(importItems.administrationId, target.administrationId),
    eq(importItems.state, move.from),
  );
  const settled = { maybePostedSince: null, checkedBy: answer.checkedBy, checkedAt: now, updatedAt: now };
  const [row] =
    answer.decision === 'in_yuki'
      ? await db
          .update(importItems)
          .set({
            state: move.to,
            ...settled,
            ...noError,
            yukiDocumentId: answer.yukiDocumentId?.trim() || null,
            postedAt: now,
            // A journal's run in Loket is marked processed by the next import.
            loketMarkedAt: null,
          })
          .where(waiting)
          .returning()
      : await db
          .update(importItems)
          .set({ state: move.to, ...settled, ...noError })
          .where(waiting)
          .returning();
  return row ?? null;
}
