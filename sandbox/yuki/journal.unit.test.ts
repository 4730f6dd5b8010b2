import { describe, expect, it } from 'vitest';
import { amountToCents, centsToDecimal, journalSchemaErrors } from './journal.ts';

describe('amountToCents', () => {
  it('reads decimals exactly, never through floats', () => {
    expect(amountToCents('0.07')).toBe(7);
    expect(amountToCents('-1234.5')).toBe(-123450);
    expect(amountToCents('+10')).toBe(1000);
    expect(amountToCents('.5')).toBe(50);
    expect(amountToCents('1.500')).toBe(150);
    expect(amountToCents('0.1') + amountToCents('0.2')).toBe(amountToCents('0.3'));
  });

  it('refuses more than two significant decimals and garbage', () => {
    expect(() => amountToCents('1.005')).toThrow();
    expect(() => amountToCents('1,00')).toThrow();
  });

  it('formats cents back', () => {
    expect(centsToDecimal(-7)).toBe('-0.07');
    expect(centsToDecimal(123450)).toBe('1234.50');
  });
});

describe('journalSchemaErrors', () => {
  it('names the offending element', async () => {
    const errors = await journalSchemaErrors(
      '<Journal xmlns="urn:xmlns:http://www.theyukicompany.com:journal"><JournalType>GeneralJournal</JournalType></Journal>',
    );
    expect(errors.join(' ')).toContain('JournalType');
    expect(await journalSchemaErrors('<Journal xmlns="urn:other"/>')).not.toEqual([]);
  });
});
