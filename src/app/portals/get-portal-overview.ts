/**
 * @module get-portal-overview
 * A portal's domains and administrations with the state of the link in each, filtered to what the
 * actor may see. The link status says exactly what is missing, for the overview, the health page, the
 * service page and the API alike.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import {
  administrations,
  contractLines,
  domainFeatures,
  domains,
  loketConnections,
  portals,
} from '../../store/schema/index.ts';
import { decide, LOKET_FEATURE } from '../../core/policy.ts';
import type { Actor } from '../../core/roles.ts';

export type LinkMissing =
  'feature' | 'loket_connection' | 'relation_code' | 'contract_line' | 'yuki_access_key' | 'loket_client';

export type AdministrationStatus = {
  id: string;
  name: string;
  isStandard: boolean;
  relationCode: number | null;
  /** Yuki's id of the administration, so a script can find what it configured. */
  yukiAdministrationId: string | null;
  loketPayrollAdministrationName: string | null;
  goneFromYuki: boolean;
  missing: LinkMissing[];
};

export type DomainStatus = {
  id: string;
  name: string;
  /** Null until the domain is synchronised with Yuki. */
  yukiDomainId: string | null;
  goneFromYuki: boolean;
  hasLoketFeature: boolean;
  loketConnection: 'none' | 'untested' | 'ok' | 'failed';
  administrations: AdministrationStatus[];
};

export type PortalOverview = { id: string; name: string; domains: DomainStatus[] };

/** Undefined when the portal does not exist. */
export async function getPortalOverview(
  db: Database,
  actor: Actor,
  portalId: string,
): Promise<PortalOverview | undefined> {
  const [portal] = await db.select().from(portals).where(eq(portals.id, portalId));
  if (!portal) return undefined;
  return { id: portal.id, name: portal.name, domains: await domainStatuses(db, actor, portal) };
}

type PortalLinkSettings = { id: string; loketClientId: string | null; yukiAccessKeyEnc: string | null };

async function domainStatuses(
  db: Database,
  actor: Actor,
  portal: PortalLinkSettings,
): Promise<DomainStatus[]> {
  const portalId = portal.id;
  const allDomains = await db
    .select()
    .from(domains)
    .where(eq(domains.portalId, portalId))
    .orderBy(domains.name);
  const domainIds = allDomains.map((domain) => domain.id);
  if (domainIds.length === 0) return [];
  const [features, connections, admins, lines] = await Promise.all([
    db.select().from(domainFeatures).where(inArray(domainFeatures.domainId, domainIds)),
    db.select().from(loketConnections).where(inArray(loketConnections.domainId, domainIds)),
    db
      .select()
      .from(administrations)
      .where(inArray(administrations.domainId, domainIds))
      .orderBy(administrations.name),
    db.select().from(contractLines).where(inArray(contractLines.domainId, domainIds)),
  ]);

  const visible = allDomains.filter((domain) => {
    const scope = {
      kind: 'domain' as const,
      portalId,
      domainId: domain.id,
      features: new Set(features.filter((row) => row.domainId === domain.id).map((row) => row.feature)),
    };
    return decide(actor, 'domain.view', scope).allowed;
  });

  return visible.map((domain) => {
    const hasLoketFeature = features.some(
      (row) => row.domainId === domain.id && row.feature === LOKET_FEATURE,
    );
    const connection = connections.find((row) => row.domainId === domain.id);
    return {
      id: domain.id,
      name: domain.name,
      yukiDomainId: domain.yukiDomainId,
      goneFromYuki: domain.goneFromYukiAt !== null,
      hasLoketFeature,
      loketConnection: connection?.status ?? 'none',
      administrations: admins
        .filter((administration) => administration.domainId === domain.id)
        .map((administration) => {
          const missing: LinkMissing[] = [];
          if (!portal.loketClientId) missing.push('loket_client');
          if (!portal.yukiAccessKeyEnc) missing.push('yuki_access_key');
          if (!hasLoketFeature) missing.push('feature');
          if (!connection || connection.status === 'failed') missing.push('loket_connection');
          const activeLine = lines.some(
            (line) => line.administrationId === administration.id && line.status === 'active',
          );
          if (!administration.isStandard && !activeLine) missing.push('contract_line');
          if (!administration.loketPayrollAdministrationId) missing.push('relation_code');
          return {
            id: administration.id,
            name: administration.name,
            isStandard: administration.isStandard,
            relationCode: administration.relationCode,
            yukiAdministrationId: administration.yukiAdministrationId,
            loketPayrollAdministrationName: administration.loketPayrollAdministrationName,
            goneFromYuki: administration.goneFromYukiAt !== null,
            missing,
          };
        }),
    };
  });
}
