import { describe, expect, it } from 'vitest';
import {
  lookbackWindow,
  parsePeriodKey,
  payrollPeriod,
  periodContaining,
  periodId,
  periodKey,
  periodLabel,
  periodsInYear,
  shiftPeriod,
} from './periods.ts';

describe('payroll periods', () => {
  it('gives months their calendar dates, February in a leap year too', () => {
    expect(payrollPeriod('month', 2026, 10)).toMatchObject({
      startDate: '2026-10-01',
      endDate: '2026-10-31',
    });
    expect(payrollPeriod('month', 2028, 2).endDate).toBe('2028-02-29');
  });

  it('runs four-week periods on ISO weeks, the 13th its own period with five weeks in a 53-week year', () => {
    expect(periodsInYear('4weeks', 2026)).toBe(13);
    expect(payrollPeriod('4weeks', 2026, 1)).toMatchObject({
      startDate: '2025-12-29',
      endDate: '2026-01-25',
    });
    expect(payrollPeriod('4weeks', 2026, 13)).toMatchObject({
      startDate: '2026-11-30',
      endDate: '2027-01-03',
    });
    expect(periodsInYear('week', 2026)).toBe(53);
    expect(payrollPeriod('4weeks', 2026, 13).endDate).toBe(payrollPeriod('week', 2026, 53).endDate);
    expect(payrollPeriod('4weeks', 2025, 13)).toMatchObject({
      startDate: '2025-12-01',
      endDate: '2025-12-28',
    });
  });

  it('prefers the dates Loket gives', () => {
    const loket = { startDate: '2026-11-02', endDate: '2026-11-29' };
    expect(payrollPeriod('4weeks', 2026, 12, loket)).toMatchObject(loket);
  });

  it('refuses a period number the year does not have', () => {
    expect(() => payrollPeriod('month', 2026, 13)).toThrow(RangeError);
    expect(() => payrollPeriod('week', 2025, 53)).toThrow(RangeError);
  });

  it('finds the period of a date and shifts across years', () => {
    expect(periodContaining('month', '2026-11-18')).toMatchObject({ year: 2026, number: 11 });
    expect(periodContaining('4weeks', '2027-01-02')).toMatchObject({ year: 2026, number: 13 });
    expect(periodContaining('week', '2026-01-01')).toMatchObject({ year: 2026, number: 1 });
    expect(shiftPeriod(payrollPeriod('4weeks', 2027, 1), -1)).toMatchObject({ year: 2026, number: 13 });
    expect(shiftPeriod(payrollPeriod('month', 2026, 1), -2)).toMatchObject({ year: 2025, number: 11 });
    expect(shiftPeriod(payrollPeriod('week', 2026, 53), 1)).toMatchObject({ year: 2027, number: 1 });
  });

  it('names periods for people and keys', () => {
    expect(periodLabel(payrollPeriod('month', 2026, 10))).toBe('oktober 2026');
    expect(periodLabel(payrollPeriod('4weeks', 2026, 13))).toBe('periode 13 2026');
    expect(periodLabel(payrollPeriod('week', 2026, 7))).toBe('week 7 2026');
    expect(periodKey({ year: 2026, number: 8 })).toBe('2026-08');
    expect(periodId({ year: 2026, number: 13 })).toBe(202613);
    expect(parsePeriodKey('2026-10')).toBe(202610);
    expect(parsePeriodKey('2026-8')).toBe(202608);
    expect(parsePeriodKey('oktober')).toBeNull();
  });

  it('looks back over the current and N previous periods', () => {
    const window = lookbackWindow('month', '2026-11-18', 2);
    expect([periodKey(window.from), periodKey(window.to)]).toEqual(['2026-09', '2026-11']);
    const fourWeekly = lookbackWindow('4weeks', '2027-01-10', 1);
    expect([periodKey(fourWeekly.from), periodKey(fourWeekly.to)]).toEqual(['2026-13', '2027-01']);
  });
});
