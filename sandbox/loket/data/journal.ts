/**
 * @module journal
 * The journal lines of a payroll run on the NL default accounts. Costs are debited per cost centre,
 * liabilities credited without one; debits equal credits to the cent because net = gross − wage tax.
 */
import { COST_CENTERS } from './employees.ts';
import { PAYROLL_COMPONENTS } from './payroll-results.ts';
import type { PayrollAmounts } from './payroll-results.ts';
import { payrollTaxCredit } from './world.ts';
import type { RunTotals } from './world.ts';

export const GL_ACCOUNTS = {
  grossWages: { key: 1, code: '40000', description: 'Brutolonen' },
  socialCharges: { key: 2, code: '40100', description: 'Sociale lasten' },
  holidayAllowance: { key: 3, code: '40950', description: 'Dotatie reservering vakantiegeld' },
  netWages: { key: 4, code: '17000', description: 'Te betalen nettolonen' },
  payrollTaxes: { key: 5, code: '17100', description: 'Af te dragen loonheffingen' },
  holidayReservation: { key: 6, code: '17500', description: 'Reservering vakantiegeld' },
} as const;

type Account = (typeof GL_ACCOUNTS)[keyof typeof GL_ACCOUNTS];

/** A journal line with its amounts still in cents; the HTTP layer turns them into euros. */
export type JournalLineCents = {
  generalLedgerAccount: Account;
  costCenter: { key: number; code: string; description: string } | null;
  costUnit: null;
  payrollComponent: { key: number; description: string } | null;
  debitCents: number;
  creditCents: number;
};

function component(key: keyof typeof PAYROLL_COMPONENTS) {
  return { key: PAYROLL_COMPONENTS[key].key, description: PAYROLL_COMPONENTS[key].value };
}

/** `imbalanceCents` shifts the first debit line: a broken journal run for tests, never in seeded data. */
export function journalLines(totals: RunTotals, imbalanceCents = 0): JournalLineCents[] {
  const lines: JournalLineCents[] = [];
  const debit = (account: Account, center: (typeof COST_CENTERS)[number], key: keyof typeof PAYROLL_COMPONENTS, cents: number) => {
    if (cents !== 0) lines.push({ generalLedgerAccount: account, costCenter: center, costUnit: null, payrollComponent: component(key), debitCents: cents, creditCents: 0 });
  };
  const credit = (account: Account, key: keyof typeof PAYROLL_COMPONENTS | null, cents: number) => {
    if (cents !== 0) lines.push({ generalLedgerAccount: account, costCenter: null, costUnit: null, payrollComponent: key && component(key), debitCents: 0, creditCents: cents });
  };
  for (const center of COST_CENTERS) {
    const amounts: PayrollAmounts | undefined = totals.byCostCenter.get(center.key);
    if (!amounts) continue;
    debit(GL_ACCOUNTS.grossWages, center, 'gross', amounts.gross);
    debit(GL_ACCOUNTS.socialCharges, center, 'socialCharges', amounts.socialCharges);
    debit(GL_ACCOUNTS.holidayAllowance, center, 'holidayReservation', amounts.holidayReservation);
  }
  credit(GL_ACCOUNTS.netWages, 'netPay', totals.total.net);
  credit(GL_ACCOUNTS.payrollTaxes, null, payrollTaxCredit(totals.total));
  credit(GL_ACCOUNTS.holidayReservation, 'holidayReservation', totals.total.holidayReservation);
  const first = lines.find((line) => line.debitCents > 0);
  if (first) first.debitCents += imbalanceCents;
  return lines;
}
