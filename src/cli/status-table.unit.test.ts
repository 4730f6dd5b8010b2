import { describe, expect, it } from 'vitest';
import { formatCell, formatStatusTable } from './status-table.ts';

describe('formatCell', () => {
  it('lists the states that have items, settled ones first', () => {
    expect(formatCell({ failed: 1, posted: 11 })).toBe('11 posted, 1 failed');
    expect(formatCell({ waiting_quota: 2 })).toBe('2 waiting for Yuki quota');
  });

  it('shows a dash for a kind the period does not have', () => {
    expect(formatCell(undefined)).toBe('-');
    expect(formatCell({})).toBe('-');
  });
});

describe('formatStatusTable', () => {
  it('prints administrations × periods × kinds in padded columns', () => {
    const table = formatStatusTable([
      {
        administrationId: 'a',
        name: 'Bakkerij De Vries',
        periods: {
          202610: { payslip: { posted: 12 }, journal: { failed: 1 }, tax_return: { posted: 1 } },
          202609: { payslip: { posted: 11, planned: 1 } },
        },
      },
      { administrationId: 'b', name: 'Installatie', periods: { 202613: { journal: { posted: 1 } } } },
    ]);
    expect(table.split('\n')).toEqual([
      'Administration     Period   Payslips              Journal   Tax return',
      'Bakkerij De Vries  2026-09  11 posted, 1 planned  -         -',
      '                   2026-10  12 posted             1 failed  1 posted',
      'Installatie        2026-13  -                     1 posted  -',
    ]);
  });

  it('prints only the header when nothing was imported', () => {
    expect(formatStatusTable([])).toBe('Administration  Period  Payslips  Journal  Tax return');
  });
});
