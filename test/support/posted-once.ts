/**
 * @module posted-once
 * The exactly-once check of the kill tests: every item posted, and Yuki holds the one copy the ledger names.
 */
import { expect } from 'vitest';
import type { YukiSandbox } from '../../sandbox/yuki/index.ts';
import type { importItems } from '../../src/store/schema/index.ts';
import { markerTag } from '../../src/sync/item-key.ts';

/** Every item is posted, and Yuki holds exactly the one document or journal the ledger names. */
export function expectEachPostedOnce(yuki: YukiSandbox, items: Array<typeof importItems.$inferSelect>): void {
  expect(items.filter((i) => i.state !== 'posted').map((i) => [i.kind, i.state, i.errorCode])).toEqual([]);
  for (const item of items) {
    const tag = markerTag(item.marker);
    const copies =
      item.kind === 'journal'
        ? yuki.state.journals.filter((j) => j.subject.includes(tag))
        : yuki.state.documents.filter((d) => d.subject.includes(tag));
    expect(
      copies.map((c) => c.id),
      `${item.kind} ${item.subject}`,
    ).toEqual([item.yukiDocumentId]);
  }
}
