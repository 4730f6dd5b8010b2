/**
 * @module loket
 * The Loket.nl REST v2 client: create a `LoketConnection` from stored tokens (or sign in first with
 * `passwordGrant` / `exchangeAuthorizationCode`), then call the functions per resource with it.
 */
export {
  LOKET_ACCEPTANCE,
  LOKET_API_VERSION,
  LOKET_PRODUCTION,
  DEFAULT_MAX_DOWNLOAD_BYTES,
  LoketConnection,
  jsonAccept,
} from './connection.ts';
export type { LoketConnectionOptions, RequestOptions } from './connection.ts';
export type { LoketDownload } from './download.ts';
export * from './errors.ts';
export { buildAuthorizeUrl, exchangeAuthorizationCode, passwordGrant, refreshTokens } from './oauth.ts';
export type { AuthorizeUrlOptions, LoketOAuthClient, LoketTokens, PasswordCredentials } from './oauth.ts';
export {
  checkRights,
  findPayrollAdministrationByClientNumber,
  listEmployers,
  listEmployments,
  listPayrollAdministrations,
} from './employers.ts';
export type {
  LoketEmployer,
  LoketEmployment,
  LoketPayrollAdministration,
  PayrollPeriodKind,
  RightsCheck,
} from './employers.ts';
export {
  getPayrollRun,
  listApprovedPayrollRuns,
  listPayrollPeriods,
  listPayrollRunResults,
  listPayrollRuns,
  PAYROLL_RUN_STATUS,
} from './payroll-runs.ts';
export type { LoketPayrollPeriod, LoketPayrollRun } from './payroll-runs.ts';
export { DEFAULT_NET_PAY_COMPONENT_KEY, netPayOf } from './payroll-results.ts';
export type { LoketPayrollComponentResult, LoketPayrollResult } from './payroll-results.ts';
export { downloadPayslipPdf, getPayslipResult, listPayslips } from './payslips.ts';
export type { LoketPayslipListing } from './payslips.ts';
export {
  getJournalRun,
  JOURNAL_RUN_STATUS,
  listJournalLines,
  listJournalRuns,
  markJournalRunFailed,
  markJournalRunProcessed,
} from './journal-runs.ts';
export type { LoketJournalLine, LoketJournalRun, MarkJournalRunOptions } from './journal-runs.ts';
export {
  downloadTaxReturnOverview,
  getPayrollTaxReturn,
  listPayrollTaxReturns,
  listPayrollTaxReturnsOrRefusals,
  TAX_RETURN_STATUS,
} from './tax-returns.ts';
export type { LoketPayrollTaxReturn, LoketRefusedTaxReturn } from './tax-returns.ts';
export { LoketAmountRefusedError } from './amounts.ts';
export { LOKET_RIGHTS, missingRights, rightForActivity } from './rights.ts';
export type { LoketRight } from './rights.ts';
export { collectAll } from './paging.ts';
export { DEFAULT_RETRY_POLICY } from './retry.ts';
export type { RetryPolicy } from './retry.ts';
export { listPayrollProcessStatuses, PAYROLL_PROCESS_STATUS } from './process-status.ts';
export type { LoketPayrollProcessStatus } from './process-status.ts';
export { listEmployerVersions } from './last-modified.ts';
export type { LoketEmployerVersion } from './last-modified.ts';
