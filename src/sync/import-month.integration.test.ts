import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportFixture } from '../../test/support/import-fixture.ts';
import { bakery, startImportFixture } from '../../test/support/import-fixture.ts';
import { sum } from '../core/money.ts';
import type { LoketTokens } from '../loket/index.ts';
import {
  LoketConnection,
  listApprovedPayrollRuns,
  listEmployments,
  listJournalLines,
  listJournalRuns,
  listPayrollRunResults,
  listPayrollTaxReturns,
  netPayOf,
  passwordGrant,
} from '../loket/index.ts';
import { importItems } from '../store/schema/index.ts';
import { importNow, runProgress } from './import-run.ts';
import { importHistory, importStatus } from './status.ts';
import { collectAll } from '../loket/index.ts';

let fixture: ImportFixture;
let loket: LoketConnection;

beforeAll(async () => {
  fixture = await startImportFixture({ importFromPeriod: '2026-10' });
  const credentials = (await (await fetch(`${fixture.loket.controlUrl}/credentials`)).json()) as {
    passwordClient: { clientId: string; clientSecret: string };
    users: Array<{ username: string; password: string }>;
  };
  const oauth = { oauthBaseUrl: fixture.loket.oauthUrl, ...credentials.passwordClient };
  const user = credentials.users.find((u) => u.username === 'koppeling.yuki');
  if (!user) throw new Error('no sandbox user koppeling.yuki');
  const tokens: LoketTokens = await passwordGrant(oauth, user);
  loket = new LoketConnection({ apiBaseUrl: fixture.loket.url, oauth, tokens, onTokens: () => undefined });
});
afterAll(() => fixture.close());

describe('a whole month for the demo bakery (October 2026)', () => {
  it('brings payslips, the journal and the tax return into Yuki exactly, and tells Loket', async () => {
    const result = await importNow(fixture.env, {
      administrationId: fixture.bakeryId,
      trigger: 'manual',
      requestedLabel: 'backoffice@jansen-deboer.nl',
    });
    expect(result.summary).toBe('2026-10: 12 loonstroken, 1 journaalpost, 1 loonaangifte');
    expect(result.outcomes.map((o) => o.outcome)).toEqual(Array(14).fill('posted'));
    expect(await runProgress(fixture.env.db, result.runId)).toEqual({
      payslip: { total: 12, posted: 12, failed: 0, waiting: 0, open: 0 },
      journal: { total: 1, posted: 1, failed: 0, waiting: 0, open: 0 },
      tax_return: { total: 1, posted: 1, failed: 0, waiting: 0, open: 0 },
    });

    const pa = bakery.loket.payrollAdministrationId;
    const october = (await collectAll(listApprovedPayrollRuns(loket, pa))).find(
      (r) => r.year === 2026 && r.periodNumber === 10,
    );
    if (!october) throw new Error('no October run in the Loket sandbox');
    const names = new Map(
      (await collectAll(listEmployments(loket, bakery.loket.employerId))).map((e) => [e.id, e.formattedName]),
    );
    const expectedPayslips = (await collectAll(listPayrollRunResults(loket, october.id)))
      .map((r) => [`Loonstrook ${names.get(r.employmentId)}, oktober 2026`, netPayOf(r)] as const)
      .sort();

    const documents = fixture.yuki.state.documents.filter(
      (d) => d.administrationId === bakery.yukiAdministrationId,
    );
    const payslips = documents.filter((d) => d.folder === 4);
    expect(
      payslips.map((d) => [d.subject.replace(/ \[lky:[0-9a-f]{12}\]$/, ''), d.amountCents] as const).sort(),
    ).toEqual(expectedPayslips);
    expect(
      payslips.every((d) => /\[lky:[0-9a-f]{12}\]/.test(d.remarks) && d.remarks.includes('2026-10-31')),
    ).toBe(true);
    expect(payslips.every((d) => new TextDecoder().decode(d.bytes.subarray(0, 5)) === '%PDF-')).toBe(true);

    const journalRun = (await collectAll(listJournalRuns(loket, pa))).find(
      (r) => r.payrollRunId === october.id,
    );
    if (!journalRun) throw new Error('no October journal run');
    const lines = await listJournalLines(loket, journalRun.id);
    const [journal, ...otherJournals] = fixture.yuki.state.journals;
    expect(otherJournals).toEqual([]);
    expect(journal?.subject).toMatch(/^Loonjournaalpost oktober 2026 \[lky:[0-9a-f]{12}\]$/);
    expect(journal?.journalType).toBe('GeneralJournal');
    expect(new Set(journal?.lines.map((l) => l.entryDate))).toEqual(new Set(['2026-10-31']));
    expect(sum((journal?.lines ?? []).map((l) => l.amountCents) as never)).toBe(0);
    const byAccount = (entries: Array<[string, number]>) => {
      const totals = new Map<string, number>();
      for (const [account, amount] of entries) totals.set(account, (totals.get(account) ?? 0) + amount);
      return Object.fromEntries([...totals].sort());
    };
    expect(byAccount((journal?.lines ?? []).map((l) => [l.glAccount, l.amountCents]))).toEqual(
      byAccount(lines.map((l) => [l.glAccountCode, l.debit - l.credit])),
    );

    const taxReturn = (await collectAll(listPayrollTaxReturns(loket, pa))).find(
      (t) => t.periodEndDate === '2026-10-31',
    );
    const taxDocuments = documents.filter((d) => d.folder === 5);
    expect(taxDocuments).toHaveLength(1);
    expect(taxDocuments[0]?.subject).toMatch(/^Loonaangifte oktober 2026 \[lky:[0-9a-f]{12}\]$/);
    expect(taxDocuments[0]?.amountCents).toBe(taxReturn?.totalAmount);
    expect(taxDocuments[0]?.remarks).toContain(`Betalingskenmerk ${taxReturn?.paymentReference}`);
    expect(taxDocuments[0]?.remarks).toContain(`uiterlijk betalen ${taxReturn?.deadlineForPayment}`);
    expect(taxDocuments[0]?.remarks).toContain(bakery.loket.payrollTaxesNumber);

    const marked = (await collectAll(listJournalRuns(loket, pa))).find((r) => r.id === journalRun.id);
    expect(marked?.status).toBe(7);
    const items = await fixture.env.db.select().from(importItems);
    const journalItem = items.find((i) => i.kind === 'journal');
    expect(journalItem).toMatchObject({
      state: 'posted',
      yukiDocumentId: journal?.id,
      amountCents: sum(lines.map((l) => l.debit)),
    });
    expect(journalItem?.loketMarkedAt).not.toBeNull();
    expect(journalItem?.details.warnings).toBeUndefined();
    // Our records keep the journal line by line as Yuki booked it, with Loket's cost centres.
    const record = journalItem?.details.journal;
    expect(record?.lines.map(({ costCenter: _, ...line }) => line)).toEqual(
      journal?.lines.map((line) => ({
        entryDate: line.entryDate,
        glAccount: line.glAccount,
        description: line.description,
        debitCents: Math.max(line.amountCents, 0),
        creditCents: Math.max(-line.amountCents, 0),
      })),
    );
    expect(record?.lines.map((line) => line.costCenter ?? null)).toEqual(
      lines.filter((line) => line.debit !== line.credit).map((line) => line.costCenterCode),
    );
    expect(sum((record?.lines ?? []).map((line) => line.creditCents) as never)).toBe(
      journalItem?.amountCents,
    );
    expect(items.find((i) => i.kind === 'tax_return')?.details).toMatchObject({
      paymentReference: taxReturn?.paymentReference,
      deadlineForPayment: taxReturn?.deadlineForPayment,
      wageTaxNumber: bakery.loket.payrollTaxesNumber,
    });
  }, 60_000);

  it('shows the history and the firm-wide status', async () => {
    const history = await importHistory(fixture.env.db, fixture.bakeryId);
    expect(history.runs).toHaveLength(1);
    expect(history.runs[0]).toMatchObject({
      requestedLabel: 'backoffice@jansen-deboer.nl',
      state: 'done',
      totals: { payslip: 12, journal: 1, tax_return: 1 },
    });
    expect(history.items).toHaveLength(14);
    expect(history.items.every((i) => i.yukiDocumentId !== null && i.errorCode === null)).toBe(true);
    expect(await importStatus(fixture.env.db, { portalId: fixture.portalId, fromPeriodId: 202609 })).toEqual([
      {
        administrationId: fixture.bakeryId,
        name: bakery.name,
        periods: { 202610: { payslip: { posted: 12 }, journal: { posted: 1 }, tax_return: { posted: 1 } } },
      },
    ]);
  }, 60_000);

  it('imports nothing the second time', async () => {
    const before = fixture.yuki.state.documents.length;
    const again = await importNow(fixture.env, {
      administrationId: fixture.bakeryId,
      trigger: 'schedule',
      requestedLabel: 'scheduler',
    });
    expect(again.itemIds).toEqual([]);
    // Nothing new, but the periods already in Yuki stay in the preview instead of vanishing.
    expect(again.summary.split('\n')[0]).toBe('Niets te importeren.');
    expect(again.summary).toMatch(/^\d{4}-\d{2}: al in Yuki \(/m);
    expect(fixture.yuki.state.documents.length).toBe(before);
  }, 60_000);

  it('previews a backfill, skipping the journal another application exported, then includes it on purpose', async () => {
    const preview = await importNow(fixture.env, {
      administrationId: fixture.bakeryId,
      trigger: 'backfill',
      requestedLabel: 'backoffice@jansen-deboer.nl',
      fromPeriodId: 202608,
      toPeriodId: 202609,
      dryRun: true,
    });
    expect(preview.itemIds).toEqual([]);
    expect(preview.summary).toBe(
      [
        '2026-08: 12 loonstroken, 1 loonaangifte',
        '2026-09: 12 loonstroken, 1 journaalpost, 1 loonaangifte',
        '1 journaalrun overgeslagen: al geëxporteerd door een andere toepassing (Loket meldt niet welke).',
      ].join('\n'),
    );
    const journalsBefore = fixture.yuki.state.journals.length;
    const backfill = await importNow(fixture.env, {
      administrationId: fixture.bakeryId,
      trigger: 'backfill',
      requestedLabel: 'backoffice@jansen-deboer.nl',
      fromPeriodId: 202608,
      toPeriodId: 202609,
      kinds: ['journal'],
    });
    expect(backfill.outcomes.map((o) => o.outcome)).toEqual(['posted']);
    expect(fixture.yuki.state.journals.length).toBe(journalsBefore + 1);
    const included = await importNow(fixture.env, {
      administrationId: fixture.bakeryId,
      trigger: 'backfill',
      requestedLabel: 'backoffice@jansen-deboer.nl',
      fromPeriodId: 202608,
      toPeriodId: 202608,
      kinds: ['journal'],
      includeExported: true,
    });
    expect(included.outcomes.map((o) => o.outcome)).toEqual(['posted']);
    expect(fixture.yuki.state.journals.map((j) => j.subject.replace(/ \[lky:.*$/, '')).sort()).toEqual([
      'Loonjournaalpost augustus 2026',
      'Loonjournaalpost oktober 2026',
      'Loonjournaalpost september 2026',
    ]);
  }, 60_000);
});
