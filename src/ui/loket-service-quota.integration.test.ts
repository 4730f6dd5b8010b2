/**
 * *Personeel → Loket service* on the real app, with both sandboxes over HTTP and a link set up as users
 * set it up: one calm line when the domain's work waits for Yuki's daily quota — how much of each kind
 * and from when it goes on — counted per domain, absent when nothing waits, and in English too.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppWithSandboxes, type AppWithSandboxes } from '../../test/support/app-with-sandboxes.ts';
import { call } from '../../test/support/auth-harness.ts';
import { linkBakeryThroughApi } from '../../test/support/bakery-link.ts';
import { writeLedger } from '../../test/support/ledger.ts';
import { roleSessions } from '../../test/support/role-sessions.ts';
import type { Tenants } from '../../test/support/tenants.ts';
import type { RunningLoketSandbox } from '../../sandbox/loket/index.ts';
import type { YukiSandbox } from '../../sandbox/yuki/index.ts';
import { periodContaining, periodId, shiftPeriod } from '../core/periods.ts';
import type { DatabaseHandle } from '../store/database.ts';
import { domainFeatures, importItems } from '../store/schema/index.ts';
import { nextYukiDayStart } from '../sync/yuki-call-budget.ts';
import { yukiDay } from '../yuki/budget.ts';
import { formatDateTime } from './components/format.ts';

describe('Personeel → Loket service: work waiting for the Yuki quota', () => {
  let setup: AppWithSandboxes;
  let database: DatabaseHandle;
  let loket: RunningLoketSandbox;
  let yuki: YukiSandbox;
  let app: AppWithSandboxes['app'];
  let tenants: Tenants;
  const current = periodId(periodContaining('month', yukiDay(new Date())));
  const older = periodId(shiftPeriod(periodContaining('month', yukiDay(new Date())), -5));
  const bakeryPath = () => `/administrations/${tenants.a.standardId}/loket`;
  const groupPath = () => `/administrations/${tenants.a.groupStandardId}/loket`;

  const { as, api } = roleSessions(() => ({ app, tenants }));

  async function page(path: string, lang?: 'en') {
    const session = await as('backoffice');
    const response = await call(app, path, {
      cookie: lang ? `${session.cookie}; ly_lang=${lang}` : session.cookie,
    });
    expect(response.status).toBe(200);
    return response.text();
  }

  /** The info notice's text, or undefined when the page has none. */
  const notice = (html: string) =>
    /<div class="notice notice-info" role="status">([^<]*)<\/div>/.exec(html)?.[1];

  beforeAll(async () => {
    setup = await startAppWithSandboxes({ instanceName: 'ui-quota' });
    ({ database, loket, yuki, app, tenants } = setup);
    await linkBakeryThroughApi({ api, loket, yuki, tenants });
    // The group may use the link but has no Loket user yet: its page shows what is missing.
    await database.db
      .insert(domainFeatures)
      .values({ domainId: tenants.a.domainIds[1], feature: 'loket_payroll_link' });
  }, 60_000);

  afterAll(() => setup?.close());

  it('says nothing about the quota while nothing waits for it', async () => {
    const html = await page(bakeryPath());
    expect(html).toContain('Nu importeren</button>');
    expect(notice(html)).toBeUndefined();
    expect(html).not.toContain('Yuki-dagquotum');
  });

  it("counts the domain's waiting items per kind, of every period, and says when the import goes on", async () => {
    await writeLedger(database.db, tenants.a.standardId, [
      { periodId: current, kind: 'payslip', state: 'waiting_quota', count: 20 },
      { periodId: older, kind: 'payslip', state: 'waiting_quota', count: 3 },
      { periodId: current, kind: 'journal', state: 'waiting_quota' },
      // Not waiting for the quota: not counted.
      { periodId: current, kind: 'payslip', state: 'posted', count: 4 },
      { periodId: current, kind: 'tax_return', state: 'failed' },
    ]);
    // Another domain's waiting work is not this one's.
    await writeLedger(database.db, tenants.a.nonStandardId, [
      { periodId: current, kind: 'tax_return', state: 'waiting_quota' },
    ]);
    const resets = nextYukiDayStart(new Date());

    expect(notice(await page(bakeryPath()))).toBe(
      '23 loonstroken en 1 loonjournaalpost wachten op het Yuki-dagquotum van dit domein; ' +
        `de import gaat verder vanaf ${formatDateTime('nl', resets)}.`,
    );
    // The whole domain's work, shown on each of its administrations, also before the link is complete.
    const group = await page(groupPath());
    expect(group).toContain('geen werkende Loket-gebruiker');
    expect(notice(group)).toBe(
      '1 loonaangifte wacht op het Yuki-dagquotum van dit domein; ' +
        `de import gaat verder vanaf ${formatDateTime('nl', resets)}.`,
    );
  });

  it('reads in English with the language switch', async () => {
    const resets = formatDateTime('en', nextYukiDayStart(new Date()));
    expect(notice(await page(bakeryPath(), 'en'))).toBe(
      '23 payslips and 1 payroll journal entry are waiting for this domain&#39;s daily Yuki quota; ' +
        `the import goes on from ${resets}.`,
    );
    expect(notice(await page(groupPath(), 'en'))).toBe(
      `1 payroll tax return is waiting for this domain&#39;s daily Yuki quota; the import goes on from ${resets}.`,
    );
  });

  it('is gone once the waiting work has gone on', async () => {
    // As on a new Yuki day: the parked items are planned again.
    await database.db
      .update(importItems)
      .set({ state: 'planned' })
      .where(eq(importItems.state, 'waiting_quota'));
    expect(notice(await page(bakeryPath()))).toBeUndefined();
  });
});
