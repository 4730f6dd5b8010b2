/**
 * @module jobs/retention
 * Personal data is kept no longer than needed: audit events and import history past their retention
 * (default 7 years, the Dutch fiscal duty for records of bookings), refusal counts and the mail outbox
 * past theirs (default 90 days); payroll process statuses the freshness poll has not seen for over a
 * year (it never reads them again). Run by the hourly housekeeping job.
 */
import { and, inArray, lt, sql } from 'drizzle-orm';
import type { Database } from '../store/database.ts';
import {
  auditEvents,
  importItems,
  importRuns,
  loketProcessStatuses,
  mailOutbox,
  refusalCounts,
} from '../store/schema/index.ts';

export type Retention = { importHistoryYears: number; auditYears: number; requestLogDays: number };

export type RetentionReport = {
  auditEvents: number;
  importRuns: number;
  importItems: number;
  refusalCounts: number;
  mails: number;
  processStatuses: number;
};

/** The defaults of the RETENTION_* settings. */
export const DEFAULT_RETENTION: Retention = { importHistoryYears: 7, auditYears: 7, requestLogDays: 90 };

const DAY_MS = 24 * 60 * 60 * 1000;
/** The freshness poll reads a year of periods back (sync/freshness-poll): a status unseen this long is never read. */
const PROCESS_STATUS_DAYS = 400;

function yearsBefore(now: Date, years: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  return cutoff;
}

/** Items that will not change again; planned or in-flight work is never removed, however old. */
const SETTLED = ['posted', 'skipped', 'failed'] as const;

export async function applyRetention(
  db: Database,
  retention: Retention,
  now = new Date(),
): Promise<RetentionReport> {
  const auditCutoff = yearsBefore(now, retention.auditYears);
  const historyCutoff = yearsBefore(now, retention.importHistoryYears);
  const logCutoff = new Date(now.getTime() - retention.requestLogDays * DAY_MS);
  const audit = await db.transaction(async (tx) => {
    // The append-only trigger lets housekeeping delete only rows older than the cutoff it names here.
    await tx.execute(
      sql`select set_config('loket_yuki.audit_retention', ${auditCutoff.toISOString()}, true)`,
    );
    return tx.delete(auditEvents).where(lt(auditEvents.at, auditCutoff)).returning({ id: auditEvents.id });
  });
  const items = await db
    .delete(importItems)
    .where(and(lt(importItems.updatedAt, historyCutoff), inArray(importItems.state, [...SETTLED])))
    .returning({ id: importItems.id });
  const runs = await db
    .delete(importRuns)
    .where(lt(importRuns.startedAt, historyCutoff))
    .returning({ id: importRuns.id });
  const refusals = await db
    .delete(refusalCounts)
    .where(lt(refusalCounts.hour, logCutoff))
    .returning({ id: refusalCounts.id });
  const mails = await db
    .delete(mailOutbox)
    .where(lt(mailOutbox.createdAt, logCutoff))
    .returning({ id: mailOutbox.id });
  const statuses = await db
    .delete(loketProcessStatuses)
    .where(lt(loketProcessStatuses.seenAt, new Date(now.getTime() - PROCESS_STATUS_DAYS * DAY_MS)))
    .returning({ period: loketProcessStatuses.payrollPeriodId });
  return {
    auditEvents: audit.length,
    importRuns: runs.length,
    importItems: items.length,
    refusalCounts: refusals.length,
    mails: mails.length,
    processStatuses: statuses.length,
  };
}
