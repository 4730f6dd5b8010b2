/**
 * @module payment-reference
 * The Belastingdienst betalingskenmerk for loonheffingen: 16 digits, a check digit followed by the
 * first eight digits of the wage-tax number, "6", the last digit of the year, the subcode (the two
 * digits after the L), the tijdvak code and "0". The check digit is a weighted modulus 11 over the
 * other 15 digits, weights 2,4,8,5,10,9,7,3,6,1 repeating from the right.
 */

const WEIGHTS = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1] as const;

/** The check digit for the 15 digits that follow it. */
export function paymentReferenceCheckDigit(digits: string): number {
  if (!/^\d{15}$/.test(digits)) throw new RangeError(`expected 15 digits: ${digits}`);
  let total = 0;
  [...digits].reverse().forEach((digit, index) => {
    total += Number(digit) * (WEIGHTS[index % WEIGHTS.length] ?? 1);
  });
  const remainder = total % 11;
  // 11 - 1 = 10 is not a digit; the Belastingdienst writes 1 there, and 0 for a remainder of 0.
  return remainder > 1 ? 11 - remainder : remainder;
}

/** True when a 16-digit betalingskenmerk carries the right check digit. */
export function isValidPaymentReference(reference: string): boolean {
  return /^\d{16}$/.test(reference) && paymentReferenceCheckDigit(reference.slice(1)) === Number(reference[0]);
}

/** Tijdvak codes: months 01–12, four-week periods 71–83. */
export function tijdvakCode(kind: 'month' | '4weeks', periodNumber: number): string {
  return String(kind === 'month' ? periodNumber : 70 + periodNumber).padStart(2, '0');
}

/** Builds the betalingskenmerk for a wage-tax number such as "812345671L01" and a tijdvak. */
export function paymentReference(wageTaxNumber: string, year: number, tijdvak: string): string {
  const match = /^(\d{9})L(\d{2})$/.exec(wageTaxNumber);
  if (!match) throw new RangeError(`not a loonheffingennummer: ${wageTaxNumber}`);
  const [, fiscalNumber = '', subcode = ''] = match;
  const body = `${fiscalNumber.slice(0, 8)}6${String(year).slice(-1)}${subcode}${tijdvak}0`;
  return `${paymentReferenceCheckDigit(body)}${body}`;
}
