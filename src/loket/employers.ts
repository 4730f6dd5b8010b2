/**
 * @module loket/employers
 * Employers, their payroll administrations and employments, the lookup by client number, and the
 * rights check through /authorizations.
 */
import type { LoketConnection } from './connection.ts';
import { LOKET_RIGHTS, missingRights } from './rights.ts';
import type { LoketRight } from './rights.ts';
import {
  authorizationSchema,
  employerSchema,
  employmentSchema,
  listEnvelopeSchema,
  payrollAdministrationSchema,
} from './schemas.ts';

export type LoketEmployer = {
  id: string;
  employerNumber: number;
  companyName: string;
  chamberOfCommerceNumber?: string | null;
};

export type PayrollPeriodKind = 'month' | '4weeks' | 'week';

export type LoketPayrollAdministration = {
  id: string;
  employerId: string;
  name: string;
  clientNumber: number;
  payrollTaxesNumber: string | null;
  periodType: PayrollPeriodKind | null;
};

export type LoketEmployment = {
  id: string;
  employeeId: string;
  employeeNumber: number;
  formattedName: string;
  payrollAdministrationId: string | null;
  startDate: string;
  endDate: string | null;
};

/** Loket's payrollPeriodType keys: month 1, four weeks 3, week 4. */
const PERIOD_KINDS: Record<number, PayrollPeriodKind> = { 1: 'month', 3: '4weeks', 4: 'week' };

export function listEmployers(connection: LoketConnection): AsyncGenerator<LoketEmployer> {
  return connection.list('/providers/employers', employerSchema, {
    activity: 'GetEmployersByUserId',
    subject: 'de werkgevers',
  });
}

export async function* listPayrollAdministrations(
  connection: LoketConnection,
  employerId: string,
  options: { clientNumber?: number } = {},
): AsyncGenerator<LoketPayrollAdministration> {
  const administrations = connection.list(
    `/providers/employers/${employerId}/payrolladministrations`,
    payrollAdministrationSchema,
    {
      activity: 'GetPayrollAdministrationsByEmployerId',
      subject: `werkgever ${employerId}`,
      query: {
        filter: options.clientNumber === undefined ? undefined : `clientNumber eq ${options.clientNumber}`,
      },
    },
  );
  for await (const administration of administrations) {
    yield {
      id: administration.id,
      employerId,
      name: administration.name,
      clientNumber: administration.clientNumber,
      payrollTaxesNumber: administration.payrollTaxesNumber ?? null,
      periodType: PERIOD_KINDS[administration.payrollPeriodType.key] ?? null,
    };
  }
}

/**
 * The payroll administration with this client number among all employers the user sees, if any, with
 * its employer (whose name and KvK number say which company it is).
 */
export async function findPayrollAdministrationByClientNumber(
  connection: LoketConnection,
  clientNumber: number,
): Promise<(LoketPayrollAdministration & { employer: LoketEmployer }) | undefined> {
  for await (const employer of listEmployers(connection)) {
    for await (const administration of listPayrollAdministrations(connection, employer.id, {
      clientNumber,
    })) {
      if (administration.clientNumber === clientNumber) return { ...administration, employer };
    }
  }
  return undefined;
}

export type RightsCheck = { missing: LoketRight[]; present: LoketRight[] };

/** Which of the five rights the import needs the user lacks for this employer. */
export async function checkRights(connection: LoketConnection, employerId: string): Promise<RightsCheck> {
  const envelope = await connection.getJson(
    `/providers/employers/${employerId}/authorizations`,
    listEnvelopeSchema(authorizationSchema),
    {
      activity: 'GetAuthorizationsByEmployerId',
      subject: `werkgever ${employerId}`,
    },
  );
  const missing = missingRights(new Set(envelope._embedded));
  return { missing, present: LOKET_RIGHTS.filter((right) => !missing.includes(right)) };
}

export async function* listEmployments(
  connection: LoketConnection,
  employerId: string,
  options: { pageSize?: number } = {},
): AsyncGenerator<LoketEmployment> {
  const employments = connection.list(
    `/providers/employers/${employerId}/employees/employments`,
    employmentSchema,
    {
      activity: 'GetEmploymentsByEmployerId',
      subject: `werkgever ${employerId}`,
      pageSize: options.pageSize,
    },
  );
  for await (const employment of employments) {
    yield {
      id: employment.id,
      employeeId: employment.employee.id,
      employeeNumber: employment.employee.employeeNumber,
      formattedName: employment.employee.formattedName,
      payrollAdministrationId: employment.payrollAdministration?.id ?? null,
      startDate: employment.startDate,
      endDate: employment.endDate ?? null,
    };
  }
}
