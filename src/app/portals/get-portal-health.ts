/**
 * @module get-portal-health
 * The portal's import health, shared by the page and the REST API: every administration in the link
 * with its recent periods × kinds and its failures (failures first, then by domain and name), what an
 * incomplete link still misses, and per domain the Yuki calls left today, when they come back and how
 * many items wait for them. A fixed number of queries, however many domains and administrations the
 * firm has.
 */
import { and, eq, sql } from 'drizzle-orm';
import { lookbackWindow, periodId } from '../../core/periods.ts';
import type { Actor } from '../../core/roles.ts';
import type { Database } from '../../store/database.ts';
import {
  administrations as administrationsTable,
  IMPORT_KINDS,
  importItems,
  type ImportKind,
} from '../../store/schema/index.ts';
import { recentImportStatus, yukiCallsToday, type StatusCell } from '../../sync/status.ts';
import { nextYukiDayStart, YUKI_DAILY_CALL_LIMIT } from '../../sync/yuki-call-budget.ts';
import { listLoketDeprecations, type LoketDeprecation } from '../../tenancy/loket-deprecations.ts';
import { getPortalOverview, type LinkMissing } from './get-portal-overview.ts';
import { yukiDay } from '../../yuki/budget.ts';

export { IMPORT_KINDS, type ImportKind };

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
  administrations: AdministrationHealth[];
  /** Administrations outside the link: not the standard one, no active contract line, no Relatiecode. */
  notInLink: number;
  /** The domains with the feature on their contract, by name. */
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

/** Undefined when the portal does not exist. */
export async function getPortalHealth(
  db: Database,
  actor: Actor,
  portalId: string,
  now: Date = new Date(),
): Promise<PortalHealth | undefined> {
  // The current month and the ones before it by the calendar; four-weekly and weekly administrations
  // have more periods in that time, of which the newest are shown.
  const fromPeriodId = periodId(lookbackWindow('month', yukiDay(now), HEALTH_PERIODS - 1).from);
  const [overview, recent] = await Promise.all([
    getPortalOverview(db, actor, portalId),
    recentImportStatus(db, { portalId, fromPeriodId, periods: HEALTH_PERIODS }),
  ]);
  if (!overview) return undefined;
  const { domains } = overview;

  const administrations: AdministrationHealth[] = [];
  let notInLink = 0;
  for (const domain of domains) {
    for (const administration of domain.administrations) {
      const status = recent.get(administration.id);
      const inLink =
        !administration.missing.includes('contract_line') ||
        administration.relationCode !== null ||
        status !== undefined;
      if (!inLink) {
        notInLink += 1;
        continue;
      }
      administrations.push({
        id: administration.id,
        name: administration.name,
        domainId: domain.id,
        domainName: domain.name,
        isStandard: administration.isStandard,
        goneFromYuki: administration.goneFromYuki,
        missing: administration.missing,
        failed: status?.failed ?? 0,
        needsCheck: status?.needsCheck ?? 0,
        periods: (status?.periods ?? []).map((period) => ({
          periodId: period.periodId,
          kinds: Object.fromEntries(
            IMPORT_KINDS.map((kind) => [kind, healthCounts(period.kinds[kind])]),
          ) as Record<ImportKind, HealthCounts | null>,
        })),
      });
    }
  }
  // A stable sort keeps the overview's order (domain, then name) within both groups.
  // What needs a person comes first: failures and documents to check in Yuki.
  const attention = (a: AdministrationHealth) => Number(a.failed > 0 || a.needsCheck > 0);
  administrations.sort((a, b) => attention(b) - attention(a));

  return {
    portal: { id: overview.id, name: overview.name },
    fromPeriodId,
    administrations,
    notInLink,
    domains: await quotas(
      db,
      portalId,
      domains.filter((domain) => domain.hasLoketFeature),
      now,
    ),
    loketDeprecations: await listLoketDeprecations(db, portalId),
  };
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

/** Per domain of the portal, its items waiting for Yuki's quota: `quotaWaiting`'s total, in one query. */
async function waitingForQuotaByDomain(db: Database, portalId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ domainId: administrationsTable.domainId, count: sql<number>`count(*)::int` })
    .from(importItems)
    .innerJoin(administrationsTable, eq(administrationsTable.id, importItems.administrationId))
    .where(and(eq(administrationsTable.portalId, portalId), eq(importItems.state, 'waiting_quota')))
    .groupBy(administrationsTable.domainId)
    .orderBy(administrationsTable.domainId);
  return new Map(rows.map((row) => [row.domainId, Number(row.count)]));
}
