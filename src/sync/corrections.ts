/**
 * @module sync/corrections
 * A correction — a correction run's payslip, a further journal run, a corrected tax return — for a
 * period already imported becomes its own Yuki document, linked in our records and in its subject to
 * what it corrects. Nothing posted is replaced, so nothing is counted twice or lost.
 */
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import type { Database } from '../store/database.ts';
import type { ImportKind } from '../store/schema/index.ts';
import { importItems } from '../store/schema/index.ts';

export type CorrectedItem = { id: string; marker: string };

/** The latest other item of this administration, kind and period (and employment, for payslips). */
export async function findCorrectedItem(
  db: Database,
  item: { key: string; administrationId: string; kind: ImportKind; periodId: number; employmentId?: string },
): Promise<CorrectedItem | null> {
  const [found] = await db
    .select({ id: importItems.id, marker: importItems.marker })
    .from(importItems)
    .where(
      and(
        eq(importItems.administrationId, item.administrationId),
        eq(importItems.kind, item.kind),
        eq(importItems.periodId, item.periodId),
        ne(importItems.key, item.key),
        ne(importItems.state, 'skipped'),
        item.employmentId === undefined
          ? undefined
          : sql`${importItems.details}->>'employmentId' = ${item.employmentId}`,
      ),
    )
    .orderBy(desc(importItems.createdAt))
    .limit(1);
  return found ?? null;
}

/**
 * The subject names what it corrects by the earlier item's marker without its brackets, so a search
 * for the earlier item's own `[lky:…]` tag never finds the correction.
 */
export function correctionSubject(base: string, corrected: CorrectedItem): string {
  return `${base} (correctie op ref ${corrected.marker})`;
}
