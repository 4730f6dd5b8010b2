/**
 * @module request-import
 * "Do + audit" for importing, shared by the pages and the REST API: "Import now" and a backfill queue
 * the administration's import job and record `import.requested`; a preview plans a dry run and
 * records `import.previewed` (`import.backfill_previewed` for a backfill window). Who asked travels
 * with the job into the run's history.
 */
import type { AppServices } from './context.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { importAdministrationQueue } from '../jobs/import-queues.ts';
import type { ImportKind } from '../store/schema/index.ts';
import { planImportRun } from '../sync/import-run.ts';
import { auditActor, type ChangedBy } from '../tenancy/changed-by.ts';
import type { Administration, DomainScope } from '../app/scope.ts';
import { importEnvironment } from './import-environment.ts';
import { assertPeriodsFit, assertWindowOrder } from '../tenancy/period-check.ts';

export type ImportTarget = { scope: DomainScope; administration: Administration };
/** What to import: a backfill window (YYYYPP) makes it a backfill; kinds and exported runs narrow or widen it. */
export type ImportOptions = {
  fromPeriodId?: number;
  toPeriodId?: number;
  kinds?: ImportKind[];
  includeExported?: boolean;
};

/** Checked before anything is queued or planned: periods that exist for this administration, in order. */
function importRequest(by: ChangedBy, target: ImportTarget, options: ImportOptions) {
  assertWindowOrder(options.fromPeriodId, options.toPeriodId);
  assertPeriodsFit(target.administration.loketPeriodType, [options.fromPeriodId, options.toPeriodId]);
  return {
    administrationId: target.administration.id,
    trigger: options.fromPeriodId ? ('backfill' as const) : ('manual' as const),
    requestedBy: by.actor.userId,
    requestedLabel: by.actor.email,
    ...options,
  };
}

function auditTarget(target: ImportTarget) {
  return {
    portalId: target.scope.portalId,
    domainId: target.scope.domainId,
    administrationId: target.administration.id,
    targetType: 'administration',
    targetId: target.administration.id,
  };
}

/** Queues the import: "Import now" without a window, a backfill with one. */
export async function requestImport(
  services: AppServices,
  by: ChangedBy,
  target: ImportTarget,
  options: ImportOptions = {},
): Promise<void> {
  const request = importRequest(by, target, options);
  await services.jobs.send(importAdministrationQueue, request);
  await recordAudit(services.db, {
    ...auditActor(by),
    ...auditTarget(target),
    action: 'import.requested',
    details: { trigger: request.trigger, ...options },
  });
}

/** What an import would bring, per period, without posting anything (the engine's Dutch text). */
export async function previewImport(
  services: AppServices,
  by: ChangedBy,
  target: ImportTarget,
  options: ImportOptions = {},
): Promise<string> {
  const { summary } = await planImportRun(importEnvironment(services), {
    ...importRequest(by, target, options),
    dryRun: true,
  });
  await recordAudit(services.db, {
    ...auditActor(by),
    ...auditTarget(target),
    action: options.fromPeriodId ? 'import.backfill_previewed' : 'import.previewed',
    details: { ...options },
  });
  return summary;
}
