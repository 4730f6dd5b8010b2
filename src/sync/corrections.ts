/**
 * @module sync/corrections
 * A correction — a correction run's payslip, a further journal run, a corrected tax return — for a
 * period already imported becomes its own Yuki document, linked in our records and in its subject to
 * what it corrects. Nothing posted is replaced, so nothing is counted twice or lost.
 */
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
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

type Candidate = { kind: ImportKind; periodId: number; employmentId?: string | undefined };

/** Payslips correct the same employment's payslip; journals and tax returns the period's latest. */
function groupOf(item: Candidate): string {
  return item.kind === 'payslip'
    ? `${item.kind}|${item.periodId}|${item.employmentId ?? ''}`
    : `${item.kind}|${item.periodId}`;
}

/**
 * `findCorrectedItem` for a whole plan: one read of the administration's items in the plan's periods,
 * then each new item, in discovery order, finds the latest before it — including those this plan adds
 * (`added`), as inserting them one by one would. Planning stays linear in the number of items.
 */
export async function correctionFinder(
  db: Database,
  administrationId: string,
  items: readonly Candidate[],
): Promise<{
  find(item: Candidate): CorrectedItem | null;
  added(item: Candidate, row: CorrectedItem): void;
}> {
  const latest = new Map<string, CorrectedItem & { createdAt: Date }>();
  const periods = [...new Set(items.map((item) => item.periodId))];
  const kinds = [...new Set(items.map((item) => item.kind))];
  if (periods.length > 0) {
    const rows = await db
      .select({
        id: importItems.id,
        marker: importItems.marker,
        kind: importItems.kind,
        periodId: importItems.periodId,
        employmentId: sql<string | null>`${importItems.details}->>'employmentId'`,
        createdAt: importItems.createdAt,
      })
      .from(importItems)
      .where(
        and(
          eq(importItems.administrationId, administrationId),
          inArray(importItems.kind, kinds),
          inArray(importItems.periodId, periods),
          ne(importItems.state, 'skipped'),
        ),
      );
    for (const row of rows) {
      const group = groupOf({ ...row, employmentId: row.employmentId ?? undefined });
      const before = latest.get(group);
      if (!before || row.createdAt > before.createdAt) latest.set(group, row);
    }
  }
  return {
    find: (item) => {
      const found = latest.get(groupOf(item));
      return found ? { id: found.id, marker: found.marker } : null;
    },
    added: (item, row) => latest.set(groupOf(item), { ...row, createdAt: new Date(8.64e15) }),
  };
}

/**
 * The subject names what it corrects by the earlier item's marker without its brackets, so a search
 * for the earlier item's own `[lky:…]` tag never finds the correction.
 */
export function correctionSubject(base: string, corrected: CorrectedItem): string {
  return `${base} (correctie op ref ${corrected.marker})`;
}
