/**
 * @module journal
 * ProcessJournal as Yuki documents it: the xmlDoc is first validated against the journal XSD (the whole
 * call fails with the validation errors), then the semantic rules: the administration matches, GL
 * accounts exist and are enabled, the total and every date sum to 0.00 to the cent, descriptions are cut
 * at 256 characters, and unknown contacts are created.
 */
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { validateXML } from 'xmllint-wasm';
import { SoapFault } from './soap.ts';
import type { Administration, Journal, JournalLine, SandboxState } from './state.ts';
import { JOURNAL_DOCUMENT_TYPE, JOURNAL_FOLDER } from './state.ts';

export const JOURNAL_XSD = readFileSync(new URL('./Journal.xsd', import.meta.url), 'utf8');
const MAX_DESCRIPTION = 256;

/** XSD errors of a journal document, empty when it is valid. */
export async function journalSchemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: { fileName: 'journal.xml', contents: xml },
    schema: { fileName: 'Journal.xsd', contents: JOURNAL_XSD },
  });
  if (result.valid) return [];
  const messages = result.errors
    .map((e) => e.message.trim())
    .filter((m) => m !== '' && !m.endsWith('fails to validate'));
  return messages.length > 0 ? messages : [result.rawOutput.trim()];
}

const parser = new XMLParser({
  removeNSPrefix: true,
  parseTagValue: false,
  ignoreAttributes: true,
  isArray: (name) => name === 'JournalEntry',
});

type ParsedEntry = {
  ContactName?: string;
  ContactCode?: string;
  EntryDate: string;
  GLAccount: string;
  Amount: string;
  Description?: string;
};
type ParsedJournal = {
  AdministrationID?: string;
  AdministrationCoCNumber?: string;
  DocumentSubject?: string;
  JournalType: string;
  ProjectID?: string;
  ProjectCode?: string;
  JournalEntry: ParsedEntry[];
};

/** Exact decimal → cents; the XSD has already allowed at most two significant decimals. */
export function amountToCents(text: string): number {
  const match = /^([+-])?(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!match) throw new SoapFault('soap:Client', `Invalid amount '${text}'.`);
  const [, sign, whole = '', fraction = ''] = match;
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > 2) throw new SoapFault('soap:Client', `Invalid amount '${text}'.`);
  const value = Number(whole || '0') * 100 + Number(significant.padEnd(2, '0'));
  if (!Number.isSafeInteger(value)) throw new SoapFault('soap:Client', `Invalid amount '${text}'.`);
  return sign === '-' ? -value : value;
}

export function centsToDecimal(value: number): string {
  const abs = Math.abs(value);
  return `${value < 0 ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function checkBalance(lines: JournalLine[]): void {
  const total = lines.reduce((acc, l) => acc + l.amountCents, 0);
  if (total !== 0) {
    throw new SoapFault(
      'soap:Client',
      `Journal is not balanced: the entries total ${centsToDecimal(total)}, they must total 0.00.`,
    );
  }
  const byDate = new Map<string, number>();
  for (const line of lines) byDate.set(line.entryDate, (byDate.get(line.entryDate) ?? 0) + line.amountCents);
  for (const [date, sum] of byDate) {
    if (sum !== 0) {
      throw new SoapFault(
        'soap:Client',
        `Journal is not balanced on ${date}: the entries of this date total ${centsToDecimal(sum)}, they must total 0.00.`,
      );
    }
  }
}

function checkAdministration(journal: ParsedJournal, administration: Administration): void {
  const id = journal.AdministrationID?.trim().toLowerCase();
  if (id !== undefined && id !== administration.id) {
    throw new SoapFault(
      'soap:Client',
      `AdministrationID ${id} in the journal does not match the administration of this call.`,
    );
  }
  const coc = journal.AdministrationCoCNumber?.trim();
  if (coc !== undefined && coc !== administration.cocNumber) {
    throw new SoapFault('soap:Client', `No administration with CoC number ${coc} in this domain.`);
  }
}

function checkGlAccount(code: string, administration: Administration): void {
  const account = administration.glAccounts.find((a) => a.code === code);
  if (!account)
    throw new SoapFault(
      'soap:Client',
      `GL account ${code} does not exist in administration ${administration.name}.`,
    );
  if (!account.isEnabled)
    throw new SoapFault(
      'soap:Client',
      `GL account ${code} is not enabled in administration ${administration.name}.`,
    );
}

function checkCorrectionDates(journal: ParsedJournal): void {
  if (journal.JournalType === 'GeneralJournal') return;
  const wrong = journal.JournalEntry.find((e) => !e.EntryDate.endsWith('-12-31'));
  if (wrong) {
    throw new SoapFault(
      'soap:Client',
      `A ${journal.JournalType} must be dated on the last day of the fiscal year, not ${wrong.EntryDate}.`,
    );
  }
}

/** Code first, then an exact name match; otherwise Yuki creates the contact. */
function resolveContact(
  state: SandboxState,
  domainId: string,
  name: string | null,
  code: string | null,
): string | null {
  if (name === null && code === null) return null;
  const found =
    (code !== null && state.contacts.find((c) => c.domainId === domainId && c.code === code)) ||
    (name !== null && state.contacts.find((c) => c.domainId === domainId && c.name === name));
  if (found) return found.name;
  const created = {
    id: state.guid(),
    domainId,
    code: code ?? String(100000 + state.contacts.filter((c) => c.domainId === domainId).length + 1),
    name: name ?? code ?? '',
  };
  state.contacts.push(created);
  return created.name;
}

/** Validates and books a journal; returns the GUID of the memoriaal document it created. */
export async function processJournal(
  state: SandboxState,
  administration: Administration,
  xml: string,
): Promise<string> {
  const errors = await journalSchemaErrors(xml);
  if (errors.length > 0) {
    throw new SoapFault(
      'soap:Client',
      `The journal XML is not valid: ${errors.join(' ')}`,
      errors.join('\n'),
    );
  }
  const journal = (parser.parse(xml) as { Journal: ParsedJournal }).Journal;
  checkAdministration(journal, administration);
  checkCorrectionDates(journal);
  const lines: JournalLine[] = journal.JournalEntry.map((entry) => {
    const glAccount = entry.GLAccount.trim();
    checkGlAccount(glAccount, administration);
    return {
      entryDate: entry.EntryDate.trim(),
      glAccount,
      amountCents: amountToCents(entry.Amount),
      description: (entry.Description ?? '').slice(0, MAX_DESCRIPTION),
      contactName: entry.ContactName ?? null,
      contactCode: entry.ContactCode ?? null,
    };
  });
  checkBalance(lines);
  for (const line of lines)
    line.contactName = resolveContact(state, administration.domainId, line.contactName, line.contactCode);

  const id = state.guid();
  const created = new Date();
  const subject = journal.DocumentSubject?.trim() || 'Memoriaal';
  const booked: Journal = {
    id,
    administrationId: administration.id,
    subject,
    journalType: journal.JournalType,
    projectId: journal.ProjectID ?? null,
    projectCode: journal.ProjectCode ?? null,
    lines,
    created,
  };
  state.journals.push(booked);
  state.documents.push({
    id,
    domainId: administration.domainId,
    administrationId: administration.id,
    folder: JOURNAL_FOLDER,
    tab: null,
    ...JOURNAL_DOCUMENT_TYPE,
    subject,
    fileName: `memoriaal-${id}.xml`,
    amountCents: lines.reduce((acc, l) => acc + Math.max(l.amountCents, 0), 0),
    currency: 'EUR',
    costCategory: '',
    paymentMethod: null,
    project: booked.projectCode ?? booked.projectId ?? '',
    remarks: '',
    contactName: '',
    creator: 'Webservice',
    bytes: new TextEncoder().encode(xml),
    created,
  });
  return id;
}
