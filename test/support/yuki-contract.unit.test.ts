import { describe, expect, it } from 'vitest';
import { archiveErrors, archiveXsd, bodyElement, journalErrors, soapBody } from './yuki-contract.ts';

const xsd = archiveXsd();
const NS = 'xmlns="http://www.theyukicompany.com/"';
const upload = (inner: string) => `<UploadDocument ${NS}>${inner}</UploadDocument>`;
const journal = (inner: string) =>
  `<Journal xmlns="urn:xmlns:http://www.theyukicompany.com:journal">${inner}</Journal>`;
const entry =
  '<JournalEntry><EntryDate>2026-10-31</EntryDate><GLAccount>40000</GLAccount><Amount>1.00</Amount></JournalEntry>';

describe('the Yuki contract validators can fail', () => {
  it('accept a request as the WSDL declares it', async () => {
    expect(
      await archiveErrors(
        upload('<sessionID>s</sessionID><fileName>a.pdf</fileName><data>JVBERg==</data><folder>5</folder>'),
        xsd,
      ),
    ).toEqual([]);
  });

  it('refuse an element the WSDL does not know', async () => {
    const errors = await archiveErrors(
      upload('<sessionID>s</sessionID><folder>5</folder><colour>red</colour>'),
      xsd,
    );
    expect(errors.join('\n')).toMatch(/colour.*not expected/);
  });

  it('refuse a missing required element (folder, minOccurs 1) and a mistyped one', async () => {
    expect(
      (await archiveErrors(upload('<sessionID>s</sessionID><fileName>a.pdf</fileName>'), xsd)).join('\n'),
    ).toMatch(/Missing child element/);
    expect((await archiveErrors(upload('<folder>tax</folder>'), xsd)).join('\n')).toMatch(
      /not a valid value/,
    );
  });

  it('refuse a date where the WSDL asks for xs:dateTime', async () => {
    const query = (date: string) =>
      `<DocumentsInFolder ${NS}><sessionID>s</sessionID><folderID>5</folderID><sortOrder>CreatedDesc</sortOrder>` +
      `<startDate>${date}</startDate><endDate>${date}</endDate><numberOfRecords>1</numberOfRecords><startRecord>1</startRecord></DocumentsInFolder>`;
    expect(await archiveErrors(query('0001-01-01T00:00:00'), xsd)).toEqual([]);
    expect(await archiveErrors(query('0001-01-01'), xsd)).toHaveLength(2);
  });

  it('check journals against Journal.xsd: missing JournalType, unknown element, both administration elements', async () => {
    const head = '<AdministrationID>3a8e6c21-1f2b-4c3d-8e4f-5a6b7c8d9e01</AdministrationID>';
    expect(await journalErrors(journal(`${head}<JournalType>GeneralJournal</JournalType>${entry}`))).toEqual(
      [],
    );
    expect(await journalErrors(journal(`${head}${entry}`))).not.toEqual([]);
    expect(
      await journalErrors(journal(`${head}<JournalType>GeneralJournal</JournalType><Colour/>${entry}`)),
    ).not.toEqual([]);
    expect(
      await journalErrors(
        journal(
          `${head}<AdministrationCoCNumber>1</AdministrationCoCNumber><JournalType>GeneralJournal</JournalType>${entry}`,
        ),
      ),
    ).not.toEqual([]);
  });

  it('find the body and its operation in an envelope, whatever the prefix', () => {
    const body = soapBody(
      '<s:Envelope xmlns:s="x"><s:Body><DomainsResponse xmlns="y"/></s:Body></s:Envelope>',
    );
    expect(body).toBe('<DomainsResponse xmlns="y"/>');
    expect(bodyElement(body ?? '')).toBe('DomainsResponse');
    expect(soapBody('not soap')).toBeNull();
  });
});
