/**
 * @module sync/search-proof
 * Exactly once rests on Yuki's SearchDocuments finding our marker, which Yuki does not promise (issue
 * 10.5). So the product proves it, per Yuki domain and kind: by searching for a document it posted
 * there (and knows the Yuki id of), and recording whether the search found it. Only a proven search may
 * turn "not found" into posting again; elsewhere a person checks in Yuki. A reconciliation that found
 * what it looked for proves the search too.
 */
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Logger } from '../platform/logger.ts';
import type { Database } from '../store/database.ts';
import type { ImportKind } from '../store/schema/index.ts';
import { administrations, domains, importItems, yukiSearchProofs } from '../store/schema/index.ts';
import type { YukiDomainClient } from '../yuki/yuki.client.ts';
import { findPostedDocument } from './reconcile.ts';

type Where = { yukiDomainId: string; kind: ImportKind };

/** Whether a search in this domain has found a document of this kind that we posted. */
export async function searchIsProven(db: Database, where: Where): Promise<boolean> {
  const [row] = await db
    .select({ findsPosted: yukiSearchProofs.findsPosted })
    .from(yukiSearchProofs)
    .where(and(eq(yukiSearchProofs.yukiDomainId, where.yukiDomainId), eq(yukiSearchProofs.kind, where.kind)));
  return row?.findsPosted ?? false;
}

/** Records what one search for a posted document showed; a success is never overwritten by a miss. */
export async function recordSearchProof(
  db: Database,
  where: Where,
  proof: { found: boolean; marker: string; yukiDocumentId: string | null },
): Promise<void> {
  const values = {
    ...where,
    findsPosted: proof.found,
    marker: proof.marker,
    yukiDocumentId: proof.yukiDocumentId,
    checkedAt: new Date(),
  };
  await db
    .insert(yukiSearchProofs)
    .values(values)
    .onConflictDoUpdate({
      target: [yukiSearchProofs.yukiDomainId, yukiSearchProofs.kind],
      set: {
        findsPosted: proof.found,
        marker: proof.marker,
        yukiDocumentId: proof.yukiDocumentId,
        checkedAt: values.checkedAt,
      },
      // Once found, the search is proven; a later miss (a slow index) does not unprove it.
      setWhere: sql`not ${yukiSearchProofs.findsPosted}`,
    });
}

/**
 * Whether the domain's search is proven for this kind, proving it now if need be: a search for the
 * marker of a document of this kind we posted in this Yuki domain earlier (recorded with its Yuki id).
 * Asked only when a search came back empty, so the normal path spends no call on it. A failing search
 * proves nothing and throws, like the search it backs.
 */
export async function proveSearch(
  db: Database,
  yuki: YukiDomainClient,
  where: Where,
  logger?: Logger,
): Promise<boolean> {
  if (await searchIsProven(db, where)) return true;
  const [known] = await db
    .select({ marker: importItems.marker, yukiDocumentId: importItems.yukiDocumentId })
    .from(importItems)
    .innerJoin(administrations, eq(administrations.id, importItems.administrationId))
    .innerJoin(domains, eq(domains.id, administrations.domainId))
    .where(
      and(
        eq(domains.yukiDomainId, where.yukiDomainId),
        eq(importItems.kind, where.kind),
        eq(importItems.state, 'posted'),
        isNotNull(importItems.yukiDocumentId),
      ),
    )
    .orderBy(desc(importItems.postedAt))
    .limit(1);
  if (!known?.yukiDocumentId) return false;
  const found = await findPostedDocument(yuki, known.marker);
  const proven = found === known.yukiDocumentId;
  await recordSearchProof(db, where, {
    found: proven,
    marker: known.marker,
    yukiDocumentId: known.yukiDocumentId,
  });
  if (!proven)
    logger?.warn(
      { ...where, marker: known.marker, found },
      'Yuki search did not find a document we posted; "not found" waits for a person here',
    );
  return proven;
}
