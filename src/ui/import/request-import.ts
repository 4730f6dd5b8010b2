/**
 * @module request-import
 * The page's "do + audit" for importing: "Import now" and a confirmed backfill queue the
 * administration's import job and record `import.requested`; a backfill preview plans a dry run and
 * records `import.backfill_previewed`. Who asked travels with the job into the run's history.
 */
import type { AppServices } from '../../http/context.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { importAdministrationQueue } from '../../jobs/import-queues.ts';
import { planImportRun } from '../../sync/import-run.ts';
import { auditActor, type ChangedBy } from '../../tenancy/changed-by.ts';
import type { Administration, DomainScope } from '../../tenancy/scope.ts';
import { importEnvironment } from './import-environment.ts';

export type ImportTarget = { scope: DomainScope; administration: Administration };
/** A backfill window, YYYYPP. */
export type BackfillWindow = { fromPeriodId: number; toPeriodId: number };

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
  backfill?: BackfillWindow,
): Promise<void> {
  const trigger = backfill ? 'backfill' : 'manual';
  await services.jobs.send(importAdministrationQueue, {
    administrationId: target.administration.id,
    trigger,
    requestedBy: by.actor.userId,
    requestedLabel: by.actor.email,
    ...backfill,
  });
  await recordAudit(services.db, {
    ...auditActor(by),
    ...auditTarget(target),
    action: 'import.requested',
    details: { trigger, ...backfill },
  });
}

/** What a backfill would import, per period, without posting anything (the engine's Dutch text). */
export async function previewBackfill(
  services: AppServices,
  by: ChangedBy,
  target: ImportTarget,
  window: BackfillWindow,
): Promise<string> {
  const { summary } = await planImportRun(importEnvironment(services), {
    administrationId: target.administration.id,
    trigger: 'backfill',
    requestedBy: by.actor.userId,
    requestedLabel: by.actor.email,
    ...window,
    dryRun: true,
  });
  await recordAudit(services.db, {
    ...auditActor(by),
    ...auditTarget(target),
    action: 'import.backfill_previewed',
    details: { ...window },
  });
  return summary;
}
