/**
 * @module sync/reconcile
 * Step 4 of the exactly-once protocol. Yuki has no idempotency key, so before an item is posted a
 * second time (a retry, or a claim left by a crashed worker) Yuki is searched for the item's marker:
 * found means it was posted and only the record was lost.
 */
import { and, eq, or } from 'drizzle-orm';
import type { Database } from '../store/database.ts';
import type { ImportKind } from '../store/schema/index.ts';
import { importItems } from '../store/schema/index.ts';
import type { YukiDomainClient } from '../yuki/yuki.client.ts';
import { heartbeatBefore } from './claim.ts';
import { STALE_CLAIM_MS } from './timers.ts';
import { markerTag } from './item-key.ts';

/** The Yuki document carrying this marker, if one exists. */
export async function findPostedDocument(yuki: YukiDomainClient, marker: string): Promise<string | null> {
  const tag = markerTag(marker);
  const hits = await yuki.findDocumentsByText(tag);
  // Prefer a hit whose subject shows the marker; remarks match too, so any hit is ours.
  return (hits.find((d) => d.subject.includes(tag)) ?? hits[0])?.id ?? null;
}

/**
 * Items to hand to a worker again after a restart: planned ones whose job may have died with a worker,
 * and claims whose heartbeat stopped because their worker died between claim and record (the claim
 * reconciles).
 */
export async function itemsToResume(
  db: Database,
  options: { staleAfterMs?: number; now?: Date; onlyStale?: boolean } = {},
): Promise<
  Array<{
    id: string;
    administrationId: string;
    key: string;
    lastRunId: string | null;
    kind: ImportKind;
    periodId: number;
  }>
> {
  const now = options.now ?? new Date();
  const staleBefore = new Date(now.getTime() - (options.staleAfterMs ?? STALE_CLAIM_MS));
  return db
    .select({
      id: importItems.id,
      administrationId: importItems.administrationId,
      key: importItems.key,
      lastRunId: importItems.lastRunId,
      kind: importItems.kind,
      periodId: importItems.periodId,
    })
    .from(importItems)
    .where(
      or(
        // A periodic sweep leaves planned items alone: their jobs are queued, not lost.
        options.onlyStale ? undefined : eq(importItems.state, 'planned'),
        and(eq(importItems.state, 'posting'), heartbeatBefore(staleBefore)),
      ),
    );
}
