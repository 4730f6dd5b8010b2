/**
 * @module sync/ports
 * The Loket operations the import needs, and nothing more. `loket-adapter.ts` backs them with the real
 * Loket client; keeping the port narrow keeps the import's dependency on Loket visible in one place.
 */
import type { AppError } from '../core/errors.ts';
import type { Cents } from '../core/money.ts';
import type { PeriodKind } from '../core/periods.ts';

/** As Loket sends a period; the number can be missing, then the dates place it. */
export type PeriodDates = { year: number; number: number | null; startDate: string; endDate: string };

/** A period Loket marks as part of a test year: its results are test data and never reach Yuki. */
export type TestYearFlag = { testYear: boolean };

export type ApprovedPayrollRun = {
  id: string;
  year: number;
  periodNumber: number;
  sequenceNumber: number | null;
};

/** One employment's result in a run: net pay and the periods it covers (a run may correct earlier ones). */
export type PayslipResult = {
  employmentId: string;
  /** Null when Loket's amounts were refused; `amountRefusal` then says why. */
  netPay: Cents | null;
  amountRefusal?: AppError;
  periods: Array<PeriodDates & TestYearFlag>;
};

export type JournalRun = {
  id: string;
  sequenceNumber: number;
  /** 4 ready, 6 export failed, 7 exported (by us or by another application). */
  status: number;
  payrollRunId: string;
  period: PeriodDates & TestYearFlag;
};

export type JournalLine = {
  glAccountCode: string;
  description: string;
  costCenterCode: string | null;
  debit: Cents;
  credit: Cents;
};

export type TaxReturn = {
  id: string;
  sequenceNumber: number;
  /** 5 confirmed, 6 sent. */
  status: number;
  period: PeriodDates;
  wageTaxNumber: string;
  paymentReference: string;
  deadlineForPayment: string;
  /** Null when Loket's amounts were refused; `amountRefusal` then says why. */
  totalAmount: Cents | null;
  amountRefusal?: AppError;
};

export type LoketPort = {
  periodKind(employerId: string, payrollAdministrationId: string): Promise<PeriodKind>;
  approvedPayrollRuns(payrollAdministrationId: string): Promise<ApprovedPayrollRun[]>;
  payslipResults(payrollRunId: string, netPayComponentKey: number | null): Promise<PayslipResult[]>;
  /** Employment id → the employee's name as Loket formats it. */
  employeeNames(employerId: string): Promise<Map<string, string>>;
  payslipPdf(employmentId: string, payrollRunId: string): Promise<Uint8Array>;
  journalRuns(payrollAdministrationId: string): Promise<JournalRun[]>;
  journalLines(journalRunId: string): Promise<JournalLine[]>;
  markJournalRunProcessed(journalRunId: string, message: string): Promise<void>;
  markJournalRunFailed(journalRunId: string, message: string): Promise<void>;
  taxReturns(payrollAdministrationId: string): Promise<TaxReturn[]>;
  /** The years Loket marks as test years (payroll periods' `testYear`); tax returns carry no flag. */
  testYears(payrollAdministrationId: string): Promise<Set<number>>;
  taxReturnOverviewPdf(taxReturnId: string): Promise<Uint8Array>;
};
