/**
 * @module get-run-progress
 * What a run did, derived in this one place from its items' states: per kind posted / failed / to check
 * / waiting / open counts, and the run's outcome (busy, waiting for Yuki's quota, to check, partly failed,
 * failed, posted) — for the page's progress and history and for the API. Never a run of another
 * administration.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { importItems, importRuns, type ImportKind } from '../../store/schema/index.ts';
import type { IMPORT_RUN_STATES } from '../../store/schema/imports.ts';
import { ITEM_ATTEMPTS, RETRYABLE_ITEM_CODES } from '../../sync/retrying.ts';
import type { ImportRun } from './get-import-view.ts';

/** Per kind; `open` counts planned, being posted and failed items the queue still retries. */
export type KindProgress = {
  total: number;
  posted: number;
  failed: number;
  needsCheck: number;
  waiting: number;
  open: number;
};
export type RunProgress = Partial<Record<ImportKind, KindProgress>>;

export const RUN_OUTCOMES = [
  'busy',
  'waiting_quota',
  'needs_check',
  'partly_failed',
  'failed',
  'posted',
  'nothing',
] as const;
export type RunOutcome = (typeof RUN_OUTCOMES)[number];

type RunState = (typeof IMPORT_RUN_STATES)[number];

/**
 * The outcome a person reads: nothing counts as finished while an item is open (retries included);
 * quota waits come next, then failures (partly when something else got through), then checks.
 */
export function runOutcome(state: RunState, progress: RunProgress): RunOutcome {
  if (state === 'failed') return 'failed';
  const sum = (field: keyof KindProgress) =>
    Object.values(progress).reduce((total, kind) => total + (kind?.[field] ?? 0), 0);
  if (state === 'planning' || sum('open') > 0) return 'busy';
  if (sum('waiting') > 0) return 'waiting_quota';
  if (sum('failed') > 0) return sum('posted') + sum('needsCheck') > 0 ? 'partly_failed' : 'failed';
  if (sum('needsCheck') > 0) return 'needs_check';
  if (state === 'running') return 'busy';
  return sum('total') > 0 ? 'posted' : 'nothing';
}

/**
 * A failed item the item queue will try again by itself: it is still under way, not failed. Our own
 * constants are inlined, so the select and the GROUP BY hold the very same expression.
 */
const retrying = sql<boolean>`coalesce(${importItems.state} = 'failed' and ${importItems.errorCode} in (${sql.raw(
  RETRYABLE_ITEM_CODES.map((code) => `'${code}'`).join(', '),
)}) and ${importItems.attempts} < ${sql.raw(String(ITEM_ATTEMPTS))}, false)`;

/** The counts of several runs in one grouped query, keyed by run id. */
export async function progressOfRuns(db: Database, runIds: string[]): Promise<Map<string, RunProgress>> {
  const result = new Map<string, RunProgress>(runIds.map((id) => [id, {}]));
  if (runIds.length === 0) return result;
  const rows = await db
    .select({
      runId: importItems.lastRunId,
      kind: importItems.kind,
      state: importItems.state,
      retrying,
      count: sql<number>`count(*)::int`,
    })
    .from(importItems)
    .where(inArray(importItems.lastRunId, runIds))
    .groupBy(importItems.lastRunId, importItems.kind, importItems.state, retrying);
  for (const row of rows) {
    const progress = result.get(row.runId ?? '');
    if (!progress) continue;
    const kind = (progress[row.kind] ??= {
      total: 0,
      posted: 0,
      failed: 0,
      needsCheck: 0,
      waiting: 0,
      open: 0,
    });
    const n = Number(row.count);
    kind.total += n;
    if (row.state === 'posted' || row.state === 'skipped') kind.posted += n;
    else if (row.state === 'failed' && !row.retrying) kind.failed += n;
    else if (row.state === 'needs_check') kind.needsCheck += n;
    else if (row.state === 'waiting_quota') kind.waiting += n;
    else kind.open += n;
  }
  return result;
}

export type RunWithOutcome = { progress: RunProgress; outcome: RunOutcome };

/** The progress and outcome of one run. */
export async function runWithOutcome(
  db: Database,
  run: Pick<ImportRun, 'id' | 'state'>,
): Promise<RunWithOutcome> {
  const progress = (await progressOfRuns(db, [run.id])).get(run.id) ?? {};
  return { progress, outcome: runOutcome(run.state, progress) };
}

/** The newest real run (previews left out), its progress and outcome. */
export async function getLatestRunProgress(
  db: Database,
  administrationId: string,
): Promise<{ run: ImportRun | undefined } & RunWithOutcome> {
  const [run] = await db
    .select()
    .from(importRuns)
    .where(and(eq(importRuns.administrationId, administrationId), eq(importRuns.dryRun, false)))
    .orderBy(desc(importRuns.startedAt))
    .limit(1);
  return run ? { run, ...(await runWithOutcome(db, run)) } : { run, progress: {}, outcome: 'nothing' };
}

/** The progress and outcome of run `runId`, or undefined when it is not a run of this administration. */
export async function getRunProgress(
  db: Database,
  administrationId: string,
  runId: string,
): Promise<RunWithOutcome | undefined> {
  const [run] = await db
    .select({ id: importRuns.id, state: importRuns.state })
    .from(importRuns)
    .where(and(eq(importRuns.id, runId), eq(importRuns.administrationId, administrationId)));
  return run ? await runWithOutcome(db, run) : undefined;
}
