/**
 * @module get-domain
 * A domain with its contract (features, contract lines) and its administrations: the one read behind
 * GET /api/domains/{domainId} and the domain's contract page.
 */
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { administrations, contractLines, domains } from '../../store/schema/index.ts';
import type { DomainScope } from '../scope.ts';

export type ContractLineStatus = (typeof contractLines.$inferSelect)['status'];

export type DomainDetail = {
  id: string;
  portalId: string;
  name: string;
  features: string[];
  /** By name, so the page and the API list them alike. */
  administrations: Array<{ id: string; name: string; isStandard: boolean; goneFromYuki: boolean }>;
  contractLines: Array<{
    id: string;
    administrationId: string;
    status: ContractLineStatus;
    requestedAt: Date;
    decidedAt: Date | null;
    note: string | null;
  }>;
};

export async function getDomain(db: Database, scope: DomainScope): Promise<DomainDetail> {
  const [domain] = await db
    .select({ name: domains.name })
    .from(domains)
    .where(eq(domains.id, scope.domainId));
  const admins = await db
    .select({
      id: administrations.id,
      name: administrations.name,
      isStandard: administrations.isStandard,
      goneFromYukiAt: administrations.goneFromYukiAt,
    })
    .from(administrations)
    .where(eq(administrations.domainId, scope.domainId))
    .orderBy(asc(administrations.name), asc(administrations.id));
  const lines = await db
    .select()
    .from(contractLines)
    .where(eq(contractLines.domainId, scope.domainId))
    .orderBy(asc(contractLines.requestedAt));
  return {
    id: scope.domainId,
    portalId: scope.portalId,
    name: domain?.name ?? '',
    features: [...scope.features].sort(),
    administrations: admins.map(({ goneFromYukiAt, ...administration }) => ({
      ...administration,
      goneFromYuki: goneFromYukiAt !== null,
    })),
    contractLines: lines.map((line) => ({
      id: line.id,
      administrationId: line.administrationId,
      status: line.status,
      requestedAt: line.requestedAt,
      decidedAt: line.decidedAt,
      note: line.note,
    })),
  };
}
