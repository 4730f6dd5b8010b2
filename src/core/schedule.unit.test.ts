import { describe, expect, it } from 'vitest';
import { CronSchedule, isBuiltInScheduleDue, isImportDue } from './schedule.ts';

describe('import schedule', () => {
  it('follows the payroll rhythm without a cron expression', () => {
    expect(isBuiltInScheduleDue(new Date('2026-11-29T14:00:00Z'))).toBe(true); // last days of the month
    expect(isBuiltInScheduleDue(new Date('2026-11-03T14:00:00Z'))).toBe(true); // first days
    expect(isBuiltInScheduleDue(new Date('2026-11-15T14:00:00Z'))).toBe(false);
    expect(isBuiltInScheduleDue(new Date('2026-11-15T05:00:00Z'))).toBe(true); // 06:00 in Amsterdam
    expect(isBuiltInScheduleDue(new Date('2026-11-26T02:00:00Z'))).toBe(true);
    expect(isBuiltInScheduleDue(new Date('2026-11-25T14:00:00Z'))).toBe(false);
    expect(isBuiltInScheduleDue(new Date('2026-07-15T04:00:00Z'))).toBe(true); // 06:00 in summer time
    expect(isBuiltInScheduleDue(new Date('2026-11-18T06:00:00Z'))).toBe(false);
  });

  it('runs a cron expression in the hour its occurrence falls in, Amsterdam time', () => {
    const weekdaysAtSeven = '0 7 * * 1-5';
    expect(isImportDue(weekdaysAtSeven, new Date('2026-11-16T06:00:00Z'))).toBe(true); // Monday 07:00 CET
    expect(isImportDue(weekdaysAtSeven, new Date('2026-11-16T07:00:00Z'))).toBe(false);
    expect(isImportDue(weekdaysAtSeven, new Date('2026-11-15T06:00:00Z'))).toBe(false); // Sunday
  });

  it('keeps only a daily safety sweep at 06:00 for an administration the freshness poll covers', () => {
    const payrollDay = new Date('2026-11-29T14:00:00Z');
    expect(isImportDue(null, payrollDay)).toBe(true);
    expect(isImportDue(null, payrollDay, true)).toBe(false);
    expect(isImportDue(null, new Date('2026-11-15T05:00:00Z'), true)).toBe(true); // 06:00 in Amsterdam
    // A cron of its own still names the sweep times.
    expect(isImportDue('0 15 * * *', payrollDay, true)).toBe(true);
  });

  it('accepts five-field expressions only', () => {
    expect(CronSchedule.safeParse('0 7 * * 1-5').success).toBe(true);
    expect(CronSchedule.safeParse('elke dag').success).toBe(false);
    expect(CronSchedule.safeParse('0 0 7 * * 1-5').success).toBe(false);
  });
});
