/**
 * The freshness poll against the Loket sandbox over HTTP: a payroll run approved in Loket plans exactly
 * that administration, with the provider-wide status as the only Loket calls; the hourly schedule keeps a
 * daily safety sweep for polled administrations and the old rhythm for the others.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportFixture } from '../../test/support/import-fixture.ts';
import { bakery, loketControl, startImportFixture } from '../../test/support/import-fixture.ts';
import type { JobEngine } from '../jobs/engine.ts';
import { startJobEngine } from '../jobs/engine.ts';
import { importQueues, startImportWorkers, startScheduledImports } from '../jobs/import-queues.ts';
import { queryRows } from '../store/database.ts';
import { testLogger } from '../../test/support/logger.ts';
import {
  administrations,
  loketConnections,
  loketPollState,
  loketProcessStatuses,
} from '../store/schema/index.ts';
import { pollFreshness } from './freshness-poll.ts';
import { directJobContext } from '../../test/support/job-context.ts';

let fixture: ImportFixture;
const planned: string[][] = [];

async function loketRequests(): Promise<Record<string, number>> {
  const response = await fetch(new URL('/_sandbox/requests', fixture.loket.url));
  return ((await response.json()) as { byPath: Record<string, number> }).byPath;
}

async function tick(at: string) {
  fixture.clock.now = new Date(at);
  const loket = fixture.env.freshness?.loket;
  if (!loket) throw new Error('the import environment has no freshness poll');
  return pollFreshness({
    db: fixture.env.db,
    loket,
    plan: async (ids) => {
      planned.push(ids);
    },
    now: () => fixture.clock.now,
  });
}

beforeAll(async () => {
  fixture = await startImportFixture();
  await fixture.env.db
    .update(administrations)
    .set({ loketPeriodType: 'month' })
    .where(eq(administrations.id, fixture.bakeryId));
  await fixture.env.db
    .update(administrations)
    .set({ loketPeriodType: '4weeks' })
    .where(eq(administrations.id, fixture.installerId));
});
afterAll(() => fixture?.close());

describe('freshness poll', () => {
  it('plans only the administration whose payroll run was approved, with few Loket calls', async () => {
    await fetch(new URL('/_sandbox/requests', fixture.loket.url), { method: 'DELETE' });
    // First sight is a baseline: nothing planned. Both domains' users reach one provider: one connection
    // asks period 202611 (the bakery's month) and 202612 (the installer's four weeks) for both.
    const first = await tick('2026-11-18T09:00:00Z');
    expect(first).toMatchObject({ planned: [], uncovered: [], calls: 4 });
    expect(await loketRequests()).toEqual({
      'GET /v2/providers': 2,
      'GET /v2/providers/{id}/payrollprocessstatus': 2,
    });
    const rows = await fixture.env.db.select().from(loketProcessStatuses);
    expect(rows.map((row) => [row.administrationId, row.payrollPeriodId, row.status]).sort()).toEqual(
      [
        [fixture.bakeryId, 202611, 1],
        [fixture.installerId, 202612, 1],
      ].sort(),
    );

    const run = (await loketControl(fixture, '/payroll-runs', {
      payrollAdministrationId: bakery.loket.payrollAdministrationId,
      approve: false,
    })) as { id: string };
    const waiting = await tick('2026-11-18T09:03:00Z');
    expect(waiting).toMatchObject({ planned: [], calls: 2 });

    await loketControl(fixture, `/payroll-runs/${run.id}/approve`, {});
    const approved = await tick('2026-11-18T09:06:00Z');
    expect(approved.planned).toEqual([fixture.bakeryId]);
    expect(planned).toEqual([[fixture.bakeryId]]);

    // Seen once: the next poll does not plan it again.
    expect((await tick('2026-11-18T09:09:00Z')).planned).toEqual([]);
    expect(await loketRequests()).toEqual({
      'GET /v2/providers': 2,
      'GET /v2/providers/{id}/payrollprocessstatus': 8,
    });
  }, 30_000);

  it('keeps a daily safety sweep for polled administrations and the built-in rhythm for the rest', async () => {
    // The installer is not polled (period type unknown): it stays on the hourly payroll-day rhythm.
    await fixture.env.db
      .update(administrations)
      .set({ loketPeriodType: null })
      .where(eq(administrations.id, fixture.installerId));
    const sent: string[] = [];
    const jobs = {
      send: async (_queue: unknown, payload: { administrationId: string }) => {
        sent.push(payload.administrationId);
        return null;
      },
    } as unknown as JobEngine;
    const context = directJobContext('sweep');
    const sweep = async (at: string) => {
      sent.length = 0;
      await startScheduledImports(jobs, fixture.env.db, () => new Date(at))({}, context);
      return [...sent].sort();
    };

    await tick('2026-11-28T09:55:00Z');
    // 28 November is a payroll day: hourly for the unpolled installer, not for the polled bakery.
    expect(await sweep('2026-11-28T10:00:00Z')).toEqual([fixture.installerId]);
    // 06:00 in Amsterdam: the safety sweep plans everyone.
    expect(await sweep('2026-11-29T05:00:00Z')).toEqual([fixture.bakeryId, fixture.installerId].sort());
    // Without a poll for a while the bakery falls back to the built-in rhythm.
    expect(await sweep('2026-11-28T11:00:00Z')).toEqual([fixture.bakeryId, fixture.installerId].sort());

    // A cron of its own stays the sweep times: 10:30 in Amsterdam is due in the hour ending 10:00 UTC.
    await fixture.env.db
      .update(administrations)
      .set({ importSchedule: '30 10 * * *' })
      .where(eq(administrations.id, fixture.bakeryId));
    await tick('2026-11-28T09:55:00Z');
    expect(await sweep('2026-11-28T10:00:00Z')).toEqual([fixture.bakeryId, fixture.installerId].sort());
  }, 30_000);

  it('asks with the next domain of the same provider when one user may not see the status', async () => {
    const { db } = fixture.env;
    await db
      .update(administrations)
      .set({ loketPeriodType: 'month' })
      .where(eq(administrations.id, fixture.bakeryId));
    await db
      .update(administrations)
      .set({ loketPeriodType: '4weeks' })
      .where(eq(administrations.id, fixture.installerId));
    const [bakeryRow] = await db
      .select()
      .from(administrations)
      .where(eq(administrations.id, fixture.bakeryId));
    const bakeryDomain = bakeryRow?.domainId ?? '';
    // The bakery's user lacks the right behind the view (sandbox: Raadplegen loonoutput); it goes first.
    await db
      .update(loketConnections)
      .set({ username: 'alleen.dienstverbanden', tokensEnc: null })
      .where(eq(loketConnections.domainId, bakeryDomain));
    await db
      .update(loketPollState)
      .set({ okAt: new Date('2030-01-01T00:00:00Z') })
      .where(eq(loketPollState.domainId, bakeryDomain));
    await fetch(new URL('/_sandbox/requests', fixture.loket.url), { method: 'DELETE' });

    const result = await tick('2026-11-28T10:03:00Z');
    expect(result).toMatchObject({ planned: [], uncovered: [] });
    // The refused call, then the installer's domain asks both periods and sees both administrations.
    expect(await loketRequests()).toEqual({ 'GET /v2/providers/{id}/payrollprocessstatus': 3 });
    const states = await db.select().from(loketPollState);
    expect(states.find((state) => state.domainId === bakeryDomain)?.errorCode).toBe('loket.missing_right');
    expect(states.find((state) => state.domainId !== bakeryDomain)?.errorCode).toBeNull();

    // A provider Loket no longer knows for a user (404): asked again with GET /providers next time.
    const installerDomain = states.find((state) => state.domainId !== bakeryDomain)?.domainId ?? '';
    await db
      .update(loketPollState)
      .set({ providerId: '00000000-0000-4000-8000-000000000000' })
      .where(eq(loketPollState.domainId, installerDomain));
    const lost = await tick('2026-11-28T10:06:00Z');
    expect(lost.uncovered.sort()).toEqual([fixture.bakeryId, fixture.installerId].sort());
    const [cleared] = await db
      .select()
      .from(loketPollState)
      .where(eq(loketPollState.domainId, installerDomain));
    expect(cleared).toMatchObject({ providerId: null, errorCode: 'loket.not_found' });
    expect((await tick('2026-11-28T10:09:00Z')).uncovered).toEqual([]);
  }, 30_000);

  it('registers one poll schedule every LOKET_POLL_MINUTES, however many workers start', async () => {
    // One after the other: two engines installing pg-boss at once on one PGlite collide.
    const engines: JobEngine[] = [];
    for (const instanceName of ['worker-1', 'worker-2'])
      engines.push(
        await startJobEngine({
          database: fixture.database,
          logger: testLogger,
          supervise: true,
          instanceName,
        }),
      );
    try {
      await engines[0]?.ensureQueues(importQueues);
      for (const jobs of engines) await startImportWorkers(jobs, { env: fixture.env, logger: testLogger });
      const rows = await queryRows<{ name: string; cron: string }>(
        fixture.database.db,
        sql`select name, cron from pgboss.schedule where name = 'import.freshness'`,
      );
      expect(rows).toEqual([{ name: 'import.freshness', cron: '*/3 * * * *' }]);
    } finally {
      for (const jobs of engines) await jobs.stop();
    }
  }, 30_000);
});
