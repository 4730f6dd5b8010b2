/**
 * @module get-administration-nav
 * The administration bar's facts for one administration: its domain's name and whether this person
 * may use the link there (only then does *Personeel → Loket service* appear).
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { domains } from '../../store/schema/index.ts';
import { decide } from '../../core/policy.ts';
import type { Actor } from '../../core/roles.ts';
import type { Administration, DomainScope } from '../scope.ts';

export type AdministrationNavFacts = {
  id: string;
  name: string;
  domainId: string;
  domainName: string;
  showLoketService: boolean;
};

export async function getAdministrationNav(
  db: Database,
  actor: Actor | undefined,
  target: { scope: DomainScope; administration: Administration },
): Promise<AdministrationNavFacts> {
  const [domain] = await db
    .select({ name: domains.name })
    .from(domains)
    .where(eq(domains.id, target.scope.domainId));
  return {
    id: target.administration.id,
    name: target.administration.name,
    domainId: target.scope.domainId,
    domainName: domain?.name ?? '',
    showLoketService: decide(actor, 'link.use', target.scope).allowed,
  };
}
