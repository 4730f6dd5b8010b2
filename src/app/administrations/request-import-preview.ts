/**
 * @module request-import-preview
 * What an import would bring, per period, without posting anything (the engine's Dutch text): plans
 * a dry run and records `import.previewed` (`import.backfill_previewed` for a backfill window).
 */
import type { Database } from '../../store/database.ts';
import type { ImportItemEnvironment } from '../../sync/import-item.ts';
import { planImportRun } from '../../sync/import-run.ts';
import { runCommand, type ChangedBy } from '../command.ts';
import { importAudit, importRequest, type ImportOptions, type ImportTarget } from './import-request.ts';

export type RequestImportPreviewDeps = { db: Database; env: ImportItemEnvironment };

export async function requestImportPreview(
  deps: RequestImportPreviewDeps,
  by: ChangedBy,
  target: ImportTarget,
  options: ImportOptions = {},
): Promise<string> {
  return runCommand(deps.db, by, {
    audit: {
      ...importAudit(target),
      action: options.fromPeriodId ? 'import.backfill_previewed' : 'import.previewed',
      details: { ...options },
    },
    // The plan asks Loket and Yuki: before the transaction, which only records the audit row.
    check: async () =>
      (await planImportRun(deps.env, { ...importRequest(by, target, options), dryRun: true })).summary,
    change: async (_tx, summary) => summary,
  });
}
