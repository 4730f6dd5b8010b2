/**
 * Backfill on *Loket service* is no dead end (issue 14 point 4): an imported older period shows in the
 * grid and under "Geboekt in Yuki", a period already in Yuki stays in the preview ("al in Yuki"), a
 * journal run another application exported can be included on purpose (warned, audited), and
 * "Importeren bevestigen" is offered only when there is something to import. The sandbox's oldest
 * journal runs carry journalRunStatus 7 "Journaal geëxporteerd" (GetJournalRunsByPayrollAdministrationId).
 */
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppWithSandboxes, type AppWithSandboxes } from '../../test/support/app-with-sandboxes.ts';
import { call } from '../../test/support/auth-harness.ts';
import { linkBakeryThroughApi } from '../../test/support/bakery-link.ts';
import { changedByRole } from '../../test/support/app-commands.ts';
import { roleSessions } from '../../test/support/role-sessions.ts';
import { periodContaining, periodId, periodKey, shiftPeriod } from '../core/periods.ts';
import { importQueues } from '../jobs/import-queues.ts';
import { auditEvents } from '../store/schema/index.ts';
import { importNow } from '../sync/import-run.ts';
import { yukiDay } from '../yuki/budget.ts';
import { loadAdministrationScope } from '../app/scope.ts';
import { requestImport } from '../app/administrations/request-import.ts';
import { requestImportPreview } from '../app/administrations/request-import-preview.ts';
import { getImportView } from '../app/administrations/get-import-view.ts';
import { formatPeriodOf } from './components/format.ts';

describe('Loket service: backfilling older periods', () => {
  let setup: AppWithSandboxes;
  const { as, api } = roleSessions(() => setup);
  const current = periodContaining('month', yukiDay(new Date()));
  // Three periods back: the sandbox's journal run there was exported by another application.
  const old = shiftPeriod(current, -3);
  const servicePath = () => `/administrations/${setup.tenants.a.standardId}/loket`;
  const target = async () => (await loadAdministrationScope(setup.database.db, setup.tenants.a.standardId))!;
  const lastAudit = async (action: string) =>
    (
      await setup.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, action), eq(auditEvents.administrationId, setup.tenants.a.standardId)))
        .orderBy(desc(auditEvents.id))
        .limit(1)
    )[0];

  async function post(path: string, form: Record<string, string>, lang?: 'en') {
    const session = await as('backoffice');
    return call(setup.app, path, {
      cookie: [session.cookie, lang ? `ly_lang=${lang}` : ''].filter(Boolean).join('; '),
      form: { ...form, _csrf: session.csrf },
    });
  }
  async function page(path: string, lang?: 'en') {
    const session = await as('backoffice');
    const cookie = [session.cookie, lang ? `ly_lang=${lang}` : ''].filter(Boolean).join('; ');
    return (await call(setup.app, path, { cookie })).text();
  }

  beforeAll(async () => {
    setup = await startAppWithSandboxes({ instanceName: 'ui-loket-backfill' });
    await setup.jobs.ensureQueues(importQueues);
    await linkBakeryThroughApi({ api, loket: setup.loket, yuki: setup.yuki, tenants: setup.tenants });
  }, 60_000);
  afterAll(() => setup?.close());

  it('previews the exported journal run as skipped, names no application, and includes it only on request, audited', async () => {
    const by = await changedByRole(setup.database.db, setup.tenants, 'backoffice');
    const deps = { db: setup.database.db, env: setup.services.importEnvironment };
    const window = { fromPeriodId: periodId(old), toPeriodId: periodId(old) };
    const skipped = await requestImportPreview(deps, by, await target(), window);
    expect(skipped.exportedSkipped).toBe(1);
    expect(skipped.importable).toBeGreaterThan(0);
    expect(skipped.text).toContain(
      '1 journaalrun overgeslagen: al geëxporteerd door een andere toepassing (Loket meldt niet welke).',
    );
    const included = await requestImportPreview(deps, by, await target(), { ...window, includeExported: true });
    expect(included).toMatchObject({ exportedSkipped: 0, importable: skipped.importable + 1 });
    expect(await lastAudit('import.backfill_previewed')).toMatchObject({
      outcome: 'ok',
      details: { ...window, includeExported: true },
    });
    await requestImport(setup.services, by, await target(), { ...window, includeExported: true });
    expect(await lastAudit('import.requested')).toMatchObject({
      outcome: 'ok',
      details: { trigger: 'backfill', includeExported: true },
    });
  });

  it('warns on the page and offers "toch meenemen"; the chosen inclusion is carried to the confirmation', async () => {
    const from = periodKey(old);
    const html = await (await post(`${servicePath()}/backfill/preview`, { from, to: from })).text();
    expect(html).toContain('(Loket meldt niet welke)');
    expect(html).toContain('Geëxporteerde journaalrun toch meenemen');
    expect(html).toContain('Importeren bevestigen');
    const english = await (await post(`${servicePath()}/backfill/preview`, { from, to: from }, 'en')).text();
    expect(english).toContain('Include the exported journal run anyway');
    expect(english).toContain('Loket does not say which');

    const chosen = await (
      await post(`${servicePath()}/backfill/preview`, { from, to: from, includeExported: '1' })
    ).text();
    expect(chosen).toContain('de journaalruns die een andere toepassing al exporteerde zijn meegenomen');
    expect(chosen).not.toContain('Geëxporteerde journaalrun toch meenemen');
    const confirm = /<form method="post" action="[^"]*\/loket\/backfill">.*?<\/form>/s.exec(chosen)?.[0] ?? '';
    expect(confirm).toContain('name="includeExported" value="1"');
  });

  it('shows an imported older period in the grid and under "Geboekt in Yuki", and offers no confirm when it is all in Yuki', async () => {
    const run = await importNow(setup.services.importEnvironment, {
      administrationId: setup.tenants.a.standardId,
      trigger: 'backfill',
      requestedLabel: setup.tenants.emails.backoffice,
      fromPeriodId: periodId(old),
      toPeriodId: periodId(old),
      includeExported: true,
    });
    expect(run.outcomes.length).toBeGreaterThan(0);

    const view = await getImportView(
      { db: setup.database.db, logger: setup.services.logger, env: setup.services.importEnvironment },
      (await target()).administration,
    );
    expect(view.periods).toContain(periodId(old));
    expect(view.items.some((item) => item.periodId === periodId(old) && item.kind === 'journal')).toBe(true);

    const html = await page(servicePath());
    const grid = /<div id="import-grid".*?<\/table><\/div>/s.exec(html)?.[0] ?? '';
    expect(grid).toContain(formatPeriodOf('nl', 'month', periodId(old)));
    expect(html).toContain(`Loonjournaalpost ${formatPeriodOf('nl', 'month', periodId(old))}`);

    const from = periodKey(old);
    const again = await (await post(`${servicePath()}/backfill/preview`, { from, to: from })).text();
    expect(again).toContain('Niets te importeren.');
    expect(again).toContain(`${from}: al in Yuki (`);
    expect(again).not.toContain('Importeren bevestigen');
    expect(again).toContain('Er is in deze periodes niets nieuws te importeren');
    const english = await (await post(`${servicePath()}/backfill/preview`, { from, to: from }, 'en')).text();
    expect(english).toContain('There is nothing new to import in these periods');
    expect(english).not.toContain('Confirm the import');
  }, 60_000);
});
