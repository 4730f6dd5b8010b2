/**
 * @module sync/retrying
 * Which failed items the item queue still retries by itself: those whose error is retryable (the
 * AppErrors built with `retryable: true`) while attempts are left. A run with such items is not done.
 */

/** The codes of every AppError an item attempt can end in that is built `retryable: true`. */
export const RETRYABLE_ITEM_CODES = [
  'loket.unavailable',
  'yuki.session',
  'yuki.daily_limit',
  'yuki.unavailable',
  'yuki.gl_scheme_unreadable',
  'yuki.fault',
  'sync.attempt_timeout',
] as const;

/** The item queue's retryLimit (src/jobs/import-queues.ts) plus the first attempt. */
export const ITEM_ATTEMPTS = 9;
