/**
 * @module yuki-calls.bench
 * P4 (issue 13): Yuki calls per posted document for a 25-employee employer's month-end — payslips,
 * the journal and the tax return — counted by the Yuki sandbox, for the first month the administration
 * imports and for the month after (the everyday case).
 */
import { importNow } from '../src/sync/import-run.ts';
import { benchFixture } from './import-service.bench.ts';

export async function yukiCallsBench(employees = 25): Promise<void> {
  const fixture = await benchFixture('pglite', { loket: { employeesPerAdministration: employees } });
  const calls = () => [...fixture.yuki.state.calls.values()].reduce((a, b) => a + b, 0);
  try {
    const perMonth: string[] = [];
    for (const periodId of [202609, 202610]) {
      const before = calls();
      const run = await importNow(fixture.env, {
        administrationId: fixture.bakeryId,
        trigger: 'backfill',
        requestedLabel: 'bench',
        fromPeriodId: periodId,
        toPeriodId: periodId,
      });
      const posted = run.outcomes.filter((o) => o.outcome === 'posted').length;
      if (posted === 0) throw new Error(`nothing posted for ${periodId}`);
      perMonth.push(`${((calls() - before) / posted).toFixed(3)} (${periodId}, ${posted} documents)`);
    }
    console.log(
      `P4 Yuki calls per posted document, ${employees}-employee employer: ${perMonth[1]} (goal ≤ 1.01); ` +
        `first month ${perMonth[0]}`,
    );
  } finally {
    await fixture.close();
  }
}
