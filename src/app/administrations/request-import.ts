/**
 * @module request-import
 * "Import now" and a backfill, for the pages and the REST API: the administration's import job is
 * queued and `import.requested` records who asked; who asked travels with the job into the run's
 * history. Refused (and audited so) when the window's periods do not exist or are out of order.
 */
import type { Database } from '../../store/database.ts';
import type { JobEngine } from '../../jobs/engine.ts';
import { importAdministrationQueue } from '../../jobs/import-queues.ts';
import { runCommand, type ChangedBy } from '../command.ts';
import { importCommand, importRequest, type ImportOptions, type ImportTarget } from './import-request.ts';

export type RequestImportDeps = { db: Database; jobs: JobEngine };

export async function requestImport(
  deps: RequestImportDeps,
  by: ChangedBy,
  target: ImportTarget,
  options: ImportOptions = {},
): Promise<void> {
  const trigger = options.fromPeriodId ? 'backfill' : 'manual';
  const queue = () => deps.jobs.send(importAdministrationQueue, importRequest(by, target, options));
  await runCommand(
    deps.db,
    by,
    importCommand(target, { action: 'import.requested', details: { trigger, ...options } }, queue),
  );
}
