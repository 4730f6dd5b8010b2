/**
 * @module list-portal-domains
 * A portal's domains by name, for choosing where a role applies on the members page.
 */
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { domains } from '../../store/schema/index.ts';

export async function listPortalDomains(
  db: Database,
  portalId: string,
): Promise<Array<{ id: string; name: string }>> {
  return db
    .select({ id: domains.id, name: domains.name })
    .from(domains)
    .where(eq(domains.portalId, portalId))
    .orderBy(asc(domains.name));
}
