/**
 * @module sync/import-run
 * One import of one administration — "Import now", the schedule, or a backfill: recorded as an
 * import run, planned, and then either previewed (dry run) or worked item by item. Progress is counted
 * from the items the run works on, so the UI and CLI show done / total per kind.
 */
import { and, eq, inArray, notExists, sql } from 'drizzle-orm';
import { isAppError } from '../core/errors.ts';
import type { Database } from '../store/database.ts';
import type { ImportKind, ImportRunTotals } from '../store/schema/index.ts';
import { IMPORT_KINDS, importItems, importRuns } from '../store/schema/index.ts';
import { yukiDay } from '../yuki/budget.ts';
import type { ImportItemEnvironment, ItemOutcome } from './import-item.ts';
import { importItem } from './import-item.ts';
import { discoverItems, previewOf, savePlan, type PlannedItem, type Preview } from './plan.ts';
import { errorDetail } from './record.ts';

export type ImportRequest = {
  administrationId: string;
  trigger: 'manual' | 'schedule' | 'backfill';
  requestedBy?: string | null;
  /** E-mail of who asked, or "scheduler". */
  requestedLabel: string;
  kinds?: ImportKind[];
  /** Backfill window, YYYYPP. */
  fromPeriodId?: number;
  toPeriodId?: number;
  includeExported?: boolean;
  dryRun?: boolean;
};

/** `items` are the ids of `itemIds` with their kind and period, in the same (posting) order. */
export type PlannedRun = {
  runId: string;
  itemIds: string[];
  items: PlannedItem[];
  summary: string;
  /** The preview's counts, so a page offers "confirm" only when there is something to import. */
  preview: Preview;
};

/** Creates the run and plans it; a dry run stops at the preview. An incomplete link fails the run. */
export async function planImportRun(env: ImportItemEnvironment, request: ImportRequest): Promise<PlannedRun> {
  const { db } = env;
  const now = (env.now ?? (() => new Date()))();
  const [run] = await db
    .insert(importRuns)
    .values({
      administrationId: request.administrationId,
      trigger: request.trigger,
      requestedBy: request.requestedBy ?? null,
      requestedLabel: request.requestedLabel,
      kinds: request.kinds ?? [...IMPORT_KINDS],
      fromPeriodId: request.fromPeriodId ?? 0,
      toPeriodId: request.toPeriodId ?? 0,
      dryRun: request.dryRun ?? false,
    })
    .returning({ id: importRuns.id });
  if (!run) throw new Error('import run not created');
  try {
    const link = await env.loadLink(request.administrationId);
    const discovery = await discoverItems(link, {
      today: yukiDay(now),
      ...(request.kinds ? { kinds: request.kinds } : {}),
      ...(request.fromPeriodId === undefined ? {} : { fromPeriodId: request.fromPeriodId }),
      ...(request.toPeriodId === undefined ? {} : { toPeriodId: request.toPeriodId }),
    });
    const preview = await previewOf(db, discovery, request.includeExported);
    const summary = preview.text;
    const items = request.dryRun
      ? []
      : await savePlan(db, discovery, {
          runId: run.id,
          ...(request.includeExported ? { includeExported: true } : {}),
        });
    const itemIds = items.map((item) => item.id);
    const totals = request.dryRun ? {} : countByKind(items);
    await db
      .update(importRuns)
      .set({
        state: request.dryRun || itemIds.length === 0 ? 'done' : 'running',
        fromPeriodId: discovery.fromPeriodId,
        toPeriodId: discovery.toPeriodId,
        kinds: request.kinds ?? link.kinds,
        summary,
        totals,
        ...(request.dryRun || itemIds.length === 0 ? { finishedAt: new Date() } : {}),
      })
      .where(eq(importRuns.id, run.id));
    return { runId: run.id, itemIds, items, summary, preview };
  } catch (error) {
    // The texts may send people to the log: the details go there, and stay on the run for the page.
    const detail = errorDetail(error);
    env.logger?.warn(
      {
        administrationId: request.administrationId,
        runId: run.id,
        code: isAppError(error) ? error.code : 'internal',
        detail,
      },
      'import run could not be planned',
    );
    await db
      .update(importRuns)
      .set({
        state: 'failed',
        finishedAt: new Date(),
        errorCode: isAppError(error) ? error.code : 'internal',
        errorNl: isAppError(error) ? error.text.nl : 'Er ging iets onverwachts mis bij het plannen.',
        errorEn: isAppError(error) ? error.text.en : 'Something unexpected went wrong while planning.',
        errorDetail: detail,
      })
      .where(eq(importRuns.id, run.id));
    throw error;
  }
}

function countByKind(items: readonly PlannedItem[]): ImportRunTotals {
  const totals: ImportRunTotals = {};
  // Counts items, not list entries, should one be listed twice.
  for (const { kind } of new Map(items.map((item) => [item.id, item])).values())
    totals[kind] = (totals[kind] ?? 0) + 1;
  return totals;
}

export type KindProgress = { total: number; posted: number; failed: number; waiting: number; open: number };

/** Done / total per kind for the run's items. */
export async function runProgress(
  db: Database,
  runId: string,
): Promise<Partial<Record<ImportKind, KindProgress>>> {
  const rows = await db
    .select({ kind: importItems.kind, state: importItems.state, count: sql<number>`count(*)::int` })
    .from(importItems)
    .where(eq(importItems.lastRunId, runId))
    .groupBy(importItems.kind, importItems.state);
  const progress: Partial<Record<ImportKind, KindProgress>> = {};
  for (const row of rows) {
    const kind = (progress[row.kind] ??= { total: 0, posted: 0, failed: 0, waiting: 0, open: 0 });
    const n = Number(row.count);
    kind.total += n;
    if (row.state === 'posted' || row.state === 'skipped') kind.posted += n;
    // "Check in Yuki" waits for a person, as a failure does; it is not in progress.
    else if (row.state === 'failed' || row.state === 'needs_check') kind.failed += n;
    else if (row.state === 'waiting_quota') kind.waiting += n;
    else kind.open += n;
  }
  return progress;
}

/** Marks the run done once none of its items is planned, being posted or waiting — in one statement. */
export async function finishRunIfComplete(db: Database, runId: string): Promise<boolean> {
  const rows = await db
    .update(importRuns)
    .set({ state: 'done', finishedAt: new Date() })
    .where(
      and(
        eq(importRuns.id, runId),
        eq(importRuns.state, 'running'),
        notExists(
          db
            .select({ one: sql`1` })
            .from(importItems)
            .where(
              and(
                eq(importItems.lastRunId, runId),
                inArray(importItems.state, ['planned', 'posting', 'waiting_quota']),
              ),
            ),
        ),
      ),
    )
    .returning({ id: importRuns.id });
  return rows.length === 1;
}

/** Plans and works the run in this process, one item after another (the CLI, the demo and tests). */
export async function importNow(
  env: ImportItemEnvironment,
  request: ImportRequest,
): Promise<PlannedRun & { outcomes: ItemOutcome[] }> {
  const planned = await planImportRun(env, request);
  const outcomes: ItemOutcome[] = [];
  for (const itemId of planned.itemIds) outcomes.push(await importItem(env, itemId));
  if (planned.itemIds.length > 0) await finishRunIfComplete(env.db, planned.runId);
  return { ...planned, outcomes };
}
