/**
 * @module yuki-journal
 * Builds the Journal XML that Accounting.ProcessJournal carries in `xmlDoc`, from amounts in cents
 * (positive = debit, negative = credit). It refuses an unbalanced journal, in total or on any date,
 * before anything is sent, because Yuki would reject the whole call anyway and it costs a call.
 */
import { z } from 'zod';
import type { Cents } from '../core/money.ts';
import { formatDecimal } from '../core/money.ts';
import { YukiJournalUnbalancedError } from './errors.ts';
import type { YukiGlAccount } from './schemas.ts';
import { escapeXml } from './soap.ts';

export const JOURNAL_NS = 'urn:xmlns:http://www.theyukicompany.com:journal';
/** Yuki cuts longer descriptions silently; we cut them ourselves so what we record is what Yuki keeps. */
export const MAX_DESCRIPTION = 256;

export type JournalType = 'GeneralJournal' | 'EndOfYearCorrection' | 'FiscalCorrection';

export type YukiJournalLine = {
  /** yyyy-mm-dd */
  entryDate: string;
  glAccount: string;
  /** Positive = debit, negative = credit. */
  amount: Cents;
  description?: string;
  contactName?: string;
  contactCode?: string;
};

export type YukiJournal = {
  administrationId: string;
  /** Becomes the subject of the memoriaal document; carry the import's key here for reconciliation. */
  subject: string;
  type?: JournalType;
  projectId?: string;
  projectCode?: string;
  lines: readonly YukiJournalLine[];
};

const isoDate = z.iso.date();
const guid = z.guid();

function checkBalance(lines: readonly YukiJournalLine[]): void {
  const total = lines.reduce((acc, l) => acc + l.amount, 0);
  if (total !== 0) throw new YukiJournalUnbalancedError(null, formatDecimal(total as Cents));
  const byDate = new Map<string, number>();
  for (const line of lines) byDate.set(line.entryDate, (byDate.get(line.entryDate) ?? 0) + line.amount);
  for (const [date, sum] of byDate) {
    if (sum !== 0) throw new YukiJournalUnbalancedError(date, formatDecimal(sum as Cents));
  }
}

function checkShape(journal: YukiJournal): void {
  if (!guid.safeParse(journal.administrationId).success)
    throw new Error(`not an administration GUID: ${journal.administrationId}`);
  if (journal.lines.length === 0) throw new Error('a journal needs at least one line');
  for (const line of journal.lines) {
    if (!isoDate.safeParse(line.entryDate).success)
      throw new Error(`entry date is not yyyy-mm-dd: ${line.entryDate}`);
    if (line.glAccount.trim() === '') throw new Error('a journal line without GL account');
    if (!Number.isSafeInteger(line.amount)) throw new Error(`amount is not whole cents: ${line.amount}`);
  }
}

const tag = (name: string, value: string | undefined, indent: string) =>
  value === undefined ? '' : `${indent}<${name}>${escapeXml(value)}</${name}>\n`;

/** The `<Journal>` document, indented, elements in the order Yuki's XSD expects. Throws when unbalanced. */
export function buildJournalXml(journal: YukiJournal): string {
  checkShape(journal);
  checkBalance(journal.lines);
  const entries = journal.lines
    .map(
      (line) =>
        '  <JournalEntry>\n' +
        tag('ContactName', line.contactName, '    ') +
        tag('ContactCode', line.contactCode, '    ') +
        tag('EntryDate', line.entryDate, '    ') +
        tag('GLAccount', line.glAccount.trim(), '    ') +
        tag('Amount', formatDecimal(line.amount), '    ') +
        tag('Description', line.description?.slice(0, MAX_DESCRIPTION), '    ') +
        '  </JournalEntry>\n',
    )
    .join('');
  return (
    `<Journal xmlns="${JOURNAL_NS}">\n` +
    tag('AdministrationID', journal.administrationId, '  ') +
    tag('DocumentSubject', journal.subject, '  ') +
    tag('JournalType', journal.type ?? 'GeneralJournal', '  ') +
    tag('ProjectID', journal.projectId, '  ') +
    tag('ProjectCode', journal.projectCode, '  ') +
    entries +
    '</Journal>'
  );
}

/**
 * GL accounts of a journal that are missing or disabled in the administration's scheme (from
 * `glAccountScheme`), so the import can stop before spending a call on a journal Yuki would refuse.
 */
export function unusableGlAccounts(journal: YukiJournal, scheme: readonly YukiGlAccount[]): string[] {
  const enabled = new Set(scheme.filter((g) => g.enabled).map((g) => g.code));
  return [...new Set(journal.lines.map((l) => l.glAccount.trim()))].filter((code) => !enabled.has(code));
}
