/**
 * @module loket/tax-returns
 * Payroll tax returns (loonaangiften) with their amounts in cents, and the overview PDF.
 */
import type { z } from 'zod';
import type { Cents } from '../core/money.ts';
import { LoketAmountRefusedError, loketCents } from './amounts.ts';
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

type Amounts = 'periodAmount' | 'correctionAmount' | 'totalAmount';

/** A tax return whose amounts Loket sent unusable: everything else, and the refusal. */
export type LoketRefusedTaxReturn = Omit<LoketPayrollTaxReturn, Amounts> & {
  amountRefusal: LoketAmountRefusedError;
};

function toTaxReturn(taxReturn: z.output<typeof payrollTaxReturnSchema>): LoketPayrollTaxReturn {
  const where = (field: Amounts) => `${field} (payroll tax return ${taxReturn.id})`;
  return {
    ...withoutAmounts(taxReturn),
    periodAmount: loketCents(taxReturn.periodAmount, where('periodAmount')),
    correctionAmount: loketCents(taxReturn.correctionAmount, where('correctionAmount')),
    totalAmount: loketCents(taxReturn.totalAmount, where('totalAmount')),
  };
}

/** The tax return, or — when an amount is unusable — all but its amounts with the refusal. */
function toTaxReturnOrRefusal(
  taxReturn: z.output<typeof payrollTaxReturnSchema>,
): LoketPayrollTaxReturn | LoketRefusedTaxReturn {
  try {
    return toTaxReturn(taxReturn);
  } catch (error) {
    if (!(error instanceof LoketAmountRefusedError)) throw error;
    return { ...withoutAmounts(taxReturn), amountRefusal: error };
  }
}

function withoutAmounts(
  taxReturn: z.output<typeof payrollTaxReturnSchema>,
): Omit<LoketPayrollTaxReturn, Amounts> {
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
  for await (const taxReturn of rawTaxReturns(connection, payrollAdministrationId, options))
    yield toTaxReturn(taxReturn);
}

/** As listPayrollTaxReturns, but one return's unusable amount refuses only that return. */
export async function* listPayrollTaxReturnsOrRefusals(
  connection: LoketConnection,
  payrollAdministrationId: string,
  options: { filter?: string } = {},
): AsyncGenerator<LoketPayrollTaxReturn | LoketRefusedTaxReturn> {
  for await (const taxReturn of rawTaxReturns(connection, payrollAdministrationId, options))
    yield toTaxReturnOrRefusal(taxReturn);
}

function rawTaxReturns(
  connection: LoketConnection,
  payrollAdministrationId: string,
  options: { filter?: string },
) {
  return connection.list(
    `/providers/employers/payrolladministrations/${payrollAdministrationId}/payrolltaxreturns`,
    payrollTaxReturnSchema,
    {
      activity: 'GetPayrollTaxReturnsByPayrollAdministrationId',
      subject: `loonadministratie ${payrollAdministrationId}`,
      query: { filter: options.filter },
    },
  );
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
