/**
 * @module format
 * Dates and counts as a Dutch firm reads them: Amsterdam time, in the page's language.
 */
import type { Locale } from '../../core/roles.ts';

export function formatDateTime(locale: Locale, at: Date | string): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(at));
}

/** "a, b en c" in Dutch, "a, b and c" in English. */
export function formatList(locale: Locale, parts: string[]): string {
  return new Intl.ListFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { type: 'conjunction' }).format(parts);
}

/** Whole numbers with the page language's grouping: 1.000 in Dutch, 1,000 in English. */
export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB').format(value);
}
