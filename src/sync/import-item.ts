/**
 * @module sync/import-item
 * Runs one item through the exactly-once protocol: claim → (search Yuki first when an earlier attempt
 * may have posted) → post → record. "May have been posted" is a fact of the item, set just before each
 * post call and cleared only by a search that settled it; while it stands, Loket never hears the
 * journal failed, and where Yuki's search is not proven a "not found" waits for a person ("check in
 * Yuki"). The live attempt heartbeats its claim and stops before posting once it lost it. Every Loket
 * and Yuki call of an attempt stops at the attempt's deadline.
 */
import { deadlineIn } from '../platform/timeout.ts';
import { eq } from 'drizzle-orm';
import { AppError, isAppError } from '../core/errors.ts';
import { periodLabel } from '../core/periods.ts';
import type { Logger } from '../platform/logger.ts';
import type { Database } from '../store/database.ts';
import { importItems } from '../store/schema/index.ts';
import { refusedOutright, YukiDailyLimitError } from '../yuki/errors.ts';
import type { YukiDomainClient } from '../yuki/yuki.client.ts';
import type { ClaimedItem, ClaimOptions, ImportItem } from './claim.ts';
import { claimAtOnce, claimSeenItem, settlingUntil, staleAt } from './claim.ts';
import { AttemptTimedOutError } from './errors.ts';
import { postJournal, reconciledJournal } from './import-journal.ts';
import { postPayslip } from './import-payslip.ts';
import { postTaxReturn } from './import-tax-return.ts';
import type { DomainLoket } from './domain-loket.ts';
import type { LinkContext, LinkLoader } from './link-context.ts';
import { findPostedDocument } from './reconcile.ts';
import {
  armPost,
  beat,
  recordFailed,
  recordLoketMarked,
  recordLoketToldFailure,
  recordNeedsCheck,
  recordNotInYuki,
  recordPosted,
  recordWaitingForQuota,
} from './record.ts';
import { proveSearch, recordSearchProof } from './search-proof.ts';
import { ATTEMPT_DEADLINE_MS, CLAIM_HEARTBEAT_MS, STALE_CLAIM_MS } from './timers.ts';
import { nextYukiDayStart } from './yuki-call-budget.ts';

export type ImportItemEnvironment = {
  db: Database;
  loadLink: LinkLoader;
  now?: () => Date;
  /** Take over a `posting` claim whose heartbeat is older than this (default 60 s; tests use less). */
  staleAfterMs?: number;
  /** Leave an item alone this long after a failure that may have reached Yuki (default 4 minutes; tests use 0). */
  settleAfterMs?: number;
  /** One attempt's Loket and Yuki calls stop after this long (default 5 minutes). */
  attemptDeadlineMs?: number;
  /** How often a live attempt refreshes its claim's heartbeat (default 15 s; below `staleAfterMs`). */
  heartbeatMs?: number;
  /** Where failures are logged with Loket's or Yuki's own words. */
  logger?: Logger;
  /** Domain connections and poll interval for the freshness poll (sync/freshness-poll); absent: no poll. */
  freshness?: { loket: DomainLoket; pollMinutes: number };
};

export type ItemOutcome =
  | { outcome: 'posted' | 'reconciled' | 'already_done'; yukiDocumentId?: string }
  /** Another attempt holds the claim; `retryAt` is when it counts as stale if its heartbeat stops. */
  | { outcome: 'busy'; retryAt?: Date }
  | { outcome: 'needs_check' }
  | { outcome: 'waiting_quota'; notBefore: Date }
  /** `maybePosted`: the document may be in Yuki; the next attempt searches first. */
  | { outcome: 'failed'; retryable: boolean; code: string; maybePosted: boolean };

/** The attempt's claim was taken over (its heartbeat matched no row): it stops, posting nothing more. */
class ClaimLostError extends AppError {
  constructor() {
    super('sync.claim_lost', {
      nl: 'Een andere poging heeft dit document overgenomen.',
      en: 'Another attempt took this document over.',
    });
  }
}

async function periodName(link: LinkContext, item: ImportItem): Promise<string> {
  const kind = await link.periodKind();
  return periodLabel({ kind, year: Math.floor(item.periodId / 100), number: item.periodId % 100 });
}

type PostGuard = {
  /** Runs before each post call; throws to stop it. */
  before(): Promise<void>;
  /** Told when a post call answered: the claim has done its work. */
  posted(): void;
  /** Told of each post call's error. */
  failed(error: unknown): void;
};

/** The link with every Yuki call that can book something wrapped in the guard. */
function guardedLink(link: LinkContext, guard: PostGuard): LinkContext {
  const wrap =
    <A extends unknown[]>(call: (...args: A) => Promise<string>) =>
    async (...args: A): Promise<string> => {
      await guard.before();
      try {
        const id = await call(...args);
        guard.posted();
        return id;
      } catch (error) {
        guard.failed(error);
        throw error;
      }
    };
  const yuki: YukiDomainClient = {
    ...link.yuki,
    processJournal: wrap(link.yuki.processJournal),
    processJournalXml: wrap(link.yuki.processJournalXml),
    uploadDocument: wrap(link.yuki.uploadDocument),
    uploadDocumentWithData: wrap(link.yuki.uploadDocumentWithData),
    uploadViaUploadAspx: wrap(link.yuki.uploadViaUploadAspx),
  };
  return { ...link, yuki };
}

/** Posts the item's document and records it; answers the Yuki document id. */
async function post(env: ImportItemEnvironment, link: LinkContext, item: ClaimedItem): Promise<string> {
  if (item.kind !== 'journal') {
    const id = item.kind === 'payslip' ? await postPayslip(link, item) : await postTaxReturn(link, item);
    await recordPosted(env.db, item, id);
    return id;
  }
  const journal = await postJournal(env.db, link, item, await periodName(link, item));
  await recordPosted(env.db, item, journal.documentId, {
    amountCents: journal.amountCents,
    details: journal.details,
  });
  return journal.documentId;
}

/** A journal found in Yuki keeps its lines as a post would; without Loket's lines it is recorded all the same. */
async function reconciledFacts(env: ImportItemEnvironment, link: LinkContext, item: ClaimedItem) {
  if (item.kind !== 'journal') return {};
  try {
    return await reconciledJournal(env.db, link, item, await periodName(link, item));
  } catch {
    // The document is in Yuki: failing the item now would have the next attempt post it again.
    return {};
  }
}

/** Tells Loket a journal run was imported; a failure here is retried by the next plan, never re-posts. */
async function markJournalProcessed(
  env: ImportItemEnvironment,
  link: LinkContext,
  item: ImportItem,
  documentId: string | null,
) {
  try {
    await link.loket.markJournalRunProcessed(
      item.loketObjectId,
      documentId ? `Geïmporteerd in Yuki (document ${documentId})` : 'Geïmporteerd in Yuki',
    );
    await recordLoketMarked(env.db, item.id);
  } catch (error) {
    await env.db
      .update(importItems)
      .set({
        errorDetail: `Loket niet bijgewerkt: ${error instanceof Error ? error.message : String(error)}`,
      })
      .where(eq(importItems.id, item.id));
  }
}

async function markJournalFailed(
  env: ImportItemEnvironment,
  link: LinkContext,
  item: ImportItem,
  error: unknown,
) {
  const reason = isAppError(error) ? error.text.nl : 'De import in Yuki is mislukt.';
  // Each scheduled run refuses the journal again; Loket hears a refusal once, and again only when it changes.
  if (item.details.loketFailure === reason) return;
  try {
    await link.loket.markJournalRunFailed(item.loketObjectId, reason);
    await recordLoketToldFailure(env.db, item.id, reason);
  } catch {
    // Loket hears of the failure when the item is tried again; the error itself is recorded already.
  }
}

/** Refreshes the claim's heartbeat until stopped; aborts `lost` when the claim is no longer ours. */
function keepClaimAlive(env: ImportItemEnvironment, item: ClaimedItem) {
  const lost = new AbortController();
  let stopped = false;
  let lastBeat = Date.now();
  // Self-fencing: an attempt that could not beat for half the stale age stops before others may take over.
  const fenceMs = (env.staleAfterMs ?? STALE_CLAIM_MS) / 2;
  const timer = setInterval(() => {
    if (!stopped && Date.now() - lastBeat > fenceMs) lost.abort(new ClaimLostError());
    void beat(env.db, item, (env.now ?? (() => new Date()))()).then(
      (ours) => {
        if (ours) lastBeat = Date.now();
        else if (!stopped) lost.abort(new ClaimLostError());
      },
      // A missed beat is only a missed beat; the fence above allows a few.
      () => undefined,
    );
  }, env.heartbeatMs ?? CLAIM_HEARTBEAT_MS);
  timer.unref();
  return {
    lost: lost.signal,
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}

export async function importItem(env: ImportItemEnvironment, itemId: string): Promise<ItemOutcome> {
  return (await importItemAs(env, itemId)).outcome;
}

/** What a job needs of the item it ran, as read when the attempt began. */
export type AttemptedItem = Pick<ImportItem, 'lastRunId' | 'kind' | 'periodId'>;

/** The claim's clock and ages as the environment sets them. */
export function claimOptionsOf(env: ImportItemEnvironment): ClaimOptions {
  return {
    ...(env.now ? { now: env.now } : {}),
    ...(env.staleAfterMs === undefined ? {} : { staleAfterMs: env.staleAfterMs }),
    ...(env.settleAfterMs === undefined ? {} : { settleAfterMs: env.settleAfterMs }),
  };
}

/**
 * `importItem`, also answering the item as its attempt read it, so the job needs no second read.
 * `claimed`: the item, claimed already with the jobs fetched together (sync/claim `claimManyAtOnce`).
 */
export async function importItemAs(
  env: ImportItemEnvironment,
  itemId: string,
  claimed?: ClaimedItem,
): Promise<{ outcome: ItemOutcome; item: AttemptedItem | null }> {
  if (claimed) {
    const now = (env.now ?? (() => new Date()))();
    // It waited for the jobs before it: a claim older than a heartbeat's interval beats before going on.
    const waited =
      now.getTime() - (claimed.heartbeatAt ?? now).getTime() > (env.heartbeatMs ?? CLAIM_HEARTBEAT_MS);
    if (waited && !(await beat(env.db, claimed, now))) return { outcome: { outcome: 'busy' }, item: claimed };
    return { outcome: await attemptClaimed(env, claimed), item: claimed };
  }
  // The usual case in one statement; anything else (done, being posted, settling) is read and decided below.
  const fresh = await claimAtOnce(env.db, itemId, claimOptionsOf(env));
  if (fresh) return { outcome: await attemptClaimed(env, fresh), item: fresh };
  const [current] = await env.db.select().from(importItems).where(eq(importItems.id, itemId));
  if (!current) return { outcome: { outcome: 'already_done' }, item: null };
  return { outcome: await attempt(env, current), item: current };
}

async function attempt(env: ImportItemEnvironment, current: ImportItem): Promise<ItemOutcome> {
  const now = env.now ?? (() => new Date());
  if (current.state === 'needs_check') return { outcome: 'needs_check' };
  if (current.state === 'posted' || current.state === 'skipped') {
    if (current.kind === 'journal' && current.state === 'posted' && !current.loketMarkedAt)
      await markJournalProcessed(
        env,
        await env.loadLink(current.administrationId),
        current,
        current.yukiDocumentId,
      );
    return { outcome: 'already_done' };
  }

  const item = await claimSeenItem(env.db, current, {
    now,
    ...(env.staleAfterMs === undefined ? {} : { staleAfterMs: env.staleAfterMs }),
    ...(env.settleAfterMs === undefined ? {} : { settleAfterMs: env.settleAfterMs }),
  });
  if (!item) {
    // Come back when the other attempt's claim would be stale, or when a possible post has settled.
    const retryAt =
      current.state === 'posting'
        ? staleAt(current, env.staleAfterMs ?? STALE_CLAIM_MS)
        : settlingUntil(current, env.settleAfterMs);
    return retryAt ? { outcome: 'busy', retryAt } : { outcome: 'busy' };
  }
  return attemptClaimed(env, item);
}

/** Steps 2–4 of the protocol for an item this attempt holds the claim on. */
async function attemptClaimed(env: ImportItemEnvironment, item: ClaimedItem): Promise<ItemOutcome> {
  const now = env.now ?? (() => new Date());
  const deadlineMs = env.attemptDeadlineMs ?? ATTEMPT_DEADLINE_MS;
  const deadline = deadlineIn(deadlineMs, 'The attempt');
  const alive = keepClaimAlive(env, item);
  const signal = AbortSignal.any([deadline.signal, alive.lost]);
  // Whether the item may be in Yuki right now, as this attempt knows it.
  let maybePosted = item.searchFirst;
  let link: LinkContext | null = null;
  try {
    // Payslips leave the last part of the day's Yuki budget to the books planned later that day.
    const loaded = await env.loadLink(item.administrationId, {
      signal,
      keepBudgetReserve: item.kind === 'payslip',
      // The link as it stood when this attempt claimed the item: a cached one only if nothing changed since.
      version: item.linkVersion ?? null,
    });
    link = loaded;
    const where = { yukiDomainId: loaded.yukiDomainId, kind: item.kind };
    // An earlier attempt may have posted before it could record: Yuki is asked before posting again.
    if (item.searchFirst) {
      const found = await findPostedDocument(loaded.yuki, item.marker);
      if (found) {
        alive.stop();
        await recordPosted(env.db, item, found, await reconciledFacts(env, loaded, item));
        // Finding what was posted proves the search, for free.
        await recordSearchProof(env.db, where, { found: true, marker: item.marker, yukiDocumentId: found });
        if (item.kind === 'journal') await markJournalProcessed(env, loaded, item, found);
        return { outcome: 'reconciled', yukiDocumentId: found };
      }
      if (!(await proveSearch(env.db, loaded.yuki, where, env.logger))) {
        alive.stop();
        await recordNeedsCheck(env.db, item);
        env.logger?.warn(
          { administrationId: item.administrationId, itemId: item.id, kind: item.kind, marker: item.marker },
          'import item may be in Yuki and Yuki search is not proven here: waiting for a person to check',
        );
        return { outcome: 'needs_check' };
      }
      // A proven search did not find it: the earlier attempt did not book it.
      await recordNotInYuki(env.db, item);
      maybePosted = false;
    }
    const guarded = guardedLink(loaded, {
      async before() {
        signal.throwIfAborted();
        // The last gate: a claim lost by now is never posted on.
        if (!(await armPost(env.db, item, now()))) throw new ClaimLostError();
        maybePosted = true;
      },
      // Yuki answered: no beat may now abort what follows (recording it, telling Loket).
      posted: () => alive.stop(),
      failed(error) {
        if (refusedOutright(error)) maybePosted = false;
      },
    });
    const documentId = await post(env, guarded, item);
    alive.stop();
    if (item.kind === 'journal') await markJournalProcessed(env, loaded, item, documentId);
    return { outcome: 'posted', yukiDocumentId: documentId };
  } catch (caught) {
    alive.stop();
    if (alive.lost.aborted || caught instanceof ClaimLostError) return { outcome: 'busy' };
    // Settled without a post (Yuki refused this attempt's own post outright, or it never got that far).
    if (!maybePosted) await recordNotInYuki(env.db, item);
    if (caught instanceof YukiDailyLimitError) {
      const notBefore = nextYukiDayStart(now());
      await recordWaitingForQuota(env.db, item, caught, notBefore);
      return { outcome: 'waiting_quota', notBefore };
    }
    // Whatever broke once the deadline passed broke because of it; a post may have reached Yuki.
    const error = deadline.signal.aborted ? new AttemptTimedOutError(deadlineMs, caught) : caught;
    await recordFailed(env.db, item, error, undefined, env.logger);
    const retryable = isAppError(error) && error.retryable;
    // While the document may be in Yuki, Loket is never told the journal failed.
    if (!retryable && !maybePosted && link && item.kind === 'journal')
      await markJournalFailed(env, link, item, error);
    return { outcome: 'failed', retryable, code: isAppError(error) ? error.code : 'internal', maybePosted };
  } finally {
    deadline.clear();
  }
}
