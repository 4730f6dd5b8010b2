/**
 * @module sync/item-states
 * The import item's state machine, as one table. Every UPDATE of `import_items.state` in sync/ is
 * guarded by the states this table allows it to leave, so no code path can skip a step.
 *
 *   planned ─► posting ─► posted
 *      ▲          ├──────► failed ────────► posting (retry; searches Yuki first if it may have posted)
 *      │          ├──────► waiting_quota ─► posting (next Yuki day; searches Yuki first if it may have posted)
 *      │          ├──────► needs_check ───► posted (a person saw it in Yuki) / planned (a person saw it is not)
 *      │          └──────► posting (a claim left by a dead worker is taken over and reconciled)
 *   skipped ◄── planned / failed (journal exported by another application; included on purpose → planned)
 */
import type { ImportItemState } from '../store/schema/imports.ts';

export const TRANSITIONS: Readonly<Record<ImportItemState, readonly ImportItemState[]>> = {
  planned: ['posting', 'skipped'],
  posting: ['posted', 'failed', 'waiting_quota', 'needs_check', 'posting'],
  failed: ['posting', 'skipped'],
  waiting_quota: ['posting'],
  // Only a person leaves this state: Yuki's search could not settle whether the document is there.
  needs_check: ['posted', 'planned'],
  skipped: ['planned'],
  posted: [],
};

/** The states a state may be reached from, for guarded UPDATEs. */
export function statesLeadingTo(target: ImportItemState): ImportItemState[] {
  return (Object.keys(TRANSITIONS) as ImportItemState[]).filter((from) => TRANSITIONS[from].includes(target));
}

/** The guard for one known move: throws when the table does not allow it. */
export function transition(
  from: ImportItemState,
  to: ImportItemState,
): { from: ImportItemState; to: ImportItemState } {
  if (!TRANSITIONS[from].includes(to)) throw new Error(`import item cannot go from ${from} to ${to}`);
  return { from, to };
}
