/**
 * The read models behind the portal's import health, on a real database: the newest periods per
 * administration with the failures of every period, and today's Yuki calls of many domains at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/support/database.ts';
import { writeLedger } from '../../test/support/ledger.ts';
import type { DatabaseHandle } from '../store/database.ts';
import { administrations, domains, portals, yukiCallBudgets } from '../store/schema/index.ts';
import { yukiDay } from '../yuki/budget.ts';
import { recentImportStatus, yukiCallsToday } from './status.ts';

describe('import health read models', () => {
  let database: DatabaseHandle;
  let portalId: string;
  let weeklyId: string;
  let monthlyId: string;
  let otherPortalAdministrationId: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    const { db } = database;
    const [portal, other] = await db
      .insert(portals)
      .values([{ name: 'Kantoor' }, { name: 'Ander' }])
      .returning();
    portalId = portal!.id;
    const [domain, otherDomain] = await db
      .insert(domains)
      .values([
        { portalId, name: 'Domein' },
        { portalId: other!.id, name: 'Ander domein' },
      ])
      .returning();
    const [weekly, monthly, foreign] = await db
      .insert(administrations)
      .values([
        { portalId, domainId: domain!.id, name: 'Weekloon B.V.', isStandard: true },
        { portalId, domainId: domain!.id, name: 'Maandloon B.V.' },
        { portalId: other!.id, domainId: otherDomain!.id, name: 'Elders B.V.', isStandard: true },
      ])
      .returning();
    weeklyId = weekly!.id;
    monthlyId = monthly!.id;
    otherPortalAdministrationId = foreign!.id;
    await writeLedger(db, weeklyId, [
      { periodId: 202640, kind: 'payslip', state: 'posted', count: 3 },
      { periodId: 202644, kind: 'payslip', state: 'posted', count: 2 },
      { periodId: 202645, kind: 'payslip', state: 'waiting_quota' },
      { periodId: 202645, kind: 'journal', state: 'planned' },
      { periodId: 202646, kind: 'payslip', state: 'posted', count: 4 },
      { periodId: 202646, kind: 'payslip', state: 'failed' },
      // A backfill's failure long before the recent periods.
      { periodId: 202510, kind: 'tax_return', state: 'failed', count: 2 },
    ]);
    await writeLedger(db, otherPortalAdministrationId, [
      { periodId: 202646, kind: 'payslip', state: 'failed' },
    ]);
  }, 60_000);

  afterAll(async () => {
    await database?.close();
  });

  it('keeps the newest periods of each administration and counts its failures in every period', async () => {
    const recent = await recentImportStatus(database.db, { portalId, fromPeriodId: 202601, periods: 3 });
    expect([...recent.keys()]).toEqual([weeklyId]);
    expect(recent.get(weeklyId)).toEqual({
      periods: [
        { periodId: 202646, kinds: { payslip: { posted: 4, failed: 1 } } },
        { periodId: 202645, kinds: { payslip: { waiting_quota: 1 }, journal: { planned: 1 } } },
        { periodId: 202644, kinds: { payslip: { posted: 2 } } },
      ],
      failed: 3,
      needsCheck: 0,
    });
    expect(recent.has(monthlyId)).toBe(false);
    expect(recent.has(otherPortalAdministrationId)).toBe(false);
  });

  it('lists an administration whose only items are old failures, without periods', async () => {
    const recent = await recentImportStatus(database.db, { portalId, fromPeriodId: 202647, periods: 3 });
    expect(recent.get(weeklyId)).toEqual({ periods: [], failed: 3, needsCheck: 0 });
  });

  it("reads today's Yuki calls of many domains in one go, and nothing of other days", async () => {
    const now = new Date('2026-11-28T12:00:00Z');
    await database.db.insert(yukiCallBudgets).values([
      { yukiDomainId: 'domein-a', day: yukiDay(now), used: 958, callLimit: 1000 },
      { yukiDomainId: 'domein-b', day: '2026-11-27', used: 1000, callLimit: 1000 },
      { yukiDomainId: 'domein-c', day: yukiDay(now), used: 12, callLimit: 5000 },
    ]);
    const calls = await yukiCallsToday(database.db, ['domein-a', 'domein-b', 'domein-c'], now);
    expect([...calls.entries()]).toEqual([
      ['domein-a', { used: 958, limit: 1000 }],
      ['domein-c', { used: 12, limit: 5000 }],
    ]);
    expect(await yukiCallsToday(database.db, [], now)).toEqual(new Map());
  });
});
