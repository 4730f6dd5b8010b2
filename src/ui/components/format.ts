/**
 * @module format
 * Dates as a Dutch firm reads them: Amsterdam time, in the page's language.
 */
import type { Locale } from '../../core/roles.ts';

export function formatDateTime(locale: Locale, at: Date | string): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(at));
}
