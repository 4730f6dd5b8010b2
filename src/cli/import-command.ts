/**
 * @module cli/import-command
 * `loket-yuki import`: one administration imported in this process, item by item, with progress per
 * kind on stderr. The same plan and exactly-once protocol as "Import now", so running it beside the
 * workers, or twice, never posts a document twice.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { Command, Option } from 'commander';
import { isAppError } from '../core/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { loadCliConfig } from './cli-config.ts';
import { createLogger } from '../platform/logger.ts';
import { openEnvironment, type Environment } from '../main/environment.ts';
import type { ImportKind } from '../store/schema/index.ts';
import { administrations, importItems } from '../store/schema/index.ts';
import { importItem } from '../sync/import-item.ts';
import { finishRunIfComplete, planImportRun, type PlannedRun } from '../sync/import-run.ts';
import { EMBEDDED_NOTE, parseId, parsePeriod } from './cli-arguments.ts';
import { createProgress } from './progress-bar.ts';
import { reportStartupError } from '../main/startup-error.ts';

/** The CLI's spelling of each kind. */
const KIND_NAMES: Record<ImportKind, string> = {
  payslip: 'payslips',
  journal: 'journal',
  tax_return: 'tax-return',
};
const KINDS_BY_NAME = new Map(Object.entries(KIND_NAMES).map(([kind, name]) => [name, kind as ImportKind]));

type ImportOptions = { administration: string; period?: number; kind?: string; dryRun?: boolean };

export function importCommand(): Command {
  return new Command('import')
    .description('import one administration from Loket into Yuki now, showing progress per kind')
    .requiredOption('--administration <id>', 'the administration (its id in loket-yuki)', parseId)
    .option(
      '--period <period>',
      'only this payroll period, e.g. 2026-10 (default: the look-back window)',
      parsePeriod,
    )
    .addOption(new Option('--kind <kind>', 'only this kind').choices(Object.values(KIND_NAMES)))
    .option('--dry-run', 'show what would be imported and post nothing')
    .addHelpText('after', EMBEDDED_NOTE)
    .action(async (options: ImportOptions) => {
      let environment: Environment;
      try {
        const config = loadCliConfig();
        environment = await openEnvironment(config, createLogger('warn'), {
          supervise: false,
          role: 'import',
        });
      } catch (error) {
        process.exitCode = reportStartupError(error);
        return;
      }
      try {
        process.exitCode = await runImport(environment, options);
      } catch (error) {
        console.error('loket-yuki: the import stopped:', error instanceof Error ? error.message : error);
        process.exitCode = 1;
      } finally {
        await environment.close();
      }
    });
}

/** Answers the exit code: 1 when the plan or any item failed. */
async function runImport(environment: Environment, options: ImportOptions): Promise<number> {
  const db = environment.database.db;
  const [administration] = await db
    .select({
      id: administrations.id,
      name: administrations.name,
      portalId: administrations.portalId,
      domainId: administrations.domainId,
    })
    .from(administrations)
    .where(eq(administrations.id, options.administration));
  if (!administration) {
    console.error(`loket-yuki: there is no administration ${options.administration}`);
    return 1;
  }
  const kind = options.kind === undefined ? undefined : KINDS_BY_NAME.get(options.kind);
  const audit = (outcome: 'ok' | 'failed', details: Record<string, unknown>) =>
    recordAudit(db, {
      actorLabel: 'cli',
      portalId: administration.portalId,
      domainId: administration.domainId,
      administrationId: administration.id,
      action: 'import.cli',
      targetType: 'administration',
      targetId: administration.id,
      outcome,
      details: {
        dryRun: options.dryRun ?? false,
        period: options.period ?? null,
        kind: kind ?? null,
        ...details,
      },
    });

  const env = environment.importEnvironment;
  let planned: PlannedRun;
  try {
    planned = await planImportRun(env, {
      administrationId: administration.id,
      // A named period may lie outside the look-back window or before the first period: a backfill.
      trigger: options.period === undefined ? 'manual' : 'backfill',
      requestedLabel: 'cli',
      ...(kind ? { kinds: [kind] } : {}),
      ...(options.period === undefined ? {} : { fromPeriodId: options.period, toPeriodId: options.period }),
      dryRun: options.dryRun ?? false,
    });
  } catch (error) {
    if (!isAppError(error)) throw error;
    console.error(
      `loket-yuki: ${administration.name} could not be planned:\n  ${error.text.nl}\n  ${error.text.en}`,
    );
    await audit('failed', { errorCode: error.code });
    return 1;
  }
  console.log(
    `${administration.name}${options.dryRun ? ' (dry run, nothing posted)' : ''}:\n${planned.summary}`,
  );
  if (options.dryRun) {
    await audit('ok', { runId: planned.runId, summary: planned.summary });
    return 0;
  }

  const items =
    planned.itemIds.length === 0
      ? []
      : await db
          .select({ id: importItems.id, kind: importItems.kind })
          .from(importItems)
          .where(inArray(importItems.id, planned.itemIds));
  const kindOf = new Map(items.map((item) => [item.id, item.kind]));
  const progress = createProgress(
    process.stderr,
    (Object.keys(KIND_NAMES) as ImportKind[])
      .map((k): [string, number] => [KIND_NAMES[k], items.filter((item) => item.kind === k).length])
      .filter(([, total]) => total > 0),
  );
  const counts = { posted: 0, failed: 0, waiting: 0, busy: 0 };
  for (const itemId of planned.itemIds) {
    const outcome = await importItem(env, itemId);
    // "Check in Yuki" needs a person, like a failure: the exit code says so.
    const result =
      outcome.outcome === 'failed' || outcome.outcome === 'needs_check'
        ? 'failed'
        : outcome.outcome === 'waiting_quota'
          ? 'waiting'
          : 'done';
    if (outcome.outcome === 'busy') counts.busy += 1;
    else if (result === 'done') counts.posted += 1;
    else counts[result] += 1;
    const itemKind = kindOf.get(itemId);
    if (itemKind) progress.advance(KIND_NAMES[itemKind], result);
  }
  if (planned.itemIds.length > 0) await finishRunIfComplete(db, planned.runId);

  await printFailures(environment, planned.runId);
  console.log(
    `loket-yuki: ${counts.posted} posted, ${counts.failed} failed, ${counts.waiting} waiting for Yuki quota` +
      (counts.busy > 0 ? `, ${counts.busy} being posted by another process` : ''),
  );
  if (counts.waiting > 0)
    console.log("Yuki's daily limit is spent; the service posts the waiting items after it resets.");
  await audit(counts.failed > 0 ? 'failed' : 'ok', { runId: planned.runId, ...counts });
  return counts.failed > 0 ? 1 : 0;
}

/** Each failed item with the text from Loket or Yuki, which says what to do about it. */
async function printFailures(environment: Environment, runId: string): Promise<void> {
  const failed = await environment.database.db
    .select({
      subject: importItems.subject,
      errorNl: importItems.errorNl,
      errorEn: importItems.errorEn,
      errorDetail: importItems.errorDetail,
    })
    .from(importItems)
    .where(and(eq(importItems.lastRunId, runId), inArray(importItems.state, ['failed', 'needs_check'])));
  for (const item of failed) {
    console.error(`\nFailed: ${item.subject}`);
    for (const text of [item.errorNl, item.errorEn, item.errorDetail]) if (text) console.error(`  ${text}`);
  }
}
