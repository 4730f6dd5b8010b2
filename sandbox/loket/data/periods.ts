/**
 * @module periods
 * Payroll periods as Loket numbers them: months 1–12, four-week periods 1–13 and weeks 1–52/53, the
 * latter two on ISO weeks (a 53-week year gives period 13 five weeks). Ids are YYYYPP integers.
 */
import type { PayrollPeriodType } from '../../shared/demo-firm.ts';

export type PayrollPeriod = {
  /** YYYYPP, as Loket identifies payroll periods of an administration. */
  id: number;
  year: number;
  periodNumber: number;
  /** ISO dates, inclusive. */
  startDate: string;
  endDate: string;
};

/** Loket's payrollPeriodType metadata: month 1, four weeks 3, week 4. */
export const PERIOD_TYPE_METADATA: Record<PayrollPeriodType, { key: number; value: string }> = {
  month: { key: 1, value: 'Maand' },
  '4weeks': { key: 3, value: '4 weken' },
  week: { key: 4, value: 'Week' },
};

const DAY_MS = 86_400_000;

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function utc(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** Monday of ISO week 1 of an ISO year. */
function isoYearStart(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  return jan4 - weekday * DAY_MS;
}

function isoWeeksIn(year: number): number {
  return (isoYearStart(year + 1) - isoYearStart(year)) / (7 * DAY_MS);
}

/** Number of periods in a payroll year. */
export function periodsInYear(type: PayrollPeriodType, year: number): number {
  if (type === 'month') return 12;
  if (type === '4weeks') return 13;
  return isoWeeksIn(year);
}

/** The period with this number in this year. */
export function periodOf(type: PayrollPeriodType, year: number, periodNumber: number): PayrollPeriod {
  const id = year * 100 + periodNumber;
  if (type === 'month') {
    const start = Date.UTC(year, periodNumber - 1, 1);
    const end = Date.UTC(year, periodNumber, 1) - DAY_MS;
    return { id, year, periodNumber, startDate: isoDate(start), endDate: isoDate(end) };
  }
  const weeks = type === 'week' ? 1 : 4;
  const start = isoYearStart(year) + (periodNumber - 1) * weeks * 7 * DAY_MS;
  const last = type === '4weeks' && periodNumber === 13 ? isoYearStart(year + 1) : start + weeks * 7 * DAY_MS;
  return { id, year, periodNumber, startDate: isoDate(start), endDate: isoDate(last - DAY_MS) };
}

/** The period that contains the given ISO date. */
export function periodContaining(type: PayrollPeriodType, date: string): PayrollPeriod {
  const day = utc(date);
  if (type === 'month') {
    const when = new Date(day);
    return periodOf(type, when.getUTCFullYear(), when.getUTCMonth() + 1);
  }
  let year = new Date(day).getUTCFullYear() + 1;
  while (isoYearStart(year) > day) year -= 1;
  const week = Math.floor((day - isoYearStart(year)) / (7 * DAY_MS)) + 1;
  return periodOf(type, year, type === 'week' ? week : Math.min(13, Math.ceil(week / 4)));
}

/** The period `offset` periods after (or before, when negative) the given one. */
export function shiftPeriod(type: PayrollPeriodType, period: PayrollPeriod, offset: number): PayrollPeriod {
  let { year, periodNumber } = period;
  periodNumber += offset;
  while (periodNumber > periodsInYear(type, year)) periodNumber -= periodsInYear(type, year++);
  while (periodNumber < 1) periodNumber += periodsInYear(type, --year);
  return periodOf(type, year, periodNumber);
}

/** Periods per year relative to a month, to size the history from a number of months. */
export function periodsPerMonth(type: PayrollPeriodType): number {
  return type === 'month' ? 1 : type === '4weeks' ? 13 / 12 : 52 / 12;
}
