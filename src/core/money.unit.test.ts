import { describe, expect, it } from 'vitest';
import { cents, centsFromEuros, formatDecimal, formatEuro, parseDecimal, sum } from './money.ts';

describe('money', () => {
  it('parses decimal strings without floats', () => {
    expect(parseDecimal('1234.5')).toBe(123450);
    expect(parseDecimal('-0.07')).toBe(-7);
    expect(parseDecimal('0')).toBe(0);
    expect(() => parseDecimal('1,50')).toThrow(/not a decimal/);
    expect(() => parseDecimal('1.234')).toThrow(/not a decimal/);
  });

  it('converts Loket euro numbers exactly once', () => {
    expect(centsFromEuros(500.87)).toBe(50087);
    expect(centsFromEuros(0.1 + 0.2)).toBe(30);
    expect(centsFromEuros(-2445.1)).toBe(-244510);
    expect(() => centsFromEuros(12.345)).toThrow(/two decimals/);
    expect(() => centsFromEuros(Number.NaN)).toThrow(/usable/);
  });

  it('formats for Yuki and for people', () => {
    expect(formatDecimal(cents(123450))).toBe('1234.50');
    expect(formatDecimal(cents(-7))).toBe('-0.07');
    expect(formatEuro(cents(123456789))).toBe('€ 1.234.567,89');
    expect(formatEuro(cents(-5))).toBe('-€ 0,05');
  });

  it('sums exactly where floats drift', () => {
    const amounts = Array.from({ length: 10 }, () => cents(10));
    expect(sum(amounts)).toBe(100);
  });
});
