/**
 * @module sync/refusal
 * The refusal planning kept for an item whose Loket amount was unusable, thrown when the item is
 * attempted: nothing is posted, and the failure is permanent until Loket sends a usable amount.
 */
import { AppError } from '../core/errors.ts';
import type { ImportItem } from './claim.ts';

/** Throws the refusal planning kept for the item's amount, if any. */
export function assertAmountUsable(item: Pick<ImportItem, 'details'>): void {
  const refusal = item.details.amountRefusal;
  if (refusal) throw new AppError(refusal.code, { nl: refusal.nl, en: refusal.en });
}
