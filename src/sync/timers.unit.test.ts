import { describe, expect, it } from 'vitest';
import { importItemQueue, MAYBE_POSTED_RETRY_DELAY_SECONDS } from '../jobs/import-queues.ts';
import {
  ATTEMPT_DEADLINE_MS,
  CLAIM_HEARTBEAT_MS,
  DEAD_WORKER_RECOVERY_MS,
  ITEM_JOB_EXPIRY_SECONDS,
  ITEM_JOB_HEARTBEAT_SECONDS,
  ITEM_JOB_RETRY_DELAY_SECONDS,
  JOB_MONITOR_INTERVAL_SECONDS,
  MAYBE_POSTED_SETTLE_MS,
  STALE_CLAIM_MS,
  STALE_SWEEP_MS,
} from './timers.ts';

describe('the timers of the exactly-once protocol keep their order (issue 11.2)', () => {
  it('a live attempt beats several times before its claim could count as stale', () => {
    expect(CLAIM_HEARTBEAT_MS * 3).toBeLessThanOrEqual(STALE_CLAIM_MS);
  });

  it('a dead worker’s claim is taken over within 2 minutes, by the sweep and by the job engine', () => {
    expect(DEAD_WORKER_RECOVERY_MS).toBeLessThanOrEqual(2 * 60 * 1000);
    expect(STALE_CLAIM_MS + STALE_SWEEP_MS).toBeLessThan(DEAD_WORKER_RECOVERY_MS);
    // pg-boss fails a job whose heartbeat stopped at its next monitor pass, then retries it.
    const engine =
      (ITEM_JOB_HEARTBEAT_SECONDS + JOB_MONITOR_INTERVAL_SECONDS + ITEM_JOB_RETRY_DELAY_SECONDS) * 1000;
    expect(engine).toBeLessThan(DEAD_WORKER_RECOVERY_MS);
    // pg-boss refuses a heartbeat below 10 s.
    expect(ITEM_JOB_HEARTBEAT_SECONDS).toBeGreaterThanOrEqual(10);
  });

  it('the job engine never re-runs a job whose attempt can still be alive', () => {
    expect(ATTEMPT_DEADLINE_MS).toBeLessThan(ITEM_JOB_EXPIRY_SECONDS * 1000);
    expect(importItemQueue.policy).toMatchObject({
      expireInSeconds: ITEM_JOB_EXPIRY_SECONDS,
      heartbeatSeconds: ITEM_JOB_HEARTBEAT_SECONDS,
      retryDelaySeconds: ITEM_JOB_RETRY_DELAY_SECONDS,
    });
  });

  it('a dead worker’s claim turns stale long before its job expires, so the re-run job takes it over', () => {
    expect(STALE_CLAIM_MS).toBeLessThan(ITEM_JOB_EXPIRY_SECONDS * 1000);
  });

  // Issue 12 asked for "attempt deadline < stale claim". That held before heartbeats; now a live attempt
  // keeps its claim fresh, so the attempt only has to stop before its claim can be taken over once its
  // beats fail: it fences itself after half the stale age without a beat (keepClaimAlive in import-item.ts).
  it('an attempt whose beats fail stops before its claim turns stale, and a live one beats within that', () => {
    const fence = STALE_CLAIM_MS / 2;
    expect(fence).toBeLessThan(STALE_CLAIM_MS);
    expect(CLAIM_HEARTBEAT_MS).toBeLessThan(fence);
  });

  it('in all: attempt fence < stale claim < job expiry, attempt deadline < job expiry, settle < retry', () => {
    const order = [STALE_CLAIM_MS / 2, STALE_CLAIM_MS, ITEM_JOB_EXPIRY_SECONDS * 1000];
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(new Set(order).size).toBe(order.length);
    expect(ATTEMPT_DEADLINE_MS).toBeLessThan(ITEM_JOB_EXPIRY_SECONDS * 1000);
    expect(MAYBE_POSTED_SETTLE_MS).toBeLessThan(MAYBE_POSTED_RETRY_DELAY_SECONDS * 1000);
  });

  it('the retry after a possible post comes only once the item has settled', () => {
    expect(MAYBE_POSTED_SETTLE_MS).toBeLessThan(MAYBE_POSTED_RETRY_DELAY_SECONDS * 1000);
  });
});
