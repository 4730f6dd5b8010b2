/**
 * @module change-domain-feature
 * Adds a feature to a domain's contract or removes it (link settings and history stay), audited.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../store/database.ts';
import { domainFeatures } from '../store/schema/index.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { LOKET_FEATURE } from '../core/policy.ts';
import type { DomainScope } from './scope.ts';
import { auditActor, type ChangedBy } from './changed-by.ts';

export async function changeDomainFeature(
  db: Database,
  by: ChangedBy,
  scope: DomainScope,
  feature: typeof LOKET_FEATURE,
  change: 'add' | 'remove',
): Promise<string[]> {
  const { domainId } = scope;
  if (change === 'add') {
    await db
      .insert(domainFeatures)
      .values({ domainId, feature, addedBy: by.actor.userId })
      .onConflictDoNothing();
  } else {
    await db
      .delete(domainFeatures)
      .where(and(eq(domainFeatures.domainId, domainId), eq(domainFeatures.feature, feature)));
  }
  await recordAudit(db, {
    ...auditActor(by),
    portalId: scope.portalId,
    domainId,
    action: `domain.feature.${change}`,
    targetType: 'feature',
    targetId: feature,
  });
  const rows = await db.select().from(domainFeatures).where(eq(domainFeatures.domainId, domainId));
  return rows.map((row) => row.feature).sort();
}
