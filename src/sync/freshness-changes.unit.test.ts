import { describe, expect, it } from 'vitest';
import { amsterdamDate, shouldPlan, watchedPeriodIds } from './freshness-changes.ts';

// Status keys from loket-openapi.json, GetPayrollProcessStatusByProviderId:
// 1 not started, 2 queued, 3 waiting for approval, 4 incorrect + approved preceding run, 5 incorrect,
// 6 approved, 7 no results, 8 no results + approved preceding run.
describe('shouldPlan', () => {
  it('plans on an approval: waiting for approval (3) or not started (1) becoming approved (6)', () => {
    expect(shouldPlan(3, 6, true)).toBe(true);
    expect(shouldPlan(1, 6, true)).toBe(true);
    expect(shouldPlan(2, 6, true)).toBe(true);
  });

  it('does not plan when nothing was approved or the status stayed the same', () => {
    expect(shouldPlan(6, 6, true)).toBe(false);
    expect(shouldPlan(1, 3, true)).toBe(false);
    expect(shouldPlan(3, 5, true)).toBe(false);
    expect(shouldPlan(1, 7, true)).toBe(false);
    expect(shouldPlan(6, 3, true)).toBe(false);
  });

  it('plans when an approval happened between two polls (4 or 8 after a status without an approved run)', () => {
    expect(shouldPlan(3, 4, true)).toBe(true);
    expect(shouldPlan(1, 8, true)).toBe(true);
    // The approval behind 4/8 was already seen as 6 and planned then.
    expect(shouldPlan(6, 4, true)).toBe(false);
    expect(shouldPlan(4, 8, true)).toBe(false);
  });

  it('treats a first sight as a baseline, except for a new period of an administration it knew', () => {
    expect(shouldPlan(undefined, 6, false)).toBe(false);
    expect(shouldPlan(undefined, 6, true)).toBe(true);
    expect(shouldPlan(undefined, 3, true)).toBe(false);
  });
});

describe('watchedPeriodIds', () => {
  it('asks for the current month only, plus last month in the first week', () => {
    expect(watchedPeriodIds('month', '2026-11-18')).toEqual([202611]);
    expect(watchedPeriodIds('month', '2026-12-03')).toEqual([202611, 202612]);
    expect(watchedPeriodIds('month', '2027-01-02')).toEqual([202612, 202701]);
  });

  it('numbers weeks and four-week periods on ISO weeks', () => {
    // ISO week 47 of 2026 starts Monday 16 November; from its fourth day only week 47 is watched.
    expect(watchedPeriodIds('week', '2026-11-19')).toEqual([202647]);
    expect(watchedPeriodIds('week', '2026-11-16')).toEqual([202646, 202647]);
    expect(watchedPeriodIds('4weeks', '2026-11-18')).toEqual([202612]);
  });

  it('takes the date in Amsterdam, not UTC', () => {
    expect(amsterdamDate(new Date('2026-11-30T23:30:00Z'))).toBe('2026-12-01');
  });
});
