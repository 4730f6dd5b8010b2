/**
 * @module sync/checks
 * Checks before a journal is posted: it balances to the cent in total and per date, every GL account
 * exists and is enabled in Yuki (the scheme cached a day), and the control totals agree with the
 * payslips and the tax return. A failed check posts nothing; a control difference only warns unless
 * the portal chose to block on it.
 */
import { eq } from 'drizzle-orm';
import type { Cents } from '../core/money.ts';
import { cents, formatEuro, sum } from '../core/money.ts';
import type { Database } from '../store/database.ts';
import { yukiGlSchemes } from '../store/schema/index.ts';
import type { YukiJournalLine } from '../yuki/journal.ts';
import type { YukiDomainClient } from '../yuki/yuki.client.ts';
import type { UnusableAccount } from './errors.ts';
import { JournalUnbalancedError, UnusableGlAccountsError } from './errors.ts';
import type { JournalLine } from './ports.ts';

const SCHEME_TTL_MS = 24 * 60 * 60 * 1000;
/** Loket's NL default accounts for net wages payable and payroll taxes payable. */
const NET_WAGES_ACCOUNT = '17000';
const PAYROLL_TAX_ACCOUNT = '17100';

/** Refuses a journal whose debits and credits differ, in total or on any one date. */
export function checkBalance(lines: readonly YukiJournalLine[], period: string): void {
  const debit = (ls: readonly YukiJournalLine[]) => sum(ls.filter((l) => l.amount > 0).map((l) => l.amount));
  const credit = (ls: readonly YukiJournalLine[]) =>
    cents(-sum(ls.filter((l) => l.amount < 0).map((l) => l.amount)));
  if (debit(lines) !== credit(lines))
    throw new JournalUnbalancedError(period, debit(lines), credit(lines), null);
  for (const date of new Set(lines.map((l) => l.entryDate))) {
    const onDate = lines.filter((l) => l.entryDate === date);
    if (debit(onDate) !== credit(onDate))
      throw new JournalUnbalancedError(period, debit(onDate), credit(onDate), date);
  }
}

/** The administration's enabled GL codes, from the database cache or (once a day) from Yuki. */
async function enabledAccounts(
  db: Database,
  yuki: YukiDomainClient,
  yukiAdministrationId: string,
): Promise<Set<string>> {
  const [cached] = await db
    .select()
    .from(yukiGlSchemes)
    .where(eq(yukiGlSchemes.yukiAdministrationId, yukiAdministrationId));
  let accounts = cached && Date.now() - cached.fetchedAt.getTime() < SCHEME_TTL_MS ? cached.accounts : null;
  if (!accounts) {
    accounts = (await yuki.glAccountScheme(yukiAdministrationId)).map((g) => ({
      code: g.code,
      enabled: g.enabled,
      description: g.description,
    }));
    const fetchedAt = new Date();
    await db
      .insert(yukiGlSchemes)
      .values({ yukiAdministrationId, accounts, fetchedAt })
      .onConflictDoUpdate({ target: yukiGlSchemes.yukiAdministrationId, set: { accounts, fetchedAt } });
  }
  return new Set(accounts.filter((a) => a.enabled).map((a) => a.code));
}

/** Refuses a journal that needs GL accounts Yuki lacks or has disabled. */
export async function checkGlAccounts(
  db: Database,
  yuki: YukiDomainClient,
  yukiAdministrationId: string,
  mapped: readonly UnusableAccount[],
  period: string,
): Promise<void> {
  const enabled = await enabledAccounts(db, yuki, yukiAdministrationId);
  const seen = new Set<string>();
  const unusable = mapped.filter(
    (m) => !enabled.has(m.yukiCode) && !seen.has(m.yukiCode) && seen.add(m.yukiCode),
  );
  if (unusable.length > 0) throw new UnusableGlAccountsError(period, unusable);
}

export type ControlWarning = { code: string; nl: string; en: string };

function creditOn(lines: readonly JournalLine[], account: string): Cents {
  return sum(lines.filter((l) => l.glAccountCode === account).map((l) => cents(l.credit - l.debit)));
}

/**
 * Compares the journal's net-wages credit with the payslips' net pay and its payroll-tax credit with
 * the tax return; a comparison is skipped when the other side is not known (null).
 */
export function controlTotalWarnings(
  lines: readonly JournalLine[],
  period: string,
  others: { payslipNetPay: Cents | null; taxReturnTotal: Cents | null },
): ControlWarning[] {
  const warnings: ControlWarning[] = [];
  const net = creditOn(lines, NET_WAGES_ACCOUNT);
  if (others.payslipNetPay !== null && net !== others.payslipNetPay) {
    warnings.push({
      code: 'control.net_wages',
      nl: `Controletotaal ${period}: te betalen nettolonen in de journaalpost (${formatEuro(net)}) wijken af van het netto op de loonstroken (${formatEuro(others.payslipNetPay)}).`,
      en: `Control total ${period}: net wages payable in the journal (${formatEuro(net)}) differ from the net pay on the payslips (${formatEuro(others.payslipNetPay)}).`,
    });
  }
  const tax = creditOn(lines, PAYROLL_TAX_ACCOUNT);
  if (others.taxReturnTotal !== null && tax !== others.taxReturnTotal) {
    warnings.push({
      code: 'control.payroll_tax',
      nl: `Controletotaal ${period}: af te dragen loonheffingen in de journaalpost (${formatEuro(tax)}) wijken af van de loonaangifte (${formatEuro(others.taxReturnTotal)}).`,
      en: `Control total ${period}: payroll taxes payable in the journal (${formatEuro(tax)}) differ from the tax return (${formatEuro(others.taxReturnTotal)}).`,
    });
  }
  return warnings;
}
