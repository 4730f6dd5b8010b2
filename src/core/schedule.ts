/**
 * @module schedule
 * When automatic imports run. Without a cron expression of its own, an administration follows its
 * portal's, and without that the built-in payroll rhythm: hourly in the first and last five days of a
 * month, once a day at 06:00 otherwise (Amsterdam time). The scheduler looks once an hour, so a cron
 * expression finer than hourly still runs at most hourly. An administration the freshness poll covers
 * (Loket's payroll status is polled every few minutes and an approval plans it at once) needs the
 * schedule only as a safety sweep: without a cron of its own, once a day at 06:00; with one, at its cron
 * times, so a custom cron keeps meaning "plan everything then" and the poll only makes it fresher.
 */
import { CronExpressionParser } from 'cron-parser';
import { z } from 'zod';

const ZONE = 'Europe/Amsterdam';
const HOUR_MS = 60 * 60 * 1000;

/** A five-field cron expression, checked by the same parser that evaluates it. */
export const CronSchedule = z
  .string()
  .trim()
  .refine((value) => {
    try {
      CronExpressionParser.parse(value, { tz: ZONE });
      return value.split(/\s+/).length === 5;
    } catch {
      return false;
    }
  }, 'a cron expression with five fields, e.g. "0 7 * * 1-5"');

function amsterdam(at: Date, part: 'day' | 'hour' | 'month' | 'year'): number {
  const options: Intl.DateTimeFormatOptions = { timeZone: ZONE, hour12: false };
  options[part] = part === 'hour' ? '2-digit' : 'numeric';
  return Number(at.toLocaleString('en-GB', options));
}

/** The built-in rhythm: payroll days hourly, other days at 06:00. */
export function isBuiltInScheduleDue(at: Date): boolean {
  const day = amsterdam(at, 'day');
  const daysInMonth = new Date(Date.UTC(amsterdam(at, 'year'), amsterdam(at, 'month'), 0)).getUTCDate();
  if (day <= 5 || day > daysInMonth - 5) return true;
  return amsterdam(at, 'hour') === 6;
}

/** The safety sweep of a polled administration without a cron of its own: daily at 06:00. */
export function isSafetySweepDue(at: Date): boolean {
  return amsterdam(at, 'hour') === 6;
}

/** Whether an automatic import is due in the hour that ends at `at`; `polled`: the poll covers it. */
export function isImportDue(cron: string | null, at: Date, polled = false): boolean {
  if (!cron) return polled ? isSafetySweepDue(at) : isBuiltInScheduleDue(at);
  // +1 ms: an occurrence exactly at `at` (the scheduler fires on the hour) belongs to this hour.
  const previous = CronExpressionParser.parse(cron, { currentDate: at.getTime() + 1, tz: ZONE })
    .prev()
    .getTime();
  return previous > at.getTime() - HOUR_MS;
}
