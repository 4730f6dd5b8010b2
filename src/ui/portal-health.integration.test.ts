/**
 * The portal's import status page and its REST twin on the real app: administrations with failures
 * first and the rest by domain and name, the counts per recent period and kind, incomplete links with
 * what they miss, Yuki's quota per domain with the items waiting for it, the menu item and the page for the portal_admin only, and
 * the English texts.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../test/support/test-app.ts';
import { call } from '../../test/support/auth-harness.ts';
import { writeLedger } from '../../test/support/ledger.ts';
import { roleSessions, type SessionRole } from '../../test/support/role-sessions.ts';
import { createTenants, type Tenants } from '../../test/support/tenants.ts';
import { demoFirm } from '../../sandbox/shared/demo-firm.ts';
import { periodContaining, periodId, periodKey, shiftPeriod } from '../core/periods.ts';
import type { createApp } from '../main/app.ts';
import type { JobEngine } from '../jobs/engine.ts';
import type { DatabaseHandle } from '../store/database.ts';
import {
  administrations,
  domainFeatures,
  domains,
  loketConnections,
  portals,
  yukiCallBudgets,
} from '../store/schema/index.ts';
import { nextYukiDayStart } from '../sync/yuki-call-budget.ts';
import { yukiDay } from '../yuki/budget.ts';
import { formatDateTime } from './components/format.ts';

const bakery = demoFirm.domains[0]!;
const group = demoFirm.domains[1]!;
const bakeryBooks = bakery.administrations[0]!;
const installation = group.administrations[0]!;
const holding = group.administrations[1]!;

describe('the portal import status', () => {
  let database: DatabaseHandle;
  let jobs: JobEngine;
  let app: ReturnType<typeof createApp>;
  let tenants: Tenants;
  let cafetariaId: string;
  const { as } = roleSessions(() => ({ app, tenants }));
  const current = periodContaining('month', yukiDay(new Date()));
  const [now, previous, before] = [current, shiftPeriod(current, -1), shiftPeriod(current, -2)];
  const path = () => `/portals/${tenants.a.portalId}/health`;

  async function get(target: string, role: SessionRole, lang?: 'en') {
    const { cookie } = await as(role);
    const response = await call(app, target, { cookie: lang ? `${cookie}; ly_lang=${lang}` : cookie });
    return { status: response.status, body: await response.text() };
  }

  /** The administrations' names in the order of the imports table. */
  const rowOrder = (html: string) =>
    [...html.matchAll(/<th scope="rowgroup"[^>]*><a href="[^"]*">([^<]*)<\/a>/g)].map((match) => match[1]);

  beforeAll(async () => {
    ({ database, jobs, app } = await startTestApp('ui-health'));
    tenants = await createTenants(database.db);
    const { db } = database;
    const { portalId, domainIds, standardId, groupStandardId, nonStandardId } = tenants.a;
    // Portal level complete; both demo domains have the feature and a working Loket user.
    await db
      .update(portals)
      .set({ loketClientId: 'kantoor-client', yukiAccessKeyEnc: 'versleuteld' })
      .where(eq(portals.id, portalId));
    for (const domainId of domainIds) {
      await db.insert(domainFeatures).values({ domainId, feature: 'loket_payroll_link' });
      await db.insert(loketConnections).values({ domainId, method: 'password', status: 'ok' });
    }
    const link = async (id: string, loket: { clientNumber: number; payrollAdministrationId: string }) =>
      db
        .update(administrations)
        .set({
          relationCode: loket.clientNumber,
          loketPayrollAdministrationId: loket.payrollAdministrationId,
        })
        .where(eq(administrations.id, id));
    await link(standardId, bakeryBooks.loket!);
    await link(groupStandardId, installation.loket!);
    // The holding has its Relatiecode but no contract line: in the link, not complete.
    await db
      .update(administrations)
      .set({ relationCode: holding.loket!.clientNumber })
      .where(eq(administrations.id, nonStandardId));
    // A third client without the feature, a Loket user or a Relatiecode, and a second set of books.
    const [cafetaria] = await db
      .insert(domains)
      .values({ portalId, name: 'Cafetaria Zuid', yukiDomainId: '6f1c2a10-4b7e-4d0a-9a51-0c1d2e3f4a09' })
      .returning();
    const [standard] = await db
      .insert(administrations)
      .values([
        { portalId, domainId: cafetaria!.id, name: 'Cafetaria Zuid B.V.', isStandard: true },
        { portalId, domainId: cafetaria!.id, name: 'Cafetaria Zuid Vastgoed B.V.' },
      ])
      .returning();
    cafetariaId = standard!.id;

    await writeLedger(db, standardId, [
      { periodId: periodId(now), kind: 'payslip', state: 'posted', count: 12 },
      { periodId: periodId(now), kind: 'journal', state: 'waiting_quota' },
      ...[previous, before].flatMap((period) => [
        { periodId: periodId(period), kind: 'payslip' as const, state: 'posted' as const, count: 12 },
        { periodId: periodId(period), kind: 'journal' as const, state: 'posted' as const },
        { periodId: periodId(period), kind: 'tax_return' as const, state: 'posted' as const },
      ]),
    ]);
    await writeLedger(db, groupStandardId, [
      { periodId: periodId(now), kind: 'payslip', state: 'posted', count: 24 },
      { periodId: periodId(now), kind: 'payslip', state: 'failed' },
      { periodId: periodId(now), kind: 'journal', state: 'planned' },
      { periodId: periodId(now), kind: 'tax_return', state: 'needs_check' },
      { periodId: periodId(shiftPeriod(current, -6)), kind: 'tax_return', state: 'failed' },
      // Waiting for the quota before the recent periods: not in the table, yet counted for the domain.
      { periodId: periodId(shiftPeriod(current, -6)), kind: 'payslip', state: 'waiting_quota', count: 2 },
    ]);
    await db
      .insert(yukiCallBudgets)
      .values({ yukiDomainId: bakery.yukiDomainId, day: yukiDay(new Date()), used: 958, callLimit: 1000 });
  }, 60_000);

  afterAll(async () => {
    await jobs?.stop();
    await database?.close();
  });

  it('puts administrations with failures first, then the rest by domain and name, linked to Loket service', async () => {
    const page = await get(path(), 'portal_admin');
    expect(page.status).toBe(200);
    expect(rowOrder(page.body)).toEqual([installation.name, bakeryBooks.name]);
    expect(page.body).toContain(`<a href="/administrations/${tenants.a.groupStandardId}/loket">`);
    expect(page.body).toContain(`<a href="/administrations/${tenants.a.standardId}/loket">`);
    expect(page.body).toContain('2 mislukt in totaal');
    expect(page.body).toContain('1 te controleren in Yuki');
    expect(page.body).toContain('>1 controleren in Yuki</span>');
    expect(page.body).toContain(`<th scope="row">${periodKey(now)}</th>`);
    for (const text of [
      '24 geïmporteerd',
      '1 mislukt',
      '1 wacht',
      '12 geïmporteerd',
      '1 wacht op Yuki-quotum',
    ])
      expect(page.body).toContain(`>${text}</span>`);
    // Bakkerij has no tax return in the current period yet.
    expect(page.body).toContain('Niets uit Loket');
  });

  it('lists incomplete links with what they miss, and counts the administrations outside the link', async () => {
    const page = await get(path(), 'portal_admin');
    const incomplete = page.body.slice(page.body.indexOf('id="health-incomplete"'));
    expect(incomplete).toContain('Cafetaria Zuid B.V.');
    expect(incomplete).toContain(`href="/administrations/${cafetariaId}"`);
    expect(incomplete).toContain('heeft de feature &#39;Salariskoppeling met Loket&#39; niet');
    expect(incomplete).toContain('geen werkende Loket-gebruiker');
    expect(incomplete).toContain('De Relatiecode (het cliëntnummer uit Loket) is niet ingevuld');
    expect(incomplete).toContain(holding.name);
    expect(incomplete).toContain('daarvoor is een actieve contractregel nodig');
    expect(incomplete).not.toContain('Cafetaria Zuid Vastgoed B.V.');
    expect(page.body).toContain('geen actieve contractregel en geen Relatiecode): 1.');
  });

  it("shows each linked domain's items waiting for Yuki's quota, the calls left today and when they are topped up", async () => {
    const page = await get(path(), 'portal_admin');
    const quota = page.body.slice(
      page.body.indexOf('id="health-quota"'),
      page.body.indexOf('id="health-incomplete"'),
    );
    const resets = formatDateTime('nl', nextYukiDayStart(new Date()));
    expect(quota).toContain(
      `<th scope="row" class="name">${bakery.name}</th><td>1</td><td>42</td><td>958 van 1.000</td><td>${resets}</td>`,
    );
    expect(quota).toContain(
      `<th scope="row" class="name">${group.name}</th><td>2</td><td>1.000</td><td>0 van 1.000</td><td>${resets}</td>`,
    );
    expect(quota).toContain('<th scope="col">Wacht op het quotum</th><th scope="col">Nog over vandaag</th>');
    expect(quota).not.toContain('Cafetaria Zuid');
  });

  it('answers the same as JSON for the portal_admin', async () => {
    const response = await get(`/api${path()}`, 'portal_admin');
    expect(response.status).toBe(200);
    const health = JSON.parse(response.body) as {
      fromPeriod: string;
      administrations: Array<{
        id: string;
        failed: number;
        linkComplete: boolean;
        missing: string[];
        periods: unknown[];
      }>;
      notInLink: number;
      domains: unknown[];
    };
    expect(health.fromPeriod).toBe(periodKey(before));
    expect(health.administrations.map((administration) => administration.id)).toEqual([
      tenants.a.groupStandardId,
      tenants.a.standardId,
      cafetariaId,
      tenants.a.nonStandardId,
    ]);
    expect(health.administrations[0]).toMatchObject({
      failed: 2,
      needsCheck: 1,
      linkComplete: true,
      missing: [],
    });
    expect(health.administrations[0]?.periods[0]).toMatchObject({ tax_return: { needsCheck: 1 } });
    const none = { posted: 0, open: 0, waitingForQuota: 0, failed: 0, skipped: 0, needsCheck: 0 };
    expect(health.administrations[1]?.periods).toEqual([
      {
        period: periodKey(now),
        payslip: { ...none, posted: 12 },
        journal: { ...none, waitingForQuota: 1 },
        tax_return: null,
      },
      ...[previous, before].map((period) => ({
        period: periodKey(period),
        payslip: { ...none, posted: 12 },
        journal: { ...none, posted: 1 },
        tax_return: { ...none, posted: 1 },
      })),
    ]);
    expect(health.administrations[2]).toMatchObject({
      linkComplete: false,
      missing: ['feature', 'loket_connection', 'relation_code'],
      periods: [],
    });
    expect(health.notInLink).toBe(1);
    const resetsAt = nextYukiDayStart(new Date()).toISOString();
    expect(health.domains).toEqual([
      {
        id: tenants.a.domainIds[0],
        name: bakery.name,
        yukiQuota: { used: 958, limit: 1000, left: 42, resetsAt },
        waitingForQuota: 1,
      },
      {
        id: tenants.a.domainIds[1],
        name: group.name,
        yukiQuota: { used: 0, limit: 1000, left: 1000, resetsAt },
        waitingForQuota: 2,
      },
    ]);
  });

  it('shows the menu item to the portal_admin only, and answers others with the 403 page', async () => {
    const overview = `/portals/${tenants.a.portalId}`;
    expect((await get(overview, 'portal_admin')).body).toContain(`href="${path()}"`);
    for (const role of ['backoffice', 'guest', 'portal_backoffice', 'portal_guest'] as const) {
      expect((await get(overview, role)).body, role).not.toContain(`href="${path()}"`);
      const page = await get(path(), role);
      expect(page.status, role).toBe(403);
      expect(page.body, role).toContain('Geen toegang');
      expect(page.body, role).toContain('Dit kan wel: Portaalbeheerder.');
      expect((await get(`/api${path()}`, role)).status, role).toBe(403);
    }
    // Not a member of the firm: the same 404 as any unknown page.
    expect((await get(path(), 'operator')).status).toBe(404);
    expect((await get(path(), 'b_admin')).status).toBe(404);
    expect((await get(`/api/portals/${tenants.b.portalId}/health`, 'portal_admin')).status).toBe(404);
  });

  it('speaks English after the language switch', async () => {
    const page = await get(path(), 'portal_admin', 'en');
    expect(page.body).toContain('<html lang="en">');
    expect(page.body).toContain('<h1>Import status · ');
    expect(page.body).toContain('Today&#39;s Yuki quota');
    expect(page.body).toContain('958 of 1,000');
    expect(page.body).toContain('<th scope="col">Waiting for the quota</th>');
    expect(page.body).toContain('2 failed in all');
    expect(page.body).toContain('>1 waiting for Yuki quota</span>');
    expect(page.body).toContain('Nothing from Loket');
    expect(page.body).toContain('Link not complete yet');
    expect(page.body).toContain(formatDateTime('en', nextYukiDayStart(new Date())));
  });
});
