/**
 * Contract with Yuki's published WSDL: every SOAP request the client builds and every answer the
 * sandbox gives, validated against the XSD inside ../shared/reference/yuki-Archive.asmx.wsdl, and the
 * journal document against sandbox/yuki/Journal.xsd. The WSDL is Archive.asmx's; operations of the
 * other services that it does not declare (ProcessJournal, GetGLAccountScheme) are listed, not guessed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFirm } from '../../sandbox/shared/demo-firm.ts';
import { startYukiSandbox, type YukiSandbox } from '../../sandbox/yuki/index.ts';
import {
  archiveErrors,
  archiveXsd,
  bodyElement,
  declaredElements,
  journalErrors,
  soapBody,
} from '../../test/support/yuki-contract.ts';
import { cents } from '../core/money.ts';
import { memoryCallBudget } from './budget.ts';
import { createYukiClient, YukiFolder } from './yuki.client.ts';

const bakery = demoFirm.domains[0]!;
const bakeryBooks = bakery.administrations[0]!;
const PORTAL_KEY = '5e1d0c3b-2a19-4f8e-8d7c-6b5a4f3e2d01';
const xsd = archiveXsd();
const declared = declaredElements(xsd);

type Exchange = { request: string; answer: string; status: number };
const exchanges: Exchange[] = [];
const recordingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (new URL(String(input)).pathname.startsWith('/ws/') && typeof init?.body === 'string')
    exchanges.push({ request: init.body, answer: await response.clone().text(), status: response.status });
  return response;
};

let sandbox: YukiSandbox;
beforeAll(async () => {
  sandbox = await startYukiSandbox({ seed: 'contract' });
});
afterAll(() => sandbox.close());

describe('contract with the Yuki WSDL and the journal XSD', () => {
  it('validates every request the client builds and every answer the sandbox gives', async () => {
    const yuki = createYukiClient({
      baseUrl: sandbox.url,
      budget: memoryCallBudget(1000),
      fetch: recordingFetch,
    });
    const pdf = new TextEncoder().encode('%PDF-1.4\n%contract\n');
    await yuki.domains(PORTAL_KEY);
    const domain = yuki.forDomain(PORTAL_KEY, bakery.yukiDomainId);
    await domain.currentDomain();
    await domain.administrations();
    await domain.administrationId(bakeryBooks.name);
    await domain.glAccountScheme(bakeryBooks.yukiAdministrationId);
    await domain.processJournal({
      administrationId: bakeryBooks.yukiAdministrationId,
      subject: 'Loonjournaal oktober 2026 [lky:contract]',
      type: 'GeneralJournal',
      projectCode: 'P1',
      lines: [
        { entryDate: '2026-10-31', glAccount: '40000', amount: cents(100_00), description: 'Bruto loon' },
        { entryDate: '2026-10-31', glAccount: '17000', amount: cents(-100_00), description: 'Netto & co' },
      ],
    });
    await domain.uploadDocument({
      administrationId: bakeryBooks.yukiAdministrationId,
      fileName: 'Loonaangifte oktober 2026.pdf',
      data: pdf,
      folder: YukiFolder.tax,
    });
    await domain.uploadDocumentWithData({
      administrationId: bakeryBooks.yukiAdministrationId,
      fileName: 'Loonstrook oktober 2026.pdf',
      data: pdf,
      folder: YukiFolder.personnel,
      amount: cents(2_450_67),
      remarks: 'netto loon [lky:contract-2]',
    });
    await domain.documentFolders();
    await domain.documentsInFolder(YukiFolder.tax);
    await domain.searchDocuments({ option: 'Subject', text: 'loon', folderId: YukiFolder.tax });
    await domain.findDocumentsBySubject('Loonstrook oktober 2026');

    const problems: string[] = [];
    const validated = new Set<string>();
    const undeclared = new Set<string>();
    for (const exchange of exchanges) {
      const request = soapBody(exchange.request);
      const answer = soapBody(exchange.answer);
      expect(request, 'request is a SOAP envelope').not.toBeNull();
      expect(answer, `answer to ${bodyElement(request ?? '')} is a SOAP envelope`).not.toBeNull();
      const operation = bodyElement(request ?? '');
      expect(bodyElement(answer ?? ''), `${operation}: ${exchange.answer.slice(0, 300)}`).toBe(
        `${operation}Response`,
      );
      if (operation === 'ProcessJournal') {
        const journal = /<Journal [\s\S]*<\/Journal>/.exec(request ?? '')?.[0] ?? '';
        for (const error of await journalErrors(journal)) problems.push(`ProcessJournal xmlDoc: ${error}`);
      }
      if (!declared.has(operation)) {
        undeclared.add(operation);
        continue;
      }
      for (const error of await archiveErrors(request ?? '', xsd))
        problems.push(`${operation} request: ${error}`);
      for (const error of await archiveErrors(answer ?? '', xsd))
        problems.push(`${operation} answer: ${error}`);
      validated.add(operation);
    }
    expect(problems).toEqual([]);
    expect([...validated].sort()).toEqual(
      [
        'AdministrationID',
        'Administrations',
        'Authenticate',
        'DocumentFolders',
        'Domains',
        'GetCurrentDomain',
        'SearchDocuments',
        'SetCurrentDomain',
        'DocumentsInFolder',
        'UploadDocument',
        'UploadDocumentWithData',
      ].sort(),
    );
    // Accounting.asmx / AccountingInfo.asmx operations: no WSDL of theirs in the references.
    expect([...undeclared].sort()).toEqual(['GetGLAccountScheme', 'ProcessJournal']);
  });
});
