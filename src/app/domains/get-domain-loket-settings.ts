/**
 * @module get-domain-loket-settings
 * What the domain's *Loket-instellingen* page shows: the domain's name, whether the portal's Loket
 * client may use the password flow (only then the user name/password form), and the connection.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { domains, portals } from '../../store/schema/index.ts';
import type { DomainScope } from '../scope.ts';
import { getLoketConnection, type LoketConnectionView } from './get-loket-connection.ts';

export type DomainLoketSettings = {
  domainName: string;
  passwordFlow: boolean;
  connection: LoketConnectionView;
};

export async function getDomainLoketSettings(db: Database, scope: DomainScope): Promise<DomainLoketSettings> {
  const [row] = await db
    .select({ domainName: domains.name, passwordFlow: portals.loketPasswordFlow })
    .from(domains)
    .innerJoin(portals, eq(portals.id, domains.portalId))
    .where(eq(domains.id, scope.domainId));
  return {
    domainName: row?.domainName ?? '',
    passwordFlow: row?.passwordFlow ?? false,
    connection: await getLoketConnection(db, scope.domainId),
  };
}
