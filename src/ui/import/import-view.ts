/**
 * @module import-view
 * What the import part of *Loket service* shows, read in one go: the periods of the look-back window
 * (from Loket's period kind, cached per app), the items in them, the latest real runs (previews are
 * left out) and the progress of the newest one, and where the documents can be seen in Yuki.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { AppServices } from '../../http/context.ts';
import type { Database } from '../../store/database.ts';
import { lookbackWindow, periodId, shiftPeriod } from '../../core/periods.ts';
import { domains, importItems, importRuns, type ImportKind } from '../../store/schema/index.ts';
import { runProgress, type KindProgress } from '../../sync/import-run.ts';
import { importHistory, type ImportHistory } from '../../sync/status.ts';
import type { Administration } from '../../app/scope.ts';
import { yukiDay } from '../../yuki/budget.ts';
import { importEnvironment } from '../../http/import-environment.ts';
import { yukiLinks, type YukiLinks } from './yuki-link.tsx';

export type ImportRun = ImportHistory['runs'][number];
export type ImportItemRow = ImportHistory['items'][number];
export type RunProgress = Partial<Record<ImportKind, KindProgress>>;

export type ImportView = {
  administrationId: string;
  /** YYYYPP, newest first. */
  periods: number[];
  /** False when Loket could not say its period kind; the periods are then those already known. */
  windowKnown: boolean;
  items: ImportItemRow[];
  /** Every failed item, also those of periods before the window (a backfill's). */
  failures: ImportItemRow[];
  /** Every item waiting for a person to check in Yuki, in any period. */
  checks: ImportItemRow[];
  runs: ImportRun[];
  progress: RunProgress;
  /** Where the documents in Yuki can be seen. */
  yukiLinks: YukiLinks;
};

/** The subject as a person reads it, without the `[lky:…]` marker kept for reconciliation. */
export const readableSubject = (item: Pick<ImportItemRow, 'subject'>) =>
  item.subject.replace(/ \[lky:[0-9a-f]+\]$/, '');

const SHOWN_WITHOUT_WINDOW = 6;

/** The look-back window's periods as the planner computes them, or undefined when Loket does not answer. */
async function windowPeriods(services: AppServices, administrationId: string): Promise<number[] | undefined> {
  try {
    const link = await importEnvironment(services).loadLink(administrationId);
    const window = lookbackWindow(await link.periodKind(), yukiDay(new Date()), link.lookbackPeriods);
    const periods: number[] = [];
    for (
      let period = window.to;
      periodId(period) >= periodId(window.from);
      period = shiftPeriod(period, -1)
    ) {
      if (periodId(period) >= (link.importFromPeriodId ?? 0)) periods.push(periodId(period));
    }
    return periods;
  } catch (error) {
    services.logger.warn({ err: error, administrationId }, 'no look-back window for the Loket service page');
    return undefined;
  }
}

export async function loadImportView(
  services: AppServices,
  administration: Administration,
): Promise<ImportView> {
  const window = await windowPeriods(services, administration.id);
  const oldest = window?.at(-1);
  const history = await importHistory(services.db, administration.id, {
    runs: 10,
    ...(oldest === undefined ? {} : { fromPeriodId: oldest }),
  });
  const latest = history.runs[0];
  const periods =
    window ?? [...new Set(history.items.map((item) => item.periodId))].slice(0, SHOWN_WITHOUT_WINDOW);
  const [domain] = await services.db
    .select({ url: domains.url })
    .from(domains)
    .where(eq(domains.id, administration.domainId));
  const needingPeople = await services.db
    .select()
    .from(importItems)
    .where(
      and(
        eq(importItems.administrationId, administration.id),
        inArray(importItems.state, ['failed', 'needs_check']),
      ),
    )
    .orderBy(desc(importItems.periodId), importItems.subject);
  return {
    administrationId: administration.id,
    periods,
    windowKnown: window !== undefined,
    items: history.items.filter((item) => periods.includes(item.periodId)),
    failures: needingPeople.filter((item) => item.state === 'failed'),
    checks: needingPeople.filter((item) => item.state === 'needs_check'),
    runs: history.runs,
    progress: latest ? await runProgress(services.db, latest.id) : {},
    yukiLinks: yukiLinks(services.config.yukiApiUrl, domain?.url ?? null),
  };
}

/** The newest real run and its progress, for the progress fragment alone. */
export async function latestRunProgress(
  db: Database,
  administrationId: string,
): Promise<{ run: ImportRun | undefined; progress: RunProgress }> {
  const [run] = await db
    .select()
    .from(importRuns)
    .where(and(eq(importRuns.administrationId, administrationId), eq(importRuns.dryRun, false)))
    .orderBy(desc(importRuns.startedAt))
    .limit(1);
  return { run, progress: run ? await runProgress(db, run.id) : {} };
}
