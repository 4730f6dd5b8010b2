/**
 * *Loket service* for a client whose Loket years run as a test year (`testYear` on payroll periods,
 * `payrollPeriod.testYear` on results and journal runs, loket-openapi.json): the backfill preview, the
 * grid and the history say "testjaar — niet geïmporteerd" (English: "test year — not imported") and the
 * Yuki sandbox receives nothing; once Loket lifts the mark, the same periods import.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppWithSandboxes, type AppWithSandboxes } from '../../test/support/app-with-sandboxes.ts';
import { call } from '../../test/support/auth-harness.ts';
import { linkBakeryThroughApi } from '../../test/support/bakery-link.ts';
import { roleSessions } from '../../test/support/role-sessions.ts';
import type { RoleName, Tenants } from '../../test/support/tenants.ts';
import type { RunningLoketSandbox } from '../../sandbox/loket/index.ts';
import { TEST_YEAR_EMPLOYER } from '../../sandbox/loket/data/world.ts';
import type { YukiSandbox } from '../../sandbox/yuki/index.ts';
import { periodContaining, periodKey, shiftPeriod } from '../core/periods.ts';
import type { AppServices } from '../http/context.ts';
import type { JobEngine } from '../jobs/engine.ts';
import { importQueues } from '../jobs/import-queues.ts';
import type { DatabaseHandle } from '../store/database.ts';
import { createImportEnvironment } from '../main/import-engine.ts';
import { importNow } from '../sync/import-run.ts';
import { yukiDay } from '../yuki/budget.ts';

describe('Personeel → Loket service: a Loket test year', () => {
  let setup: AppWithSandboxes;
  let database: DatabaseHandle;
  let jobs: JobEngine;
  let loket: RunningLoketSandbox;
  let yuki: YukiSandbox;
  let services: AppServices;
  let app: AppWithSandboxes['app'];
  let tenants: Tenants;
  const current = periodContaining('month', yukiDay(new Date()));
  const previous = shiftPeriod(current, -1);

  const { as, api } = roleSessions(() => ({ app, tenants }));
  const servicePath = () => `/administrations/${tenants.a.standardId}/loket`;

  async function page(path: string, role: RoleName, lang?: 'en') {
    const session = await as(role);
    const response = await call(app, path, {
      cookie: [session.cookie, lang ? `ly_lang=${lang}` : ''].filter(Boolean).join('; '),
    });
    return response.text();
  }

  async function post(path: string, role: RoleName, form: Record<string, string> = {}) {
    const session = await as(role);
    return call(app, path, { cookie: session.cookie, form: { ...form, _csrf: session.csrf } });
  }

  /** Switches Loket's test-year mark of the years the look-back window touches. */
  async function markTestYear(testYear: boolean) {
    for (const year of new Set([current.year, previous.year])) {
      const response = await fetch(
        `${loket.controlUrl}/payroll-administrations/${TEST_YEAR_EMPLOYER.payrollAdministrationId}/test-year`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ year, testYear }),
        },
      );
      expect(response.status).toBe(200);
    }
  }

  const importAsTheWorker = () =>
    importNow(
      createImportEnvironment({
        db: database.db,
        secrets: services.secrets,
        yuki: services.yuki,
        config: services.config,
      }),
      {
        administrationId: tenants.a.standardId,
        trigger: 'manual',
        requestedLabel: tenants.emails.backoffice,
      },
    );

  beforeAll(async () => {
    setup = await startAppWithSandboxes({ instanceName: 'ui-test-year', loket: { testYearEmployer: true } });
    ({ database, jobs, loket, yuki, services, app, tenants } = setup);
    await jobs.ensureQueues(importQueues);
    await linkBakeryThroughApi({ api, loket, yuki, tenants });
    // The administration's Relatiecode now names the new client whose payroll runs as a test year:
    // another company than the bakery in Yuki, so it is linked with an explicit confirmation.
    await api('backoffice', 'PUT', `/api/administrations/${tenants.a.standardId}/relation-code`, {
      relationCode: TEST_YEAR_EMPLOYER.clientNumber,
      confirm: true,
    });
    await markTestYear(true);
  }, 60_000);

  afterAll(() => setup?.close());

  it('previews the test year as not imported', async () => {
    const preview = await post(`${servicePath()}/backfill/preview`, 'backoffice', {
      from: periodKey(previous),
      to: periodKey(previous),
    });
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toContain('Niets te importeren.');
    expect(html).toContain(
      `${periodKey(previous)}: testjaar — niet geïmporteerd (${TEST_YEAR_EMPLOYER.employees} loonstroken, 1 journaalpost, 1 loonaangifte).`,
    );
  }, 60_000);

  it('imports nothing into Yuki and says why in the grid and the history, in Dutch and English', async () => {
    const run = await importAsTheWorker();
    expect(run.outcomes).toEqual([]);
    expect(yuki.state.documents).toEqual([]);

    const dutch = await page(servicePath(), 'backoffice');
    const grid = /<div id="import-grid".*?<\/table><\/div>/s.exec(dutch)?.[0] ?? '';
    expect(grid).toContain(`${TEST_YEAR_EMPLOYER.employees} testjaar — niet geïmporteerd`);
    expect(grid).toContain('1 testjaar — niet geïmporteerd');
    expect(grid).not.toMatch(/\d+ geïmporteerd/);
    expect(dutch).toContain('<h3>Niet geïmporteerd</h3>');
    expect(dutch).toContain('testjaar — niet geïmporteerd: Loket markeert deze periode als testjaar');
    expect(dutch).toContain(`${periodKey(previous)}: testjaar — niet geïmporteerd (`);

    const english = await page(servicePath(), 'backoffice', 'en');
    expect(english).toContain(`${TEST_YEAR_EMPLOYER.employees} test year — not imported`);
    expect(english).toContain('<h3>Not imported</h3>');
    expect(english).toContain('test year — not imported: Loket marks this period as part of a test year');
  }, 60_000);

  it('imports the same periods once Loket no longer marks the year as a test year', async () => {
    await markTestYear(false);
    const run = await importAsTheWorker();
    expect(run.outcomes.length).toBeGreaterThan(0);
    expect(run.outcomes.every((outcome) => outcome.outcome === 'posted')).toBe(true);
    expect(yuki.state.documents).toHaveLength(run.outcomes.length);

    const html = await page(servicePath(), 'backoffice');
    const grid = /<div id="import-grid".*?<\/table><\/div>/s.exec(html)?.[0] ?? '';
    expect(grid).toContain(`${TEST_YEAR_EMPLOYER.employees} geïmporteerd`);
    expect(grid).not.toContain('testjaar');
    expect(html).not.toContain('<h3>Niet geïmporteerd</h3>');
  }, 60_000);
});
