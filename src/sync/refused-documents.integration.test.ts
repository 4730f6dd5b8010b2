/**
 * What Loket sends that is not what it claims is refused before Yuki sees it, over HTTP against the
 * sandboxes: an HTML page served as `application/pdf`, amounts with more decimals than cents or of
 * 1e300, and a JSON answer far beyond the size cap. A refused item fails with its explanation in
 * Dutch and English, is not posted and not retried as if transient; once Loket is right, it imports.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportFixture } from '../../test/support/import-fixture.ts';
import { bakery, loketControl, startImportFixture } from '../../test/support/import-fixture.ts';
import { importItems, importRuns } from '../store/schema/index.ts';
import { importNow } from './import-run.ts';

let fixture: ImportFixture;

beforeAll(async () => {
  fixture = await startImportFixture();
}, 60_000);
afterAll(() => fixture.close());

const backfill = (periodId: number, kinds?: Array<'payslip' | 'journal' | 'tax_return'>) => ({
  administrationId: fixture.bakeryId,
  trigger: 'backfill' as const,
  requestedLabel: 'backoffice@jansen-deboer.nl',
  fromPeriodId: periodId,
  toPeriodId: periodId,
  ...(kinds ? { kinds } : {}),
});
const faults = (body: unknown) =>
  fetch(`${fixture.loket.controlUrl}/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const bakeryDocuments = () =>
  fixture.yuki.state.documents.filter((d) => d.administrationId === bakery.yukiAdministrationId);
const itemsOf = (periodId: number) =>
  fixture.env.db
    .select()
    .from(importItems)
    .where(and(eq(importItems.administrationId, fixture.bakeryId), eq(importItems.periodId, periodId)));

describe('a body served as application/pdf that is not a PDF', () => {
  it('fails the payslips and the tax return with the reason, posts nothing, and is not retried as transient', async () => {
    expect((await faults({ notPdf: true })).status).toBe(200);
    const result = await importNow(fixture.env, backfill(202610, ['payslip', 'tax_return']));
    expect(result.outcomes).toHaveLength(bakery.loket.employees + 1);
    expect(new Set(result.outcomes.map((o) => JSON.stringify(o)))).toEqual(
      new Set([
        JSON.stringify({ outcome: 'failed', retryable: false, code: 'sync.not_a_pdf', maybePosted: false }),
      ]),
    );
    expect(bakeryDocuments()).toEqual([]);
    const items = await itemsOf(202610);
    const taxReturn = items.find((item) => item.kind === 'tax_return');
    expect(taxReturn).toMatchObject({ state: 'failed', attempts: 1, yukiDocumentId: null });
    expect(taxReturn?.errorNl).toBe(
      `Loket stuurde voor het overzicht van loonaangifte ${taxReturn?.loketObjectId} een bestand als PDF dat geen PDF is: het begint niet met %PDF- (69 bytes). Er is niets naar Yuki gestuurd; vraag Loket het document opnieuw aan te maken.`,
    );
    expect(taxReturn?.errorEn).toContain('that is not a PDF: it does not start with %PDF- (69 bytes)');
  }, 60_000);

  it('imports the real PDFs once Loket serves them', async () => {
    await faults({});
    const result = await importNow(fixture.env, backfill(202610, ['payslip', 'tax_return']));
    expect(result.outcomes.every((o) => o.outcome === 'posted')).toBe(true);
    expect(bakeryDocuments()).toHaveLength(bakery.loket.employees + 1);
  }, 60_000);
});

describe('amounts no payroll produces', () => {
  it('refuses only the item carrying one, naming the field and the value', async () => {
    const loket = (await fixture.env.loadLink(fixture.bakeryId)).loket;
    const admin = bakery.loket.payrollAdministrationId;
    const taxReturn = (await loket.taxReturns(admin)).find(
      (t) => t.period.year * 100 + (t.period.number ?? 0) === 202609,
    );
    const run = (await loket.approvedPayrollRuns(admin)).find(
      (r) => r.year * 100 + r.periodNumber === 202609,
    );
    const journal = (await loket.journalRuns(admin)).find((j) => j.payrollRunId === run?.id);
    const [first] = await loket.payslipResults(run?.id ?? '', null);
    if (!taxReturn || !run || !journal || !first) throw new Error('the sandbox lost September');
    await loketControl(fixture, '/odd-amounts', { target: 'tax-return', id: taxReturn.id, value: 1e300 });
    await loketControl(fixture, '/odd-amounts', { target: 'journal-run', id: journal.id, value: 12.345 });
    await loketControl(fixture, '/odd-amounts', {
      target: 'payslip',
      payrollRunId: run.id,
      employmentId: first.employmentId,
      value: 1000.005,
    });
    const before = bakeryDocuments().length;

    const result = await importNow(fixture.env, backfill(202609));

    const refused = { outcome: 'failed', retryable: false, code: 'loket.amount_refused', maybePosted: false };
    expect(result.outcomes.filter((o) => o.outcome === 'failed')).toEqual([refused, refused, refused]);
    expect(result.outcomes.filter((o) => o.outcome === 'posted')).toHaveLength(bakery.loket.employees - 1);
    expect(bakeryDocuments()).toHaveLength(before + bakery.loket.employees - 1);
    const items = await itemsOf(202609);
    const byObject = (id: string) => items.find((item) => item.loketObjectId === id);
    expect(byObject(taxReturn.id)).toMatchObject({
      state: 'failed',
      yukiDocumentId: null,
      errorNl: `Loket gaf voor totalAmount (payroll tax return ${taxReturn.id}) het bedrag 1e+300: geen bruikbaar bedrag (te groot of geen getal). Er is niets naar Yuki gestuurd; laat het bedrag in Loket corrigeren, daarna wordt het opnieuw geprobeerd.`,
      errorEn: `Loket sent 1e+300 for totalAmount (payroll tax return ${taxReturn.id}): not a usable amount (too large or not a number). Nothing was sent to Yuki; have the amount corrected in Loket, then it is tried again.`,
    });
    expect(byObject(journal.id)?.errorNl).toMatch(
      new RegExp(
        `^Loket gaf voor debetAmount \\(journal run ${journal.id}, \\d+\\) het bedrag 12\\.345: meer decimalen dan centen\\.`,
      ),
    );
    expect(byObject(`${run.id}/${first.employmentId}`)?.errorEn).toMatch(
      /^Loket sent 1000\.005 for value \(payrollComponent 260, employment [0-9a-f-]+\): more decimals than cents\./,
    );
  }, 60_000);

  it('imports them with Loket’s corrected amounts once Loket sends usable ones', async () => {
    const odd = (await loketControl(fixture, '/odd-amounts', {
      target: 'tax-return',
      id: 'none',
      value: null,
    })) as { oddAmounts: Record<string, number> };
    for (const key of Object.keys(odd.oddAmounts)) {
      const [target, ...rest] = key.split(':');
      await loketControl(
        fixture,
        '/odd-amounts',
        target === 'payslip'
          ? { target, payrollRunId: rest[0], employmentId: rest[1], value: null }
          : { target, id: rest[0], value: null },
      );
    }
    const result = await importNow(fixture.env, backfill(202609));
    expect(result.outcomes.map((o) => o.outcome)).toEqual(['posted', 'posted', 'posted']);
    const items = await itemsOf(202609);
    expect(items.every((item) => item.state === 'posted')).toBe(true);
    const loket = (await fixture.env.loadLink(fixture.bakeryId)).loket;
    const taxReturn = (await loket.taxReturns(bakery.loket.payrollAdministrationId)).find(
      (t) => t.period.year * 100 + (t.period.number ?? 0) === 202609,
    );
    expect(items.find((item) => item.kind === 'tax_return')?.amountCents).toBe(taxReturn?.totalAmount);
  }, 60_000);
});

describe('a JSON answer beyond the size cap', () => {
  it('is refused after reading no more than the cap, failing the run with the reason', async () => {
    const padding = 40 * 1_048_576;
    await faults({ oversizedJsonBytes: padding });
    const before = bakeryDocuments().length;
    await expect(importNow(fixture.env, backfill(202611))).rejects.toMatchObject({
      code: 'loket.response_too_large',
      retryable: false,
    });
    const sent = (await (await fetch(`${fixture.loket.controlUrl}/faults/padding-sent`)).json()) as {
      bytes: number;
    };
    // Read up to the 32 MB cap, then the client stopped: the sandbox produced no more than it buffers ahead.
    expect(sent.bytes).toBeLessThan(padding);
    await faults({});
    expect(bakeryDocuments()).toHaveLength(before);
    const [run] = await fixture.env.db
      .select()
      .from(importRuns)
      .where(and(eq(importRuns.administrationId, fixture.bakeryId), eq(importRuns.fromPeriodId, 202611)));
    expect(run).toMatchObject({ state: 'failed', errorCode: 'loket.response_too_large' });
    expect(run?.errorNl).toContain('Loket stuurde een antwoord groter dan 32 MB');
    expect(run?.errorEn).toContain('Loket sent an answer larger than 32 MB');
  }, 60_000);
});
