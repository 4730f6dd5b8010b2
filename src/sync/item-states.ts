/**
 * @module sync/item-states
 * The import item's state machine, as one table. Every write of `import_items.state` takes its new
 * state from `transition`/`transitionFrom` (or `initialState` for a new row) and its UPDATE is guarded
 * by the state(s) the move leaves, so no code path can skip a step.
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

/** A new row starts here: planned, or skipped (a test year, or a journal exported by another application). */
export const INITIAL_STATES: readonly ImportItemState[] = ['planned', 'skipped'];

/** The state a new row is inserted in; throws for any other. */
export function initialState(state: ImportItemState): ImportItemState {
  if (!INITIAL_STATES.includes(state)) throw new Error(`an import item cannot start as ${state}`);
  return state;
}

/** Whether the table allows the move, for a caller that answers "not now" rather than throwing. */
export function canTransition(from: ImportItemState, to: ImportItemState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The states a state may be reached from, for guarded UPDATEs. */
export function statesLeadingTo(target: ImportItemState): ImportItemState[] {
  return (Object.keys(TRANSITIONS) as ImportItemState[]).filter((from) => TRANSITIONS[from].includes(target));
}

/** The guard for one known move: throws when the table does not allow it. */
export function transition(
  from: ImportItemState,
  to: ImportItemState,
): { from: ImportItemState; to: ImportItemState } {
  if (!canTransition(from, to)) throw new Error(`import item cannot go from ${from} to ${to}`);
  return { from, to };
}

/** The guard for a move out of any of several states (`where state in from`): throws if one is not allowed. */
export function transitionFrom(
  from: readonly ImportItemState[],
  to: ImportItemState,
): { from: ImportItemState[]; to: ImportItemState } {
  for (const state of from) transition(state, to);
  return { from: [...from], to };
}
