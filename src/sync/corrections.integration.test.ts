import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportFixture } from '../../test/support/import-fixture.ts';
import { bakery, installer, loketControl, startImportFixture } from '../../test/support/import-fixture.ts';
import { importItems } from '../store/schema/index.ts';
import { importNow } from './import-run.ts';

let fixture: ImportFixture;

beforeAll(async () => {
  fixture = await startImportFixture({ importFromPeriod: '2026-09' });
});
afterAll(() => fixture.close());

const now = (administrationId: string) => ({
  administrationId,
  trigger: 'manual' as const,
  requestedLabel: 'backoffice@jansen-deboer.nl',
});

const withoutMarker = (subject: string) => subject.replace(/ \[lky:[0-9a-f]{12}\]$/, '');

describe('corrections', () => {
  it('imports a correction run and a corrected tax return as their own documents, linked to what they correct', async () => {
    const first = await importNow(fixture.env, now(fixture.bakeryId));
    expect(first.summary).toBe(
      [
        '2026-09: 12 loonstroken, 1 journaalpost, 1 loonaangifte',
        '2026-10: 12 loonstroken, 1 journaalpost, 1 loonaangifte',
      ].join('\n'),
    );
    const before = await fixture.env.db.select().from(importItems);

    const payrollAdministrationId = bakery.loket.payrollAdministrationId;
    await loketControl(fixture, '/correction-runs', {
      payrollAdministrationId,
      payrollPeriodId: 202609,
      backPayPercent: 3,
    });
    const corrected = (await loketControl(fixture, '/corrected-tax-returns', {
      payrollAdministrationId,
      payrollPeriodId: 202609,
    })) as { id: string };
    await loketControl(fixture, `/payroll-tax-returns/${corrected.id}/status`, { status: 5 });

    const second = await importNow(fixture.env, now(fixture.bakeryId));
    expect(second.summary).toBe(
      [
        '2026-09: 12 loonstroken, 1 journaalpost, 1 loonaangifte',
        // A period whose documents are all in Yuki stays in the summary instead of vanishing.
        '2026-10: al in Yuki (12 loonstroken, 1 journaalpost, 1 loonaangifte).',
      ].join('\n'),
    );
    expect(second.outcomes.every((o) => o.outcome === 'posted')).toBe(true);

    const after = await fixture.env.db.select().from(importItems);
    const added = after.filter((i) => !before.some((b) => b.id === i.id));
    const byId = new Map(after.map((i) => [i.id, i]));
    for (const item of added) {
      const original = byId.get(item.correctsItemId ?? '');
      expect(original?.kind).toBe(item.kind);
      expect(original?.periodId).toBe(202609);
      expect(original?.state).toBe('posted');
      expect(item.subject).toContain(`(correctie op ref ${original?.marker})`);
    }
    const journal = added.find((i) => i.kind === 'journal');
    expect(withoutMarker(journal?.subject ?? '')).toBe(
      `Loonjournaalpost september 2026 (correctie op ref ${byId.get(journal?.correctsItemId ?? '')?.marker})`,
    );
    expect(journal?.details.warnings).toBeUndefined();
    const posted = fixture.yuki.state.journals.find((j) => j.id === journal?.yukiDocumentId);
    expect(new Set(posted?.lines.map((l) => l.entryDate))).toEqual(new Set(['2026-09-30']));

    const payslip = added.find((i) => i.kind === 'payslip');
    expect(byId.get(payslip?.correctsItemId ?? '')?.details.employmentId).toBe(payslip?.details.employmentId);
    expect(withoutMarker(payslip?.subject ?? '')).toMatch(
      /^Loonstrook .+, september 2026 \(correctie op ref [0-9a-f]{12}\)$/,
    );

    const taxReturn = added.find((i) => i.kind === 'tax_return');
    expect(withoutMarker(taxReturn?.subject ?? '')).toMatch(
      /^Loonaangifte september 2026 \(aangifte 2\) \(correctie op ref [0-9a-f]{12}\)$/,
    );
    expect(taxReturn?.details.sequenceNumber).toBe(2);

    // Nothing was replaced: the originals are still in Yuki next to their corrections.
    for (const original of before) {
      expect(fixture.yuki.state.documents.some((d) => d.id === original.yukiDocumentId)).toBe(true);
    }
    const september = fixture.yuki.state.documents.filter(
      (d) => d.administrationId === bakery.yukiAdministrationId && d.subject.includes('september 2026'),
    );
    expect(september.filter((d) => d.folder === 4)).toHaveLength(24);
    expect(september.filter((d) => d.folder === 5)).toHaveLength(2);
  }, 60_000);

  it('dates a four-weekly administration on its own period ends, the 13th period included', async () => {
    await importNow(fixture.env, {
      ...now(fixture.installerId),
      trigger: 'backfill',
      fromPeriodId: 202609,
      toPeriodId: 202610,
    });
    const items = await fixture.env.db
      .select()
      .from(importItems)
      .where(eq(importItems.administrationId, fixture.installerId))
      .orderBy(importItems.periodId);
    expect([...new Set(items.map((i) => `${i.periodId} ${i.periodEndDate}`))].sort()).toEqual([
      '202609 2026-09-06',
      '202610 2026-10-04',
    ]);
    // Period 9's journal run was exported by another application before the link.
    expect(items.filter((i) => i.kind === 'journal').map((i) => [i.periodId, i.state])).toEqual([
      [202609, 'skipped'],
      [202610, 'posted'],
    ]);

    const payrollAdministrationId = installer.loket.payrollAdministrationId;
    await loketControl(fixture, '/periods/advance', { payrollAdministrationId });
    await loketControl(fixture, '/payroll-runs', { payrollAdministrationId });
    const taxReturns = fixture.loket.world.taxReturns.filter(
      (t) => t.administrationId === payrollAdministrationId,
    );
    const thirteenth = taxReturns.at(-1);
    if (!thirteenth) throw new Error('no tax return for period 13');
    await loketControl(fixture, `/payroll-tax-returns/${thirteenth.id}/status`, { status: 5 });

    const run = await importNow(fixture.env, {
      ...now(fixture.installerId),
      trigger: 'backfill',
      fromPeriodId: 202613,
      toPeriodId: 202613,
    });
    expect(run.summary).toBe(
      `2026-13: ${installer.loket.employees} loonstroken, 1 journaalpost, 1 loonaangifte`,
    );
    const journal = fixture.yuki.state.journals.find((j) =>
      j.subject.startsWith('Loonjournaalpost periode 13 2026'),
    );
    expect(new Set(journal?.lines.map((l) => l.entryDate))).toEqual(new Set(['2027-01-03']));
    const documents = fixture.yuki.state.documents.filter(
      (d) => d.administrationId === installer.yukiAdministrationId && d.subject.includes('periode 13 2026'),
    );
    expect(documents.filter((d) => d.folder === 4)).toHaveLength(installer.loket.employees);
    expect(documents.filter((d) => d.folder === 5)).toHaveLength(1);
  }, 60_000);
});
