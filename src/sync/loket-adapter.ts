/**
 * @module sync/loket-adapter
 * The import's Loket port on the real Loket client: collects pages, reads PDFs to bytes (a payslip is
 * tens of kilobytes and Yuki wants base64 in one request anyway) and turns amounts into cents.
 */
import type { PeriodKind } from '../core/periods.ts';
import type { LoketConnection, LoketDownload, LoketPayrollResult } from '../loket/index.ts';
import {
  DEFAULT_NET_PAY_COMPONENT_KEY,
  downloadPayslipPdf,
  downloadTaxReturnOverview,
  JOURNAL_RUN_STATUS,
  listApprovedPayrollRuns,
  listEmployments,
  listJournalLines,
  listJournalRuns,
  listPayrollAdministrations,
  listPayrollPeriods,
  listPayrollRunResults,
  listPayrollTaxReturnsOrRefusals,
  LoketAmountRefusedError,
  markJournalRunFailed,
  markJournalRunProcessed,
  netPayOf,
  TAX_RETURN_STATUS,
} from '../loket/index.ts';
import type { LoketPort } from './ports.ts';
import { collectAll } from '../loket/index.ts';

async function bytesOf(download: LoketDownload): Promise<Uint8Array> {
  return new Uint8Array(await new Response(download.stream).arrayBuffer());
}

/** One employment's unusable amount refuses only its payslip, not the whole run. */
function netPayOrRefusal(result: LoketPayrollResult, key: number) {
  try {
    return { netPay: netPayOf(result, key) };
  } catch (error) {
    if (!(error instanceof LoketAmountRefusedError)) throw error;
    return { netPay: null, amountRefusal: error };
  }
}

export function loketPort(connection: LoketConnection): LoketPort {
  return {
    async periodKind(employerId, payrollAdministrationId) {
      const administrations = await collectAll(listPayrollAdministrations(connection, employerId));
      const kind: PeriodKind | null | undefined = administrations.find(
        (a) => a.id === payrollAdministrationId,
      )?.periodType;
      // Loket's other period types (quarters, half months) are not payroll types we date; months fit best.
      return kind ?? 'month';
    },
    approvedPayrollRuns: async (id) =>
      (await collectAll(listApprovedPayrollRuns(connection, id))).map((run) => ({
        id: run.id,
        year: run.year,
        periodNumber: run.periodNumber,
        sequenceNumber: run.sequenceNumber,
      })),
    async payslipResults(payrollRunId, netPayComponentKey) {
      const results = await collectAll(listPayrollRunResults(connection, payrollRunId));
      return results.map((result) => ({
        employmentId: result.employmentId,
        ...netPayOrRefusal(result, netPayComponentKey ?? DEFAULT_NET_PAY_COMPONENT_KEY),
        periods: result.periods.map((p) => ({
          year: p.year,
          number: p.periodNumber,
          startDate: p.startDate,
          endDate: p.endDate,
          testYear: p.testYear,
        })),
      }));
    },
    async employeeNames(employerId) {
      const employments = await collectAll(listEmployments(connection, employerId));
      return new Map(employments.map((e) => [e.id, e.formattedName]));
    },
    payslipPdf: async (employmentId, payrollRunId) =>
      bytesOf(await downloadPayslipPdf(connection, employmentId, payrollRunId)),
    journalRuns: async (id) =>
      (await collectAll(listJournalRuns(connection, id)))
        .filter((run) => run.status >= JOURNAL_RUN_STATUS.ready)
        .map((run) => ({
          id: run.id,
          sequenceNumber: run.sequenceNumber,
          status: run.status,
          payrollRunId: run.payrollRunId,
          period: {
            year: run.year,
            number: run.periodNumber,
            startDate: run.periodStartDate,
            endDate: run.periodEndDate,
            testYear: run.testYear,
          },
        })),
    journalLines: async (journalRunId) =>
      (await listJournalLines(connection, journalRunId)).map((line) => ({
        glAccountCode: line.glAccountCode,
        description: line.payrollComponentDescription ?? line.glAccountDescription,
        costCenterCode: line.costCenterCode,
        debit: line.debit,
        credit: line.credit,
      })),
    async markJournalRunProcessed(journalRunId, message) {
      await markJournalRunProcessed(connection, journalRunId, { message });
    },
    async markJournalRunFailed(journalRunId, message) {
      await markJournalRunFailed(connection, journalRunId, message);
    },
    taxReturns: async (id) =>
      (await collectAll(listPayrollTaxReturnsOrRefusals(connection, id)))
        .filter((t) => t.status === TAX_RETURN_STATUS.confirmed || t.status === TAX_RETURN_STATUS.sent)
        .map((t) => ({
          id: t.id,
          sequenceNumber: t.sequenceNumber,
          status: t.status,
          period: {
            year: t.year,
            number: t.periodNumber,
            startDate: t.periodStartDate,
            endDate: t.periodEndDate,
          },
          wageTaxNumber: t.wageTaxNumber,
          paymentReference: t.paymentReference,
          deadlineForPayment: t.deadlineForPayment,
          ...('amountRefusal' in t
            ? { totalAmount: null, amountRefusal: t.amountRefusal }
            : { totalAmount: t.totalAmount }),
        })),
    async testYears(id) {
      const periods = await collectAll(listPayrollPeriods(connection, id));
      return new Set(periods.filter((p) => p.testYear).map((p) => p.year));
    },
    taxReturnOverviewPdf: async (taxReturnId) =>
      bytesOf(await downloadTaxReturnOverview(connection, taxReturnId)),
  };
}
