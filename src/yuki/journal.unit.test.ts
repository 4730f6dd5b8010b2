import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import { cents } from '../core/money.ts';
import { YukiJournalUnbalancedError } from './errors.ts';
import type { YukiJournal } from './journal.ts';
import { buildJournalXml, unusableGlAccounts } from './journal.ts';

const XSD = readFileSync(new URL('../../sandbox/yuki/Journal.xsd', import.meta.url), 'utf8');
const ADMIN = '3a8e6c21-1f2b-4c3d-8e4f-5a6b7c8d9e01';

const journal: YukiJournal = {
  administrationId: ADMIN,
  subject: 'Loonjournaal 2024-03 <run 12> & "co"',
  projectCode: 'P-01',
  lines: [
    { entryDate: '2024-03-31', glAccount: '40000', amount: cents(520000), description: 'Bruto loon' },
    {
      entryDate: '2024-03-31',
      glAccount: '17100',
      amount: cents(-80007),
      contactName: 'Belastingdienst',
      contactCode: 'BD',
    },
    { entryDate: '2024-03-31', glAccount: '17000', amount: cents(-439993), description: 'Netto lonen' },
    { entryDate: '2024-04-30', glAccount: '40200', amount: cents(7), description: 'Reiskosten' },
    { entryDate: '2024-04-30', glAccount: '17000', amount: cents(-7) },
  ],
};

async function schemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: { fileName: 'journal.xml', contents: xml },
    schema: { fileName: 'Journal.xsd', contents: XSD },
  });
  return result.errors.map((e) => e.message);
}

describe('buildJournalXml', () => {
  it('writes the documented element order, two decimals and escaped text (golden)', () => {
    expect(buildJournalXml(journal)).toBe(
      [
        '<Journal xmlns="urn:xmlns:http://www.theyukicompany.com:journal">',
        `  <AdministrationID>${ADMIN}</AdministrationID>`,
        '  <DocumentSubject>Loonjournaal 2024-03 &lt;run 12&gt; &amp; &quot;co&quot;</DocumentSubject>',
        '  <JournalType>GeneralJournal</JournalType>',
        '  <ProjectCode>P-01</ProjectCode>',
        '  <JournalEntry>',
        '    <EntryDate>2024-03-31</EntryDate>',
        '    <GLAccount>40000</GLAccount>',
        '    <Amount>5200.00</Amount>',
        '    <Description>Bruto loon</Description>',
        '  </JournalEntry>',
        '  <JournalEntry>',
        '    <ContactName>Belastingdienst</ContactName>',
        '    <ContactCode>BD</ContactCode>',
        '    <EntryDate>2024-03-31</EntryDate>',
        '    <GLAccount>17100</GLAccount>',
        '    <Amount>-800.07</Amount>',
        '  </JournalEntry>',
        '  <JournalEntry>',
        '    <EntryDate>2024-03-31</EntryDate>',
        '    <GLAccount>17000</GLAccount>',
        '    <Amount>-4399.93</Amount>',
        '    <Description>Netto lonen</Description>',
        '  </JournalEntry>',
        '  <JournalEntry>',
        '    <EntryDate>2024-04-30</EntryDate>',
        '    <GLAccount>40200</GLAccount>',
        '    <Amount>0.07</Amount>',
        '    <Description>Reiskosten</Description>',
        '  </JournalEntry>',
        '  <JournalEntry>',
        '    <EntryDate>2024-04-30</EntryDate>',
        '    <GLAccount>17000</GLAccount>',
        '    <Amount>-0.07</Amount>',
        '  </JournalEntry>',
        '</Journal>',
      ].join('\n'),
    );
  });

  it('validates against the journal XSD', async () => {
    expect(await schemaErrors(buildJournalXml(journal))).toEqual([]);
    const year = {
      ...journal,
      type: 'EndOfYearCorrection' as const,
      projectCode: undefined,
      projectId: 'HID-1',
    };
    expect(await schemaErrors(buildJournalXml(year))).toEqual([]);
  });

  it('the XSD refuses what Yuki refuses', async () => {
    const xml = buildJournalXml(journal);
    const both = xml.replace(
      '  <DocumentSubject>',
      '  <AdministrationCoCNumber>34128765</AdministrationCoCNumber>\n  <DocumentSubject>',
    );
    expect((await schemaErrors(both)).join()).toContain('AdministrationCoCNumber');
    expect((await schemaErrors(xml.replace('GeneralJournal', 'PayrollJournal'))).join()).toContain(
      'PayrollJournal',
    );
    expect((await schemaErrors(xml.replace('5200.00', '5200.001'))).join()).toContain('5200.001');
    const noEntries = xml.replace(/ {2}<JournalEntry>[\s\S]*<\/JournalEntry>\n/, '');
    expect((await schemaErrors(noEntries)).join()).toContain('Missing child element');
  });

  it('refuses an unbalanced total before anything is sent', () => {
    const lines = journal.lines.map((l, i) => (i === 0 ? { ...l, amount: cents(l.amount - 3) } : l));
    expect(() => buildJournalXml({ ...journal, lines })).toThrowError(YukiJournalUnbalancedError);
    try {
      buildJournalXml({ ...journal, lines });
    } catch (error) {
      expect(error).toMatchObject({ date: null, difference: '-0.03', code: 'yuki.journal_unbalanced' });
    }
  });

  it('refuses a journal that balances in total but not per date', () => {
    const lines = journal.lines.map((l, i) => (i === 4 ? { ...l, entryDate: '2024-03-31' } : l));
    try {
      buildJournalXml({ ...journal, lines });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(YukiJournalUnbalancedError);
      expect(error).toMatchObject({ date: '2024-03-31', difference: '-0.07' });
      expect((error as YukiJournalUnbalancedError).text.nl).toContain('op 2024-03-31');
    }
  });

  it('cuts descriptions at 256 characters and refuses malformed input', () => {
    const long = { ...journal, lines: journal.lines.map((l) => ({ ...l, description: 'é'.repeat(300) })) };
    expect(buildJournalXml(long)).toContain(`<Description>${'é'.repeat(256)}</Description>`);
    expect(() => buildJournalXml({ ...journal, lines: [] })).toThrow('at least one line');
    expect(() => buildJournalXml({ ...journal, administrationId: 'nope' })).toThrow('GUID');
    const badDate = journal.lines.map((l) => ({ ...l, entryDate: '31-03-2024' }));
    expect(() => buildJournalXml({ ...journal, lines: badDate })).toThrow('yyyy-mm-dd');
  });
});

describe('unusableGlAccounts', () => {
  it('lists accounts missing from the scheme or disabled, once each', () => {
    const scheme = ['40000', '17000', '40200'].map((code) => ({
      code,
      type: 2,
      subtype: 0,
      enabled: true,
      description: '',
    }));
    scheme.push({ code: '17100', type: 1, subtype: 0, enabled: false, description: 'Loonheffingen' });
    expect(unusableGlAccounts(journal, scheme)).toEqual(['17100']);
    expect(unusableGlAccounts(journal, [])).toEqual(['40000', '17100', '17000', '40200']);
  });
});
