import { describe, expect, it } from 'vitest';
import { demoFirm } from '../shared/demo-firm.ts';
import { createYukiSandbox } from './index.ts';

const TNS = 'http://www.theyukicompany.com/';
function demo<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the demo firm changed shape');
  return value;
}
const bakkerij = demo(demoFirm.domains[0]);
const vanDerBerg = demo(demoFirm.domains[1]);
const bakkerijAdmin = demo(bakkerij.administrations[0]);

function envelope(body: string): string {
  return `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>${body}</soap:Body></soap:Envelope>`;
}

function setup(options: Parameters<typeof createYukiSandbox>[0] = {}) {
  const { app, control } = createYukiSandbox(options);
  const post = async (service: string, action: string | null, body: string) => {
    const headers: Record<string, string> = { 'content-type': 'text/xml; charset=utf-8' };
    if (action !== null) headers.SOAPAction = `"${TNS}${action}"`;
    const response = await app.request(`/ws/${service}.asmx`, {
      method: 'POST',
      headers,
      body: envelope(body),
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      text: await response.text(),
    };
  };
  const call = (service: string, operation: string, params: string) =>
    post(service, operation, `<${operation} xmlns="${TNS}">${params}</${operation}>`);
  const session = async (key = control.credentials()[0]?.key ?? '') => {
    const { text } = await call('Accounting', 'Authenticate', `<accessKey>${key}</accessKey>`);
    return /<AuthenticateResult>([^<]+)</.exec(text)?.[1] ?? '';
  };
  return { app, control, post, call, session };
}

const faultString = (text: string) => /<faultstring>([^<]*)<\/faultstring>/.exec(text)?.[1];

describe('SOAP protocol', () => {
  it('answers text/xml with xmlns="" resets inside "any" results', async () => {
    const { call, session } = setup();
    const sid = await session();
    const res = await call('Archive', 'Domains', `<sessionID>${sid}</sessionID>`);
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/xml; charset=utf-8');
    expect(res.text).toContain(
      `<DomainsResponse xmlns="${TNS}"><DomainsResult><Domains xmlns=""><Domain ID="${bakkerij.yukiDomainId}">`,
    );
  });

  it('dispatches on SOAPAction and refuses a missing, foreign or mismatching one', async () => {
    const { post, call, session } = setup();
    const sid = await session();
    const missing = await post(
      'Accounting',
      null,
      `<Domains xmlns="${TNS}"><sessionID>${sid}</sessionID></Domains>`,
    );
    expect(missing.status).toBe(500);
    expect(faultString(missing.text)).toMatch(
      /^Server did not recognize the value of HTTP Header SOAPAction/,
    );
    const wrongService = await call('Archive', 'ProcessJournal', `<sessionID>${sid}</sessionID>`);
    expect(faultString(wrongService.text)).toMatch(/did not recognize/);
    const mismatch = await post(
      'Accounting',
      'Administrations',
      `<Domains xmlns="${TNS}"><sessionID>${sid}</sessionID></Domains>`,
    );
    expect(mismatch.status).toBe(500);
    const foreignNs = await post(
      'Accounting',
      'Domains',
      `<Domains xmlns="http://example.com/"><sessionID>${sid}</sessionID></Domains>`,
    );
    expect(foreignNs.text).toContain('<faultcode>soap:Client</faultcode>');
  });

  it('takes parameters only with the exact name and namespace', async () => {
    const { call, post, session } = setup();
    const sid = await session();
    expect(faultString((await call('Accounting', 'Domains', `<sessionId>${sid}</sessionId>`)).text)).toBe(
      'Invalid session ID',
    );
    expect(
      faultString((await call('Accounting', 'Domains', `<sessionID xmlns="">${sid}</sessionID>`)).text),
    ).toBe('Invalid session ID');
    const prefixed = await post(
      'Accounting',
      'Domains',
      `<y:Domains xmlns:y="${TNS}"><y:sessionID>${sid}</y:sessionID></y:Domains>`,
    );
    expect(prefixed.status).toBe(200);
  });

  it('faults with HTTP 500 for a wrong key, and for a request over the size limit', async () => {
    const { call } = setup();
    const wrong = await call(
      'Accounting',
      'Authenticate',
      '<accessKey>00000000-0000-4000-8000-000000000000</accessKey>',
    );
    expect(wrong.status).toBe(500);
    expect(wrong.text).toContain(
      '<faultcode>soap:Client</faultcode><faultstring>Invalid access key</faultstring>',
    );
    const huge = await call('Archive', 'UploadDocument', `<data>${'A'.repeat(3 * 1024 * 1024)}</data>`);
    expect(faultString(huge.text)).toBe('Maximum request length exceeded.');
  });

  it('answers 404 for a service it does not offer', async () => {
    const { app } = setup();
    expect((await app.request('/ws/Sales.asmx', { method: 'POST', body: '' })).status).toBe(404);
  });
});

describe('journals', () => {
  const journal = (head: string, entries: string, type = 'GeneralJournal') =>
    `<xmlDoc><Journal xmlns="urn:xmlns:http://www.theyukicompany.com:journal">${head}<JournalType>${type}</JournalType>${entries}</Journal></xmlDoc>`;
  const line = (date: string, account: string, amount: string, contact = '') =>
    `<JournalEntry>${contact}<EntryDate>${date}</EntryDate><GLAccount>${account}</GLAccount><Amount>${amount}</Amount></JournalEntry>`;

  it('accepts the CoC number instead of the administration ID and reuses contacts by code', async () => {
    const { call, session, control } = setup();
    const sid = await session();
    const params = (contact: string) =>
      `<sessionID>${sid}</sessionID><administrationID>${bakkerijAdmin.yukiAdministrationId}</administrationID>` +
      journal(
        `<AdministrationCoCNumber>${bakkerijAdmin.cocNumber}</AdministrationCoCNumber>`,
        line('2024-12-31', '40000', '10.5', contact) + line('2024-12-31', '17000', '-10.50'),
      );
    expect(
      (
        await call(
          'Accounting',
          'ProcessJournal',
          params('<ContactName>Jan</ContactName><ContactCode>J1</ContactCode>'),
        )
      ).status,
    ).toBe(200);
    expect((await call('Accounting', 'ProcessJournal', params('<ContactCode>J1</ContactCode>'))).status).toBe(
      200,
    );
    expect(control.state.contacts.map((c) => [c.code, c.name])).toEqual([['J1', 'Jan']]);
    expect(control.state.journals.map((j) => j.lines[0]?.contactName)).toEqual(['Jan', 'Jan']);
    expect(control.state.journals[0]?.lines[0]?.amountCents).toBe(1050);
  });

  it('refuses a journal for another administration and a year-end correction not on 31 December', async () => {
    const { call, session } = setup();
    const sid = await session();
    const other = vanDerBerg.administrations[0]?.yukiAdministrationId;
    const mismatch = await call(
      'Accounting',
      'ProcessJournal',
      `<sessionID>${sid}</sessionID><administrationID>${bakkerijAdmin.yukiAdministrationId}</administrationID>` +
        journal(
          `<AdministrationID>${other}</AdministrationID>`,
          line('2024-03-31', '40000', '1') + line('2024-03-31', '17000', '-1'),
        ),
    );
    expect(faultString(mismatch.text)).toMatch(/does not match the administration/);
    const yearEnd = await call(
      'Accounting',
      'ProcessJournal',
      `<sessionID>${sid}</sessionID><administrationID>${bakkerijAdmin.yukiAdministrationId}</administrationID>` +
        journal(
          `<AdministrationID>${bakkerijAdmin.yukiAdministrationId}</AdministrationID>`,
          line('2024-03-31', '40000', '1') + line('2024-03-31', '17000', '-1'),
          'EndOfYearCorrection',
        ),
    );
    expect(faultString(yearEnd.text)).toMatch(/last day of the fiscal year/);
  });
});

describe('viewer', () => {
  it('shows one document on its own page, a memoriaal with its journal lines, and links to it', async () => {
    const { app, call, session, control } = setup();
    const sid = await session();
    const entries =
      `<JournalEntry><EntryDate>2024-12-31</EntryDate><GLAccount>40000</GLAccount><Amount>1234.5</Amount><Description>Brutoloon</Description></JournalEntry>` +
      `<JournalEntry><EntryDate>2024-12-31</EntryDate><GLAccount>17000</GLAccount><Amount>-1234.50</Amount><Description>Netto</Description></JournalEntry>`;
    const posted = await call(
      'Accounting',
      'ProcessJournal',
      `<sessionID>${sid}</sessionID><administrationID>${bakkerijAdmin.yukiAdministrationId}</administrationID>` +
        `<xmlDoc><Journal xmlns="urn:xmlns:http://www.theyukicompany.com:journal"><AdministrationID>${bakkerijAdmin.yukiAdministrationId}</AdministrationID><DocumentSubject>Loonjournaalpost december 2024</DocumentSubject><JournalType>GeneralJournal</JournalType>${entries}</Journal></xmlDoc>`,
    );
    expect(posted.status, posted.text).toBe(200);
    const [journal] = control.state.journals;
    const id = demo(journal).id;

    const page = await app.request(`/_sandbox/viewer/documents/${id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<h1>Loonjournaalpost december 2024</h1>');
    expect(html).toContain(`Document ${id}`);
    expect(html).toContain(`href="/_sandbox/documents/${id}/file"`);
    expect(html).toMatch(/<td>Brutoloon<\/td>.*<td class="num">1234.50<\/td>/s);
    expect(html).toMatch(
      /<td colspan="4">Totaal<\/td><td class="num">1234.50<\/td><td class="num">1234.50<\/td>/,
    );

    const administration = await app.request(
      `/_sandbox/viewer/administrations/${bakkerijAdmin.yukiAdministrationId}`,
    );
    expect(await administration.text()).toContain(`href="/_sandbox/viewer/documents/${id}"`);
    expect(
      (await app.request('/_sandbox/viewer/documents/00000000-0000-4000-8000-000000000000')).status,
    ).toBe(404);
  });
});

describe('Upload.aspx', () => {
  it('stores a multipart upload in the default folder and reports failures in its XML', async () => {
    const { app, control } = setup();
    const key = control.credentials()[0]?.key ?? '';
    const form = new FormData();
    form.set('WebServiceAccessKey', key);
    form.set('Domain', bakkerij.name);
    form.set('Administration', bakkerijAdmin.yukiAdministrationId);
    form.set('File', new Blob(['%PDF-1.4']), 'scan.pdf');
    const ok = await (await app.request('/docs/Upload.aspx', { method: 'POST', body: form })).text();
    expect(ok).toMatch(
      /<UploadReponse><UploadSuccess>true<\/UploadSuccess><Message>Upload successful<\/Message><DocumentID>[0-9a-f-]{36}<\/DocumentID>/,
    );
    expect(control.state.documents[0]).toMatchObject({ folder: 7, fileName: 'scan.pdf', subject: 'scan' });

    form.set('WebServiceAccessKey', '00000000-0000-4000-8000-000000000000');
    const bad = await (await app.request('/docs/Upload.aspx', { method: 'POST', body: form })).text();
    expect(bad).toContain('<UploadSuccess>false</UploadSuccess><Message>Invalid access key</Message>');
  });
});

describe('control endpoints', () => {
  it('lists credentials: first a portal key with every right in every domain, then narrower keys', async () => {
    const { app } = setup();
    const body = (await (await app.request('/_sandbox/credentials')).json()) as {
      accessKeys: {
        key: string;
        level: string;
        rights: string[];
        domainIds: string[];
        administrationIds: string[];
      }[];
    };
    const [portal, ...others] = body.accessKeys;
    expect(portal).toMatchObject({
      level: 'portal',
      rights: ['Accounting', 'AccountingInfo', 'Archive'],
      domainIds: demoFirm.domains.map((d) => d.yukiDomainId),
      administrationIds: demoFirm.domains.flatMap((d) =>
        d.administrations.map((a) => a.yukiAdministrationId),
      ),
    });
    expect(others.map((k) => k.level)).toEqual(['domain', 'administration', 'domain', 'portal']);
    expect(others.some((k) => !k.rights.includes('Accounting'))).toBe(true);
  });

  it('counts calls per domain, resets the day and validates fault knobs', async () => {
    const { app, call, session } = setup({ dailyCallLimit: 2 });
    const sid = await session();
    for (let i = 0; i < 2; i++)
      expect((await call('Accounting', 'Administrations', `<sessionID>${sid}</sessionID>`)).status).toBe(200);
    const over = await call('Accounting', 'Administrations', `<sessionID>${sid}</sessionID>`);
    expect(over.text).toContain(
      '<faultstring>Daily limit exceeded</faultstring><detail>Every domain has 2 free webservice calls a day.</detail>',
    );
    const calls = (await (await app.request('/_sandbox/calls')).json()) as {
      domains: { calls: number; remaining: number }[];
    };
    expect(calls.domains[0]).toMatchObject({ calls: 2, remaining: 0 });
    await app.request('/_sandbox/reset-day', { method: 'POST' });
    expect((await call('Accounting', 'Administrations', `<sessionID>${sid}</sessionID>`)).status).toBe(200);

    const bad = await app.request('/_sandbox/faults', {
      method: 'PUT',
      body: JSON.stringify({ serverErrorRate: 2 }),
    });
    expect(bad.status).toBe(400);
    const good = await app.request('/_sandbox/faults', {
      method: 'PUT',
      body: JSON.stringify({ serverErrorRate: 1 }),
    });
    expect(await good.json()).toMatchObject({ serverErrorRate: 1, latencyMs: 0 });
    expect((await call('Accounting', 'Administrations', `<sessionID>${sid}</sessionID>`)).status).toBe(503);
  });

  it('parses options with defaults and refuses bad ones', async () => {
    const { options } = createYukiSandbox({ seed: 7 });
    expect(options).toMatchObject({
      port: 0,
      sessionTtlSeconds: 86400,
      dailyCallLimit: 1000,
      faults: { latencyMs: 0 },
    });
    expect(() => createYukiSandbox({ dailyCallLimit: 0 })).toThrow();
  });

  it('generates the same GUIDs for the same seed', async () => {
    expect(await setup({ seed: 's' }).session()).toBe(await setup({ seed: 's' }).session());
    expect(await setup({ seed: 's' }).session()).not.toBe(await setup({ seed: 't' }).session());
  });
});
