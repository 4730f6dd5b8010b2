/**
 * @module app/operator/installation-metrics
 * The metrics the database knows, read at each scrape so every process (serve or worker) reports the
 * whole installation: documents by kind and state, items waiting by reason, Yuki calls left per Yuki
 * domain today, job queue depth and age, and how late the hourly import schedule is.
 */
import { sql } from 'drizzle-orm';
import { Gauge } from 'prom-client';
import { registry } from '../../platform/metrics.ts';
import { queryRows, type Database } from '../../store/database.ts';
import { yukiDay } from '../../yuki/budget.ts';

let source: Database | undefined;

/** Points the gauges at this process's database (the last one given, for tests with several). */
export function measureInstallation(db: Database): void {
  source = db;
}

const documents = new Gauge({
  name: 'loket_yuki_documents',
  help: 'Import items (one per Yuki document) by kind and state: posted, failed, skipped, waiting_quota, …',
  labelNames: ['kind', 'state'] as const,
  registers: [registry],
  async collect() {
    this.reset();
    if (!source) return;
    const rows = await queryRows<{ kind: string; state: string; n: number | string }>(
      source,
      sql`select kind, state, count(*) as n from import_items group by kind, state`,
    );
    for (const row of rows) this.set({ kind: row.kind, state: row.state }, Number(row.n));
  },
});

const waiting = new Gauge({
  name: 'loket_yuki_items_waiting',
  help: 'Items waiting, by reason: quota (Yuki daily budget), check_in_yuki (a person must answer), retry',
  labelNames: ['reason'] as const,
  registers: [registry],
  async collect() {
    this.reset();
    if (!source) return;
    const [row] = await queryRows<{ quota: number | string; check: number | string; retry: number | string }>(
      source,
      sql`select count(*) filter (where state = 'waiting_quota') as quota,
                 count(*) filter (where state = 'needs_check') as check,
                 count(*) filter (where state in ('planned', 'failed') and not_before > now()) as retry
            from import_items
           where state in ('waiting_quota', 'needs_check', 'planned', 'failed')`,
    );
    this.set({ reason: 'quota' }, Number(row?.quota ?? 0));
    this.set({ reason: 'check_in_yuki' }, Number(row?.check ?? 0));
    this.set({ reason: 'retry' }, Number(row?.retry ?? 0));
  },
});

const yukiCallsLeft = new Gauge({
  name: 'loket_yuki_yuki_calls_left',
  help: 'Yuki web-service calls left today per Yuki domain (only domains that called Yuki today)',
  labelNames: ['yuki_domain'] as const,
  registers: [registry],
  async collect() {
    this.reset();
    if (!source) return;
    const rows = await queryRows<{ domain: string; left: number | string }>(
      source,
      sql`select yuki_domain_id as domain, greatest(call_limit - used, 0) as left
            from yuki_call_budgets where day = ${yukiDay(new Date())}`,
    );
    for (const row of rows) this.set({ yuki_domain: row.domain }, Number(row.left));
  },
});

type QueueRow = { name: string; queued: number; active: number; oldest: number | null };

/** pg-boss keeps these counts per queue (its monitor refreshes them); there are none before it ran. */
async function queueRows(db: Database): Promise<QueueRow[]> {
  return queryRows<QueueRow>(
    db,
    sql`select name, queued_count as queued, active_count as active, ready_oldest_seconds as oldest
          from pgboss.queue`,
  ).catch(() => []);
}

const queueDepth = new Gauge({
  name: 'loket_yuki_job_queue_depth',
  help: 'Jobs per queue, by state (queued: waiting for a worker; active: running)',
  labelNames: ['queue', 'state'] as const,
  registers: [registry],
  async collect() {
    this.reset();
    if (!source) return;
    for (const row of await queueRows(source)) {
      this.set({ queue: row.name, state: 'queued' }, Number(row.queued));
      this.set({ queue: row.name, state: 'active' }, Number(row.active));
    }
  },
});

const queueAge = new Gauge({
  name: 'loket_yuki_job_queue_oldest_seconds',
  help: 'Age of the oldest job that is ready and waiting for a worker, per queue',
  labelNames: ['queue'] as const,
  registers: [registry],
  async collect() {
    this.reset();
    if (!source) return;
    for (const row of await queueRows(source)) this.set({ queue: row.name }, Number(row.oldest ?? 0));
  },
});

const HOURLY_SECONDS = 3600;

const schedulerLag = new Gauge({
  name: 'loket_yuki_scheduler_lag_seconds',
  help: 'How much later than its hourly cadence the import schedule last fired (0 = on time)',
  registers: [registry],
  async collect() {
    this.reset();
    if (!source) return;
    const [row] = await queryRows<{ since: number | string | null }>(
      source,
      sql`select extract(epoch from now() - max(created_on)) as since
            from pgboss.job where name = 'import.schedule'`,
    ).catch(() => []);
    if (row?.since === null || row?.since === undefined) return;
    this.set(Math.max(0, Number(row.since) - HOURLY_SECONDS));
  },
});

/** Referenced so the registrations above are not tree-shaken or flagged unused. */
export const installationGauges = [documents, waiting, yukiCallsLeft, queueDepth, queueAge, schedulerLag];
