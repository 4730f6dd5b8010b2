/**
 * @module sync/checks
 * Checks before a journal is posted: it balances to the cent in total and per date, every GL account
 * exists and is enabled in Yuki (the scheme cached until it lacks an account or Yuki refuses one), and the control totals agree with the
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

/** The administration's chart of accounts as Yuki answered it, kept in the database cache. */
async function fetchScheme(
  db: Database,
  yuki: YukiDomainClient,
  yukiAdministrationId: string,
): Promise<Set<string>> {
  const accounts = (await yuki.glAccountScheme(yukiAdministrationId)).map((g) => ({
    code: g.code,
    enabled: g.enabled,
    description: g.description,
  }));
  const fetchedAt = new Date();
  await db
    .insert(yukiGlSchemes)
    .values({ yukiAdministrationId, accounts, fetchedAt })
    .onConflictDoUpdate({ target: yukiGlSchemes.yukiAdministrationId, set: { accounts, fetchedAt } });
  return new Set(accounts.filter((a) => a.enabled).map((a) => a.code));
}

function unusableIn(enabled: Set<string>, mapped: readonly UnusableAccount[]): UnusableAccount[] {
  const seen = new Set<string>();
  return mapped.filter((m) => !enabled.has(m.yukiCode) && !seen.has(m.yukiCode) && seen.add(m.yukiCode));
}

/**
 * Refuses a journal that needs GL accounts Yuki lacks or has disabled. A cached scheme that has every
 * account is trusted whatever its age (issue 13 P4: a month-end journal would otherwise cost a scheme
 * call of its own), as Yuki itself refuses a journal on an unusable account, booking nothing, and that
 * refusal drops the cache (`forgetGlScheme`). One that lacks an account is asked again, at most daily.
 */
export async function checkGlAccounts(
  db: Database,
  yuki: YukiDomainClient,
  yukiAdministrationId: string,
  mapped: readonly UnusableAccount[],
  period: string,
): Promise<void> {
  const [cached] = await db
    .select()
    .from(yukiGlSchemes)
    .where(eq(yukiGlSchemes.yukiAdministrationId, yukiAdministrationId));
  let unusable: UnusableAccount[] | null = null;
  if (cached) {
    unusable = unusableIn(new Set(cached.accounts.filter((a) => a.enabled).map((a) => a.code)), mapped);
    const fresh = Date.now() - cached.fetchedAt.getTime() < SCHEME_TTL_MS;
    if (unusable.length > 0 && !fresh) unusable = null;
  }
  unusable ??= unusableIn(await fetchScheme(db, yuki, yukiAdministrationId), mapped);
  if (unusable.length > 0) throw new UnusableGlAccountsError(period, unusable);
}

/** Yuki refused an account the cached scheme vouched for: the next journal reads the scheme again. */
export async function forgetGlScheme(db: Database, yukiAdministrationId: string): Promise<void> {
  await db.delete(yukiGlSchemes).where(eq(yukiGlSchemes.yukiAdministrationId, yukiAdministrationId));
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
