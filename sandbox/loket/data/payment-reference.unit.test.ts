import { describe, expect, it } from 'vitest';
import { isValidPaymentReference, paymentReference, paymentReferenceCheckDigit, tijdvakCode } from './payment-reference.ts';

describe('betalingskenmerk', () => {
  it('reproduces the check digit of the example in the Loket spec', () => {
    expect(paymentReferenceCheckDigit('111111116529080')).toBe(8);
    expect(isValidPaymentReference('8111111116529080')).toBe(true);
  });

  it('rejects a reference with a wrong check digit or length', () => {
    expect(isValidPaymentReference('7111111116529080')).toBe(false);
    expect(isValidPaymentReference('811111111652908')).toBe(false);
  });

  it('builds a valid 16-digit reference from a wage-tax number and tijdvak', () => {
    const reference = paymentReference('812345671L01', 2026, tijdvakCode('month', 3));
    expect(reference).toMatch(/^\d{16}$/);
    expect(reference.slice(1)).toBe('812345676601030');
    expect(isValidPaymentReference(reference)).toBe(true);
    expect(tijdvakCode('4weeks', 13)).toBe('83');
  });
});
