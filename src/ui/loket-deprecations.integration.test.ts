/**
 * Loket announcing the end of a resource version (`version.obsoleteDate` in its answers, see the
 * envelope in loket-openapi.json), over HTTP on the real app: recorded per portal and activity, warned
 * in the log once a day, shown on the portal's health page, its REST twin and the operator console.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppWithSandboxes, type AppWithSandboxes } from '../../test/support/app-with-sandboxes.ts';
import { call } from '../../test/support/auth-harness.ts';
import { linkBakeryThroughApi } from '../../test/support/bakery-link.ts';
import { roleSessions, type SessionRole } from '../../test/support/role-sessions.ts';
import type { Tenants } from '../../test/support/tenants.ts';
import { waitFor } from '../../test/support/wait-for.ts';
import type { RunningLoketSandbox } from '../../sandbox/loket/index.ts';
import type { YukiSandbox } from '../../sandbox/yuki/index.ts';
import type { createApp } from '../main/app.ts';
import type { DatabaseHandle } from '../store/database.ts';
import { createLogger } from '../platform/logger.ts';
import { listLoketDeprecations, recordObsoleteVersion } from '../tenancy/loket-deprecations.ts';

const RUNS = 'GetPayrollRunsByPayrollAdministrationId';
const ADMINISTRATIONS = 'GetPayrollAdministrationsByEmployerId';

describe('Loket retiring a resource version the link uses', () => {
  let database: DatabaseHandle;
  let loket: RunningLoketSandbox;
  let yuki: YukiSandbox;
  let app: ReturnType<typeof createApp>;
  let tenants: Tenants;
  let setup: AppWithSandboxes;
  let logText = '';
  const logger = createLogger(
    'warn',
    new Writable({
      write(chunk, _encoding, done) {
        logText += String(chunk);
        done();
      },
    }),
  );
  const { as, api } = roleSessions(() => ({ app, tenants }));
  const warnings = (activity: string) =>
    logText
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { level: number; activity?: string; obsoleteDate?: string })
      .filter((line) => line.level === 40 && line.activity === activity);
  async function page(path: string, role: SessionRole, lang?: 'en') {
    const { cookie } = await as(role);
    const response = await call(app, path, { cookie: lang ? `${cookie}; ly_lang=${lang}` : cookie });
    return { status: response.status, html: await response.text() };
  }

  beforeAll(async () => {
    setup = await startAppWithSandboxes({
      instanceName: 'deprecations',
      loket: {
        today: '2026-11-18',
        faults: { obsoleteDates: { [RUNS]: '2027-06-30', [ADMINISTRATIONS]: '2027-03-31' } },
      },
      logger,
    });
    ({ database, loket, yuki, app, tenants } = setup);
  }, 60_000);

  afterAll(() => setup?.close());

  it('records what the Relatiecode lookup and two plans saw, and warns once per resource', async () => {
    await linkBakeryThroughApi({ api, loket, yuki, tenants });
    for (let plan = 0; plan < 2; plan += 1)
      await api('backoffice', 'POST', `/api/administrations/${tenants.a.standardId}/imports`, {
        dryRun: true,
      });
    // Recording never holds up the request: wait until both are stored and warned about.
    const seen = await waitFor(
      () => listLoketDeprecations(database.db, tenants.a.portalId),
      (rows) => rows.length === 2 && warnings(RUNS).length > 0 && warnings(ADMINISTRATIONS).length > 0,
    );
    expect(seen).toMatchObject([
      {
        activity: ADMINISTRATIONS,
        method: 'GET',
        path: '/providers/employers/{id}/payrolladministrations',
        resourceVersion: '2018-01-01',
        obsoleteDate: '2027-03-31',
      },
      {
        activity: RUNS,
        method: 'GET',
        path: '/providers/employers/payrolladministrations/{id}/payrollruns',
        obsoleteDate: '2027-06-30',
      },
    ]);
    // Only what Loket marked: no other activity the link used is listed.
    expect(await listLoketDeprecations(database.db)).toHaveLength(2);
    expect(warnings(RUNS)).toEqual([expect.objectContaining({ obsoleteDate: '2027-06-30' })]);
    expect(warnings(ADMINISTRATIONS)).toHaveLength(1);
  });

  it('warns again a day later, not before', async () => {
    const seen = {
      activity: RUNS,
      method: 'GET' as const,
      path: '/providers/employers/payrolladministrations/x/payrollruns',
      resourceVersion: '2018-01-01',
      obsoleteDate: '2027-06-30',
    };
    const inAnHour = new Date(Date.now() + 60 * 60 * 1000);
    await recordObsoleteVersion({ db: database.db, logger }, tenants.a.portalId, seen, inAnHour);
    expect(warnings(RUNS)).toHaveLength(1);
    const tomorrow = new Date(Date.now() + 25 * 60 * 60 * 1000);
    await recordObsoleteVersion({ db: database.db, logger }, tenants.a.portalId, seen, tomorrow);
    expect(warnings(RUNS)).toHaveLength(2);
  });

  it('shows it to the portal_admin: the health page, in Dutch and English, and the REST API', async () => {
    const nl = await page(`/portals/${tenants.a.portalId}/health`, 'portal_admin');
    expect(nl.status).toBe(200);
    expect(nl.html).toContain('Loket stopt met API-versies die de koppeling gebruikt');
    expect(nl.html).toContain(RUNS);
    expect(nl.html).toContain('<strong>30-06-2027</strong>');
    expect(nl.html).toContain('<strong>31-03-2027</strong>');
    const en = await page(`/portals/${tenants.a.portalId}/health`, 'portal_admin', 'en');
    expect(en.html).toContain('Loket is retiring API versions the link uses');

    const health = await (
      await api('portal_admin', 'GET', `/api/portals/${tenants.a.portalId}/health`)
    ).json();
    expect(health.loketDeprecations).toEqual([
      expect.objectContaining({
        activity: ADMINISTRATIONS,
        obsoleteDate: '2027-03-31',
        lastSeenAt: expect.any(String),
      }),
      expect.objectContaining({ activity: RUNS, obsoleteDate: '2027-06-30', resourceVersion: '2018-01-01' }),
    ]);
  });

  it('shows it to the operator for every portal, and the other portal sees none of it', async () => {
    const console = await page('/operator', 'operator');
    expect(console.status).toBe(200);
    expect(console.html).toContain('Loket stopt met API-versies die de koppeling gebruikt');
    expect(console.html).toContain('<strong>30-06-2027</strong>');
    expect(await listLoketDeprecations(database.db, tenants.b.portalId)).toEqual([]);
  });
});
