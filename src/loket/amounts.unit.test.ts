import { describe, expect, it } from 'vitest';
import { cents } from '../core/money.ts';
import { LoketAmountRefusedError, loketCents, loketTotal, MAX_LOKET_EUROS } from './amounts.ts';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof LoketAmountRefusedError) return error;
    throw error;
  }
  throw new Error('not refused');
};

describe('Loket amounts', () => {
  it('converts usable euros to cents exactly', () => {
    expect(loketCents(1234.5, 'totalAmount')).toBe(123450);
    expect(loketCents(-0.07, 'creditAmount')).toBe(-7);
    expect(loketCents(MAX_LOKET_EUROS, 'totalAmount')).toBe(MAX_LOKET_EUROS * 100);
  });

  it('refuses more decimals than cents, naming field and value in Dutch and English', () => {
    const error = refusal(() => loketCents(12.345, 'debetAmount (journal run x, 40000)'));
    expect(error).toMatchObject({ code: 'loket.amount_refused', retryable: false, value: 12.345 });
    expect(error.text.nl).toContain(
      'Loket gaf voor debetAmount (journal run x, 40000) het bedrag 12.345: meer decimalen dan centen.',
    );
    expect(error.text.en).toContain(
      'Loket sent 12.345 for debetAmount (journal run x, 40000): more decimals than cents.',
    );
  });

  it('refuses 1e300, infinities and NaN as not usable', () => {
    for (const value of [1e300, -1e300, MAX_LOKET_EUROS + 0.01, Number.POSITIVE_INFINITY, Number.NaN]) {
      expect(refusal(() => loketCents(value, 'totalAmount')).text.en).toContain('not a usable amount');
    }
    expect(refusal(() => loketCents(1e300, 'totalAmount')).text.nl).toContain('het bedrag 1e+300:');
  });

  it('refuses an absurd total of amounts that are each usable', () => {
    const big = cents(MAX_LOKET_EUROS * 100);
    expect(loketTotal([big, cents(-1)], 'net pay')).toBe(MAX_LOKET_EUROS * 100 - 1);
    expect(refusal(() => loketTotal([big, big], 'net pay')).text.en).toContain(
      'for net pay: not a usable amount',
    );
  });
});
