/**
 * @module get-failure-groups
 * The items waiting for a person, grouped by cause: one group per state (failed / to check in Yuki),
 * error code and kind, with its count, the cause's one fix (failure-causes.ts) and the items folded.
 */
import type { ImportKind } from '../../store/schema/index.ts';
import { FAILURE_CAUSES, type FailureCause } from './failure-causes.ts';
import type { ImportItemRow } from './get-import-view.ts';

export type FailureGroup = {
  state: 'failed' | 'needs_check';
  code: string;
  kind: ImportKind;
  count: number;
  /** Undefined for a code without a known cause: the items' own texts say it. */
  cause: FailureCause | undefined;
  items: ImportItemRow[];
};

/** Groups in order of size, biggest first; within a group the items keep their order. */
export function groupFailures(items: readonly ImportItemRow[]): FailureGroup[] {
  const groups = new Map<string, FailureGroup>();
  for (const item of items) {
    if (item.state !== 'failed' && item.state !== 'needs_check') continue;
    const code = item.state === 'needs_check' ? 'sync.needs_check' : (item.errorCode ?? 'internal');
    const key = `${item.state}\u0000${code}\u0000${item.kind}`;
    let group = groups.get(key);
    if (!group) {
      group = { state: item.state, code, kind: item.kind, count: 0, cause: FAILURE_CAUSES[code], items: [] };
      groups.set(key, group);
    }
    group.count += 1;
    group.items.push(item);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}
