/**
 * @module loket/journal-runs
 * Journal runs, their lines in cents, and telling Loket the outcome of our import (PATCH
 * MarkAsProcessed / MarkAsProcessingFailed) so payroll staff see it in Loket.
 */
import type { z } from 'zod';
import type { Cents } from '../core/money.ts';
import { loketCents, loketTotal } from './amounts.ts';
import type { LoketConnection } from './connection.ts';
import { detailEnvelopeSchema, journalLineSchema, journalRunSchema } from './schemas.ts';

/** journalRunStatus keys: lines exist from 4; 7 means exported (by us or another application). */
export const JOURNAL_RUN_STATUS = { readyToRun: 0, ready: 4, exportFailed: 6, exported: 7 } as const;

export type LoketJournalRun = {
  id: string;
  sequenceNumber: number;
  status: number;
  statusText: string;
  payrollRunId: string;
  year: number;
  periodNumber: number | null;
  periodStartDate: string;
  periodEndDate: string;
  /** Loket's `payrollRun.payrollPeriod.testYear`: test data, never to be booked. */
  testYear: boolean;
};

export type LoketJournalLine = {
  glAccountCode: string;
  glAccountDescription: string;
  costCenterCode: string | null;
  costCenterDescription: string | null;
  costUnitCode: string | null;
  payrollComponentKey: number | null;
  payrollComponentDescription: string | null;
  debit: Cents;
  credit: Cents;
};

function toJournalRun(run: z.output<typeof journalRunSchema>): LoketJournalRun {
  return {
    id: run.id,
    sequenceNumber: run.sequenceNumber,
    status: run.journalRunStatus.key,
    statusText: run.journalRunStatus.value,
    payrollRunId: run.payrollRun.payrollRunId,
    year: run.payrollRun.payrollPeriod.year,
    periodNumber: run.payrollRun.payrollPeriod.periodNumber ?? null,
    periodStartDate: run.payrollRun.payrollPeriod.periodStartDate,
    periodEndDate: run.payrollRun.payrollPeriod.periodEndDate,
    testYear: run.payrollRun.payrollPeriod.testYear,
  };
}

const runPath = (journalRunId: string) =>
  `/providers/employers/payrolladministrations/journalruns/${journalRunId}`;

export async function* listJournalRuns(
  connection: LoketConnection,
  payrollAdministrationId: string,
  options: { filter?: string } = {},
): AsyncGenerator<LoketJournalRun> {
  const runs = connection.list(
    `/providers/employers/payrolladministrations/${payrollAdministrationId}/journalruns`,
    journalRunSchema,
    {
      activity: 'GetJournalRunsByPayrollAdministrationId',
      subject: `loonadministratie ${payrollAdministrationId}`,
      query: { filter: options.filter },
    },
  );
  for await (const run of runs) yield toJournalRun(run);
}

export async function getJournalRun(
  connection: LoketConnection,
  journalRunId: string,
): Promise<LoketJournalRun> {
  const envelope = await connection.getJson(runPath(journalRunId), detailEnvelopeSchema(journalRunSchema), {
    activity: 'GetJournalRunByJournalRunId',
    subject: `journaalrun ${journalRunId}`,
  });
  return toJournalRun(envelope.content);
}

/** All lines of a journal run (status 4 or later), amounts in cents; an absurd amount or total is refused. */
export async function listJournalLines(
  connection: LoketConnection,
  journalRunId: string,
): Promise<LoketJournalLine[]> {
  const lines: LoketJournalLine[] = [];
  const items = connection.list(`${runPath(journalRunId)}/results`, journalLineSchema, {
    activity: 'GetJournalRunResultsByJournalRunId',
    subject: `journaalrun ${journalRunId}`,
  });
  for await (const line of items) {
    lines.push({
      glAccountCode: line.generalLedgerAccount.code,
      glAccountDescription: line.generalLedgerAccount.description,
      costCenterCode: line.costCenter?.code ?? null,
      costCenterDescription: line.costCenter?.description ?? null,
      costUnitCode: line.costUnit?.code ?? null,
      payrollComponentKey: line.payrollComponent?.key ?? null,
      payrollComponentDescription: line.payrollComponent?.description ?? null,
      debit: loketCents(
        line.debetAmount,
        `debetAmount (journal run ${journalRunId}, ${line.generalLedgerAccount.code})`,
      ),
      credit: loketCents(
        line.creditAmount,
        `creditAmount (journal run ${journalRunId}, ${line.generalLedgerAccount.code})`,
      ),
    });
  }
  loketTotal(
    lines.map((line) => line.debit),
    `debetAmount total (journal run ${journalRunId})`,
  );
  loketTotal(
    lines.map((line) => line.credit),
    `creditAmount total (journal run ${journalRunId})`,
  );
  return lines;
}

export type MarkJournalRunOptions = {
  /** Loket's key for the bookkeeping application that processed the run. */
  applicationKey?: number;
  /** Shown to the Loket user; Loket allows 255 characters. */
  message?: string;
};

/**
 * PATCH PatchJournalRunByJournalRunId. The spec's 200 answer has `content: {type: object}`, untyped: any
 * 2xx means Loket took the mark, and nothing is read from the answer.
 */
async function markJournalRun(
  connection: LoketConnection,
  journalRunId: string,
  action: 'MarkAsProcessed' | 'MarkAsProcessingFailed',
  options: MarkJournalRunOptions,
): Promise<void> {
  const body = {
    action,
    ...(options.applicationKey === undefined ? {} : { application: { key: options.applicationKey } }),
    ...(options.message === undefined ? {} : { message: options.message.slice(0, 255) }),
  };
  await connection.patch(runPath(journalRunId), body, {
    activity: 'PatchJournalRunByJournalRunId',
    subject: `journaalrun ${journalRunId}`,
  });
}

/** Tells Loket the run was imported into the books (status becomes 7). */
export function markJournalRunProcessed(
  connection: LoketConnection,
  journalRunId: string,
  options: MarkJournalRunOptions = {},
): Promise<void> {
  return markJournalRun(connection, journalRunId, 'MarkAsProcessed', options);
}

/** Tells Loket the import failed and why (status becomes 6). */
export function markJournalRunFailed(
  connection: LoketConnection,
  journalRunId: string,
  message: string,
  options: Omit<MarkJournalRunOptions, 'message'> = {},
): Promise<void> {
  return markJournalRun(connection, journalRunId, 'MarkAsProcessingFailed', { ...options, message });
}
