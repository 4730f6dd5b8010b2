/**
 * @module loket/payslips
 * An employment's payslips: the list (one entry per approved run), the result behind one as JSON,
 * and the payslip PDF as a size-capped stream.
 */
import type { LoketConnection } from './connection.ts';
import type { LoketDownload } from './download.ts';
import { toPayrollResult } from './payroll-results.ts';
import type { LoketPayrollResult } from './payroll-results.ts';
import { detailEnvelopeSchema, payrollResultSchema, payslipListingSchema } from './schemas.ts';

export type LoketPayslipListing = {
  payrollRunId: string;
  year: number;
  periodNumber: number | null;
  startDate: string;
  endDate: string;
  testYear: boolean;
  approvalTime: string | null;
  numberOfPayslips: number;
};

const employmentPath = (employmentId: string) =>
  `/providers/employers/employees/employments/${employmentId}/payslips`;

export async function* listPayslips(
  connection: LoketConnection,
  employmentId: string,
): AsyncGenerator<LoketPayslipListing> {
  const listings = connection.list(employmentPath(employmentId), payslipListingSchema, {
    activity: 'GetPayslipsByEmploymentId',
    subject: `dienstverband ${employmentId}`,
  });
  for await (const listing of listings) {
    yield {
      payrollRunId: listing.payrollrunId,
      year: listing.payrollPeriod.year,
      periodNumber: listing.payrollPeriod.periodNumber ?? null,
      startDate: listing.payrollPeriod.periodStartDate,
      endDate: listing.payrollPeriod.periodEndDate,
      testYear: listing.payrollPeriod.testYear,
      approvalTime: listing.approvalTime ?? null,
      numberOfPayslips: listing.numberOfPayslips,
    };
  }
}

export async function getPayslipResult(
  connection: LoketConnection,
  employmentId: string,
  payrollRunId: string,
): Promise<LoketPayrollResult> {
  const envelope = await connection.getJson(
    `${employmentPath(employmentId)}/${payrollRunId}`,
    detailEnvelopeSchema(payrollResultSchema),
    {
      activity: 'GetPayslipsByEmploymentIdAndPayrollRunId',
      subject: `loonstrook van dienstverband ${employmentId} in loonrun ${payrollRunId}`,
    },
  );
  return toPayrollResult(envelope.content);
}

/** The payslip PDF; read or cancel the stream, as it holds one of the connection's slots. */
export function downloadPayslipPdf(
  connection: LoketConnection,
  employmentId: string,
  payrollRunId: string,
  options: { maxBytes?: number } = {},
): Promise<LoketDownload> {
  return connection.download(`${employmentPath(employmentId)}/${payrollRunId}`, 'application/pdf', {
    activity: 'GetPayslipsByEmploymentIdAndPayrollRunId',
    subject: `loonstrook van dienstverband ${employmentId} in loonrun ${payrollRunId}`,
    maxBytes: options.maxBytes,
  });
}
