/**
 * @module sync/timers
 * Every timer of the exactly-once protocol in one place, because they only work in this order:
 *
 *   claim heartbeat (15 s) × 3 ≤ stale claim (60 s) ≤ stale claim + sweep (90 s) < 2 minutes
 *   job heartbeat (30 s) + engine monitor (15 s) + first retry (≤ 30 s) < 2 minutes
 *   attempt deadline (5 min) < job expiry (15 min): the engine never re-runs a job whose attempt lives
 *   settle time after a possible post (4 min) < the retry delay after one (5 min)
 *
 * A live attempt refreshes its claim's heartbeat, so a claim goes stale only when its worker died
 * (kill -9, power loss); the stale age no longer has to exceed the attempt deadline.
 */

/** How often the live attempt refreshes its claim's `heartbeat_at`. */
export const CLAIM_HEARTBEAT_MS = 15_000;

/** A claim whose heartbeat is older than this belongs to a dead worker and may be taken over. */
export const STALE_CLAIM_MS = 60_000;

/** How often each worker looks for stale claims (and planned items whose job died) and re-sends them. */
export const STALE_SWEEP_MS = 30_000;

/** One attempt's Loket and Yuki calls stop after this long. */
export const ATTEMPT_DEADLINE_MS = 5 * 60 * 1000;

/** pg-boss: a job of a live worker heartbeats by itself; one whose worker died fails after this (min 10). */
export const ITEM_JOB_HEARTBEAT_SECONDS = 30;

/** pg-boss: how often a worker fails jobs whose heartbeat stopped (its monitor pass). */
export const JOB_MONITOR_INTERVAL_SECONDS = 15;

/** pg-boss: the first retry of a failed item job comes after at most this (backoff grows from here). */
export const ITEM_JOB_RETRY_DELAY_SECONDS = 30;

/** pg-boss: an item job still running after this long is considered lost; far above an attempt. */
export const ITEM_JOB_EXPIRY_SECONDS = 15 * 60;

/**
 * After a failure that may have reached Yuki, no new attempt within this time: Yuki may still be
 * booking the aborted post, and a search too early would miss it.
 */
export const MAYBE_POSTED_SETTLE_MS = 4 * 60 * 1000;

/** The first retry after a failure that may have reached Yuki waits this long (above the settle time). */
export const MAYBE_POSTED_RETRY_DELAY_SECONDS = 5 * 60;

/** The promise the timers make: a dead worker's claims are recovered within this. */
export const DEAD_WORKER_RECOVERY_MS = 2 * 60 * 1000;
