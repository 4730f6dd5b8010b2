/**
 * @module loket/schemas
 * zod schemas for the parts of Loket's JSON that loket-yuki reads. Unknown fields are dropped, so
 * Loket may add fields freely; a missing or mistyped field we rely on is an unexpected response.
 */
import { z } from 'zod';
import { guidSchema } from '../core/guid.ts';

/** Loket sends `format: date` fields as "2024-03-31" or as a full timestamp; we keep the date. */
export const loketDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}/, 'expected an ISO date')
  .transform((value) => value.slice(0, 10));

const metadata = z.object({ key: z.number().int(), value: z.string() });

export function listEnvelopeSchema<T extends z.ZodType>(item: T) {
  return z.object({
    totalSize: z.number().int().min(0),
    pageSize: z.number().int().min(0),
    totalPages: z.number().int().min(0),
    currentPage: z.number().int().min(0),
    _embedded: z
      .array(item)
      .nullish()
      .transform((items) => items ?? []),
  });
}

/**
 * The envelope's `version` block (loket-openapi.json: `version.resourceVersion` format date,
 * `version.obsoleteDate` format date, nullable): when the resource version we got stops being served.
 */
export const versionBlockSchema = z.object({
  version: z.object({ resourceVersion: z.string(), obsoleteDate: loketDate.nullish() }),
});

export function detailEnvelopeSchema<T extends z.ZodType>(content: T) {
  return z.object({ content });
}

export type ListEnvelope<T> = {
  totalSize: number;
  pageSize: number;
  totalPages: number;
  currentPage: number;
  _embedded: T[];
};

export const loketMessageSchema = z.object({
  code: z.number().nullish(),
  type: z.string().nullish(),
  description: z.string().nullish(),
});
export const errorBodySchema = z.object({
  message: z.string().optional(),
  messages: z.array(loketMessageSchema).optional(),
});

export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number().int().positive(),
  refresh_token: z.string().min(1),
});

export const oauthErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

export const employerSchema = z.object({
  id: guidSchema,
  employerNumber: z.number().int(),
  companyName: z.string(),
  /** GetEmployersByUserId `_embedded[].chamberOfCommerceNumber` (KvK), nullable in the spec. */
  chamberOfCommerceNumber: z.string().nullish(),
});

export const payrollAdministrationSchema = z.object({
  id: guidSchema,
  name: z.string(),
  clientNumber: z.number().int(),
  payrollTaxesNumber: z.string().nullish(),
  payrollPeriodType: metadata,
});

/** 2018-01-01 lists `{name}`, 2019-02-11 lists `{id, description}`; both name the activity. */
export const authorizationSchema = z.union([
  z.object({ description: z.string() }).transform((item) => item.description),
  z.object({ name: z.string() }).transform((item) => item.name),
]);

export const employmentSchema = z.object({
  id: guidSchema,
  employee: z.object({ id: guidSchema, employeeNumber: z.number().int(), formattedName: z.string() }),
  payrollAdministration: z.object({ id: guidSchema }).nullish(),
  startDate: loketDate,
  endDate: loketDate.nullish(),
});

/**
 * `testYear` (GetPayrollPeriodsByPayrollAdministrationId, `_embedded[].testYear`, boolean, not nullable):
 * "Indicates whether the payroll year is a test year … the results of the run should not be regarded as
 * actual data but as test data." Not nullable; absent reads as false (the spec lists no required fields).
 */
export const payrollPeriodSchema = z.object({
  id: z.number().int(),
  year: z.number().int(),
  periodNumber: z.number().int(),
  startDate: loketDate,
  endDate: loketDate,
  testYear: z.boolean().default(false),
  payrollRuns: z
    .array(z.object({ id: guidSchema }))
    .nullish()
    .transform((runs) => runs ?? []),
});

export const payrollRunSchema = z.object({
  id: guidSchema,
  payrollPeriod: z.object({ year: z.number().int(), periodNumber: z.number().int() }),
  payrollRunStatus: metadata,
  sequenceNumber: z.number().int().nullish(),
  sequenceNumberApproved: z.number().int().nullish(),
  approvalTime: z.string().nullish(),
});

/**
 * `payrollPeriod.testYear` (boolean, not nullable) on payslips (GetPayslipsByEmploymentId[AndPayrollRunId]),
 * payroll run results (GetPayrollRunResultsByPayrollRunId) and journal runs
 * (GetJournalRunsByPayrollAdministrationId, GetJournalRunByJournalRunId, `payrollRun.payrollPeriod`):
 * "if the payroll run belongs to a test year the results of the run should not be regarded as actual
 * data but as test data". The spec marks it not nullable but lists no required fields: null is refused,
 * absent reads as Loket's documented default, false.
 */
const periodWithDates = z.object({
  year: z.number().int(),
  periodNumber: z.number().int().nullish(),
  periodStartDate: loketDate,
  periodEndDate: loketDate,
  testYear: z.boolean().default(false),
});

export const payrollResultSchema = z.object({
  employmentId: guidSchema,
  payrollPeriods: z.array(
    z.object({
      payrollPeriod: periodWithDates,
      payslipTypes: z.array(
        z.object({
          payslipType: metadata,
          payrollComponentResults: z.array(
            z.object({
              payrollComponent: z.object({ key: z.number().int(), value: z.string() }),
              value: z.number(),
              valueSpecialTariff: z.number(),
            }),
          ),
        }),
      ),
    }),
  ),
});

export const payslipListingSchema = z.object({
  payrollrunId: guidSchema,
  payrollPeriod: periodWithDates,
  approvalTime: z.string().nullish(),
  numberOfPayslips: z.number().int(),
});

export const journalRunSchema = z.object({
  id: guidSchema,
  sequenceNumber: z.number().int(),
  journalRunStatus: metadata,
  payrollRun: z.object({ payrollRunId: guidSchema, payrollPeriod: periodWithDates }),
});

const codedMetadata = z.object({ key: z.number().int(), code: z.string(), description: z.string() });

export const journalLineSchema = z.object({
  generalLedgerAccount: codedMetadata,
  costCenter: codedMetadata.nullish(),
  costUnit: codedMetadata.nullish(),
  payrollComponent: z.object({ key: z.number().int(), description: z.string() }).nullish(),
  debetAmount: z.number(),
  creditAmount: z.number(),
});

export const payrollTaxReturnSchema = z.object({
  id: guidSchema,
  sequenceNumber: z.number().int(),
  period: z.object({
    year: z.number().int(),
    periodNumber: z.number().int().nullish(),
    periodStartDate: loketDate,
    periodEndDate: loketDate,
  }),
  payrollTaxReturnStatus: metadata,
  payrollTaxReturnType: metadata,
  wageTaxNumber: z.string(),
  messageReference: z.string(),
  paymentReference: z.string(),
  iban: z.string(),
  inTheNameOf: z.string(),
  periodAmount: z.number(),
  correctionAmount: z.number(),
  totalAmount: z.number(),
  deadlineForPayment: loketDate,
  isCorrectionMessagePriorYear: z.boolean(),
});
