/**
 * @module loket/payroll-runs
 * Payroll periods and runs of an administration, one run, and the run's results per employment.
 */
import type { LoketConnection } from './connection.ts';
import { toPayrollResult } from './payroll-results.ts';
import type { LoketPayrollResult } from './payroll-results.ts';
import type { z } from 'zod';
import {
  detailEnvelopeSchema,
  payrollPeriodSchema,
  payrollResultSchema,
  payrollRunSchema,
} from './schemas.ts';

/** payrollRunStatus keys; only approved runs (9) carry payslips. */
export const PAYROLL_RUN_STATUS = { readyToRun: 0, awaitingApproval: 1, cancelled: 6, approved: 9 } as const;

export type LoketPayrollRun = {
  id: string;
  year: number;
  periodNumber: number;
  status: number;
  statusText: string;
  sequenceNumber: number | null;
  sequenceNumberApproved: number | null;
  approvalTime: string | null;
};

function toPayrollRun(run: z.output<typeof payrollRunSchema>): LoketPayrollRun {
  return {
    id: run.id,
    year: run.payrollPeriod.year,
    periodNumber: run.payrollPeriod.periodNumber,
    status: run.payrollRunStatus.key,
    statusText: run.payrollRunStatus.value,
    sequenceNumber: run.sequenceNumber ?? null,
    sequenceNumberApproved: run.sequenceNumberApproved ?? null,
    approvalTime: run.approvalTime ?? null,
  };
}

export async function* listPayrollRuns(
  connection: LoketConnection,
  payrollAdministrationId: string,
  options: { filter?: string } = {},
): AsyncGenerator<LoketPayrollRun> {
  const runs = connection.list(
    `/providers/employers/payrolladministrations/${payrollAdministrationId}/payrollruns`,
    payrollRunSchema,
    {
      activity: 'GetPayrollRunsByPayrollAdministrationId',
      subject: `loonadministratie ${payrollAdministrationId}`,
      query: { filter: options.filter },
    },
  );
  for await (const run of runs) yield toPayrollRun(run);
}

/** Approved runs only (status 9), filtered by Loket. */
export function listApprovedPayrollRuns(
  connection: LoketConnection,
  payrollAdministrationId: string,
): AsyncGenerator<LoketPayrollRun> {
  return listPayrollRuns(connection, payrollAdministrationId, {
    filter: `payrollRunStatus.key eq ${PAYROLL_RUN_STATUS.approved}`,
  });
}

export async function getPayrollRun(
  connection: LoketConnection,
  payrollRunId: string,
): Promise<LoketPayrollRun> {
  const envelope = await connection.getJson(
    `/providers/employers/payrolladministrations/payrollruns/${payrollRunId}`,
    detailEnvelopeSchema(payrollRunSchema),
    {
      activity: 'GetPayrollRunByPayrollRunId',
      subject: `loonrun ${payrollRunId}`,
    },
  );
  return toPayrollRun(envelope.content);
}

/** The results of every employment in a run, paged through as the caller iterates. */
export async function* listPayrollRunResults(
  connection: LoketConnection,
  payrollRunId: string,
  options: { pageSize?: number } = {},
): AsyncGenerator<LoketPayrollResult> {
  const results = connection.list(
    `/providers/employers/payrolladministrations/payrollruns/${payrollRunId}/results`,
    payrollResultSchema,
    {
      activity: 'GetPayrollRunResultsByPayrollRunId',
      subject: `loonrun ${payrollRunId}`,
      pageSize: options.pageSize,
    },
  );
  for await (const result of results) yield toPayrollResult(result);
}

export type LoketPayrollPeriod = {
  /** YYYYPP */
  id: number;
  year: number;
  periodNumber: number;
  startDate: string;
  endDate: string;
  /** Loket's `testYear`: the period's year is a test year. */
  testYear: boolean;
  payrollRunIds: string[];
};

/** The administration's periods with their dates: 4-weekly and weekly periods do not follow months. */
export async function* listPayrollPeriods(
  connection: LoketConnection,
  payrollAdministrationId: string,
): AsyncGenerator<LoketPayrollPeriod> {
  const periods = connection.list(
    `/providers/employers/payrolladministrations/${payrollAdministrationId}/payrollperiods`,
    payrollPeriodSchema,
    {
      activity: 'GetPayrollPeriodsByPayrollAdministrationId',
      subject: `loonadministratie ${payrollAdministrationId}`,
    },
  );
  for await (const period of periods) {
    yield {
      id: period.id,
      year: period.year,
      periodNumber: period.periodNumber,
      startDate: period.startDate,
      endDate: period.endDate,
      testYear: period.testYear,
      payrollRunIds: period.payrollRuns.map((run) => run.id),
    };
  }
}
