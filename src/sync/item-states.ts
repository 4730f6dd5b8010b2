/**
 * @module sync/item-states
 * The import item's state machine, as one table. Every UPDATE of `import_items.state` in sync/ is
 * guarded by the states this table allows it to leave, so no code path can skip a step.
 *
 *   planned ─► posting ─► posted
 *      ▲          ├──────► failed ────────► posting (retry; searches Yuki first)
 *      │          ├──────► waiting_quota ─► posting (next Yuki day; searches Yuki first)
 *      │          └──────► posting (a claim left by a crashed worker is taken over and reconciled)
 *   skipped ◄── planned / failed (journal exported by another application; included on purpose → planned)
 */
import type { ImportItemState } from '../store/schema/imports.ts';

export const TRANSITIONS: Readonly<Record<ImportItemState, readonly ImportItemState[]>> = {
  planned: ['posting', 'skipped'],
  posting: ['posted', 'failed', 'waiting_quota', 'posting'],
  failed: ['posting', 'skipped'],
  waiting_quota: ['posting'],
  skipped: ['planned'],
  posted: [],
};

/** The states a state may be reached from, for guarded UPDATEs. */
export function statesLeadingTo(target: ImportItemState): ImportItemState[] {
  return (Object.keys(TRANSITIONS) as ImportItemState[]).filter((from) => TRANSITIONS[from].includes(target));
}

/** A claim older than this is taken to be from a crashed worker. Well above an attempt's deadline. */
export const STALE_CLAIM_MS = 10 * 60 * 1000;

/**
 * One attempt on one item ends by then (by default): half the stale-claim age, so a live attempt's
 * claim is not taken over as stale.
 */
export const ATTEMPT_DEADLINE_MS = 5 * 60 * 1000;

/**
 * After a failure that may have reached Yuki, no new attempt within this time: Yuki may still be
 * booking the aborted post, and a search too early would miss it. Below the job's 5-minute retry
 * delay, so that retry is never turned away by a clock a little ahead.
 */
export const MAYBE_POSTED_SETTLE_MS = 4 * 60 * 1000;
