/**
 * @module period-check
 * A period typed by a person must exist in the administration's payroll year before it is stored or
 * queued: 1–12 for a monthly administration, 1–13 four-weekly, 1–52/53 weekly (Loket's
 * payrollPeriodType, stored when the Relatiecode resolves). While the type is unknown, any period Loket
 * could have (1–53) is accepted and the import checks it against Loket.
 */
import { AppError } from '../../core/errors.ts';
import { periodKeyOf, periodsInYear, type PeriodKind } from '../../core/periods.ts';

const KIND_TEXT: Record<PeriodKind, { nl: string; en: string }> = {
  month: { nl: 'per maand (periode 1 tot en met 12)', en: 'monthly (periods 1 to 12)' },
  '4weeks': { nl: 'per vier weken (periode 1 tot en met 13)', en: 'four-weekly (periods 1 to 13)' },
  week: { nl: 'per week (week 1 tot en met 52 of 53)', en: 'weekly (weeks 1 to 52 or 53)' },
};

/** Whether period id YYYYPP exists in a payroll year of this kind. */
export function periodFits(kind: PeriodKind | null, id: number): boolean {
  const year = Math.floor(id / 100);
  const number = id % 100;
  return number >= 1 && number <= (kind ? periodsInYear(kind, year) : 53);
}

/** Throws a 422-worthy AppError naming the first period that does not exist for this administration. */
export function assertPeriodsFit(kind: PeriodKind | null, ids: Array<number | null | undefined>): void {
  for (const id of ids) {
    if (id === null || id === undefined || periodFits(kind, id)) continue;
    const key = periodKeyOf(id);
    const how = kind ? KIND_TEXT[kind] : { nl: 'in periodes 1 tot en met 53', en: 'in periods 1 to 53' };
    throw new AppError('period_not_in_year', {
      nl: `Periode ${key} bestaat niet: deze administratie verloont ${how.nl}.`,
      en: `Period ${key} does not exist: this administration runs its payroll ${how.en}.`,
    });
  }
}

/** Refuses a window whose first period comes after its last. */
export function assertWindowOrder(fromId: number | undefined, toId: number | undefined): void {
  if (fromId === undefined || toId === undefined || fromId <= toId) return;
  throw new AppError('period_order', {
    nl: `De eerste periode (${periodKeyOf(fromId)}) ligt na de laatste (${periodKeyOf(toId)}).`,
    en: `The first period (${periodKeyOf(fromId)}) comes after the last (${periodKeyOf(toId)}).`,
  });
}
