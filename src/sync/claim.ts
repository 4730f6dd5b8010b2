/**
 * @module sync/claim
 * Step 1 of the exactly-once protocol: claim an item in one short statement — state `posting`, a fresh
 * attempt id, a first heartbeat — before anything is sent to Yuki. Two claimers race on the same row;
 * the database lets exactly one win. No transaction stays open afterwards, so the HTTP call holds no
 * connection. A claim whose heartbeat stopped (its worker died) is taken over.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, getTableColumns, inArray, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../store/database.ts';
import { inJsonArray } from '../store/json-rows.ts';
import { preparedPerDatabase } from '../store/prepared.ts';
import { importItems, type ImportItemState } from '../store/schema/index.ts';
import { linkVersion } from './link-version.ts';
import { canTransition, statesLeadingTo, transition, transitionFrom } from './item-states.ts';
import { MAYBE_POSTED_SETTLE_MS, STALE_CLAIM_MS } from './timers.ts';

export type ImportItem = typeof importItems.$inferSelect;
export type ClaimedItem = ImportItem & {
  attemptId: string;
  /** An earlier attempt may have reached Yuki: search for the marker before posting. */
  searchFirst: boolean;
  /** The administration's link version at the moment of the claim (sync/link-version), read by the claim itself. */
  linkVersion?: string | null;
};

/** The claimed row, and the link version read in the same statement, so a cached link is never older than the claim. */
const claimedColumns = () => ({
  ...getTableColumns(importItems),
  linkVersion: linkVersion(importItems.administrationId),
});

export type ClaimOptions = {
  /** Take over a `posting` claim whose heartbeat is older than this (default 60 s). */
  staleAfterMs?: number;
  /** Leave an item alone this long after a failure that may have reached Yuki (default 4 minutes). */
  settleAfterMs?: number;
  now?: () => Date;
};

/**
 * Whether an earlier attempt may have left the document in Yuki: a fact of the item, set before a post
 * call and cleared only by what settles it (a search, Yuki refusing that very post, a person) — never
 * by the latest error code.
 */
export function mustSearch(item: Pick<ImportItem, 'maybePostedSince'>): boolean {
  return item.maybePostedSince !== null;
}

/** The moment a claim's heartbeat counts as stopped. */
export function staleAt(
  item: Pick<ImportItem, 'heartbeatAt' | 'claimedAt'>,
  staleAfterMs = STALE_CLAIM_MS,
): Date | null {
  const beat = item.heartbeatAt ?? item.claimedAt;
  return beat ? new Date(beat.getTime() + staleAfterMs) : null;
}

/** Until when an item failed after a possible post is left alone (Yuki may still be booking it), if it is now. */
export function settlingUntil(
  item: Pick<ImportItem, 'state' | 'maybePostedSince' | 'updatedAt'>,
  settleAfterMs = MAYBE_POSTED_SETTLE_MS,
): Date | null {
  if (item.state !== 'failed' || !mustSearch(item)) return null;
  // Wall-clock time, as the failure's updatedAt was written with it.
  const settledAt = new Date(item.updatedAt.getTime() + settleAfterMs);
  return Date.now() < settledAt.getTime() ? settledAt : null;
}

/** SQL: the claim's last sign of life is older than `before`. */
export const heartbeatBefore = (before: Date) =>
  lte(sql`coalesce(${importItems.heartbeatAt}, ${importItems.claimedAt})`, before);

/**
 * Claims the item, or answers null when it is posted, skipped, waiting for a person, being posted by a
 * live attempt, or settling after a failure that may have reached Yuki (every path — job retry, plan,
 * Import now — waits).
 */
export async function claimItem(
  db: Database,
  itemId: string,
  options: ClaimOptions = {},
): Promise<ClaimedItem | null> {
  const [seen] = await db.select().from(importItems).where(eq(importItems.id, itemId));
  return seen ? claimSeenItem(db, seen, options) : null;
}

/**
 * `claimItem` in one statement for the usual case — an item planned, failed or waiting, not settling —
 * without reading it first; null when it is in any other state (the caller then reads it and decides).
 * The returned row is the claimed version, so whether to search first is decided on what was claimed.
 */
export async function claimAtOnce(
  db: Database,
  itemId: string,
  options: ClaimOptions = {},
): Promise<ClaimedItem | null> {
  return (await claimManyAtOnce(db, [itemId], options)).get(itemId) ?? null;
}

/**
 * `claimAtOnce` for several items in one statement (the item jobs fetched together, issue 13 P1), each
 * with an attempt of its own; answers the items it claimed by id.
 */
export async function claimManyAtOnce(
  db: Database,
  itemIds: readonly string[],
  options: ClaimOptions = {},
): Promise<Map<string, ClaimedItem>> {
  const claimed = new Map<string, ClaimedItem>();
  if (itemIds.length === 0) return claimed;
  const now = (options.now ?? (() => new Date()))();
  const settleAfterMs = options.settleAfterMs ?? MAYBE_POSTED_SETTLE_MS;
  // Wall-clock time, as settlingUntil compares a failure's updatedAt with it.
  const settledBefore = new Date(Date.now() - settleAfterMs).toISOString();
  const rows = await preparedClaim(db).execute({
    // Ids as one text, so the embedded database can run the statement prepared (store/pglite-thread).
    itemIds: JSON.stringify(itemIds),
    now: now.toISOString(),
    settledBefore,
  });
  for (const row of rows)
    claimed.set(row.id, { ...row, attemptId: row.attemptId!, searchFirst: mustSearch(row) });
  return claimed;
}

/** The usual claim, built once per database instead of once per item. */
const preparedClaim = preparedPerDatabase((db) => {
  const move = transitionFrom(
    statesLeadingTo('posting').filter((state) => state !== 'posting'),
    'posting',
  );
  return db
    .update(importItems)
    .set(claimColumns(move.to, sql`gen_random_uuid()`, sql`${sql.placeholder('now')}::timestamptz`))
    .where(
      and(
        inJsonArray(importItems.id, sql.placeholder('itemIds')),
        inArray(importItems.state, move.from),
        or(
          ne(importItems.state, 'failed'),
          isNull(importItems.maybePostedSince),
          lte(importItems.updatedAt, sql`${sql.placeholder('settledBefore')}::timestamptz`),
        ),
      ),
    )
    .returning(claimedColumns())
    .prepare('claim_items_at_once');
});

/** `claimItem` for a row the caller has just read, so it is not read twice. */
export async function claimSeenItem(
  db: Database,
  seen: ImportItem,
  options: ClaimOptions = {},
): Promise<ClaimedItem | null> {
  const now = (options.now ?? (() => new Date()))();
  if (settlingUntil(seen, options.settleAfterMs)) return null;
  // Posted, skipped or waiting for a person: nothing to claim (the guarded UPDATE would match no row).
  if (!canTransition(seen.state, 'posting')) return null;
  const move = transition(seen.state, 'posting');
  const staleBefore = new Date(now.getTime() - (options.staleAfterMs ?? STALE_CLAIM_MS));
  const claimable = statesLeadingTo('posting').filter((state) => state !== 'posting');
  return claimWhere(
    db,
    now,
    move.to,
    and(
      eq(importItems.id, seen.id),
      // Only the version we read: what it says about earlier attempts decides whether to search.
      eq(importItems.state, move.from),
      eq(importItems.attempts, seen.attempts),
      or(
        inArray(importItems.state, claimable),
        and(eq(importItems.state, 'posting'), heartbeatBefore(staleBefore)),
      ),
    ),
  );
}

/** What a claim writes: a new attempt, its first heartbeat. */
const claimColumns = (posting: ImportItemState, attemptId: string | SQL, now: Date | SQL) => ({
  state: posting,
  attemptId,
  attempts: sql`${importItems.attempts} + 1`,
  claimedAt: now,
  heartbeatAt: now,
  updatedAt: now,
});

/** The one claiming UPDATE: a new attempt on the row `where` still matches, or null when it no longer does. */
async function claimWhere(
  db: Database,
  now: Date,
  posting: ImportItemState,
  where: SQL | undefined,
): Promise<ClaimedItem | null> {
  const attemptId = randomUUID();
  const [row] = await db
    .update(importItems)
    .set(claimColumns(posting, attemptId, now))
    .where(where)
    .returning(claimedColumns());
  return row ? { ...row, attemptId, searchFirst: mustSearch(row) } : null;
}
