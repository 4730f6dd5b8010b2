import { describe, expect, it } from 'vitest';
import { inPostingOrder, postingPriority } from './posting-order.ts';

describe('posting order', () => {
  it('puts the books before payslips, whatever their periods', () => {
    expect(postingPriority('journal', 202612)).toBeGreaterThan(postingPriority('payslip', 202001));
    expect(postingPriority('tax_return', 202612)).toBeGreaterThan(postingPriority('payslip', 202001));
  });

  it('puts an older period first within payslips and within the books, the 13th period included', () => {
    expect(postingPriority('payslip', 202612)).toBeGreaterThan(postingPriority('payslip', 202613));
    expect(postingPriority('payslip', 202613)).toBeGreaterThan(postingPriority('payslip', 202701));
    expect(postingPriority('journal', 202609)).toBeGreaterThan(postingPriority('tax_return', 202610));
  });

  it('sorts items into that order and keeps the order of items of one kind and period', () => {
    const items = [
      { id: 'p10a', kind: 'payslip' as const, periodId: 202610 },
      { id: 'p09', kind: 'payslip' as const, periodId: 202609 },
      { id: 'p10b', kind: 'payslip' as const, periodId: 202610 },
      { id: 't10', kind: 'tax_return' as const, periodId: 202610 },
      { id: 'j10', kind: 'journal' as const, periodId: 202610 },
      { id: 'j09', kind: 'journal' as const, periodId: 202609 },
    ];
    expect(inPostingOrder(items).map((i) => i.id)).toEqual(['j09', 't10', 'j10', 'p09', 'p10a', 'p10b']);
  });
});
