/**
 * @module ledger
 * Import items written straight into the ledger, for tests of what people read from it (status pages,
 * the import health) without running imports through the sandboxes first.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../src/store/database.ts';
import { importItems, type ImportItemState, type ImportKind } from '../../src/store/schema/index.ts';

export type LedgerEntry = { periodId: number; kind: ImportKind; state: ImportItemState; count?: number };

/** `count` items (default 1) per entry, each with its own key, as the planner would record them. */
export async function writeLedger(
  db: Database,
  administrationId: string,
  entries: LedgerEntry[],
): Promise<void> {
  const rows = entries.flatMap((entry) =>
    Array.from({ length: entry.count ?? 1 }, () => {
      const id = randomUUID();
      return {
        key: `${administrationId}|${entry.kind}|${id}|1`,
        marker: id.slice(0, 8),
        administrationId,
        kind: entry.kind,
        loketObjectId: id,
        version: '1',
        periodId: entry.periodId,
        periodEndDate: `${Math.floor(entry.periodId / 100)}-01-31`,
        state: entry.state,
        subject: `${entry.kind} ${entry.periodId}`,
        yukiDocumentId: entry.state === 'posted' ? `doc-${id}` : null,
      };
    }),
  );
  if (rows.length > 0) await db.insert(importItems).values(rows);
}
