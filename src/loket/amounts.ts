/**
 * @module loket/amounts
 * Loket's euro amounts (JSON numbers) into cents, refusing what no payroll produces — more decimals
 * than cents, non-finite or absurdly large values — with a refusal that names the field and the value.
 */
import { AppError } from '../core/errors.ts';
import type { Cents } from '../core/money.ts';
import { cents, centsFromEuros } from '../core/money.ts';

/** Ten billion euros: above any amount or total of one payroll document, well within safe cents. */
export const MAX_LOKET_EUROS = 10_000_000_000;

type Flaw = 'decimals' | 'size';

const FLAWS: Record<Flaw, { nl: string; en: string }> = {
  decimals: { nl: 'meer decimalen dan centen', en: 'more decimals than cents' },
  size: {
    nl: 'geen bruikbaar bedrag (te groot of geen getal)',
    en: 'not a usable amount (too large or not a number)',
  },
};

/** An amount from Loket we will not book: permanent until Loket sends a different one. */
export class LoketAmountRefusedError extends AppError {
  constructor(
    readonly field: string,
    readonly value: number,
    flaw: Flaw,
  ) {
    super('loket.amount_refused', {
      nl: `Loket gaf voor ${field} het bedrag ${String(value)}: ${FLAWS[flaw].nl}. Er is niets naar Yuki gestuurd; laat het bedrag in Loket corrigeren, daarna wordt het opnieuw geprobeerd.`,
      en: `Loket sent ${String(value)} for ${field}: ${FLAWS[flaw].en}. Nothing was sent to Yuki; have the amount corrected in Loket, then it is tried again.`,
    });
  }
}

/** One Loket amount in cents; `field` says where it came from, as a person can find it in Loket. */
export function loketCents(value: number, field: string): Cents {
  if (!Number.isFinite(value) || Math.abs(value) > MAX_LOKET_EUROS)
    throw new LoketAmountRefusedError(field, value, 'size');
  try {
    return centsFromEuros(value);
  } catch {
    throw new LoketAmountRefusedError(field, value, 'decimals');
  }
}

/** The exact sum of already converted amounts, refused when the total itself is absurd. */
export function loketTotal(amounts: Iterable<Cents>, field: string): Cents {
  let total = 0;
  for (const amount of amounts) total += amount;
  if (Math.abs(total) > MAX_LOKET_EUROS * 100) throw new LoketAmountRefusedError(field, total / 100, 'size');
  return cents(total);
}
