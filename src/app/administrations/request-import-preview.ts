/**
 * @module request-import-preview
 * What an import would bring, per period, without posting anything (the engine's Dutch text): plans
 * a dry run (its text and counts) and records `import.previewed` (`import.backfill_previewed` for a backfill window).
 */
import type { Database } from '../../store/database.ts';
import type { ImportItemEnvironment } from '../../sync/import-item.ts';
import { planImportRun } from '../../sync/import-run.ts';
import type { Preview } from '../../sync/plan.ts';
import { runCommand, type ChangedBy } from '../command.ts';
import { importCommand, importRequest, type ImportOptions, type ImportTarget } from './import-request.ts';

export async function requestImportPreview(
  deps: { db: Database; env: ImportItemEnvironment },
  by: ChangedBy,
  target: ImportTarget,
  options: ImportOptions = {},
): Promise<Preview> {
  const action = options.fromPeriodId ? 'import.backfill_previewed' : 'import.previewed';
  const plan = async () =>
    (await planImportRun(deps.env, { ...importRequest(by, target, options), dryRun: true })).preview;
  return runCommand(deps.db, by, importCommand(target, { action, details: { ...options } }, plan));
}
