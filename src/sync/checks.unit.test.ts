import { describe, expect, it } from 'vitest';
import { cents } from '../core/money.ts';
import { checkBalance, controlTotalWarnings } from './checks.ts';
import { JournalUnbalancedError } from './errors.ts';
import type { JournalLine } from './ports.ts';

const line = (entryDate: string, glAccount: string, amount: number) => ({
  entryDate,
  glAccount,
  amount: cents(amount),
});

describe('checkBalance', () => {
  it('accepts a journal that balances to the cent', () => {
    expect(() =>
      checkBalance(
        [line('2026-10-31', '40000', 520000), line('2026-10-31', '17000', -520000)],
        'oktober 2026',
      ),
    ).not.toThrow();
  });

  it('refuses a cent of difference with both totals and the period, saying nothing was sent', () => {
    const error = (() => {
      try {
        checkBalance(
          [line('2026-10-31', '40000', 520001), line('2026-10-31', '17000', -520000)],
          'oktober 2026',
        );
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(JournalUnbalancedError);
    expect((error as JournalUnbalancedError).text.nl).toBe(
      'De loonjournaalpost van oktober 2026 is niet in evenwicht: debet € 5.200,01, credit € 5.200,00 (verschil € 0,01). Er is niets naar Yuki gestuurd; laat de journaalrun in Loket corrigeren.',
    );
  });

  it('refuses a journal that balances in total but not on one date', () => {
    expect(() =>
      checkBalance([line('2026-09-30', '40000', 100), line('2026-10-31', '17000', -100)], 'oktober 2026'),
    ).toThrow(/not balance on 2026-09-30: debit € 1,00, credit € 0,00/);
  });
});

describe('controlTotalWarnings', () => {
  const lines: JournalLine[] = [
    {
      glAccountCode: '40000',
      description: 'Bruto loon',
      costCenterCode: 'K1',
      debit: cents(500000),
      credit: cents(0),
    },
    {
      glAccountCode: '17000',
      description: 'Netto lonen',
      costCenterCode: null,
      debit: cents(0),
      credit: cents(380000),
    },
    {
      glAccountCode: '17100',
      description: 'Loonheffingen',
      costCenterCode: null,
      debit: cents(0),
      credit: cents(120000),
    },
  ];

  it('is quiet when the payslips and the tax return agree, or are unknown', () => {
    expect(
      controlTotalWarnings(lines, 'oktober 2026', {
        payslipNetPay: cents(380000),
        taxReturnTotal: cents(120000),
      }),
    ).toEqual([]);
    expect(
      controlTotalWarnings(lines, 'oktober 2026', { payslipNetPay: null, taxReturnTotal: null }),
    ).toEqual([]);
  });

  it('names both amounts and the period when they differ', () => {
    const warnings = controlTotalWarnings(lines, 'oktober 2026', {
      payslipNetPay: cents(379999),
      taxReturnTotal: cents(120001),
    });
    expect(warnings.map((w) => w.code)).toEqual(['control.net_wages', 'control.payroll_tax']);
    expect(warnings[0]?.nl).toBe(
      'Controletotaal oktober 2026: te betalen nettolonen in de journaalpost (€ 3.800,00) wijken af van het netto op de loonstroken (€ 3.799,99).',
    );
  });
});
