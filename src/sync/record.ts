/**
 * @module sync/record
 * Step 3 of the exactly-once protocol: record what became of an attempt. Every write names the attempt
 * id, so an attempt that was taken over as stale can no longer change the item. The "may have been
 * posted" fact is set here just before a post call, and cleared only by what settles it.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { AppError } from '../core/errors.ts';
import { isAppError } from '../core/errors.ts';
import type { Logger } from '../platform/logger.ts';
import type { Database } from '../store/database.ts';
import type { ImportItemDetails, ImportItemState } from '../store/schema/index.ts';
import { importItems } from '../store/schema/index.ts';
import { preparedPerDatabase } from '../store/prepared.ts';
import type { ClaimedItem } from './claim.ts';
import { NeedsCheckError } from './errors.ts';
import { transition } from './item-states.ts';

/** This attempt's row, while it is still posting (a state change passes its move, which leaves posting). */
const ours = (item: ClaimedItem, move: { from: ImportItemState } = { from: 'posting' }) =>
  and(
    eq(importItems.id, item.id),
    eq(importItems.attemptId, item.attemptId),
    eq(importItems.state, move.from),
  );

const noError = { errorCode: null, errorNl: null, errorEn: null, errorDetail: null };

/** What a post leaves in the item: the document, no error, and nothing left that may be in Yuki unrecorded. */
const postedColumns = (yukiDocumentId: string | SQL, now: Date | SQL) => ({
  state: transition('posting', 'posted').to,
  yukiDocumentId,
  postedAt: now,
  updatedAt: now,
  notBefore: null,
  maybePostedSince: null,
  // Loket is told of the success next, even if it heard of an earlier failure.
  loketMarkedAt: null,
  ...noError,
});

/** Posted: Yuki holds the document. Answers false when the attempt was taken over meanwhile. */
export async function recordPosted(
  db: Database,
  item: ClaimedItem,
  yukiDocumentId: string,
  facts: { amountCents?: number; details?: ImportItemDetails } = {},
): Promise<boolean> {
  const now = new Date();
  if (facts.amountCents === undefined && facts.details === undefined) {
    // The usual case (every payslip): one statement built once per database (issue 13 P1).
    const rows = await preparedPosted(db).execute({
      id: item.id,
      attemptId: item.attemptId,
      yukiDocumentId,
      now: now.toISOString(),
    });
    return rows.length === 1;
  }
  const rows = await db
    .update(importItems)
    .set({
      ...postedColumns(yukiDocumentId, now),
      ...(facts.amountCents === undefined ? {} : { amountCents: facts.amountCents }),
      ...(facts.details === undefined ? {} : { details: { ...item.details, ...facts.details } }),
    })
    .where(ours(item, transition('posting', 'posted')))
    .returning({ id: importItems.id });
  return rows.length === 1;
}

/** `recordPosted` without facts: the item, attempt, document and moment are placeholders. */
const preparedPosted = preparedPerDatabase((db) =>
  db
    .update(importItems)
    .set(
      postedColumns(
        sql`${sql.placeholder('yukiDocumentId')}::text`,
        sql`${sql.placeholder('now')}::timestamptz`,
      ),
    )
    .where(
      and(
        eq(importItems.id, sql.placeholder('id')),
        eq(importItems.attemptId, sql.placeholder('attemptId')),
        eq(importItems.state, transition('posting', 'posted').from),
      ),
    )
    .returning({ id: importItems.id })
    .prepare('record_item_posted'),
);

/**
 * The error's texts, and its own details (Loket's or Yuki's words) for the item's `error_detail`. An
 * error the product does not know promises details in the log: they are logged here, and kept.
 */
export function errorColumns(error: unknown) {
  const known: AppError | null = isAppError(error) ? error : null;
  return {
    errorCode: known?.code ?? 'internal',
    errorNl: known?.text.nl ?? 'Er ging iets onverwachts mis. De beheerder kan het logboek bekijken.',
    errorEn: known?.text.en ?? 'Something unexpected went wrong. The operator can check the log.',
    errorDetail: errorDetail(error),
  };
}

/** Secrets a message may quote (a header, a form field, a SOAP parameter): never kept, never logged. */
const SECRET_IN_TEXT =
  /(bearer\s+|(?<![/\w])(?:access_?key|accesskey|password|client_?secret|refresh_?token|access_?token|sessionid)["'\s]*[=:>]\s*["']?)[^\s"'<&,;]+/gi;

export function redactSecrets(text: string): string {
  return text.replace(SECRET_IN_TEXT, '$1[redacted]');
}

/** What the error itself says, with its cause, secrets redacted, cut to a size a page can show. */
export function errorDetail(error: unknown): string {
  const own =
    isAppError(error) && error.detail ? error.detail : error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
  return redactSecrets(cause && !own.includes(cause) ? `${own} — ${cause}` : own).slice(0, 4000);
}

/** Failed: nothing was posted, or the "may have been posted" fact stands and a retry searches first. */
export async function recordFailed(
  db: Database,
  item: ClaimedItem,
  error: unknown,
  details?: ImportItemDetails,
  logger?: Logger,
): Promise<void> {
  const move = transition('posting', 'failed');
  const columns = errorColumns(error);
  logger?.warn(
    {
      administrationId: item.administrationId,
      itemId: item.id,
      kind: item.kind,
      code: columns.errorCode,
      detail: columns.errorDetail,
    },
    'import item failed',
  );
  await db
    .update(importItems)
    .set({
      state: move.to,
      updatedAt: new Date(),
      ...columns,
      ...(details === undefined ? {} : { details: { ...item.details, ...details } }),
    })
    .where(ours(item, move));
}

/** Waiting for Yuki's quota: parked until the next Yuki day, never dropped. */
export async function recordWaitingForQuota(
  db: Database,
  item: ClaimedItem,
  error: unknown,
  notBefore: Date,
): Promise<void> {
  const move = transition('posting', 'waiting_quota');
  await db
    .update(importItems)
    .set({ state: move.to, notBefore, updatedAt: new Date(), ...errorColumns(error) })
    .where(ours(item, move));
}

/** Check in Yuki: an earlier attempt may have posted and Yuki's search is not proven to find it here. */
export async function recordNeedsCheck(db: Database, item: ClaimedItem): Promise<boolean> {
  const move = transition('posting', 'needs_check');
  const rows = await db
    .update(importItems)
    .set({
      state: move.to,
      updatedAt: new Date(),
      notBefore: null,
      ...errorColumns(new NeedsCheckError()),
    })
    .where(ours(item, move))
    .returning({ id: importItems.id });
  return rows.length === 1;
}

/**
 * Just before a post call: the item may be in Yuki from now on, until a search or a person settles it.
 * Doubles as a heartbeat (on the claim's clock); answers false when the claim was lost, and then nothing may be posted.
 */
export async function armPost(db: Database, item: ClaimedItem, now = new Date()): Promise<boolean> {
  const rows = await preparedArm(db).execute({
    id: item.id,
    attemptId: item.attemptId,
    now: now.toISOString(),
  });
  return rows.length === 1;
}

/** `armPost` for every post call, built once per database. */
const preparedArm = preparedPerDatabase((db) => {
  const now = sql`${sql.placeholder('now')}::timestamptz`;
  return db
    .update(importItems)
    .set({ maybePostedSince: sql`coalesce(${importItems.maybePostedSince}, ${now})`, heartbeatAt: now })
    .where(
      and(
        eq(importItems.id, sql.placeholder('id')),
        eq(importItems.attemptId, sql.placeholder('attemptId')),
        eq(importItems.state, 'posting'),
      ),
    )
    .returning({ id: importItems.id })
    .prepare('arm_item_post');
});

/**
 * Clears the fact when it is settled without a post: a search that proved the document absent (one
 * that is proven to find such documents), or Yuki refusing this attempt's own post outright.
 */
export async function recordNotInYuki(db: Database, item: ClaimedItem): Promise<void> {
  await db.update(importItems).set({ maybePostedSince: null }).where(ours(item));
}

/** The live attempt's sign of life (on the claim's clock); answers false when its claim was taken over. */
export async function beat(db: Database, item: ClaimedItem, now = new Date()): Promise<boolean> {
  const rows = await db
    .update(importItems)
    .set({ heartbeatAt: now })
    .where(ours(item))
    .returning({ id: importItems.id });
  return rows.length === 1;
}

/** Journal runs: Loket was told the outcome. */
export async function recordLoketMarked(db: Database, itemId: string): Promise<void> {
  await db.update(importItems).set({ loketMarkedAt: new Date() }).where(eq(importItems.id, itemId));
}

/** Journal runs: Loket was told this refusal (MarkAsProcessingFailed with `reason`). */
export async function recordLoketToldFailure(db: Database, itemId: string, reason: string): Promise<void> {
  await db
    .update(importItems)
    .set({
      loketMarkedAt: new Date(),
      details: sql`${importItems.details} || ${JSON.stringify({ loketFailure: reason })}::jsonb`,
    })
    .where(eq(importItems.id, itemId));
}
