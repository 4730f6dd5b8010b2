/**
 * @module sync/search-proof
 * Exactly once rests on Yuki's SearchDocuments finding our marker, which Yuki does not promise (issue
 * 10.5). So the product proves it: after the first post of each kind in a Yuki domain it searches for
 * what it posted and records whether it was found. Only a proven search may turn "not found" into
 * posting again; elsewhere a person checks in Yuki.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Logger } from '../runtime/logger.ts';
import type { Database } from '../store/database.ts';
import type { ImportKind } from '../store/schema/index.ts';
import { yukiSearchProofs } from '../store/schema/index.ts';
import type { YukiDomainClient } from '../yuki/yuki.client.ts';
import { findPostedDocument } from './reconcile.ts';
import { SEARCH_PROOF_RETRY_MS } from './timers.ts';

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
 * After a post: while the domain's search is not proven for this kind (and was not tried within the
 * hour), search for the document just posted. Never fails the post: a failing search proves nothing.
 */
export async function proveSearchAfterPost(
  db: Database,
  yuki: YukiDomainClient,
  posted: Where & { marker: string; yukiDocumentId: string },
  logger?: Logger,
): Promise<void> {
  try {
    const [row] = await db
      .select()
      .from(yukiSearchProofs)
      .where(
        and(eq(yukiSearchProofs.yukiDomainId, posted.yukiDomainId), eq(yukiSearchProofs.kind, posted.kind)),
      );
    if (row && (row.findsPosted || Date.now() - row.checkedAt.getTime() < SEARCH_PROOF_RETRY_MS)) return;
    const found = await findPostedDocument(yuki, posted.marker);
    await recordSearchProof(db, posted, {
      found: found === posted.yukiDocumentId,
      marker: posted.marker,
      yukiDocumentId: posted.yukiDocumentId,
    });
    if (found !== posted.yukiDocumentId)
      logger?.warn(
        { yukiDomainId: posted.yukiDomainId, kind: posted.kind, marker: posted.marker, found },
        'Yuki search did not find the document just posted; "not found" will wait for a person here',
      );
  } catch (error) {
    logger?.warn(
      { err: error, yukiDomainId: posted.yukiDomainId, kind: posted.kind },
      'search proof not taken',
    );
  }
}
