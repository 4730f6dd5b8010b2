/**
 * @module sync/posting-order
 * Which items spend Yuki's daily call budget first when it is short: journals and tax returns (a call or
 * two each, and what the accountant books from) before payslips, and within each the oldest period
 * first. A large employer's payslips then spread over several days without holding back the books.
 */
import type { ImportKind } from '../store/schema/index.ts';

/** Higher goes first; pg-boss fetches jobs by this priority. */
export function postingPriority(kind: ImportKind, periodId: number): number {
  const books = kind === 'payslip' ? 0 : 1;
  // A period id is YYYYPP, below 300000: an older period gets the larger number.
  return books * 1_000_000 + (300_000 - periodId);
}

/** Sorts items into posting order; items of one kind and period keep their order. */
export function inPostingOrder<T extends { kind: ImportKind; periodId: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => postingPriority(b.kind, b.periodId) - postingPriority(a.kind, a.periodId));
}
