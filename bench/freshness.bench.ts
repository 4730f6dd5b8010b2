/**
 * @module freshness.bench
 * Issue 13 P6: a month of payroll approvals over many administrations (default 200 in 60 domains of one
 * portal, mixed monthly, four-weekly and weekly) with the real scheduler code on a simulated clock: the
 * freshness poll tick (sync/freshness-poll) every LOKET_POLL_MINUTES and the hourly schedule
 * (jobs/import-queues startScheduledImports) against the Loket sandbox over HTTP, which counts every
 * call it receives. Approvals are made in the sandbox (a run ready 2 h earlier, then approved) in office
 * hours in a period's last days, one in ten a few days late. Prints the delay from approval to the plan
 * being queued and Loket calls per administration per day, beside the old hourly schedule's.
 * Usage: npx tsx bench/freshness.bench.ts (BENCH_ADMINISTRATIONS, BENCH_DAYS, LOKET_POLL_MINUTES).
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { sandboxEnv } from '../sandbox/demo/sandboxes.ts';
import { startLoketSandbox } from '../sandbox/loket/index.ts';
import { isBuiltInScheduleDue } from '../src/core/schedule.ts';
import type { JobEngine } from '../src/jobs/engine.ts';
import { freshnessCoverageMs } from '../src/jobs/freshness-queue.ts';
import { startScheduledImports } from '../src/jobs/import-queues.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createSecretBox } from '../src/secrets/secret-box.ts';
import { openDatabase } from '../src/store/database.ts';
import { administrations, domains, loketConnections, portals } from '../src/store/schema/index.ts';
import { createDomainLoket } from '../src/sync/domain-loket.ts';
import { pollFreshness } from '../src/sync/freshness-poll.ts';
import { sandboxControl, type SandboxCredentials } from '../test/support/loket-fixture.ts';
import { directJobContext } from '../test/support/job-context.ts';

const ADMINISTRATIONS = Number(process.env.BENCH_ADMINISTRATIONS ?? 200);
const DAYS = Number(process.env.BENCH_DAYS ?? 30);
const POLL_MINUTES = Number(process.env.LOKET_POLL_MINUTES ?? 3);
/** Issue 13's measurement: an idle scheduled plan of one administration makes 6 Loket calls. */
const CALLS_PER_PLAN = 6;
const START = Date.parse('2026-11-01T00:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Domain sizes cycle so the portal has small and larger clients (average about 3.3). */
const DOMAIN_SIZES = [1, 2, 3, 5, 8, 1, 3, 4];

type SandboxAdministration = SandboxCredentials['payrollAdministrations'][number] & {
  periodType: 'month' | '4weeks' | 'week';
};
type Approval = { loketId: string; periodId: number; readyAt: number; approvedAt: number };

/** A deterministic pseudo-random sequence, so runs compare. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** Period start/end dates (ISO) in a period type, from YYYYPP (same calendar as core/periods). */
async function periodsOf(kind: 'month' | '4weeks' | 'week', fromId: number, until: number) {
  const { payrollPeriod, shiftPeriod, periodId } = await import('../src/core/periods.ts');
  const out: Array<{ id: number; endMs: number }> = [];
  let period = payrollPeriod(kind, Math.floor(fromId / 100), fromId % 100);
  while (Date.parse(`${period.startDate}T00:00:00Z`) < until) {
    out.push({ id: periodId(period), endMs: Date.parse(`${period.endDate}T00:00:00Z`) });
    period = shiftPeriod(period, 1);
  }
  return out;
}

function approvalsFor(
  administration: SandboxAdministration,
  periods: Array<{ id: number; endMs: number }>,
  next: () => number,
): Approval[] {
  const earliest = administration.periodType === 'week' ? 2 : 4;
  return periods.flatMap((period) => {
    const late = next() < 0.1;
    const dayOffset = late
      ? 1 + Math.floor(next() * (administration.periodType === 'week' ? 1 : 3))
      : -Math.floor(next() * earliest);
    // Office hours in Amsterdam (UTC+1 in November): 09:00–17:00.
    const approvedAt = period.endMs + dayOffset * DAY + 8 * HOUR + Math.floor(next() * 8 * HOUR);
    return approvedAt >= START && approvedAt < START + DAYS * DAY
      ? [{ loketId: administration.id, periodId: period.id, readyAt: approvedAt - 2 * HOUR, approvedAt }]
      : [];
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export async function runFreshness(): Promise<void> {
  const started = performance.now();
  const loket = await startLoketSandbox({
    today: '2026-11-01',
    employers: ADMINISTRATIONS,
    employeesPerAdministration: 2,
    months: 1,
  });
  const database = await openDatabase({ dataDir: 'memory://' });
  try {
    const { db } = database;
    const credentials = (await sandboxControl(loket.controlUrl, '/credentials')) as SandboxCredentials;
    const sandboxAdministrations = credentials.payrollAdministrations as SandboxAdministration[];
    const user = credentials.users.find((candidate) => candidate.username === 'koppeling.yuki');
    if (!user) throw new Error('no koppeling.yuki user');
    const masterKey = randomBytes(32);
    const secretBox = createSecretBox(db, { current: masterKey });
    const config = loadConfig(
      { APP_MASTER_KEY: masterKey.toString('base64'), ...sandboxEnv(loket) },
      'production',
    );
    const [portal] = await db
      .insert(portals)
      .values({ name: 'Bench', loketClientId: credentials.passwordClient.clientId, loketPasswordFlow: true })
      .returning();
    if (!portal) throw new Error('no portal');
    await db
      .update(portals)
      .set({
        loketClientSecretEnc: await secretBox.encrypt(
          { portalId: portal.id, field: 'portals.loket_client_secret', rowId: portal.id },
          credentials.passwordClient.clientSecret,
        ),
      })
      .where(eq(portals.id, portal.id));

    // Administrations into domains, each domain with its own connection (all reach the one provider).
    const ourId = new Map<string, string>();
    let index = 0;
    for (let domainNumber = 0; index < sandboxAdministrations.length; domainNumber++) {
      const size = DOMAIN_SIZES[domainNumber % DOMAIN_SIZES.length] ?? 1;
      const [domain] = await db
        .insert(domains)
        .values({ portalId: portal.id, name: `Domein ${domainNumber + 1}`, url: `d${domainNumber}.yuki.nl` })
        .returning();
      if (!domain) throw new Error('no domain');
      await db.insert(loketConnections).values({
        domainId: domain.id,
        method: 'password',
        username: user.username,
        passwordEnc: await secretBox.encrypt(
          { portalId: portal.id, field: 'loket_connections.password', rowId: domain.id },
          user.password,
        ),
        status: 'ok',
      });
      for (const administration of sandboxAdministrations.slice(index, index + size)) {
        const [row] = await db
          .insert(administrations)
          .values({
            portalId: portal.id,
            domainId: domain.id,
            name: `Administratie ${administration.clientNumber}`,
            relationCode: administration.clientNumber,
            loketEmployerId: administration.employerId,
            loketPayrollAdministrationId: administration.id,
            loketPeriodType: administration.periodType,
          })
          .returning();
        if (row) ourId.set(administration.id, row.id);
      }
      index += size;
    }
    const domainCount = (await db.select({ id: domains.id }).from(domains)).length;

    // A month of approvals, made in the sandbox as the simulated clock passes them.
    const next = random(13);
    const approvals: Approval[] = [];
    for (const administration of sandboxAdministrations) {
      const periods = await periodsOf(
        administration.periodType,
        administration.currentPeriodId,
        START + DAYS * DAY + 7 * DAY,
      );
      approvals.push(...approvalsFor(administration, periods, next));
    }
    const events = approvals
      .flatMap((approval) => [
        { at: approval.readyAt, kind: 'ready' as const, approval },
        { at: approval.approvedAt, kind: 'approve' as const, approval },
      ])
      .sort((a, b) => a.at - b.at);
    const currentPeriod = new Map(sandboxAdministrations.map((a) => [a.id, a.currentPeriodId]));
    const openRun = new Map<string, string>();

    const pending = new Map<string, number[]>();
    const delays: number[] = [];
    let plans = 0;
    const planned = (ids: string[], at: number) => {
      plans += ids.length;
      for (const id of ids) {
        const waiting = pending.get(id) ?? [];
        for (const approvedAt of waiting.filter((time) => time <= at)) delays.push(at - approvedAt);
        pending.set(
          id,
          waiting.filter((time) => time > at),
        );
      }
    };
    const loketFor = createDomainLoket({ db, secrets: secretBox, config });
    let clock = START;
    const sweepJobs = {
      send: async (_queue: unknown, payload: { administrationId: string }) => {
        planned([payload.administrationId], clock);
        return null;
      },
    } as unknown as JobEngine;
    const sweep = startScheduledImports(
      sweepJobs,
      db,
      () => new Date(clock),
      freshnessCoverageMs(POLL_MINUTES),
    );
    const context = directJobContext('bench');

    await fetch(new URL('/_sandbox/requests', loket.url), { method: 'DELETE' });
    let eventIndex = 0;
    for (clock = START; clock < START + DAYS * DAY; clock += POLL_MINUTES * MINUTE) {
      for (; eventIndex < events.length && (events[eventIndex]?.at ?? Infinity) <= clock; eventIndex++) {
        const event = events[eventIndex]!;
        const { loketId, periodId } = event.approval;
        if (event.kind === 'ready') {
          while ((currentPeriod.get(loketId) ?? 0) < periodId) {
            const answer = (await sandboxControl(loket.controlUrl, '/periods/advance', {
              payrollAdministrationId: loketId,
            })) as {
              currentPeriods: Array<{ payrollAdministrationId: string; payrollPeriodId: number }>;
            };
            currentPeriod.set(
              loketId,
              answer.currentPeriods.find((p) => p.payrollAdministrationId === loketId)?.payrollPeriodId ??
                periodId,
            );
          }
          const run = (await sandboxControl(loket.controlUrl, '/payroll-runs', {
            payrollAdministrationId: loketId,
            approve: false,
          })) as { id: string };
          openRun.set(loketId, run.id);
        } else {
          await sandboxControl(loket.controlUrl, `/payroll-runs/${openRun.get(loketId)}/approve`, {});
          const id = ourId.get(loketId) ?? '';
          pending.set(id, [...(pending.get(id) ?? []), event.approval.approvedAt]);
        }
      }
      if (clock % HOUR === 0) await sweep({}, context);
      const at = clock;
      await pollFreshness({
        db,
        loket: loketFor,
        plan: async (ids) => planned(ids, at),
        now: () => new Date(at),
      });
    }
    const counted = (await (await fetch(new URL('/_sandbox/requests', loket.url))).json()) as {
      total: number;
    };

    // The old schedule on the same approvals: plans on the hour when the built-in rhythm is due.
    const oldDelays = approvals.map((approval) => {
      let hour = Math.ceil(approval.approvedAt / HOUR) * HOUR;
      while (!isBuiltInScheduleDue(new Date(hour))) hour += HOUR;
      return hour - approval.approvedAt;
    });
    let oldPlansPerAdministration = 0;
    for (let hour = START; hour < START + DAYS * DAY; hour += HOUR)
      if (isBuiltInScheduleDue(new Date(hour))) oldPlansPerAdministration += 1;

    // Loket rotates tokens hourly: one refresh an hour for each connection the poll used.
    const tokenCalls = 24 * DAYS;
    const pollCalls = counted.total + tokenCalls;
    const perDay = (calls: number) => calls / ADMINISTRATIONS / DAYS;
    const minutes = (ms: number) => (ms / MINUTE).toFixed(1);
    const unplanned = [...pending.values()].flat().length;
    console.log(
      `freshness: ${ADMINISTRATIONS} administrations in ${domainCount} domains, ${DAYS} days, ${approvals.length} approvals, poll every ${POLL_MINUTES} min` +
        ` (${((performance.now() - started) / 1000).toFixed(0)} s)`,
    );
    console.log(
      `  Loket calls: poll ${counted.total} (+${tokenCalls} token refreshes), ${plans} plans × ${CALLS_PER_PLAN}; ${unplanned} approvals not planned by the end`,
    );
    console.log(
      `P6 approval→Yuki p50 ${minutes(percentile(delays, 50))} min, p95 ${minutes(percentile(delays, 95))} min (goal ≤ 5 min p95); ` +
        `Loket calls/administration/day ${perDay(pollCalls + plans * CALLS_PER_PLAN).toFixed(1)} (goal ≤ 50)`,
    );
    console.log(
      `  before (hourly built-in schedule): p50 ${minutes(percentile(oldDelays, 50))} min, p95 ${minutes(percentile(oldDelays, 95))} min; ` +
        `Loket calls/administration/day ${((oldPlansPerAdministration * CALLS_PER_PLAN) / DAYS).toFixed(1)}`,
    );
    console.log(
      '  (delay = approval until the plan is queued; the plan and posting add the import itself, seconds)',
    );
  } finally {
    await database.close();
    await loket.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runFreshness();
