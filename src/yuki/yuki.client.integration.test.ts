import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoFirm } from '../../sandbox/shared/demo-firm.ts';
import type { YukiSandbox } from '../../sandbox/yuki/index.ts';
import { startYukiSandbox } from '../../sandbox/yuki/index.ts';
import { cents } from '../core/money.ts';
import { memoryCallBudget } from './budget.ts';
import {
  YukiAccessDeniedError,
  YukiAdministrationNotFoundError,
  YukiDailyLimitError,
  YukiDocumentTooLargeError,
  YukiInvalidAccessKeyError,
  YukiJournalRejectedError,
  YukiJournalUnbalancedError,
  YukiUnavailableError,
  YukiUnknownGlAccountError,
} from './errors.ts';
import type { YukiJournal } from './journal.ts';
import { timersOf } from '../../test/support/timers.ts';
import type { YukiClientOptions } from './yuki.client.ts';
import { createYukiClient, MAX_REQUEST_BYTES, YukiFolder } from './yuki.client.ts';

function demo<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the demo firm changed shape');
  return value;
}
const bakkerij = demo(demoFirm.domains[0]);
const vanDerBerg = demo(demoFirm.domains[1]);
const bakkerijAdmin = demo(bakkerij.administrations[0]);
const installatie = demo(vanDerBerg.administrations[0]);
const holding = demo(vanDerBerg.administrations[1]);
const KEY = {
  portal: '5e1d0c3b-2a19-4f8e-8d7c-6b5a4f3e2d01',
  bakkerijDomain: '5e1d0c3b-2a19-4f8e-8d7c-6b5a4f3e2d02',
  holdingAdministration: '5e1d0c3b-2a19-4f8e-8d7c-6b5a4f3e2d03',
  vanDerBergArchiveOnly: '5e1d0c3b-2a19-4f8e-8d7c-6b5a4f3e2d04',
  portalWithoutArchive: '5e1d0c3b-2a19-4f8e-8d7c-6b5a4f3e2d05',
};

/** Counts the HTTP requests the client really makes (an observer, not a stub: every request goes through). */
function observedFetch() {
  const requests: string[] = [];
  const observed: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    requests.push(
      headers.get('SOAPAction')?.replace(/^"http:\/\/www\.theyukicompany\.com\/|"$/g, '') ?? String(input),
    );
    return fetch(input, init);
  };
  return { fetch: observed, requests };
}

function payrollJournal(administrationId: string, subject: string): YukiJournal {
  return {
    administrationId,
    subject,
    lines: [
      { entryDate: '2024-03-31', glAccount: '40000', amount: cents(520000), description: 'Bruto loon' },
      { entryDate: '2024-03-31', glAccount: '40950', amount: cents(41600), description: 'Vakantiegeld' },
      {
        entryDate: '2024-03-31',
        glAccount: '40100',
        amount: cents(98765),
        description: 'Sociale lasten werkgever',
      },
      { entryDate: '2024-03-31', glAccount: '17100', amount: cents(-180012), description: 'Loonheffingen' },
      {
        entryDate: '2024-03-31',
        glAccount: '17500',
        amount: cents(-41600),
        description: 'Reservering vakantiegeld',
      },
      {
        entryDate: '2024-03-31',
        glAccount: '17000',
        amount: cents(-438753),
        description: 'Te betalen netto lonen',
        contactName: 'Belastingdienst <Heerlen> & Co',
      },
    ],
  };
}

function journalXml(administrationId: string, entries: string): string {
  return (
    '<Journal xmlns="urn:xmlns:http://www.theyukicompany.com:journal">' +
    `<AdministrationID>${administrationId}</AdministrationID><DocumentSubject>Raw journal</DocumentSubject>` +
    `<JournalType>GeneralJournal</JournalType>${entries}</Journal>`
  );
}

const entry = (date: string, account: string, amount: string, description = 'regel') =>
  `<JournalEntry><EntryDate>${date}</EntryDate><GLAccount>${account}</GLAccount><Amount>${amount}</Amount><Description>${description}</Description></JournalEntry>`;

let sandbox: YukiSandbox;

beforeAll(async () => {
  sandbox = await startYukiSandbox({ seed: 'client-integration' });
});
afterAll(() => sandbox.close());
afterEach(() => {
  sandbox.setFaults({
    latencyMs: 0,
    serverErrorRate: 0,
    sessionExpiresAfterCalls: 0,
    dailyLimitExhausted: false,
    slowAnswers: {},
  });
});

function client(overrides: Partial<YukiClientOptions> & { dailyBudget?: number } = {}) {
  const budget = memoryCallBudget(overrides.dailyBudget ?? 1000);
  const observer = observedFetch();
  const yuki = createYukiClient({ baseUrl: sandbox.url, budget, fetch: observer.fetch, ...overrides });
  return { yuki, budget, requests: observer.requests };
}

describe('domains and administrations', () => {
  it('lists the domains a portal key reaches and one for a domain key', async () => {
    const { yuki } = client();
    const domains = await yuki.domains(KEY.portal);
    expect(domains.map((d) => [d.id, d.name, d.url])).toEqual(
      demoFirm.domains.map((d) => [d.yukiDomainId, d.name, d.url]),
    );
    expect((await yuki.domains(KEY.bakkerijDomain)).map((d) => d.id)).toEqual([bakkerij.yukiDomainId]);
  });

  it('sets the current domain before domain-scoped calls, once per session', async () => {
    const { yuki, requests } = client();
    const vdb = yuki.forDomain(KEY.portal, vanDerBerg.yukiDomainId);
    expect((await vdb.currentDomain()).name).toBe(vanDerBerg.name);
    const administrations = await vdb.administrations();
    expect(administrations.map((a) => [a.id, a.name, a.cocNumber, a.domainId, a.active])).toEqual(
      vanDerBerg.administrations.map((a) => [
        a.yukiAdministrationId,
        a.name,
        a.cocNumber,
        vanDerBerg.yukiDomainId,
        true,
      ]),
    );
    expect(await vdb.administrationId(holding.name)).toBe(holding.yukiAdministrationId);
    expect((await yuki.forDomain(KEY.portal, bakkerij.yukiDomainId).currentDomain()).id).toBe(
      bakkerij.yukiDomainId,
    );
    expect(requests).toEqual([
      'Authenticate',
      'SetCurrentDomain',
      'GetCurrentDomain',
      'Administrations',
      'AdministrationID',
      'SetCurrentDomain',
      'GetCurrentDomain',
    ]);
  });

  it('keeps concurrent calls for two domains on one session apart', async () => {
    const { yuki } = client();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => {
        const domain = i % 2 === 0 ? bakkerij : vanDerBerg;
        return yuki
          .forDomain(KEY.portal, domain.yukiDomainId)
          .administrations()
          .then((list) => list.every((a) => a.domainId === domain.yukiDomainId));
      }),
    );
    expect(results).toEqual([true, true, true, true, true, true]);
  });

  it('shows an administration key only its own administration', async () => {
    const { yuki } = client();
    const vdb = yuki.forDomain(KEY.holdingAdministration, vanDerBerg.yukiDomainId);
    expect((await vdb.administrations()).map((a) => a.id)).toEqual([holding.yukiAdministrationId]);
    await expect(
      vdb.processJournal(payrollJournal(installatie.yukiAdministrationId, 'Niet mijn administratie')),
    ).rejects.toBeInstanceOf(YukiAdministrationNotFoundError);
  });

  it('reads the NL default GL scheme with a disabled account', async () => {
    const { yuki } = client();
    const scheme = await yuki
      .forDomain(KEY.portal, bakkerij.yukiDomainId)
      .glAccountScheme(bakkerijAdmin.yukiAdministrationId);
    const codes = scheme.map((g) => g.code);
    expect(codes).toEqual(
      expect.arrayContaining(['40000', '40100', '40200', '40950', '17000', '17100', '17500']),
    );
    expect(scheme.find((g) => g.code === '17100')).toMatchObject({
      description: 'Loonheffingen',
      enabled: true,
    });
    expect(scheme.find((g) => g.code === '40999')?.enabled).toBe(false);
  });
});

describe('ProcessJournal', () => {
  it('posts a balanced payroll journal and Yuki books it with its lines', async () => {
    const { yuki } = client();
    const id = await yuki
      .forDomain(KEY.portal, bakkerij.yukiDomainId)
      .processJournal(payrollJournal(bakkerijAdmin.yukiAdministrationId, 'Loonjournaal 2024-03 [lky:j1]'));
    const journal = sandbox.state.journals.find((j) => j.id === id);
    expect(journal?.subject).toBe('Loonjournaal 2024-03 [lky:j1]');
    expect(journal?.lines.map((l) => [l.glAccount, l.amountCents])).toEqual([
      ['40000', 520000],
      ['40950', 41600],
      ['40100', 98765],
      ['17100', -180012],
      ['17500', -41600],
      ['17000', -438753],
    ]);
    expect(sandbox.state.contacts.map((c) => c.name)).toContain('Belastingdienst <Heerlen> & Co');
  });

  it('refuses an unbalanced journal before sending anything', async () => {
    const { yuki, requests } = client();
    const journal = payrollJournal(bakkerijAdmin.yukiAdministrationId, 'Scheef');
    const lines = journal.lines.map((l, i) => (i === 0 ? { ...l, amount: cents(l.amount + 1) } : l));
    const error = await yuki
      .forDomain(KEY.portal, bakkerij.yukiDomainId)
      .processJournal({ ...journal, lines })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(YukiJournalUnbalancedError);
    expect((error as YukiJournalUnbalancedError).text.en).toContain('0.01');
    expect(requests).toEqual([]);
  });

  it('turns the sandbox refusing an unbalanced journal into a clear error (total and per date)', async () => {
    const { yuki } = client();
    const domain = yuki.forDomain(KEY.portal, bakkerij.yukiDomainId);
    const admin = bakkerijAdmin.yukiAdministrationId;
    const total = await domain
      .processJournalXml(
        admin,
        journalXml(admin, entry('2024-03-31', '40000', '100.00') + entry('2024-03-31', '17000', '-99.99')),
      )
      .catch((e: unknown) => e);
    expect(total).toBeInstanceOf(YukiJournalRejectedError);
    expect((total as YukiJournalRejectedError).text.nl).toContain(
      'Journal is not balanced: the entries total 0.01',
    );

    const perDate = await domain
      .processJournalXml(
        admin,
        journalXml(
          admin,
          entry('2024-03-31', '40000', '100.00') +
            entry('2024-03-31', '17000', '-50.00') +
            entry('2024-04-30', '17000', '-50.00'),
        ),
      )
      .catch((e: unknown) => e);
    expect((perDate as YukiJournalRejectedError).detail).toContain('not balanced on 2024-03-31');
    expect(sandbox.state.journals.some((j) => j.subject === 'Raw journal')).toBe(false);
  });

  it('turns an unknown or disabled GL account into an error naming the account', async () => {
    const { yuki } = client();
    const domain = yuki.forDomain(KEY.portal, bakkerij.yukiDomainId);
    for (const account of ['99999', '40999']) {
      const journal = payrollJournal(bakkerijAdmin.yukiAdministrationId, `Rekening ${account}`);
      const lines = journal.lines.map((l, i) => (i === 0 ? { ...l, glAccount: account } : l));
      const error = await domain.processJournal({ ...journal, lines }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(YukiUnknownGlAccountError);
      expect((error as YukiUnknownGlAccountError).glAccount).toBe(account);
    }
  });

  it('rejects XML that breaks the schema with Yuki’s validation text', async () => {
    const { yuki } = client();
    const admin = bakkerijAdmin.yukiAdministrationId;
    const both = journalXml(
      admin,
      entry('2024-03-31', '40000', '1.00') + entry('2024-03-31', '17000', '-1.00'),
    ).replace(
      '<DocumentSubject>',
      '<AdministrationCoCNumber>34128765</AdministrationCoCNumber><DocumentSubject>',
    );
    const error = await yuki
      .forDomain(KEY.portal, bakkerij.yukiDomainId)
      .processJournalXml(admin, both)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(YukiJournalRejectedError);
    expect((error as YukiJournalRejectedError).detail).toMatch(/AdministrationCoCNumber.*not expected/);
  });

  it('cuts descriptions at 256 characters', async () => {
    const { yuki } = client();
    const admin = bakkerijAdmin.yukiAdministrationId;
    const long = 'x'.repeat(300);
    const id = await yuki
      .forDomain(KEY.portal, bakkerij.yukiDomainId)
      .processJournalXml(
        admin,
        journalXml(admin, entry('2024-03-31', '40000', '1.00', long) + entry('2024-03-31', '17000', '-1.00')),
      );
    expect(sandbox.state.journals.find((j) => j.id === id)?.lines[0]?.description).toHaveLength(256);
  });

  it('answers Administration not found for an unknown GUID', async () => {
    const { yuki } = client();
    await expect(
      yuki
        .forDomain(KEY.portal, bakkerij.yukiDomainId)
        .processJournal(payrollJournal('00000000-0000-4000-8000-000000000000', 'Onbekend')),
    ).rejects.toBeInstanceOf(YukiAdministrationNotFoundError);
  });
});

describe('Archive', () => {
  const pdf = new TextEncoder().encode('%PDF-1.4 loonstrook Jan Jansen maart 2024\n%%EOF');

  it('uploads with and without data and finds documents by subject and remarks', async () => {
    const { yuki } = client();
    const domain = yuki.forDomain(KEY.portal, vanDerBerg.yukiDomainId);
    const plain = await domain.uploadDocument({
      administrationId: holding.yukiAdministrationId,
      fileName: 'Loonaangifte 2024-03.pdf',
      data: pdf,
      folder: YukiFolder.tax,
    });
    const withData = await domain.uploadDocumentWithData({
      administrationId: holding.yukiAdministrationId,
      fileName: 'Loonstrook Jan Jansen, maart 2024.pdf',
      data: pdf,
      folder: YukiFolder.personnel,
      amount: cents(245067),
      remarks: 'netto loon [lky:payslip-42]',
    });
    const stored = sandbox.state.documents.find((d) => d.id === withData);
    expect(stored).toMatchObject({
      folder: 4,
      amountCents: 245067,
      remarks: 'netto loon [lky:payslip-42]',
      currency: 'EUR',
    });
    expect(Buffer.from(stored?.bytes ?? []).equals(Buffer.from(pdf))).toBe(true);

    expect((await domain.documentsInFolder(YukiFolder.tax)).map((d) => d.id)).toContain(plain);
    const bySubject = await domain.findDocumentsBySubject('Loonstrook Jan Jansen, maart 2024');
    expect(bySubject.map((d) => [d.id, d.amount])).toEqual([[withData, 245067]]);
    expect(await domain.findDocumentsBySubject('Loonstrook Jan Jansen')).toEqual([]);
    expect((await domain.findDocumentsByText('[lky:payslip-42]')).map((d) => d.id)).toEqual([withData]);
    const searched = await domain.searchDocuments({
      option: 'Subject',
      text: 'loon',
      folderId: YukiFolder.tax,
    });
    expect(searched.map((d) => d.id)).toEqual([plain]);
  });

  it('finds a posted journal by its subject, for reconciliation', async () => {
    const { yuki } = client();
    const domain = yuki.forDomain(KEY.portal, bakkerij.yukiDomainId);
    const id = await domain.processJournal(
      payrollJournal(bakkerijAdmin.yukiAdministrationId, 'Loonjournaal [lky:recon-1]'),
    );
    expect((await domain.findDocumentsBySubject('Loonjournaal [lky:recon-1]')).map((d) => d.id)).toEqual([
      id,
    ]);
    expect(
      await yuki
        .forDomain(KEY.portal, vanDerBerg.yukiDomainId)
        .findDocumentsBySubject('Loonjournaal [lky:recon-1]'),
    ).toEqual([]);
  });

  it('lists the archive folders', async () => {
    const { yuki } = client();
    const folders = await yuki.forDomain(KEY.portal, bakkerij.yukiDomainId).documentFolders();
    expect(folders).toEqual(
      expect.arrayContaining([
        { id: 4, description: 'Personeel', processedByYuki: true },
        { id: 5, description: 'Belasting', processedByYuki: true },
      ]),
    );
  });

  it('uploads through Upload.aspx into a folder tab', async () => {
    const { yuki } = client();
    const id = await yuki.forDomain(KEY.portal, bakkerij.yukiDomainId).uploadViaUploadAspx({
      domainName: bakkerij.name,
      administrationId: bakkerijAdmin.yukiAdministrationId,
      folder: YukiFolder.personnel,
      tab: 401,
      fileName: 'jaaropgave.pdf',
      data: pdf,
    });
    expect(sandbox.state.documents.find((d) => d.id === id)).toMatchObject({
      folder: 4,
      tab: 401,
      fileName: 'jaaropgave.pdf',
    });
  });

  it('refuses a file over the request limit before sending it', async () => {
    const { yuki, requests } = client();
    const big = new Uint8Array(Math.ceil((MAX_REQUEST_BYTES / 4) * 3));
    const error = await yuki
      .forDomain(KEY.portal, bakkerij.yukiDomainId)
      .uploadDocument({
        administrationId: bakkerijAdmin.yukiAdministrationId,
        fileName: 'groot.pdf',
        data: big,
        folder: 4,
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(YukiDocumentTooLargeError);
    expect(requests).toEqual([]);
  });
});

describe('keys, rights and sessions', () => {
  it('maps a wrong key to an invalid-access-key error', async () => {
    const { yuki } = client();
    await expect(yuki.domains('11111111-2222-4333-8444-555555555555')).rejects.toBeInstanceOf(
      YukiInvalidAccessKeyError,
    );
  });

  it('refuses services the key has no rights for', async () => {
    const { yuki } = client();
    await expect(
      yuki
        .forDomain(KEY.vanDerBergArchiveOnly, vanDerBerg.yukiDomainId)
        .processJournal(payrollJournal(holding.yukiAdministrationId, 'Geen rechten')),
    ).rejects.toBeInstanceOf(YukiAccessDeniedError);
    await expect(
      yuki.forDomain(KEY.portalWithoutArchive, bakkerij.yukiDomainId).documentFolders(),
    ).rejects.toBeInstanceOf(YukiAccessDeniedError);
  });

  it('reuses one session and renews it once when it expired', async () => {
    const { yuki, requests } = client();
    const domain = yuki.forDomain(KEY.portal, bakkerij.yukiDomainId);
    await domain.administrations();
    await domain.administrations();
    sandbox.expireSessions();
    await domain.administrations();
    expect(requests.filter((r) => r === 'Authenticate')).toHaveLength(2);
    expect(requests.slice(-4)).toEqual([
      'Administrations',
      'Authenticate',
      'SetCurrentDomain',
      'Administrations',
    ]);
  });

  it('renews when sessions expire after a few calls', async () => {
    sandbox.setFaults({ sessionExpiresAfterCalls: 2 });
    const { yuki, requests } = client();
    const domain = yuki.forDomain(KEY.portal, vanDerBerg.yukiDomainId);
    for (let i = 0; i < 4; i++) expect(await domain.administrations()).toHaveLength(2);
    expect(requests.filter((r) => r === 'Authenticate').length).toBeGreaterThanOrEqual(2);
  });

  it('renews a session that outlived its TTL', async () => {
    const short = await startYukiSandbox({ sessionTtlSeconds: 0.2 });
    try {
      const observer = observedFetch();
      const yuki = createYukiClient({
        baseUrl: short.url,
        budget: memoryCallBudget(1000),
        fetch: observer.fetch,
      });
      const domain = yuki.forDomain(KEY.portal, bakkerij.yukiDomainId);
      await domain.currentDomain();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await domain.currentDomain()).id).toBe(bakkerij.yukiDomainId);
      expect(observer.requests.filter((r) => r === 'Authenticate')).toHaveLength(2);
    } finally {
      await short.close();
    }
  });
});

describe('daily limit', () => {
  it('is enforced by Yuki, then anticipated by the client, and resets with the day', async () => {
    const limited = await startYukiSandbox({ dailyCallLimit: 3 });
    try {
      const observer = observedFetch();
      const budget = memoryCallBudget(1000);
      const yuki = createYukiClient({ baseUrl: limited.url, budget, fetch: observer.fetch });
      const domain = yuki.forDomain(KEY.portal, bakkerij.yukiDomainId);
      await domain.administrations(); // SetCurrentDomain + Administrations
      await domain.glAccountScheme(bakkerijAdmin.yukiAdministrationId);
      const error = await domain.administrations().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(YukiDailyLimitError);
      expect(error).toMatchObject({ retryable: true, domainId: bakkerij.yukiDomainId });
      expect((error as YukiDailyLimitError).detail).toContain(
        'Every domain has 3 free webservice calls a day.',
      );

      const sent = observer.requests.length;
      await expect(domain.administrations()).rejects.toBeInstanceOf(YukiDailyLimitError);
      expect(observer.requests.length).toBe(sent);
      // Another domain has its own budget.
      expect(await yuki.forDomain(KEY.portal, vanDerBerg.yukiDomainId).administrations()).toHaveLength(2);

      const res = await fetch(`${limited.url}/_sandbox/reset-day`, { method: 'POST' });
      expect(res.status).toBe(200);
      const nextDay = createYukiClient({ baseUrl: limited.url, budget: memoryCallBudget(1000) });
      expect(await nextDay.forDomain(KEY.portal, bakkerij.yukiDomainId).administrations()).toHaveLength(1);
    } finally {
      await limited.close();
    }
  });

  it('refuses a call before it is made when the caller’s budget is spent', async () => {
    const { yuki, budget, requests } = client({ dailyBudget: 2 });
    const domain = yuki.forDomain(KEY.portal, bakkerij.yukiDomainId);
    const before = sandbox.calls().domains.find((d) => d.domainId === bakkerij.yukiDomainId)?.calls ?? 0;
    await domain.administrations();
    await expect(domain.glAccountScheme(bakkerijAdmin.yukiAdministrationId)).rejects.toBeInstanceOf(
      YukiDailyLimitError,
    );
    expect(requests).toEqual(['Authenticate', 'SetCurrentDomain', 'Administrations']);
    expect(sandbox.calls().domains.find((d) => d.domainId === bakkerij.yukiDomainId)?.calls).toBe(before + 2);
    expect(budget.used(bakkerij.yukiDomainId)).toBe(2);
  });

  it('counts every call against the same domain as Yuki does', async () => {
    const fresh = await startYukiSandbox();
    try {
      const budget = memoryCallBudget(1000);
      const yuki = createYukiClient({ baseUrl: fresh.url, budget });
      await yuki.domains(KEY.portal);
      const vdb = yuki.forDomain(KEY.portal, vanDerBerg.yukiDomainId);
      await vdb.administrations();
      await vdb.processJournal(payrollJournal(holding.yukiAdministrationId, 'Telling'));
      await vdb.findDocumentsBySubject('Telling');
      await yuki
        .forDomain(KEY.portal, bakkerij.yukiDomainId)
        .glAccountScheme(bakkerijAdmin.yukiAdministrationId);
      for (const d of fresh.calls().domains) expect(budget.used(d.domainId)).toBe(d.calls);
      expect(fresh.calls().domains.map((d) => d.calls)).toEqual([1, 4]);
    } finally {
      await fresh.close();
    }
  });

  it('maps the exhausted-limit fault knob', async () => {
    sandbox.setFaults({ dailyLimitExhausted: true });
    const { yuki } = client();
    await expect(yuki.forDomain(KEY.portal, bakkerij.yukiDomainId).documentFolders()).rejects.toBeInstanceOf(
      YukiDailyLimitError,
    );
  });
});

describe('transport faults', () => {
  it('turns a 5xx into a retryable unavailable error', async () => {
    sandbox.setFaults({ serverErrorRate: 1 });
    const { yuki } = client();
    const error = await yuki.domains(KEY.portal).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(YukiUnavailableError);
    expect(error).toMatchObject({ retryable: true, detail: 'Authenticate: HTTP 503' });
  });

  it('turns latency beyond the timeout into a retryable unavailable error', async () => {
    sandbox.setFaults({ latencyMs: 300 });
    const { yuki } = client({ timeoutMs: 100 });
    await expect(yuki.domains(KEY.portal)).rejects.toMatchObject({
      code: 'yuki.unavailable',
      retryable: true,
    });
  });

  it('lets a finished call’s timer go, not when its time limit would have passed', async () => {
    const { yuki } = client({ timeoutMs: 60_000 });
    await yuki.domains(KEY.portal);
    const timers = await timersOf(60_000, async () => {
      for (let call = 0; call < 10; call++) await yuki.domains(KEY.portal);
    });
    expect(timers.set).toBeGreaterThanOrEqual(10);
    expect(timers.leftRunning).toBe(0);
  });

  it("gives up a call when the caller's signal aborts, and sends or counts nothing after", async () => {
    sandbox.setFaults({ slowAnswers: { UploadDocumentWithData: 1500 } });
    const { yuki, budget, requests } = client();
    const controller = new AbortController();
    const domain = yuki.forDomain(KEY.portal, bakkerij.yukiDomainId, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('deadline')), 300);
    const started = Date.now();
    await expect(
      domain.uploadDocumentWithData({
        administrationId: bakkerijAdmin.yukiAdministrationId,
        fileName: 'Loonstrook zonder antwoord.pdf',
        data: new TextEncoder().encode('%PDF-1.4\n%%EOF'),
        folder: YukiFolder.personnel,
        amount: cents(100),
      }),
    ).rejects.toMatchObject({ code: 'yuki.unavailable', retryable: true });
    expect(Date.now() - started).toBeLessThan(1200);
    // Yuki kept the upload although its answer never reached us.
    expect(sandbox.state.documents.some((d) => d.subject === 'Loonstrook zonder antwoord')).toBe(true);

    const used = budget.used(bakkerij.yukiDomainId);
    await expect(domain.documentFolders()).rejects.toMatchObject({ code: 'yuki.unavailable' });
    expect(budget.used(bakkerij.yukiDomainId)).toBe(used);
    expect(requests.at(-1)).toBe('UploadDocumentWithData');
    // The shared session is unharmed: a caller without that signal goes on.
    expect(await yuki.forDomain(KEY.portal, bakkerij.yukiDomainId).documentFolders()).not.toHaveLength(0);
  });

  it('forgets the current domain when a domain switch is cut off, so a search never looks in the wrong domain', async () => {
    const { yuki } = client();
    const subject = 'Loonstrook domeinwissel [lky:0123456789ab]';
    const bakery = yuki.forDomain(KEY.portal, bakkerij.yukiDomainId);
    const id = await bakery.uploadDocumentWithData({
      administrationId: bakkerijAdmin.yukiAdministrationId,
      fileName: `${subject}.pdf`,
      data: new TextEncoder().encode('%PDF-1.4\n%%EOF'),
      folder: YukiFolder.personnel,
      amount: cents(100),
    });
    expect((await bakery.findDocumentsByText('[lky:0123456789ab]')).map((d) => d.id)).toEqual([id]);
    // Yuki switches the session to the other domain, but the answer comes after the caller gave up.
    sandbox.setFaults({ slowAnswers: { SetCurrentDomain: 1000 } });
    const cutOff = yuki.forDomain(KEY.portal, vanDerBerg.yukiDomainId, { signal: AbortSignal.timeout(200) });
    await expect(cutOff.administrations()).rejects.toMatchObject({ code: 'yuki.unavailable' });
    sandbox.setFaults({ slowAnswers: {} });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await bakery.findDocumentsByText('[lky:0123456789ab]')).map((d) => d.id)).toEqual([id]);
  });

  it('turns a refused connection into a retryable unavailable error', async () => {
    const gone = await startYukiSandbox();
    await gone.close();
    const yuki = createYukiClient({ baseUrl: gone.url, budget: memoryCallBudget(10) });
    await expect(yuki.domains(KEY.portal)).rejects.toBeInstanceOf(YukiUnavailableError);
  });
});

describe('viewer', () => {
  it('shows posted journals and uploaded documents, each downloadable', async () => {
    const { yuki } = client();
    const domain = yuki.forDomain(KEY.portal, vanDerBerg.yukiDomainId);
    await domain.processJournal(
      payrollJournal(installatie.yukiAdministrationId, 'Loonjournaal periode 3 [lky:viewer]'),
    );
    const bytes = new TextEncoder().encode('%PDF-1.4 viewer test');
    const documentId = await domain.uploadDocumentWithData({
      administrationId: installatie.yukiAdministrationId,
      fileName: 'Loonstrook Piet de Boer, periode 3 2024.pdf',
      data: bytes,
      folder: YukiFolder.personnel,
      amount: cents(199999),
      remarks: 'viewer-remark',
    });

    const overview = await (await fetch(`${sandbox.url}/_sandbox/viewer`)).text();
    expect(overview).toContain(vanDerBerg.name);
    expect(overview).toContain(`/_sandbox/viewer/administrations/${installatie.yukiAdministrationId}`);

    const page = await (
      await fetch(`${sandbox.url}/_sandbox/viewer/administrations/${installatie.yukiAdministrationId}`)
    ).text();
    expect(page).toContain('Loonjournaal periode 3 [lky:viewer]');
    expect(page).toContain('Lonen en salarissen');
    expect(page).toMatch(
      /<td colspan="4">Totaal<\/td><td class="num">6603\.65<\/td><td class="num">6603\.65<\/td>/,
    );
    expect(page).toContain('Belastingdienst &lt;Heerlen&gt; &amp; Co');
    expect(page).toContain('Personeel');
    expect(page).toContain('Loonstrook Piet de Boer, periode 3 2024.pdf');
    expect(page).toContain('EUR 1999.99');
    expect(page).toContain('viewer-remark');

    const file = await fetch(`${sandbox.url}/_sandbox/documents/${documentId}/file`);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
  });
});
