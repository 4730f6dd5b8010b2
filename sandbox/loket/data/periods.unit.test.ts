import { describe, expect, it } from 'vitest';
import { periodContaining, periodOf, periodsInYear, shiftPeriod } from './periods.ts';

describe('payroll periods', () => {
  it('numbers months by the calendar', () => {
    expect(periodOf('month', 2024, 2)).toEqual({
      id: 202402,
      year: 2024,
      periodNumber: 2,
      startDate: '2024-02-01',
      endDate: '2024-02-29',
    });
    expect(periodContaining('month', '2026-11-28').id).toBe(202611);
  });

  it('gives four-week years 13 periods on ISO weeks, the last one five weeks in a 53-week year', () => {
    expect(periodsInYear('4weeks', 2026)).toBe(13);
    expect(periodOf('4weeks', 2026, 1)).toMatchObject({ startDate: '2025-12-29', endDate: '2026-01-25' });
    expect(periodOf('4weeks', 2026, 13)).toMatchObject({ startDate: '2026-11-30', endDate: '2027-01-03' });
    expect(periodsInYear('week', 2026)).toBe(53);
    expect(periodContaining('4weeks', '2027-01-02').id).toBe(202613);
  });

  it('shifts across year ends', () => {
    expect(shiftPeriod('month', periodOf('month', 2026, 1), -1).id).toBe(202512);
    expect(shiftPeriod('4weeks', periodOf('4weeks', 2026, 13), 1).id).toBe(202701);
    expect(shiftPeriod('week', periodOf('week', 2025, 52), 2).id).toBe(202602);
  });
});
