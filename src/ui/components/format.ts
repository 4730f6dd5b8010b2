/**
 * @module format
 * Dates, periods and counts as a Dutch firm reads them: Amsterdam time, in the page's language.
 */
import type { Locale } from '../../core/roles.ts';
import { MONTH_NAMES_NL, periodKeyOf, type PeriodKind } from '../../core/periods.ts';

const ZONE = 'Europe/Amsterdam';
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS_EN = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;
const MONTH_NAMES: Record<Locale, readonly string[]> = {
  nl: MONTH_NAMES_NL,
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

type Parts = { year: string; month: string; day: string; hour: string; minute: string };

/** The wall-clock parts in Amsterdam; an ISO date ("2026-10-31") is a calendar day and stays as it is. */
function partsOf(at: Date | string): Parts {
  const iso = typeof at === 'string' ? ISO_DATE.exec(at) : null;
  if (iso) return { year: iso[1]!, month: iso[2]!, day: iso[3]!, hour: '00', minute: '00' };
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(at));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
  };
}

/** "31-10-2026" in Dutch (dd-mm-jjjj), "31 Oct 2026" in English. */
export function formatDate(locale: Locale, at: Date | string): string {
  const { year, month, day } = partsOf(at);
  if (locale === 'nl') return `${day}-${month}-${year}`;
  return `${Number(day)} ${MONTHS_EN[Number(month) - 1]} ${year}`;
}

/** "29-11-2026 23:13" in Dutch, "29 Nov 2026 23:13" in English; always Amsterdam time, 24 hours. */
export function formatDateTime(locale: Locale, at: Date | string): string {
  const { hour, minute } = partsOf(at);
  return `${formatDate(locale, at)} ${hour}:${minute}`;
}

/**
 * A payroll period as people say it: "oktober 2026", "periode 7 (4 weken) 2026", "week 7 2026";
 * in English "October 2026", "period 7 (4 weeks) 2026", "week 7 2026".
 */
export function formatPeriod(
  locale: Locale,
  period: { kind: PeriodKind; year: number; number: number },
): string {
  const { kind, year, number } = period;
  if (kind === 'month') return `${MONTH_NAMES[locale][number - 1] ?? number} ${year}`;
  if (kind === 'week') return `week ${number} ${year}`;
  return locale === 'nl' ? `periode ${number} (4 weken) ${year}` : `period ${number} (4 weeks) ${year}`;
}

/** The same for a YYYYPP id (Loket's period id) whose kind is known. */
export function formatPeriodId(locale: Locale, kind: PeriodKind, id: number): string {
  return formatPeriod(locale, { kind, year: Math.floor(id / 100), number: id % 100 });
}

/** A YYYYPP id in words when Loket's period kind is known, else as its key "2026-10". */
export function formatPeriodOf(locale: Locale, kind: PeriodKind | undefined, id: number): string {
  return kind ? formatPeriodId(locale, kind, id) : periodKeyOf(id);
}

/** "a, b en c" in Dutch, "a, b and c" in English. */
export function formatList(locale: Locale, parts: string[]): string {
  return new Intl.ListFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { type: 'conjunction' }).format(parts);
}

/** Whole numbers with the page language's grouping: 1.000 in Dutch, 1,000 in English. */
export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB').format(value);
}
