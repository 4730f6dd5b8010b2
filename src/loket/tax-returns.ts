/**
 * @module loket/tax-returns
 * Payroll tax returns (loonaangiften) with their amounts in cents, and the overview PDF.
 */
import type { z } from 'zod';
import { centsFromEuros } from '../core/money.ts';
import type { Cents } from '../core/money.ts';
import type { LoketConnection } from './connection.ts';
import type { LoketDownload } from './download.ts';
import { detailEnvelopeSchema, payrollTaxReturnSchema } from './schemas.ts';

/** payrollTaxReturnStatus keys: 5 confirmed and 6 sent are final; 4 cancelled. */
export const TAX_RETURN_STATUS = { requested: 1, created: 3, cancelled: 4, confirmed: 5, sent: 6 } as const;

export type LoketPayrollTaxReturn = {
  id: string;
  sequenceNumber: number;
  status: number;
  statusText: string;
  typeText: string;
  year: number;
  periodNumber: number | null;
  periodStartDate: string;
  periodEndDate: string;
  wageTaxNumber: string;
  messageReference: string;
  /** The betalingskenmerk. */
  paymentReference: string;
  iban: string;
  inTheNameOf: string;
  periodAmount: Cents;
  correctionAmount: Cents;
  totalAmount: Cents;
  deadlineForPayment: string;
  isCorrectionMessagePriorYear: boolean;
};

function toTaxReturn(taxReturn: z.output<typeof payrollTaxReturnSchema>): LoketPayrollTaxReturn {
  return {
    id: taxReturn.id,
    sequenceNumber: taxReturn.sequenceNumber,
    status: taxReturn.payrollTaxReturnStatus.key,
    statusText: taxReturn.payrollTaxReturnStatus.value,
    typeText: taxReturn.payrollTaxReturnType.value,
    year: taxReturn.period.year,
    periodNumber: taxReturn.period.periodNumber ?? null,
    periodStartDate: taxReturn.period.periodStartDate,
    periodEndDate: taxReturn.period.periodEndDate,
    wageTaxNumber: taxReturn.wageTaxNumber,
    messageReference: taxReturn.messageReference,
    paymentReference: taxReturn.paymentReference,
    iban: taxReturn.iban,
    inTheNameOf: taxReturn.inTheNameOf,
    periodAmount: centsFromEuros(taxReturn.periodAmount),
    correctionAmount: centsFromEuros(taxReturn.correctionAmount),
    totalAmount: centsFromEuros(taxReturn.totalAmount),
    deadlineForPayment: taxReturn.deadlineForPayment,
    isCorrectionMessagePriorYear: taxReturn.isCorrectionMessagePriorYear,
  };
}

const returnPath = (taxReturnId: string) =>
  `/providers/employers/payrolladministrations/payrolltaxreturns/${taxReturnId}`;

export async function* listPayrollTaxReturns(
  connection: LoketConnection,
  payrollAdministrationId: string,
  options: { filter?: string } = {},
): AsyncGenerator<LoketPayrollTaxReturn> {
  const returns = connection.list(
    `/providers/employers/payrolladministrations/${payrollAdministrationId}/payrolltaxreturns`,
    payrollTaxReturnSchema,
    {
      activity: 'GetPayrollTaxReturnsByPayrollAdministrationId',
      subject: `loonadministratie ${payrollAdministrationId}`,
      query: { filter: options.filter },
    },
  );
  for await (const taxReturn of returns) yield toTaxReturn(taxReturn);
}

export async function getPayrollTaxReturn(
  connection: LoketConnection,
  taxReturnId: string,
): Promise<LoketPayrollTaxReturn> {
  const envelope = await connection.getJson(
    returnPath(taxReturnId),
    detailEnvelopeSchema(payrollTaxReturnSchema),
    {
      activity: 'GetPayrollTaxReturnByPayrollTaxReturnId',
      subject: `loonaangifte ${taxReturnId}`,
    },
  );
  return toTaxReturn(envelope.content);
}

/** The overview PDF of a tax return; read or cancel the stream. */
export function downloadTaxReturnOverview(
  connection: LoketConnection,
  taxReturnId: string,
  options: { maxBytes?: number } = {},
): Promise<LoketDownload> {
  return connection.download(`${returnPath(taxReturnId)}/overview`, 'application/pdf', {
    activity: 'GetOverviewByPayrollTaxReturnId',
    subject: `loonaangifte ${taxReturnId}`,
    maxBytes: options.maxBytes,
  });
}
