/**
 * @module get-run-progress
 * The progress of one import run of an administration, per kind: the newest real run (for the page's
 * progress fragment), or a named one (for the API), never a run of another administration.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { importRuns } from '../../store/schema/index.ts';
import { runProgress } from '../../sync/import-run.ts';
import type { ImportRun, RunProgress } from './get-import-view.ts';

/** The newest real run (previews left out) and its progress. */
export async function getLatestRunProgress(
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

/** The progress of run `runId`, or undefined when it is not a run of this administration. */
export async function getRunProgress(
  db: Database,
  administrationId: string,
  runId: string,
): Promise<RunProgress | undefined> {
  const [run] = await db
    .select({ id: importRuns.id })
    .from(importRuns)
    .where(and(eq(importRuns.id, runId), eq(importRuns.administrationId, administrationId)));
  return run ? await runProgress(db, run.id) : undefined;
}
