/**
 * @module get-import-view
 * What the import part of *Loket service* shows, read in one go: the periods of the look-back window
 * (from Loket's period kind, cached per app) plus every older period that holds items (a backfill's),
 * the items in them, the latest real runs (previews are
 * left out) and the progress of the newest one, and the domain's Yuki address for the document links.
 */
import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import type { Logger } from '../../platform/logger.ts';
import { lookbackWindow, periodId, shiftPeriod, type PeriodKind } from '../../core/periods.ts';
import { domains, importItems } from '../../store/schema/index.ts';
import { importHistory, type ImportHistory } from '../../sync/status.ts';
import type { ImportItemEnvironment } from '../../sync/import-item.ts';
import { yukiDay } from '../../yuki/budget.ts';
import type { Administration } from '../scope.ts';
import { progressOfRuns, runOutcome, type RunOutcome, type RunProgress } from './get-run-progress.ts';
import { groupFailures, type FailureGroup } from './get-failure-groups.ts';

export type { RunOutcome, RunProgress } from './get-run-progress.ts';
export type { FailureGroup } from './get-failure-groups.ts';

export type ImportRun = ImportHistory['runs'][number];
export type ImportItemRow = ImportHistory['items'][number];
/** A run with what its items became, for the history. */
export type RunSummary = { progress: RunProgress; outcome: RunOutcome };

export type ImportViewData = {
  administrationId: string;
  /** Where the pages that fix a failure's cause are (failure-causes.ts). */
  domainId: string;
  portalId: string;
  /** YYYYPP, newest first. */
  periods: number[];
  /** False when Loket could not say its period kind; the periods are then those already known. */
  windowKnown: boolean;
  /** Loket's period kind, to name periods in words ("oktober 2026"); unknown when Loket did not answer. */
  periodKind?: PeriodKind | undefined;
  items: ImportItemRow[];
  /** Every failed item, also those of periods before the window (a backfill's). */
  failures: ImportItemRow[];
  /** Every item waiting for a person to check in Yuki, in any period. */
  checks: ImportItemRow[];
  runs: ImportRun[];
  /** Per run id: its items' counts and outcome. */
  runResults: Record<string, RunSummary>;
  progress: RunProgress;
  /** The newest run's outcome ("nothing" when there is none). */
  outcome: RunOutcome;
  /** The failed items and those to check in Yuki, grouped by cause. */
  failureGroups: FailureGroup[];
  /** The domain's address in Yuki (Yuki's Domains call), where its documents can be seen. */
  domainUrl: string | null;
};

/** The import environment the app keeps per process (its cached period kinds) and where to warn. */
export type ImportViewDeps = { db: Database; logger: Logger; env: ImportItemEnvironment };

const SHOWN_WITHOUT_WINDOW = 6;

export async function getImportView(
  deps: ImportViewDeps,
  administration: Administration,
): Promise<ImportViewData> {
  const { db } = deps;
  const window = await windowPeriods(deps, administration.id);
  const windowOldest = window?.periods.at(-1);
  // A backfill's periods lie before the window: each one holding items is shown too, never dropped.
  const older =
    windowOldest === undefined ? [] : await periodsWithItemsBefore(db, administration.id, windowOldest);
  const oldest = older.at(-1) ?? windowOldest;
  const history = await importHistory(db, administration.id, {
    runs: 10,
    ...(oldest === undefined ? {} : { fromPeriodId: oldest }),
  });
  const latest = history.runs[0];
  const periods = window
    ? [...window.periods, ...older]
    : [...new Set(history.items.map((item) => item.periodId))].slice(0, SHOWN_WITHOUT_WINDOW);
  const [domain] = await db
    .select({ url: domains.url })
    .from(domains)
    .where(eq(domains.id, administration.domainId));
  const needingPeople = await db
    .select()
    .from(importItems)
    .where(
      and(
        eq(importItems.administrationId, administration.id),
        inArray(importItems.state, ['failed', 'needs_check']),
      ),
    )
    .orderBy(desc(importItems.periodId), importItems.subject);
  const progresses = await progressOfRuns(
    db,
    history.runs.map((run) => run.id),
  );
  const runResults: Record<string, RunSummary> = {};
  for (const run of history.runs) {
    const progress = progresses.get(run.id) ?? {};
    runResults[run.id] = { progress, outcome: runOutcome(run.state, progress) };
  }
  const latestResult = latest ? runResults[latest.id] : undefined;
  return {
    administrationId: administration.id,
    domainId: administration.domainId,
    portalId: administration.portalId,
    periods,
    windowKnown: window !== undefined,
    periodKind: window?.kind,
    items: history.items.filter((item) => periods.includes(item.periodId)),
    failures: needingPeople.filter((item) => item.state === 'failed'),
    checks: needingPeople.filter((item) => item.state === 'needs_check'),
    runs: history.runs,
    runResults,
    progress: latestResult?.progress ?? {},
    outcome: latestResult?.outcome ?? 'nothing',
    failureGroups: groupFailures(needingPeople),
    domainUrl: domain?.url ?? null,
  };
}

/** YYYYPP of every period before `before` that holds items of this administration, newest first. */
async function periodsWithItemsBefore(db: Database, administrationId: string, before: number): Promise<number[]> {
  const rows = await db
    .selectDistinct({ periodId: importItems.periodId })
    .from(importItems)
    .where(and(eq(importItems.administrationId, administrationId), lt(importItems.periodId, before)))
    .orderBy(desc(importItems.periodId));
  return rows.map((row) => row.periodId);
}

/** The look-back window's periods as the planner computes them, or undefined when Loket does not answer. */
async function windowPeriods(
  deps: ImportViewDeps,
  administrationId: string,
): Promise<{ periods: number[]; kind: PeriodKind } | undefined> {
  try {
    const link = await deps.env.loadLink(administrationId);
    const kind = await link.periodKind();
    const window = lookbackWindow(kind, yukiDay(new Date()), link.lookbackPeriods);
    const periods: number[] = [];
    for (
      let period = window.to;
      periodId(period) >= periodId(window.from);
      period = shiftPeriod(period, -1)
    ) {
      if (periodId(period) >= (link.importFromPeriodId ?? 0)) periods.push(periodId(period));
    }
    return { periods, kind };
  } catch (error) {
    deps.logger.warn({ err: error, administrationId }, 'no look-back window for the Loket service page');
    return undefined;
  }
}
