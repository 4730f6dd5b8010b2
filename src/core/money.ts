/**
 * @module money
 * Amounts are integer euro cents everywhere inside loket-yuki. Floats exist only at the Loket JSON edge
 * and are converted exactly once, here.
 */

declare const centsBrand: unique symbol;
/** An amount in euro cents, always a safe integer. Positive = debit, negative = credit in journals. */
export type Cents = number & { readonly [centsBrand]: true };

const MAX_ABS_EUROS = 1e13;
const DECIMAL_RE = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/** Brands a safe integer as cents; throws on anything else, because that is a bug. */
export function cents(value: number): Cents {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a whole number of cents: ${value}`);
  return value as Cents;
}

/** Parses a decimal string such as "1234.5" or "-0.07" into cents, without going through floats. */
export function parseDecimal(text: string): Cents {
  const match = DECIMAL_RE.exec(text.trim());
  if (!match) throw new RangeError(`not a decimal amount: "${text}"`);
  const [, sign, whole, fraction = ''] = match;
  const value = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return cents(sign ? -value : value);
}

/** Converts a JSON number in euros (as Loket sends it) into cents; refuses more than two decimals. */
export function centsFromEuros(euros: number): Cents {
  if (!Number.isFinite(euros) || Math.abs(euros) >= MAX_ABS_EUROS) {
    throw new RangeError(`not a usable euro amount: ${euros}`);
  }
  const value = Math.round(euros * 100);
  // Round-trip check: 12.345 would silently become 1235 cents otherwise.
  if (Math.abs(value / 100 - euros) > 1e-9) throw new RangeError(`more than two decimals: ${euros}`);
  return cents(value === 0 ? 0 : value);
}

/** Formats cents as Yuki and Loket expect them: "1234.50", "-0.07". */
export function formatDecimal(amount: Cents): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Formats cents for people, Dutch style: "€ 1.234,50". */
export function formatEuro(amount: Cents): string {
  const [whole = '0', fraction = '00'] = formatDecimal(amount).replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${amount < 0 ? '-' : ''}€ ${grouped},${fraction}`;
}

/** Adds amounts exactly. */
export function sum(amounts: Iterable<Cents>): Cents {
  let total = 0;
  for (const amount of amounts) total += amount;
  return cents(total);
}
