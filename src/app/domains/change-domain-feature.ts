/**
 * @module change-domain-feature
 * Adds a feature to a domain's contract or removes it (link settings and history stay), audited in
 * the same transaction.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { domainFeatures } from '../../store/schema/index.ts';
import type { LOKET_FEATURE } from '../../core/policy.ts';
import { runCommand, type ChangedBy } from '../command.ts';
import type { DomainScope } from '../scope.ts';

export type ChangeDomainFeatureOptions = {
  scope: DomainScope;
  feature: typeof LOKET_FEATURE;
  change: 'add' | 'remove';
};

/** Returns the domain's features after the change, sorted. */
export async function changeDomainFeature(
  db: Database,
  by: ChangedBy,
  { scope, feature, change }: ChangeDomainFeatureOptions,
): Promise<string[]> {
  const { domainId } = scope;
  return runCommand(db, by, {
    audit: {
      portalId: scope.portalId,
      domainId,
      action: `domain.feature.${change}`,
      targetType: 'feature',
      targetId: feature,
    },
    change: async (tx) => {
      if (change === 'add') {
        await tx
          .insert(domainFeatures)
          .values({ domainId, feature, addedBy: by.actor.userId })
          .onConflictDoNothing();
      } else {
        await tx
          .delete(domainFeatures)
          .where(and(eq(domainFeatures.domainId, domainId), eq(domainFeatures.feature, feature)));
      }
      const rows = await tx.select().from(domainFeatures).where(eq(domainFeatures.domainId, domainId));
      return rows.map((row) => row.feature).sort();
    },
  });
}
