/**
 * @module sync/quota-waiting
 * For the UI and CLI: how many of a domain's items wait for Yuki's daily quota, per kind, and when the
 * quota resets (midnight in Amsterdam), so people see the work is parked until then, not lost.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../store/database.ts';
import type { ImportKind } from '../store/schema/index.ts';
import { administrations, IMPORT_KINDS, importItems } from '../store/schema/index.ts';
import { nextYukiDayStart } from './yuki-call-budget.ts';

export type QuotaWaiting = {
  total: number;
  byKind: Record<ImportKind, number>;
  /** When Yuki's day turns and the waiting items go on. */
  resetsAt: Date;
};

/** Items of this domain (our domain id) that wait for the next Yuki day. */
export async function quotaWaiting(
  db: Database,
  domainId: string,
  now: Date = new Date(),
): Promise<QuotaWaiting> {
  const rows = await db
    .select({ kind: importItems.kind, count: sql<number>`count(*)::int` })
    .from(importItems)
    .innerJoin(administrations, eq(administrations.id, importItems.administrationId))
    .where(and(eq(administrations.domainId, domainId), eq(importItems.state, 'waiting_quota')))
    .groupBy(importItems.kind);
  const byKind = Object.fromEntries(IMPORT_KINDS.map((kind) => [kind, 0])) as Record<ImportKind, number>;
  for (const row of rows) byKind[row.kind] = Number(row.count);
  return {
    total: IMPORT_KINDS.reduce((total, kind) => total + byKind[kind], 0),
    byKind,
    resetsAt: nextYukiDayStart(now),
  };
}
