/**
 * The import engine's own cost per payslip: a month of the bakery's payslips imported by the engine
 * (plan, claim, post, record — the exactly-once bookkeeping) against the same Loket downloads and Yuki
 * uploads made directly through the clients with nothing recorded.
 */
import { and, eq } from 'drizzle-orm';
import { cents } from '../src/core/money.ts';
import { importItems, importRuns } from '../src/store/schema/index.ts';
import { importNow } from '../src/sync/import-run.ts';
import { YukiFolder } from '../src/yuki/yuki.client.ts';
import { startImportFixture } from '../test/support/import-fixture.ts';
import { payslipMonth } from './import-service.bench.ts';
import type { Benchmark } from './measure.ts';

export const importPayslips: Benchmark = {
  name: 'Import: one month of payslips (engine vs the bare client calls)',
  rounds: 5,
  async setup() {
    const fixture = await startImportFixture({ budgetLimit: 1_000_000, yukiDailyCallLimit: 1_000_000 });
    const { db } = fixture.env;
    const administrationId = fixture.bakeryId;
    const request = payslipMonth(administrationId);
    const payslips = () =>
      db
        .select()
        .from(importItems)
        .where(and(eq(importItems.administrationId, administrationId), eq(importItems.kind, 'payslip')));
    // Forget what was imported, here and in Yuki, so the engine has the whole month to do again.
    const forget = async () => {
      await db.delete(importItems).where(eq(importItems.administrationId, administrationId));
      await db.delete(importRuns).where(eq(importRuns.administrationId, administrationId));
      fixture.yuki.state.documents.length = 0;
    };

    await importNow(fixture.env, request);
    const items = await payslips();
    if (items.length === 0 || items.some((item) => item.state !== 'posted'))
      throw new Error(`the warm-up import left ${items.length} payslips, not all posted`);
    const link = await fixture.env.loadLink(administrationId);

    const bareClients = async () => {
      for (const item of items) {
        const [payrollRunId, employmentId] = item.loketObjectId.split('/');
        const data = await link.loket.payslipPdf(employmentId!, payrollRunId!);
        await link.yuki.uploadDocumentWithData({
          administrationId: link.yukiAdministrationId,
          fileName: `${item.subject}.pdf`,
          data,
          folder: YukiFolder.personnel,
          amount: cents(item.amountCents ?? 0),
        });
      }
      fixture.yuki.state.documents.length = 0;
    };
    const engine = async () => {
      await forget();
      const run = await importNow(fixture.env, request);
      const posted = run.outcomes.filter((o) => o.outcome === 'posted').length;
      if (posted !== items.length) throw new Error(`the engine posted ${posted} of ${items.length} payslips`);
    };
    return { baseline: bareClients, candidates: { engine }, close: () => fixture.close() };
  },
};
