/**
 * @module sync/status
 * Read models for people: the history of an administration (runs, and per item what happened, the
 * Yuki document and any error with what to do) and the firm-wide status — administrations × periods ×
 * kinds — that `loket-yuki status` prints and the overview page shows.
 */
import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { Database } from '../store/database.ts';
import type { ImportItemState, ImportKind } from '../store/schema/index.ts';
import { administrations, importItems, importRuns } from '../store/schema/index.ts';

export type ImportHistory = {
  runs: Array<typeof importRuns.$inferSelect>;
  items: Array<
    Pick<
      typeof importItems.$inferSelect,
      | 'id'
      | 'kind'
      | 'periodId'
      | 'state'
      | 'subject'
      | 'amountCents'
      | 'yukiDocumentId'
      | 'correctsItemId'
      | 'details'
      | 'errorCode'
      | 'errorNl'
      | 'errorEn'
      | 'errorDetail'
      | 'attempts'
      | 'postedAt'
      | 'updatedAt'
    >
  >;
};

/** The latest runs of an administration and its items from `fromPeriodId` on, newest first. */
export async function importHistory(
  db: Database,
  administrationId: string,
  options: { runs?: number; fromPeriodId?: number } = {},
): Promise<ImportHistory> {
  const runs = await db
    .select()
    .from(importRuns)
    .where(eq(importRuns.administrationId, administrationId))
    .orderBy(desc(importRuns.startedAt))
    .limit(options.runs ?? 20);
  const items = await db
    .select({
      id: importItems.id,
      kind: importItems.kind,
      periodId: importItems.periodId,
      state: importItems.state,
      subject: importItems.subject,
      amountCents: importItems.amountCents,
      yukiDocumentId: importItems.yukiDocumentId,
      correctsItemId: importItems.correctsItemId,
      details: importItems.details,
      errorCode: importItems.errorCode,
      errorNl: importItems.errorNl,
      errorEn: importItems.errorEn,
      errorDetail: importItems.errorDetail,
      attempts: importItems.attempts,
      postedAt: importItems.postedAt,
      updatedAt: importItems.updatedAt,
    })
    .from(importItems)
    .where(
      and(
        eq(importItems.administrationId, administrationId),
        options.fromPeriodId === undefined ? undefined : gte(importItems.periodId, options.fromPeriodId),
      ),
    )
    .orderBy(desc(importItems.periodId), importItems.kind, importItems.subject);
  return { runs, items };
}

export type StatusCell = Partial<Record<ImportItemState, number>>;
export type AdministrationStatus = {
  administrationId: string;
  name: string;
  /** YYYYPP → kind → items per state. */
  periods: Record<number, Partial<Record<ImportKind, StatusCell>>>;
};

/** Per administration of a portal (or all), per period from `fromPeriodId`, per kind: items per state. */
export async function importStatus(
  db: Database,
  options: { portalId?: string; fromPeriodId: number },
): Promise<AdministrationStatus[]> {
  const rows = await db
    .select({
      administrationId: administrations.id,
      name: administrations.name,
      periodId: importItems.periodId,
      kind: importItems.kind,
      state: importItems.state,
      count: sql<number>`count(*)::int`,
    })
    .from(importItems)
    .innerJoin(administrations, eq(administrations.id, importItems.administrationId))
    .where(
      and(
        gte(importItems.periodId, options.fromPeriodId),
        options.portalId === undefined ? undefined : eq(administrations.portalId, options.portalId),
      ),
    )
    .groupBy(
      administrations.id,
      administrations.name,
      importItems.periodId,
      importItems.kind,
      importItems.state,
    )
    .orderBy(administrations.name, importItems.periodId);
  const byAdministration = new Map<string, AdministrationStatus>();
  for (const row of rows) {
    const status = byAdministration.get(row.administrationId) ?? {
      administrationId: row.administrationId,
      name: row.name,
      periods: {},
    };
    const period = (status.periods[row.periodId] ??= {});
    const cell = (period[row.kind] ??= {});
    cell[row.state] = (cell[row.state] ?? 0) + Number(row.count);
    byAdministration.set(row.administrationId, status);
  }
  return [...byAdministration.values()];
}
