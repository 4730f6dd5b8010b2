import { describe, expect, it } from 'vitest';
import { formatCell, formatQuotaWaiting, formatStatusTable } from './status-table.ts';

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

describe('formatQuotaWaiting', () => {
  it('names each domain with work waiting for the quota, per kind, and when it goes on', () => {
    const waiting = (payslip: number, journal: number) => ({
      total: payslip + journal,
      byKind: { payslip, journal, tax_return: 0 },
      resetsAt: new Date('2026-11-18T23:00:00.000Z'),
    });
    expect(
      formatQuotaWaiting([
        { name: 'Bakkerij De Vries', waiting: waiting(19, 1) },
        { name: 'Van der Berg Groep', waiting: waiting(0, 0) },
      ]),
    ).toEqual([
      "Bakkerij De Vries: 20 waiting for Yuki's daily quota (19 payslips, 1 journal), going on from 2026-11-19 00:00 Amsterdam time",
    ]);
  });
});
