/**
 * @module sync/freshness-changes
 * What the freshness poll concludes from Loket's payroll process status (loket-openapi.json,
 * GetPayrollProcessStatusByProviderId, `payrollPeriod.payrollProcess.status.key`): which periods to ask
 * about, and whether a status seen now, against the one seen before, means there is something new to import.
 */
import type { PeriodKind } from '../core/periods.ts';
import { periodContaining, periodId, shiftPeriod } from '../core/periods.ts';

const DAY_MS = 86_400_000;

/** 6 approved: the period's payroll run was approved. */
const APPROVED = 6;
/** 4 and 8: the latest run is incorrect or empty, "and there is an approved preceding payrollrun". */
const APPROVED_BEFORE = new Set([4, 8]);
const HAS_APPROVED_RUN = new Set([APPROVED, ...APPROVED_BEFORE]);

/**
 * Whether an administration should be planned now. A move to 6 is a (new) approval; a move to 4 or 8
 * from a status without an approved run means an approval happened between two polls. A period seen
 * for the first time counts only for an administration the poll already knew (first sight is a baseline:
 * the safety sweep and the schedule before it took care of the past).
 */
export function shouldPlan(
  previous: number | undefined,
  next: number,
  knownAdministration: boolean,
): boolean {
  if (previous === undefined) return knownAdministration && HAS_APPROVED_RUN.has(next);
  if (previous === next) return false;
  if (next === APPROVED) return true;
  return APPROVED_BEFORE.has(next) && !HAS_APPROVED_RUN.has(previous);
}

/**
 * The periods (YYYYPP) the poll asks about for one period type on `today` (an Amsterdam date): the
 * current one, and the previous one during the first days of the current (a late approval of last month
 * is common; at most 7 days, and half a period for weeks), so most polls cost one call per period type.
 */
export function watchedPeriodIds(kind: PeriodKind, today: string): number[] {
  const current = periodContaining(kind, today);
  const graceDays = kind === 'week' ? 3 : 7;
  const daysIn = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${current.startDate}T00:00:00Z`)) / DAY_MS;
  const ids = [periodId(current)];
  if (daysIn < graceDays) ids.unshift(periodId(shiftPeriod(current, -1)));
  return ids;
}

/** `at` as an ISO date in Amsterdam, where payroll periods begin and end. */
export function amsterdamDate(at: Date): string {
  return at.toLocaleDateString('en-CA', { timeZone: 'Europe/Amsterdam' });
}
