/**
 * @module sync/record
 * Step 3 of the exactly-once protocol: record what became of an attempt. Every write names the attempt
 * id, so an attempt that was taken over as stale can no longer change the item.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { AppError } from '../core/errors.ts';
import { isAppError } from '../core/errors.ts';
import type { Database } from '../store/database.ts';
import type { ImportItemDetails } from '../store/schema/index.ts';
import { importItems } from '../store/schema/index.ts';
import type { ClaimedItem } from './claim.ts';

const ours = (item: ClaimedItem) =>
  and(
    eq(importItems.id, item.id),
    eq(importItems.attemptId, item.attemptId),
    eq(importItems.state, 'posting'),
  );

const noError = { errorCode: null, errorNl: null, errorEn: null, errorDetail: null };

/** Posted: Yuki holds the document. Answers false when the attempt was taken over meanwhile. */
export async function recordPosted(
  db: Database,
  item: ClaimedItem,
  yukiDocumentId: string,
  facts: { amountCents?: number; details?: ImportItemDetails } = {},
): Promise<boolean> {
  const now = new Date();
  const rows = await db
    .update(importItems)
    .set({
      state: 'posted',
      yukiDocumentId,
      postedAt: now,
      updatedAt: now,
      notBefore: null,
      // Loket is told of the success next, even if it heard of an earlier failure.
      loketMarkedAt: null,
      ...noError,
      ...(facts.amountCents === undefined ? {} : { amountCents: facts.amountCents }),
      ...(facts.details === undefined ? {} : { details: { ...item.details, ...facts.details } }),
    })
    .where(ours(item))
    .returning({ id: importItems.id });
  return rows.length === 1;
}

function errorColumns(error: unknown) {
  const known: AppError | null = isAppError(error) ? error : null;
  return {
    errorCode: known?.code ?? 'internal',
    errorNl: known?.text.nl ?? 'Er ging iets onverwachts mis. De beheerder kan het logboek bekijken.',
    errorEn: known?.text.en ?? 'Something unexpected went wrong. The operator can check the log.',
    errorDetail: (known?.detail ?? (error instanceof Error ? error.message : String(error))).slice(0, 4000),
  };
}

/** Failed: nothing was posted, or a retry will search Yuki before posting again. */
export async function recordFailed(
  db: Database,
  item: ClaimedItem,
  error: unknown,
  details?: ImportItemDetails,
): Promise<void> {
  await db
    .update(importItems)
    .set({
      state: 'failed',
      updatedAt: new Date(),
      ...errorColumns(error),
      ...(details === undefined ? {} : { details: { ...item.details, ...details } }),
    })
    .where(ours(item));
}

/** Waiting for Yuki's quota: parked until the next Yuki day, never dropped. */
export async function recordWaitingForQuota(
  db: Database,
  item: ClaimedItem,
  error: unknown,
  notBefore: Date,
): Promise<void> {
  await db
    .update(importItems)
    .set({ state: 'waiting_quota', notBefore, updatedAt: new Date(), ...errorColumns(error) })
    .where(ours(item));
}

/** Journal runs: Loket was told the outcome. */
export async function recordLoketMarked(db: Database, itemId: string): Promise<void> {
  await db.update(importItems).set({ loketMarkedAt: new Date() }).where(eq(importItems.id, itemId));
}

/** Journal runs: Loket was told this refusal (MarkAsProcessingFailed with `reason`). */
export async function recordLoketToldFailure(db: Database, itemId: string, reason: string): Promise<void> {
  await db
    .update(importItems)
    .set({
      loketMarkedAt: new Date(),
      details: sql`${importItems.details} || ${JSON.stringify({ loketFailure: reason })}::jsonb`,
    })
    .where(eq(importItems.id, itemId));
}
