/**
 * @module loket/process-status
 * The provider-wide view of payroll progress: GET /providers/{providerId}/payrollprocessstatus
 * [GetPayrollProcessStatusByProviderId] lists, for every payroll administration of the provider the user
 * reaches, the payroll process status of one period, in one paged call (loket-openapi.json:
 * `payrollPeriodId` int32 query parameter, required; `pageNumber`/`pageSize` default 1/250; Accept
 * `application/json;version=2018-01-01`; item `id` uuid, `clientNumber` int32,
 * `payrollPeriod.payrollPeriodId` int32, `payrollPeriod.payrollProcess.status.key` int32).
 */
import { z } from 'zod';
import { guidSchema } from '../core/guid.ts';
import type { LoketConnection } from './connection.ts';

/**
 * `payrollPeriod.payrollProcess.status.key` as the spec lists it: 0 invalid, 1 not started, 2 queued,
 * 3 waiting for approval, 4 incorrect with an approved preceding run, 5 incorrect, 6 approved, 7 no
 * results, 8 no results with an approved preceding run.
 */
export const PAYROLL_PROCESS_STATUS = {
  invalid: 0,
  notStarted: 1,
  queued: 2,
  waitingForApproval: 3,
  incorrectAfterApproved: 4,
  incorrect: 5,
  approved: 6,
  noResults: 7,
  noResultsAfterApproved: 8,
} as const;

/** Only what the poll relies on is required; the spec marks none of the fields `required`. */
export const payrollProcessStatusSchema = z
  .object({
    id: guidSchema,
    clientNumber: z.number().int().nullish(),
    payrollPeriod: z.object({
      payrollPeriodId: z.number().int(),
      payrollProcess: z.object({ status: z.object({ key: z.number().int() }) }),
    }),
  })
  .transform((item) => ({
    payrollAdministrationId: item.id,
    clientNumber: item.clientNumber ?? null,
    payrollPeriodId: item.payrollPeriod.payrollPeriodId,
    status: item.payrollPeriod.payrollProcess.status.key,
  }));
export type LoketPayrollProcessStatus = z.output<typeof payrollProcessStatusSchema>;

/** Every administration's status in period `payrollPeriodId` (YYYYPP), all pages. */
export function listPayrollProcessStatuses(
  connection: LoketConnection,
  providerId: string,
  payrollPeriodId: number,
): AsyncGenerator<LoketPayrollProcessStatus> {
  return connection.list(`/providers/${providerId}/payrollprocessstatus`, payrollProcessStatusSchema, {
    activity: 'GetPayrollProcessStatusByProviderId',
    subject: `de verloningsstatus van periode ${payrollPeriodId}`,
    query: { payrollPeriodId },
  });
}
