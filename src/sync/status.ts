/**
 * @module sync/status
 * Read models for people: the history of an administration (runs, and per item what happened, the
 * Yuki document and any error with what to do), the firm-wide status — administrations × periods ×
 * kinds — that `loket-yuki status` prints, and its recent part with the failures and today's Yuki
 * calls that the portal's import health shows.
 */
import { and, desc, eq, getTableColumns, gte, inArray, sql } from 'drizzle-orm';
import type { Database } from '../store/database.ts';
import type { ImportItemState, ImportKind } from '../store/schema/index.ts';
import { administrations, importItems, importRuns, users, yukiCallBudgets } from '../store/schema/index.ts';
import { yukiDay } from '../yuki/budget.ts';

export type ImportHistory = {
  /** `requestedName`: the requester's name, so history says who by name and not by e-mail. */
  runs: Array<typeof importRuns.$inferSelect & { requestedName?: string | null }>;
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

/** The latest runs of an administration (previews left out) and its items from `fromPeriodId` on, newest first. */
export async function importHistory(
  db: Database,
  administrationId: string,
  options: { runs?: number; fromPeriodId?: number } = {},
): Promise<ImportHistory> {
  const runs = await db
    .select({ ...getTableColumns(importRuns), requestedName: users.name })
    .from(importRuns)
    .leftJoin(users, eq(users.id, importRuns.requestedBy))
    .where(and(eq(importRuns.administrationId, administrationId), eq(importRuns.dryRun, false)))
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

export type RecentImportStatus = {
  /** The newest periods that have items, newest first, each with per kind the items per state. */
  periods: Array<{ periodId: number; kinds: Partial<Record<ImportKind, StatusCell>> }>;
  /** Failed items in every period, also those before `fromPeriodId` (a backfill's). */
  failed: number;
  /** Items waiting for a person to check in Yuki, in every period. */
  needsCheck: number;
};

/**
 * Per administration of a portal: its `periods` newest periods from `fromPeriodId` on that have items,
 * and its failed and "check in Yuki" items of all periods. Two queries, however many administrations the portal has; an
 * administration without any item in them is absent.
 */
export async function recentImportStatus(
  db: Database,
  options: { portalId: string; fromPeriodId: number; periods: number },
): Promise<Map<string, RecentImportStatus>> {
  const [statuses, failures] = await Promise.all([
    importStatus(db, { portalId: options.portalId, fromPeriodId: options.fromPeriodId }),
    db
      .select({
        administrationId: importItems.administrationId,
        state: importItems.state,
        count: sql<number>`count(*)::int`,
      })
      .from(importItems)
      .innerJoin(administrations, eq(administrations.id, importItems.administrationId))
      .where(
        and(
          eq(administrations.portalId, options.portalId),
          inArray(importItems.state, ['failed', 'needs_check']),
        ),
      )
      .groupBy(importItems.administrationId, importItems.state)
      .orderBy(importItems.administrationId),
  ]);
  const recent = new Map<string, RecentImportStatus>();
  for (const status of statuses) {
    const periods = Object.keys(status.periods)
      .map(Number)
      .sort((a, b) => b - a)
      .slice(0, options.periods)
      .map((periodId) => ({ periodId, kinds: status.periods[periodId] ?? {} }));
    recent.set(status.administrationId, { periods, failed: 0, needsCheck: 0 });
  }
  for (const row of failures) {
    const status = recent.get(row.administrationId) ?? { periods: [], failed: 0, needsCheck: 0 };
    if (row.state === 'failed') status.failed = Number(row.count);
    else status.needsCheck = Number(row.count);
    recent.set(row.administrationId, status);
  }
  return recent;
}

/**
 * Today's Yuki calls (used and limit) of those of these Yuki domains that made any today, in one query.
 * A domain that is absent has used none of the limit `databaseCallBudget` gives it.
 */
export async function yukiCallsToday(
  db: Database,
  yukiDomainIds: readonly string[],
  now: Date = new Date(),
): Promise<Map<string, { used: number; limit: number }>> {
  if (yukiDomainIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(yukiCallBudgets)
    .where(
      and(inArray(yukiCallBudgets.yukiDomainId, [...yukiDomainIds]), eq(yukiCallBudgets.day, yukiDay(now))),
    )
    .orderBy(yukiCallBudgets.yukiDomainId);
  return new Map(rows.map((row) => [row.yukiDomainId, { used: row.used, limit: row.callLimit }]));
}
