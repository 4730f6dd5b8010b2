/**
 * @module portal-health
 * The portal's import health, shared by the page and the REST API: every administration in the link
 * with its recent periods × kinds and its failures (failures first, then by domain and name), what an
 * incomplete link still misses, and per domain the Yuki calls left today, when they come back and how
 * many items wait for them. One page of 50 at a time, searched by name or client number, counted and
 * ordered in SQL: a fixed number of queries and a page's worth of rows, however large the firm.
 */
import { and, eq, gt, gte, ilike, inArray, or, sql } from 'drizzle-orm';
import { lookbackWindow, periodId } from '../../core/periods.ts';
import type { Database } from '../../store/database.ts';
import {
  administrationItemCounts,
  administrations as administrationsTable,
  contractLines,
  domainFeatures,
  domains as domainsTable,
  IMPORT_KINDS,
  importItems,
  type ImportKind,
} from '../../store/schema/index.ts';
import { LOKET_FEATURE } from '../../core/policy.ts';
import { yukiCallsToday, type StatusCell } from '../../sync/status.ts';
import { nextYukiDayStart, YUKI_DAILY_CALL_LIMIT } from '../../sync/yuki-call-budget.ts';
import { listLoketDeprecations, type LoketDeprecation } from '../../tenancy/loket-deprecations.ts';
import { getLinkStatuses, type LinkMissing } from '../administrations/get-link-status.ts';
import { findPortal } from './find-portal.ts';
import { yukiDay } from '../../yuki/budget.ts';

/** How many recent periods each administration shows. */
export const HEALTH_PERIODS = 3;

/** Items of one period and kind, in the words of the page; `null` in its place: nothing at all. */
export type HealthCounts = {
  posted: number;
  /** Planned or being posted, as `open` in a run's progress. */
  open: number;
  waitingForQuota: number;
  failed: number;
  skipped: number;
  /** Waiting for a person to check in Yuki. */
  needsCheck: number;
};

export type AdministrationHealth = {
  id: string;
  name: string;
  domainId: string;
  domainName: string;
  isStandard: boolean;
  goneFromYuki: boolean;
  /** Empty when the link is complete. */
  missing: LinkMissing[];
  /** Failed items of every period, also older ones. */
  failed: number;
  /** Items of every period waiting for a person to check in Yuki. */
  needsCheck: number;
  /** Newest first: the recent periods that have items. */
  periods: Array<{ periodId: number; kinds: Record<ImportKind, HealthCounts | null> }>;
};

export type DomainQuota = {
  id: string;
  name: string;
  /** Null when the domain has no Yuki domain id, so no calls can be counted. */
  quota: { used: number; limit: number; left: number; resetsAt: Date } | null;
  /** Items of every period that wait for the next Yuki day, as `quotaWaiting` counts them. */
  waitingForQuota: number;
};

export type PortalHealth = {
  portal: { id: string; name: string };
  /** YYYYPP: the recent periods are those from here on. */
  fromPeriodId: number;
  /** One page of them, failures first. */
  administrations: AdministrationHealth[];
  /** This page (from 1), how many a page shows, and how many administrations match in all. */
  page: number;
  pageSize: number;
  total: number;
  /** Administrations outside the link: not the standard one, no active contract line, no Relatiecode. */
  notInLink: number;
  /** The domains of this page's administrations with the feature on their contract, by name. */
  domains: DomainQuota[];
  /** Resource versions Loket announced it will retire, as this portal's connections saw them. */
  loketDeprecations: LoketDeprecation[];
};

function healthCounts(cell: StatusCell | undefined): HealthCounts | null {
  if (!cell) return null;
  return {
    posted: cell.posted ?? 0,
    open: (cell.planned ?? 0) + (cell.posting ?? 0),
    waitingForQuota: cell.waiting_quota ?? 0,
    failed: cell.failed ?? 0,
    skipped: cell.skipped ?? 0,
    needsCheck: cell.needs_check ?? 0,
  };
}

/** What one page of the health shows: `page` from 1, and `q` a part of a name or a whole client number. */
export type HealthQuery = { page?: number; q?: string; now?: Date };

/** Undefined when the portal does not exist. */
export async function getPortalHealth(
  db: Database,
  portalId: string,
  query: HealthQuery = {},
): Promise<PortalHealth | undefined> {
  const portal = await findPortal(db, portalId);
  if (!portal) return undefined;
  const now = query.now ?? new Date();
  // The current month and the ones before it by the calendar; four-weekly and weekly administrations
  // have more periods in that time, of which the newest are shown.
  const fromPeriodId = periodId(lookbackWindow('month', yukiDay(now), HEALTH_PERIODS - 1).from);
  const page = Math.max(1, query.page ?? 1);
  const found = await healthPage(db, { portalId, fromPeriodId, page, q: query.q?.trim() ?? '' });
  const ids = found.rows.map((row) => row.id);
  const [missing, recent] = await Promise.all([getLinkStatuses(db, ids), recentCells(db, ids, fromPeriodId)]);
  const administrations: AdministrationHealth[] = found.rows.map((row) => ({
    id: row.id,
    name: row.name,
    domainId: row.domainId,
    domainName: row.domainName,
    isStandard: row.isStandard,
    goneFromYuki: row.goneFromYuki,
    missing: missing.get(row.id)?.missing ?? [],
    failed: Number(row.failed),
    needsCheck: Number(row.needsCheck),
    periods: recent.get(row.id) ?? [],
  }));
  const pageDomains = new Map<string, { id: string; name: string; yukiDomainId: string | null }>();
  for (const row of found.rows) {
    if (row.hasFeature)
      pageDomains.set(row.domainId, {
        id: row.domainId,
        name: row.domainName,
        yukiDomainId: row.yukiDomainId,
      });
  }
  return {
    portal: { id: portal.id, name: portal.name },
    fromPeriodId,
    administrations,
    page,
    pageSize: HEALTH_PAGE_SIZE,
    total: found.total,
    notInLink: found.notInLink,
    domains: await quotas(
      db,
      portalId,
      [...pageDomains.values()].sort((x, y) => x.name.localeCompare(y.name)),
      now,
    ),
    loketDeprecations: await listLoketDeprecations(db, portalId),
  };
}

/** How many administrations one page shows. */
export const HEALTH_PAGE_SIZE = 50;

/**
 * One page of the portal's administrations in the link, aggregated and ordered in SQL: those needing a
 * person (failures, checks in Yuki) first, then by domain and name; with how many match and how many
 * are outside the link.
 */
async function healthPage(
  db: Database,
  options: { portalId: string; fromPeriodId: number; page: number; q: string },
) {
  const { portalId, fromPeriodId, q } = options;
  // The trigger-kept counters of migration 0015: one small row per administration instead of its items.
  const counts = administrationItemCounts;
  const needsPerson = sql`(coalesce(${counts.failed}, 0) + coalesce(${counts.needsCheck}, 0) > 0)`;
  // In the link: the standard one, an active contract line, a Relatiecode, or anything imported lately.
  const inLink = sql`(${administrationsTable.isStandard}
    or ${administrationsTable.relationCode} is not null
    or ${needsPerson}
    or coalesce(${counts.lastPeriodId}, 0) >= ${fromPeriodId}
    or exists (select 1 from ${contractLines} where ${contractLines.administrationId} = ${administrationsTable.id} and ${contractLines.status} = 'active'))`;
  const search = q === '' ? undefined : searchFilter(q);
  const base = () =>
    db
      .select({
        id: administrationsTable.id,
        name: administrationsTable.name,
        domainId: domainsTable.id,
        domainName: domainsTable.name,
        yukiDomainId: domainsTable.yukiDomainId,
        isStandard: administrationsTable.isStandard,
        goneFromYuki: sql<boolean>`${administrationsTable.goneFromYukiAt} is not null`,
        hasFeature: sql<boolean>`exists (select 1 from ${domainFeatures} where ${domainFeatures.domainId} = ${domainsTable.id} and ${domainFeatures.feature} = ${LOKET_FEATURE})`,
        failed: sql<number>`coalesce(${counts.failed}, 0)::int`,
        needsCheck: sql<number>`coalesce(${counts.needsCheck}, 0)::int`,
      })
      .from(administrationsTable)
      .innerJoin(domainsTable, eq(domainsTable.id, administrationsTable.domainId))
      .leftJoin(counts, eq(counts.administrationId, administrationsTable.id));
  // One pass over the portal's administrations counts both; the page itself stops after 50 rows.
  const [found] = await db
    .select({
      total: sql<number>`count(*) filter (where ${inLink} ${search ? sql`and ${search}` : sql``})::int`,
      notInLink: sql<number>`count(*) filter (where not ${inLink})::int`,
    })
    .from(administrationsTable)
    .leftJoin(counts, eq(counts.administrationId, administrationsTable.id))
    .where(eq(administrationsTable.portalId, portalId));
  const rows = await base()
    .where(and(eq(administrationsTable.portalId, portalId), inLink, search))
    .orderBy(sql`${needsPerson} desc`, domainsTable.name, administrationsTable.name, administrationsTable.id)
    .limit(HEALTH_PAGE_SIZE)
    .offset((options.page - 1) * HEALTH_PAGE_SIZE);
  return { rows, total: Number(found?.total ?? 0), notInLink: Number(found?.notInLink ?? 0) };
}

/** A part of the administration's name (any case), or its whole Loket client number (Relatiecode). */
function searchFilter(q: string) {
  const pattern = `%${q.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
  const byName = ilike(administrationsTable.name, pattern);
  return /^\d{1,9}$/.test(q) ? or(byName, eq(administrationsTable.relationCode, Number(q))) : byName;
}

/** The page's administrations' newest `HEALTH_PERIODS` periods from `fromPeriodId` on, counted in SQL. */
async function recentCells(
  db: Database,
  administrationIds: string[],
  fromPeriodId: number,
): Promise<Map<string, AdministrationHealth['periods']>> {
  if (administrationIds.length === 0) return new Map();
  const rows = await db
    .select({
      administrationId: importItems.administrationId,
      periodId: importItems.periodId,
      kind: importItems.kind,
      state: importItems.state,
      count: sql<number>`count(*)::int`,
    })
    .from(importItems)
    .where(
      and(inArray(importItems.administrationId, administrationIds), gte(importItems.periodId, fromPeriodId)),
    )
    .groupBy(importItems.administrationId, importItems.periodId, importItems.kind, importItems.state);
  const cells = new Map<string, Map<number, Partial<Record<ImportKind, StatusCell>>>>();
  for (const row of rows) {
    const periods =
      cells.get(row.administrationId) ?? new Map<number, Partial<Record<ImportKind, StatusCell>>>();
    const period = periods.get(row.periodId) ?? {};
    const cell = (period[row.kind] ??= {});
    cell[row.state] = (cell[row.state] ?? 0) + Number(row.count);
    periods.set(row.periodId, period);
    cells.set(row.administrationId, periods);
  }
  return new Map(
    [...cells].map(([id, periods]) => [
      id,
      [...periods.keys()]
        .sort((x, y) => y - x)
        .slice(0, HEALTH_PERIODS)
        .map((periodId) => ({
          periodId,
          kinds: Object.fromEntries(
            IMPORT_KINDS.map((kind) => [kind, healthCounts(periods.get(periodId)?.[kind])]),
          ) as Record<ImportKind, HealthCounts | null>,
        })),
    ]),
  );
}

async function quotas(
  db: Database,
  portalId: string,
  domains: Array<{ id: string; name: string; yukiDomainId: string | null }>,
  now: Date,
): Promise<DomainQuota[]> {
  const yukiDomainIds = domains.flatMap((domain) => (domain.yukiDomainId ? [domain.yukiDomainId] : []));
  const [used, waiting] = await Promise.all([
    yukiCallsToday(db, yukiDomainIds, now),
    waitingForQuotaByDomain(db, portalId),
  ]);
  // A domain without calls today has its whole default limit left.
  const fresh = { used: 0, limit: YUKI_DAILY_CALL_LIMIT };
  const resetsAt = nextYukiDayStart(now);
  return domains.map((domain) => {
    const today = domain.yukiDomainId ? (used.get(domain.yukiDomainId) ?? fresh) : undefined;
    return {
      id: domain.id,
      name: domain.name,
      waitingForQuota: waiting.get(domain.id) ?? 0,
      quota: today
        ? {
            used: today.used,
            limit: today.limit,
            left: Math.max(0, today.limit - today.used),
            resetsAt,
          }
        : null,
    };
  });
}

/** Per domain of the portal, its items waiting for Yuki's quota: `quotaWaiting`'s total, from the counters. */
async function waitingForQuotaByDomain(db: Database, portalId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({
      domainId: administrationsTable.domainId,
      count: sql<number>`sum(${administrationItemCounts.waitingQuota})::int`,
    })
    .from(administrationItemCounts)
    .innerJoin(administrationsTable, eq(administrationsTable.id, administrationItemCounts.administrationId))
    .where(and(eq(administrationsTable.portalId, portalId), gt(administrationItemCounts.waitingQuota, 0)))
    .groupBy(administrationsTable.domainId)
    .orderBy(administrationsTable.domainId);
  return new Map(rows.map((row) => [row.domainId, Number(row.count)]));
}
