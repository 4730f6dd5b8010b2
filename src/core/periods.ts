/**
 * @module periods
 * Payroll periods as Loket numbers them: months 1–12, four-week periods 1–13 and weeks 1–52/53, the
 * latter two on ISO weeks (in a 53-week year period 13 has five weeks). A period is identified by
 * YYYYPP like Loket's own ids; its dates come from Loket when Loket gives them, else from the calendar.
 */
export type PeriodKind = 'month' | '4weeks' | 'week';

export type PayrollPeriod = {
  kind: PeriodKind;
  year: number;
  number: number;
  /** ISO dates, inclusive. */
  startDate: string;
  endDate: string;
};

const DAY_MS = 86_400_000;
/** Dutch month names, January first: the one list both Loket period labels and the UI read. */
export const MONTH_NAMES_NL = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
] as const;

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** Monday of ISO week 1 of an ISO year. */
function isoYearStart(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  return jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
}

/** Number of periods in a payroll year: 12, 13, or 52/53 weeks. */
export function periodsInYear(kind: PeriodKind, year: number): number {
  if (kind === 'month') return 12;
  if (kind === '4weeks') return 13;
  return (isoYearStart(year + 1) - isoYearStart(year)) / (7 * DAY_MS);
}

/** The period by number; `dates` are Loket's periodStartDate/periodEndDate and win over the calendar. */
export function payrollPeriod(
  kind: PeriodKind,
  year: number,
  number: number,
  dates?: { startDate: string; endDate: string },
): PayrollPeriod {
  if (!Number.isInteger(number) || number < 1 || number > periodsInYear(kind, year))
    throw new RangeError(`no period ${number} in a ${kind} year ${year}`);
  if (dates) return { kind, year, number, ...dates };
  if (kind === 'month') {
    const start = Date.UTC(year, number - 1, 1);
    return {
      kind,
      year,
      number,
      startDate: isoDate(start),
      endDate: isoDate(Date.UTC(year, number, 1) - DAY_MS),
    };
  }
  const weeks = kind === 'week' ? 1 : 4;
  const start = isoYearStart(year) + (number - 1) * weeks * 7 * DAY_MS;
  // The 13th four-week period runs to the end of the ISO year, five weeks in a 53-week year.
  const end = kind === '4weeks' && number === 13 ? isoYearStart(year + 1) : start + weeks * 7 * DAY_MS;
  return { kind, year, number, startDate: isoDate(start), endDate: isoDate(end - DAY_MS) };
}

/** The period that contains an ISO date. */
export function periodContaining(kind: PeriodKind, date: string): PayrollPeriod {
  const day = utc(date);
  if (kind === 'month') {
    const when = new Date(day);
    return payrollPeriod(kind, when.getUTCFullYear(), when.getUTCMonth() + 1);
  }
  let year = new Date(day).getUTCFullYear() + 1;
  while (isoYearStart(year) > day) year -= 1;
  const week = Math.floor((day - isoYearStart(year)) / (7 * DAY_MS)) + 1;
  return payrollPeriod(kind, year, kind === 'week' ? week : Math.min(13, Math.ceil(week / 4)));
}

/** The period `offset` periods after (negative: before) the given one. */
export function shiftPeriod(period: PayrollPeriod, offset: number): PayrollPeriod {
  let { year, number } = period;
  number += offset;
  while (number > periodsInYear(period.kind, year)) number -= periodsInYear(period.kind, year++);
  while (number < 1) number += periodsInYear(period.kind, --year);
  return payrollPeriod(period.kind, year, number);
}

/** YYYYPP, Loket's period id; orders periods of one kind. */
export function periodId(period: { year: number; number: number }): number {
  return period.year * 100 + period.number;
}

/** "2026-10": how people and the CLI name a period. */
export function periodKey(period: { year: number; number: number }): string {
  return `${period.year}-${String(period.number).padStart(2, '0')}`;
}

/** The key of a YYYYPP id: 202610 → "2026-10". */
export function periodKeyOf(id: number): string {
  return periodKey({ year: Math.floor(id / 100), number: id % 100 });
}

/** Parses "2026-10" (or "2026-13") into YYYYPP; null when it is not a period key. */
export function parsePeriodKey(key: string): number | null {
  const match = /^(\d{4})-(\d{1,2})$/.exec(key.trim());
  if (!match) return null;
  const number = Number(match[2]);
  return number >= 1 && number <= 53 ? Number(match[1]) * 100 + number : null;
}

/** Dutch label: "oktober 2026", "periode 13 2026", "week 7 2026". */
export function periodLabel(period: { kind: PeriodKind; year: number; number: number }): string {
  if (period.kind === 'month')
    return `${MONTH_NAMES_NL[period.number - 1] ?? `maand ${period.number}`} ${period.year}`;
  return `${period.kind === 'week' ? 'week' : 'periode'} ${period.number} ${period.year}`;
}

export type PeriodWindow = { from: PayrollPeriod; to: PayrollPeriod };

/** The look-back window: the period containing `today` and the `lookback` periods before it. */
export function lookbackWindow(kind: PeriodKind, today: string, lookback: number): PeriodWindow {
  const to = periodContaining(kind, today);
  return { from: shiftPeriod(to, -Math.max(0, lookback)), to };
}
