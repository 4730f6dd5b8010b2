/**
 * @module cli/status-command
 * `loket-yuki status`: administrations × recent periods × kinds, with the items per state, for an
 * operator who wants to see at a glance what reached Yuki and what needs attention; then, per domain,
 * the work that waits for Yuki's daily quota and when it goes on.
 */
import { Command } from 'commander';
import { asc, eq } from 'drizzle-orm';
import { lookbackWindow, periodId } from '../core/periods.ts';
import { loadCliConfig } from './cli-config.ts';
import { createLogger } from '../platform/logger.ts';
import { openEnvironment } from '../main/environment.ts';
import { domains } from '../store/schema/index.ts';
import { quotaWaiting } from '../sync/quota-waiting.ts';
import { importStatus } from '../sync/status.ts';
import { EMBEDDED_NOTE, parseId, parsePeriod } from './cli-arguments.ts';
import { reportStartupError } from '../main/startup-error.ts';
import { formatQuotaWaiting, formatStatusTable } from './status-table.ts';

/** The current month and the two before it: the periods people still act on. */
function recentPeriods(today: Date): number {
  return periodId(lookbackWindow('month', today.toISOString().slice(0, 10), 2).from);
}

export function statusCommand(): Command {
  return new Command('status')
    .description('print the imports per administration, recent period and kind')
    .option('--portal <id>', 'only the administrations of this portal', parseId)
    .option(
      '--from <period>',
      'from this period on, e.g. 2026-08 (default: the last three months)',
      parsePeriod,
    )
    .addHelpText('after', EMBEDDED_NOTE)
    .action(async (options: { portal?: string; from?: number }) => {
      try {
        const config = loadCliConfig();
        const environment = await openEnvironment(config, createLogger('warn'), {
          supervise: false,
          role: 'status',
        });
        try {
          const statuses = await importStatus(environment.database.db, {
            ...(options.portal ? { portalId: options.portal } : {}),
            fromPeriodId: options.from ?? recentPeriods(new Date()),
          });
          console.log(formatStatusTable(statuses));
          const db = environment.database.db;
          const rows = await db
            .select({ id: domains.id, name: domains.name })
            .from(domains)
            .where(options.portal ? eq(domains.portalId, options.portal) : undefined)
            .orderBy(asc(domains.name));
          const quota = [];
          for (const row of rows) quota.push({ name: row.name, waiting: await quotaWaiting(db, row.id) });
          const waiting = formatQuotaWaiting(quota);
          if (waiting.length > 0) console.log(['', ...waiting].join('\n'));
        } finally {
          await environment.close();
        }
      } catch (error) {
        process.exitCode = reportStartupError(error);
      }
    });
}
