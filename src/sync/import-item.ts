/**
 * @module sync/import-item
 * Runs one item through the exactly-once protocol: claim → (search Yuki first when an earlier attempt
 * may have posted) → post → record. A spent Yuki quota parks the item until the next Yuki day; any
 * other error stops only this item, and the caller retries it when the error is retryable. For a
 * journal, Loket is told the outcome afterwards. Every Loket and Yuki call of an attempt stops at the
 * attempt's deadline, so one unanswered request cannot hold the item (and its claim) for ever.
 */
import { eq } from 'drizzle-orm';
import { isAppError } from '../core/errors.ts';
import { periodLabel } from '../core/periods.ts';
import type { Database } from '../store/database.ts';
import { importItems } from '../store/schema/index.ts';
import { YukiDailyLimitError } from '../yuki/errors.ts';
import type { ClaimedItem, ImportItem } from './claim.ts';
import { claimSeenItem } from './claim.ts';
import { AttemptTimedOutError } from './errors.ts';
import { postJournal, reconciledJournal } from './import-journal.ts';
import { postPayslip } from './import-payslip.ts';
import { postTaxReturn } from './import-tax-return.ts';
import { ATTEMPT_DEADLINE_MS } from './item-states.ts';
import type { LinkContext, LinkLoader } from './link-context.ts';
import { findPostedDocument } from './reconcile.ts';
import {
  recordFailed,
  recordLoketMarked,
  recordLoketToldFailure,
  recordPosted,
  recordWaitingForQuota,
} from './record.ts';
import { nextYukiDayStart } from './yuki-call-budget.ts';

export type ImportItemEnvironment = {
  db: Database;
  loadLink: LinkLoader;
  now?: () => Date;
  /** Take over a `posting` claim older than this (default 10 minutes; tests use 0). */
  staleAfterMs?: number;
  /** Leave an item alone this long after a failure that may have reached Yuki (default 4 minutes; tests use 0). */
  settleAfterMs?: number;
  /** One attempt's Loket and Yuki calls stop after this long (default 5 minutes; below `staleAfterMs`). */
  attemptDeadlineMs?: number;
};

export type ItemOutcome =
  | { outcome: 'posted' | 'reconciled' | 'already_done' | 'busy'; yukiDocumentId?: string }
  | { outcome: 'waiting_quota'; notBefore: Date }
  | { outcome: 'failed'; retryable: boolean; code: string };

async function periodName(link: LinkContext, item: ImportItem): Promise<string> {
  const kind = await link.periodKind();
  return periodLabel({ kind, year: Math.floor(item.periodId / 100), number: item.periodId % 100 });
}

/** Posts the item's document and records it; answers the Yuki document id. */
async function post(env: ImportItemEnvironment, link: LinkContext, item: ClaimedItem): Promise<string> {
  if (item.kind !== 'journal') {
    const id = item.kind === 'payslip' ? await postPayslip(link, item) : await postTaxReturn(link, item);
    await recordPosted(env.db, item, id);
    return id;
  }
  const journal = await postJournal(env.db, link, item, await periodName(link, item));
  await recordPosted(env.db, item, journal.documentId, {
    amountCents: journal.amountCents,
    details: journal.details,
  });
  return journal.documentId;
}

/** A journal found in Yuki keeps its lines as a post would; without Loket's lines it is recorded all the same. */
async function reconciledFacts(env: ImportItemEnvironment, link: LinkContext, item: ClaimedItem) {
  if (item.kind !== 'journal') return {};
  try {
    return await reconciledJournal(env.db, link, item, await periodName(link, item));
  } catch {
    // The document is in Yuki: failing the item now would have the next attempt post it again.
    return {};
  }
}

/** Tells Loket a journal run was imported; a failure here is retried by the next plan, never re-posts. */
async function markJournalProcessed(
  env: ImportItemEnvironment,
  link: LinkContext,
  item: ImportItem,
  documentId: string,
) {
  try {
    await link.loket.markJournalRunProcessed(
      item.loketObjectId,
      `Geïmporteerd in Yuki (document ${documentId})`,
    );
    await recordLoketMarked(env.db, item.id);
  } catch (error) {
    await env.db
      .update(importItems)
      .set({
        errorDetail: `Loket niet bijgewerkt: ${error instanceof Error ? error.message : String(error)}`,
      })
      .where(eq(importItems.id, item.id));
  }
}

async function markJournalFailed(
  env: ImportItemEnvironment,
  link: LinkContext,
  item: ImportItem,
  error: unknown,
) {
  const reason = isAppError(error) ? error.text.nl : 'De import in Yuki is mislukt.';
  // Each scheduled run refuses the journal again; Loket hears a refusal once, and again only when it changes.
  if (item.details.loketFailure === reason) return;
  try {
    await link.loket.markJournalRunFailed(item.loketObjectId, reason);
    await recordLoketToldFailure(env.db, item.id, reason);
  } catch {
    // Loket hears of the failure when the item is tried again; the error itself is recorded already.
  }
}

export async function importItem(env: ImportItemEnvironment, itemId: string): Promise<ItemOutcome> {
  const now = env.now ?? (() => new Date());
  const [current] = await env.db.select().from(importItems).where(eq(importItems.id, itemId));
  if (!current) return { outcome: 'already_done' };
  if (current.state === 'posted' || current.state === 'skipped') {
    if (
      current.kind === 'journal' &&
      current.state === 'posted' &&
      !current.loketMarkedAt &&
      current.yukiDocumentId
    )
      await markJournalProcessed(
        env,
        await env.loadLink(current.administrationId),
        current,
        current.yukiDocumentId,
      );
    return { outcome: 'already_done' };
  }

  const item = await claimSeenItem(env.db, current, {
    now,
    ...(env.staleAfterMs === undefined ? {} : { staleAfterMs: env.staleAfterMs }),
    ...(env.settleAfterMs === undefined ? {} : { settleAfterMs: env.settleAfterMs }),
  });
  if (!item) return { outcome: 'busy' };

  const deadlineMs = env.attemptDeadlineMs ?? ATTEMPT_DEADLINE_MS;
  const deadline = AbortSignal.timeout(deadlineMs);
  let link: LinkContext | null = null;
  try {
    // Payslips leave the last part of the day's Yuki budget to the books planned later that day.
    link = await env.loadLink(item.administrationId, {
      signal: deadline,
      keepBudgetReserve: item.kind === 'payslip',
    });
    // An earlier attempt may have posted before it could record: Yuki is asked before posting again.
    if (item.searchFirst) {
      const found = await findPostedDocument(link.yuki, item.marker);
      if (found) {
        await recordPosted(env.db, item, found, await reconciledFacts(env, link, item));
        if (item.kind === 'journal') await markJournalProcessed(env, link, item, found);
        return { outcome: 'reconciled', yukiDocumentId: found };
      }
    }
    const documentId = await post(env, link, item);
    if (item.kind === 'journal') await markJournalProcessed(env, link, item, documentId);
    return { outcome: 'posted', yukiDocumentId: documentId };
  } catch (caught) {
    if (caught instanceof YukiDailyLimitError) {
      const notBefore = nextYukiDayStart(now());
      await recordWaitingForQuota(env.db, item, caught, notBefore);
      return { outcome: 'waiting_quota', notBefore };
    }
    // Whatever broke once the deadline passed broke because of it; a post may have reached Yuki.
    const error = deadline.aborted ? new AttemptTimedOutError(deadlineMs, caught) : caught;
    await recordFailed(env.db, item, error);
    const retryable = isAppError(error) && error.retryable;
    if (!retryable && link && item.kind === 'journal') await markJournalFailed(env, link, item, error);
    return { outcome: 'failed', retryable, code: isAppError(error) ? error.code : 'internal' };
  }
}
