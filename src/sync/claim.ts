/**
 * @module sync/claim
 * Step 1 of the exactly-once protocol: claim an item in one short statement — state `posting`, a fresh
 * attempt id — before anything is sent to Yuki. Two claimers race on the same row; the database lets
 * exactly one win. No transaction stays open afterwards, so the HTTP call holds no connection.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Database } from '../store/database.ts';
import { importItems } from '../store/schema/index.ts';
import { MAYBE_POSTED_SETTLE_MS, STALE_CLAIM_MS, statesLeadingTo } from './item-states.ts';

export type ImportItem = typeof importItems.$inferSelect;
export type ClaimedItem = ImportItem & {
  attemptId: string;
  /** An earlier attempt may have reached Yuki: search for the marker before posting. */
  searchFirst: boolean;
};

export type ClaimOptions = {
  /** Take over a `posting` claim older than this (default 10 minutes). */
  staleAfterMs?: number;
  /** Leave an item alone this long after a failure that may have reached Yuki (default 4 minutes). */
  settleAfterMs?: number;
  now?: () => Date;
};

/**
 * Errors after which Yuki may hold the document although we never heard so: a timeout, a dropped
 * connection, a server fault, an attempt cut off at its deadline, or our own failure after posting.
 * Every other error stopped before Yuki.
 */
const MAYBE_POSTED = new Set(['yuki.unavailable', 'yuki.fault', 'sync.attempt_timeout', 'internal']);

/** Whether a failure with this code may have left the document in Yuki. */
export function mayHavePosted(errorCode: string): boolean {
  return MAYBE_POSTED.has(errorCode);
}

function mustSearch(item: ImportItem): boolean {
  if (item.attempts === 0) return false;
  if (item.state === 'posting') return true;
  return item.errorCode === null || mayHavePosted(item.errorCode);
}

/**
 * Claims the item, or answers null when it is posted, skipped, being posted by a live attempt, or
 * settling after a failure that may have reached Yuki (every path — job retry, plan, Import now — waits).
 */
export async function claimItem(
  db: Database,
  itemId: string,
  options: ClaimOptions = {},
): Promise<ClaimedItem | null> {
  const [seen] = await db.select().from(importItems).where(eq(importItems.id, itemId));
  return seen ? claimSeenItem(db, seen, options) : null;
}

/** `claimItem` for a row the caller has just read, so it is not read twice. */
export async function claimSeenItem(
  db: Database,
  seen: ImportItem,
  options: ClaimOptions = {},
): Promise<ClaimedItem | null> {
  const now = (options.now ?? (() => new Date()))();
  // Wall-clock time, as the failure's updatedAt was written with it.
  const settledAt = seen.updatedAt.getTime() + (options.settleAfterMs ?? MAYBE_POSTED_SETTLE_MS);
  if (seen.state === 'failed' && mustSearch(seen) && Date.now() < settledAt) return null;
  const staleBefore = new Date(now.getTime() - (options.staleAfterMs ?? STALE_CLAIM_MS));
  const claimable = statesLeadingTo('posting').filter((state) => state !== 'posting');
  const attemptId = randomUUID();
  const [row] = await db
    .update(importItems)
    .set({
      state: 'posting',
      attemptId,
      attempts: sql`${importItems.attempts} + 1`,
      claimedAt: now,
      updatedAt: now,
    })
    .where(
      and(
        eq(importItems.id, seen.id),
        // Only the version we read: what it says about earlier attempts decides whether to search.
        eq(importItems.state, seen.state),
        eq(importItems.attempts, seen.attempts),
        or(
          inArray(importItems.state, claimable),
          and(eq(importItems.state, 'posting'), lte(importItems.claimedAt, staleBefore)),
        ),
      ),
    )
    .returning();
  return row ? { ...row, attemptId, searchFirst: mustSearch(seen) } : null;
}
