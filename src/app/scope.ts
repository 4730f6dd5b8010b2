/**
 * @module scope
 * Finds the tenant a resource belongs to from the database, never from the URL, so a guessed or
 * mixed-up id can only ever be judged against its real portal.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../store/database.ts';
import { administrations, domainFeatures, domains, portals } from '../store/schema/index.ts';
import type { Scope } from '../core/policy.ts';

export type DomainScope = Extract<Scope, { kind: 'domain' }>;
export type Administration = typeof administrations.$inferSelect;
export type Portal = typeof portals.$inferSelect;

/** The portal a `:portalId` page names, for the page guard once the policy allowed it. */
export async function loadPortal(db: Database, portalId: string): Promise<Portal | undefined> {
  const [portal] = await db.select().from(portals).where(eq(portals.id, portalId));
  return portal;
}

export async function loadDomainScope(db: Database, domainId: string): Promise<DomainScope | undefined> {
  const [domain] = await db
    .select({ portalId: domains.portalId })
    .from(domains)
    .where(eq(domains.id, domainId));
  if (!domain) return undefined;
  const features = await db
    .select({ feature: domainFeatures.feature })
    .from(domainFeatures)
    .where(eq(domainFeatures.domainId, domainId));
  return {
    kind: 'domain',
    portalId: domain.portalId,
    domainId,
    features: new Set(features.map((row) => row.feature)),
  };
}

export async function loadAdministrationScope(
  db: Database,
  administrationId: string,
): Promise<{ scope: DomainScope; administration: Administration } | undefined> {
  const [administration] = await db
    .select()
    .from(administrations)
    .where(eq(administrations.id, administrationId));
  if (!administration) return undefined;
  const scope = await loadDomainScope(db, administration.domainId);
  return scope && { scope, administration };
}
