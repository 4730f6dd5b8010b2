/**
 * @module sync/import-journal
 * One journal run: its lines from Loket become one balanced GeneralJournal in Yuki, dated on the
 * period's last day, GL codes mapped, after the checks of checks.ts. A cost centre maps to a Yuki
 * project, which Yuki keeps per journal: set when the journal's cost centres map to one project.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Cents } from '../core/money.ts';
import { cents, sum } from '../core/money.ts';
import type { Database } from '../store/database.ts';
import type { ImportItemDetails } from '../store/schema/index.ts';
import { importItems } from '../store/schema/index.ts';
import type { PostedJournalLine } from '../store/schema/index.ts';
import { MAX_DESCRIPTION, type YukiJournalLine } from '../yuki/journal.ts';
import type { ImportItem } from './claim.ts';
import type { ControlWarning } from './checks.ts';
import { checkBalance, checkGlAccounts, controlTotalWarnings, forgetGlScheme } from './checks.ts';
import { YukiUnknownGlAccountError } from '../yuki/errors.ts';
import { ControlTotalBlockedError } from './errors.ts';
import type { LinkContext } from './link-context.ts';
import type { JournalLine } from './ports.ts';

export type PostedJournal = { documentId: string; amountCents: number; details: ImportItemDetails };

/** The lines Yuki gets — lines with nothing to book are left out — and each as our records keep it. */
function bookedLines(link: LinkContext, lines: readonly JournalLine[], entryDate: string) {
  return lines
    .filter((line) => line.debit !== line.credit)
    .map((line) => {
      const entry: YukiJournalLine = {
        entryDate,
        glAccount: link.glAccount(line.glAccountCode),
        amount: cents(line.debit - line.credit),
        description: line.costCenterCode
          ? `${line.description} (kostenplaats ${line.costCenterCode})`
          : line.description,
      };
      const posted: PostedJournalLine = {
        entryDate,
        glAccount: entry.glAccount.trim(),
        description: (entry.description ?? '').slice(0, MAX_DESCRIPTION),
        debitCents: Math.max(entry.amount, 0),
        creditCents: Math.max(-entry.amount, 0),
        ...(line.costCenterCode ? { costCenter: line.costCenterCode } : {}),
      };
      return { entry, posted };
    });
}

/** Our own records for the control totals: net pay of the run's payslips, the period's first tax return. */
async function controlSides(
  db: Database,
  item: ImportItem,
): Promise<{ payslipNetPay: Cents | null; taxReturnTotal: Cents | null }> {
  const payslips = await db
    .select({ amount: importItems.amountCents })
    .from(importItems)
    .where(
      and(
        eq(importItems.administrationId, item.administrationId),
        eq(importItems.kind, 'payslip'),
        sql`${importItems.details}->>'payrollRunId' = ${item.details.payrollRunId ?? ''}`,
      ),
    );
  // A correction journal has no tax return of its own to compare with.
  const [taxReturn] = item.correctsItemId
    ? []
    : await db
        .select({ amount: importItems.amountCents })
        .from(importItems)
        .where(
          and(
            eq(importItems.administrationId, item.administrationId),
            eq(importItems.kind, 'tax_return'),
            eq(importItems.periodId, item.periodId),
            eq(importItems.version, '1'),
          ),
        );
  return {
    payslipNetPay: payslips.length > 0 ? sum(payslips.map((p) => cents(p.amount ?? 0))) : null,
    taxReturnTotal: taxReturn?.amount == null ? null : cents(taxReturn.amount),
  };
}

/** The journal Yuki gets for Loket's lines, and what our records keep of it. */
function buildJournal(link: LinkContext, item: ImportItem, lines: readonly JournalLine[]) {
  const booked = bookedLines(link, lines, item.periodEndDate);
  const entries = booked.map((line) => line.entry);
  const projects = new Set(
    lines.flatMap((l) => (l.costCenterCode && link.costCenterProjects[l.costCenterCode]) || []),
  );
  const [projectCode] = projects.size === 1 ? [...projects] : [];
  return {
    entries,
    projectCode,
    amountCents: sum(entries.filter((e) => e.amount > 0).map((e) => e.amount)),
    journal: { ...(projectCode ? { projectCode } : {}), lines: booked.map((line) => line.posted) },
  };
}

/** Loket's lines for the item, the journal built from them, and what our records keep of it. */
async function loadJournal(db: Database, link: LinkContext, item: ImportItem, periodName: string) {
  const lines = await link.loket.journalLines(item.loketObjectId);
  const built = buildJournal(link, item, lines);
  const warnings: ControlWarning[] = controlTotalWarnings(lines, periodName, await controlSides(db, item));
  const details: ImportItemDetails = { journal: built.journal, ...(warnings.length > 0 ? { warnings } : {}) };
  return { lines, built, warnings, facts: { amountCents: built.amountCents, details } };
}

export async function postJournal(
  db: Database,
  link: LinkContext,
  item: ImportItem,
  periodName: string,
): Promise<PostedJournal> {
  const { lines, built, warnings, facts } = await loadJournal(db, link, item, periodName);
  checkBalance(built.entries, periodName);
  await checkGlAccounts(
    db,
    link.yuki,
    link.yukiAdministrationId,
    lines.map((l) => ({ loketCode: l.glAccountCode, yukiCode: link.glAccount(l.glAccountCode) })),
    periodName,
  );
  const [blocking] = warnings;
  if (blocking && link.blockOnControlDifference) throw new ControlTotalBlockedError(blocking);

  try {
    const documentId = await link.yuki.processJournal({
      administrationId: link.yukiAdministrationId,
      subject: item.subject,
      type: 'GeneralJournal',
      ...(built.projectCode ? { projectCode: built.projectCode } : {}),
      lines: built.entries,
    });
    return { documentId, ...facts };
  } catch (error) {
    // The cached scheme vouched for an account Yuki no longer takes: the next attempt reads it afresh.
    if (error instanceof YukiUnknownGlAccountError) await forgetGlScheme(db, link.yukiAdministrationId);
    throw error;
  }
}

/**
 * For a journal reconciliation found in Yuki: what a post records, rebuilt from Loket's lines with the
 * same mapping (the item's key pins the journal run, so Loket's lines are the ones that were posted).
 */
export async function reconciledJournal(
  db: Database,
  link: LinkContext,
  item: ImportItem,
  periodName: string,
): Promise<{ amountCents: number; details: ImportItemDetails }> {
  return (await loadJournal(db, link, item, periodName)).facts;
}
