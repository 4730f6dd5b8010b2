/**
 * @module get-run-progress.unit.test
 * A run's outcome over its items' states: nothing reads as finished while an item is open or retried,
 * quota waits and failures say so, and "posted" needs every item posted or skipped.
 */
import { describe, expect, it } from 'vitest';
import { runOutcome, type KindProgress, type RunOutcome } from './get-run-progress.ts';

const kind = (counts: Partial<KindProgress>): KindProgress => {
  const full = { posted: 0, failed: 0, needsCheck: 0, waiting: 0, open: 0, ...counts };
  return { ...full, total: full.posted + full.failed + full.needsCheck + full.waiting + full.open };
};

describe('runOutcome', () => {
  it.each<[string, Parameters<typeof runOutcome>[0], Partial<KindProgress>, RunOutcome]>([
    ['planning', 'planning', {}, 'busy'],
    ['items open (planned, posting or retried) in a run marked done', 'done', { posted: 3, open: 1 }, 'busy'],
    ['items open beside failures', 'done', { failed: 52, open: 2 }, 'busy'],
    ['a running run with nothing open yet counted', 'running', {}, 'busy'],
    ['waiting for the quota', 'running', { posted: 10, waiting: 40 }, 'waiting_quota'],
    ['waiting beats failures', 'running', { failed: 1, waiting: 1 }, 'waiting_quota'],
    ['52 of 54 failed', 'done', { posted: 2, failed: 52 }, 'partly_failed'],
    ['failed beside an item to check', 'done', { failed: 1, needsCheck: 1 }, 'partly_failed'],
    ['all failed', 'done', { failed: 54 }, 'failed'],
    ['to check in Yuki', 'done', { posted: 5, needsCheck: 1 }, 'needs_check'],
    ['all posted or skipped', 'done', { posted: 54 }, 'posted'],
    ['nothing planned', 'done', {}, 'nothing'],
  ])('%s', (_name, state, counts, expected) => {
    const progress = Object.keys(counts).length === 0 ? {} : { payslip: kind(counts) };
    expect(runOutcome(state, progress)).toBe(expected);
  });

  it('sums the kinds: a posted journal does not hide failed payslips', () => {
    expect(runOutcome('done', { journal: kind({ posted: 1 }), payslip: kind({ failed: 25 }) })).toBe(
      'partly_failed',
    );
  });

  it('a run that failed itself (at planning) is failed whatever its items', () => {
    expect(runOutcome('failed', { payslip: kind({ posted: 3 }) })).toBe('failed');
  });
});
