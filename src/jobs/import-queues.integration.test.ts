import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportFixture } from '../../test/support/import-fixture.ts';
import { bakery, startImportFixture } from '../../test/support/import-fixture.ts';
import { sandboxControl } from '../../test/support/loket-fixture.ts';
import { createSecretBox } from '../secrets/secret-box.ts';
import { decryptTokens, encryptTokens } from '../tenancy/loket-token-store.ts';
import { testLogger } from '../../test/support/logger.ts';
import { waitFor } from '../../test/support/wait-for.ts';
import { queryRows } from '../store/database.ts';
import { administrations, importItems, importRuns, loketConnections } from '../store/schema/index.ts';
import type { JobEngine } from './engine.ts';
import { startJobEngine } from './engine.ts';
import { planImportRun } from '../sync/import-run.ts';
import {
  importAdministrationQueue,
  importItemQueue,
  importQueues,
  MAYBE_POSTED_RETRY_DELAY_SECONDS,
  startImportWorkers,
  startScheduledImports,
} from './import-queues.ts';
import { directJobContext } from '../../test/support/job-context.ts';

let fixture: ImportFixture;
let jobs: JobEngine;

beforeAll(async () => {
  fixture = await startImportFixture({ importFromPeriod: '2026-10' });
  jobs = await startJobEngine({
    database: fixture.database,
    logger: testLogger,
    supervise: true,
    instanceName: 'import-test',
  });
  await jobs.ensureQueues(importQueues);
  await startImportWorkers(jobs, { env: fixture.env, logger: testLogger });
});
afterAll(async () => {
  await jobs?.stop();
  await fixture?.close();
});

describe('import queues', () => {
  it('plans an administration, fans out one job per item and finishes the run', async () => {
    const payload = {
      administrationId: fixture.bakeryId,
      trigger: 'manual' as const,
      requestedBy: null,
      requestedLabel: 'backoffice@jansen-deboer.nl',
    };
    // "Import now" clicked twice: the second plan finds the items already planned or claimed.
    await Promise.all([
      jobs.send(importAdministrationQueue, payload),
      jobs.send(importAdministrationQueue, payload),
    ]);
    const runs = await waitFor(
      () => fixture.env.db.select().from(importRuns).where(eq(importRuns.administrationId, fixture.bakeryId)),
      (rows) => rows.length === 2 && rows.every((r) => r.state === 'done'),
    );
    expect(runs.map((r) => r.state)).toEqual(['done', 'done']);
    const items = await fixture.env.db.select().from(importItems);
    expect(items).toHaveLength(14);
    expect(items.every((i) => i.state === 'posted')).toBe(true);
    const documents = fixture.yuki.state.documents.filter(
      (d) => d.administrationId === bakery.yukiAdministrationId && (d.folder === 4 || d.folder === 5),
    );
    expect(documents).toHaveLength(13);
    expect(fixture.yuki.state.journals).toHaveLength(1);
  }, 60_000);

  it('gives every item job its posting priority: the books above the payslips', async () => {
    const jobsByItem = await queryRows<{ item_id: string; priority: number }>(
      fixture.database.db,
      sql`select data->>'itemId' as item_id, max(priority) as priority from pgboss.job where name = ${importItemQueue.name} group by data->>'itemId'`,
    );
    const items = await fixture.env.db.select().from(importItems);
    const priority = new Map(jobsByItem.map((job) => [job.item_id, Number(job.priority)]));
    const of = (kind: string) =>
      items.filter((i) => i.kind === kind).map((i) => priority.get(i.id) ?? Number.NaN);
    const payslips = of('payslip');
    expect(payslips).toHaveLength(12);
    for (const books of [...of('journal'), ...of('tax_return')]) {
      expect(books).toBeGreaterThan(Math.max(...payslips));
    }
  }, 60_000);

  it("starts a scheduled import only when the administration's own cron expression is due", async () => {
    const db = fixture.database.db;
    await db
      .update(administrations)
      .set({ autoImport: true, importSchedule: '0 7 * * 1-5' })
      .where(eq(administrations.id, fixture.bakeryId));
    await db
      .update(administrations)
      .set({ autoImport: false })
      .where(eq(administrations.id, fixture.installerId));
    const scheduledRuns = async () =>
      (await db.select().from(importRuns).where(eq(importRuns.administrationId, fixture.bakeryId))).filter(
        (run) => run.trigger === 'schedule',
      );
    const context = directJobContext('test');

    await startScheduledImports(jobs, db, () => new Date('2026-11-16T14:00:00Z'))({}, context); // Monday 15:00
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await scheduledRuns()).toHaveLength(0);

    await startScheduledImports(jobs, db, () => new Date('2026-11-16T06:00:00Z'))({}, context); // Monday 07:00
    const runs = await waitFor(scheduledRuns, (value) => value.length > 0);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.requestedLabel).toBe('scheduler');
  }, 60_000);

  it('retries an item whose failed post may have reached Yuki only after five minutes, so Yuki can finish it', async () => {
    const planned = await planImportRun(fixture.env, {
      administrationId: fixture.installerId,
      trigger: 'manual',
      requestedLabel: 'backoffice@jansen-deboer.nl',
      kinds: ['payslip'],
    });
    const [itemId] = planned.itemIds;
    if (!itemId) throw new Error('nothing planned');
    const yukiFaults = (faults: unknown) =>
      fetch(`${fixture.yuki.url}/_sandbox/faults`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(faults),
      });
    type JobRow = { state: string; after_maybe_posted: boolean; delay_seconds: number };
    const jobsOfItem = () =>
      queryRows<JobRow>(
        fixture.database.db,
        sql`select state, coalesce((data->>'afterMaybePosted')::boolean, false) as after_maybe_posted,
              extract(epoch from start_after - now())::float8 as delay_seconds
            from pgboss.job where name = ${importItemQueue.name} and data->>'itemId' = ${itemId}
            order by created_on, id`,
      );

    // Yuki answers 503 (as IIS does): the upload may have been kept, so the item must search first.
    expect((await yukiFaults({ serverErrorRate: 1 })).status).toBe(200);
    try {
      await jobs.send(importItemQueue, { itemId, runId: planned.runId });
      const rows = await waitFor(
        jobsOfItem,
        (found) =>
          found.some((row) => row.after_maybe_posted) && found.some((row) => row.state === 'completed'),
      );
      const [item] = await fixture.env.db.select().from(importItems).where(eq(importItems.id, itemId));
      expect(item).toMatchObject({ state: 'failed', errorCode: 'yuki.unavailable', attempts: 1 });
      const [first, retry] = rows;
      expect(rows).toHaveLength(2);
      expect(first).toMatchObject({ state: 'completed', after_maybe_posted: false });
      expect(retry).toMatchObject({ state: 'created', after_maybe_posted: true });
      expect(retry?.delay_seconds).toBeGreaterThan(MAYBE_POSTED_RETRY_DELAY_SECONDS - 60);
      expect(MAYBE_POSTED_RETRY_DELAY_SECONDS).toBeGreaterThanOrEqual(5 * 60);
    } finally {
      await yukiFaults({});
    }
  }, 60_000);
  it('does not retry a plan that failed for a reason only a person can fix: one failed run, explained', async () => {
    const db = fixture.database.db;
    const [before] = await db
      .select()
      .from(administrations)
      .where(eq(administrations.id, fixture.installerId));
    // The Relatiecode no longer resolves: planning stops with a link gap, which no retry can mend.
    await db
      .update(administrations)
      .set({ loketPayrollAdministrationId: null })
      .where(eq(administrations.id, fixture.installerId));
    try {
      const jobId = await jobs.send(importAdministrationQueue, {
        administrationId: fixture.installerId,
        trigger: 'manual',
        requestedBy: null,
        requestedLabel: 'backoffice@jansen-deboer.nl',
      });
      const [job] = await waitFor(
        () =>
          queryRows<{ state: string; retry_count: number }>(
            db,
            sql`select state, retry_count from pgboss.job where id = ${jobId}`,
          ),
        (rows) => rows[0]?.state === 'completed' || rows[0]?.state === 'retry' || rows[0]?.state === 'failed',
      );
      expect(job).toMatchObject({ state: 'completed', retry_count: 0 });
      const failed = (
        await db.select().from(importRuns).where(eq(importRuns.administrationId, fixture.installerId))
      ).filter((run) => run.state === 'failed');
      expect(failed).toHaveLength(1);
      expect(failed[0]!.errorCode).toMatch(/^sync\.link_incomplete/);
      expect(failed[0]!.errorNl).toContain('Relatiecode');
    } finally {
      await db
        .update(administrations)
        .set({ loketPayrollAdministrationId: before!.loketPayrollAdministrationId })
        .where(eq(administrations.id, fixture.installerId));
    }
  }, 60_000);

  it('retries a plan whose token refresh failed for a moment, instead of asking for a reconnect', async () => {
    const db = fixture.database.db;
    const request = {
      administrationId: fixture.installerId,
      trigger: 'manual' as const,
      requestedBy: null,
      requestedLabel: 'backoffice@jansen-deboer.nl',
    };
    await planImportRun(fixture.env, { ...request, dryRun: true });
    // The stored access token has run out, so the next plan refreshes first (a new test time drops the cached session).
    const [{ domainId }] = (await db
      .select({ domainId: administrations.domainId })
      .from(administrations)
      .where(eq(administrations.id, fixture.installerId))) as [{ domainId: string }];
    const secrets = createSecretBox(db, { current: fixture.masterKey });
    const scope = { portalId: fixture.portalId, domainId };
    const [row] = await db.select().from(loketConnections).where(eq(loketConnections.domainId, domainId));
    const tokens = await decryptTokens(secrets, scope, row!.tokensEnc!);
    await db
      .update(loketConnections)
      .set({
        tokensEnc: await encryptTokens(secrets, scope, { ...tokens, expiresAt: Date.now() - 1_000 }),
        checkedAt: new Date(),
      })
      .where(eq(loketConnections.domainId, domainId));
    await sandboxControl(
      fixture.loket.controlUrl,
      '/faults',
      { tokenServerErrors: 1, tokenGarbled: 1 },
      'PUT',
    );
    try {
      const jobId = await jobs.send(importAdministrationQueue, request);
      const [job] = await waitFor(
        () =>
          queryRows<{ state: string; retry_count: number }>(
            db,
            sql`select state, retry_count from pgboss.job where id = ${jobId}`,
          ),
        (rows) => rows[0]?.state === 'completed' || rows[0]?.state === 'retry' || rows[0]?.state === 'failed',
      );
      // A 503 from the token endpoint: retried like any other transient failure.
      expect(job).toMatchObject({ state: 'retry' });
      const [failed] = await db
        .select()
        .from(importRuns)
        .where(and(eq(importRuns.administrationId, fixture.installerId), eq(importRuns.state, 'failed')))
        .orderBy(desc(importRuns.startedAt));
      expect(failed).toMatchObject({ errorCode: 'loket.unavailable' });
      expect(failed!.errorEn).not.toContain('Reconnect');
      // A garbled token answer is transient too, not a session Loket refused.
      await expect(planImportRun(fixture.env, { ...request, dryRun: true })).rejects.toMatchObject({
        code: 'loket.unavailable',
        retryable: true,
      });
      // Neither spent the refresh token: the next plan refreshes and plans, with no reconnect.
      await expect(planImportRun(fixture.env, { ...request, dryRun: true })).resolves.toHaveProperty('runId');
    } finally {
      await sandboxControl(fixture.loket.controlUrl, '/faults', undefined, 'DELETE');
    }
  }, 60_000);
});
