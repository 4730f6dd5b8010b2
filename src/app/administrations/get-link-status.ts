/**
 * @module get-link-status
 * What the link of one administration still lacks, and which role can fix it, by the same rule as the
 * portal overview — read for this administration alone or for one page of them (one query), so the Loket service page costs
 * the same in a portal of ten administrations as in one of ten thousand.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import {
  administrations,
  contractLines,
  domainFeatures,
  loketConnections,
  portals,
} from '../../store/schema/index.ts';
import { LOKET_FEATURE } from '../../core/policy.ts';

export type LinkMissing =
  'feature' | 'loket_connection' | 'relation_code' | 'contract_line' | 'yuki_access_key' | 'loket_client';

export type LinkStatus = { missing: LinkMissing[] };

export async function getLinkStatus(db: Database, administrationId: string): Promise<LinkStatus | undefined> {
  return (await getLinkStatuses(db, [administrationId])).get(administrationId);
}

/** The same for a page of administrations, in one query. */
export async function getLinkStatuses(
  db: Database,
  administrationIds: readonly string[],
): Promise<Map<string, LinkStatus>> {
  if (administrationIds.length === 0) return new Map();
  const rows = await db
    .select({
      id: administrations.id,
      loketClient: sql<boolean>`${portals.loketClientId} is not null`,
      yukiAccessKey: sql<boolean>`${portals.yukiAccessKeyEnc} is not null`,
      feature: sql<boolean>`${domainFeatures.feature} is not null`,
      connectionStatus: loketConnections.status,
      isStandard: administrations.isStandard,
      activeLine: sql<boolean>`exists (select 1 from ${contractLines} where ${contractLines.administrationId} = ${administrations.id} and ${contractLines.status} = 'active')`,
      resolved: sql<boolean>`${administrations.loketPayrollAdministrationId} is not null`,
    })
    .from(administrations)
    .innerJoin(portals, eq(portals.id, administrations.portalId))
    .leftJoin(
      domainFeatures,
      and(eq(domainFeatures.domainId, administrations.domainId), eq(domainFeatures.feature, LOKET_FEATURE)),
    )
    .leftJoin(loketConnections, eq(loketConnections.domainId, administrations.domainId))
    .where(inArray(administrations.id, [...administrationIds]));
  return new Map(rows.map((row) => [row.id, { missing: missingOf(row) }]));
}

function missingOf(row: {
  loketClient: boolean;
  yukiAccessKey: boolean;
  feature: boolean;
  connectionStatus: string | null;
  isStandard: boolean;
  activeLine: boolean;
  resolved: boolean;
}): LinkMissing[] {
  const missing: LinkMissing[] = [];
  if (!row.loketClient) missing.push('loket_client');
  if (!row.yukiAccessKey) missing.push('yuki_access_key');
  if (!row.feature) missing.push('feature');
  if (!row.connectionStatus || row.connectionStatus === 'failed') missing.push('loket_connection');
  if (!row.isStandard && !row.activeLine) missing.push('contract_line');
  if (!row.resolved) missing.push('relation_code');
  return missing;
}
