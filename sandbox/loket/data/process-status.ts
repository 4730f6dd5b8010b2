/**
 * @module process-status
 * The payroll process status of an administration in one period, as GET /providers/{providerId}/
 * payrollprocessstatus reports it (loket-openapi.json, GetPayrollProcessStatusByProviderId:
 * payrollPeriod.payrollProcess.status 1 not started, 2 queued, 3 waiting for approval, 6 approved, …),
 * derived from the sandbox's payroll runs so that approving a run turns 3 into 6.
 */
import type { Administration, LoketWorld, PayrollRun } from './world.ts';

export type ProcessStatusKey = 1 | 2 | 3 | 6;

/** Loket's own words for the statuses the sandbox plays (the spec lists them in English). */
const PROCESS_STATUS_TEXT: Record<ProcessStatusKey, string> = {
  1: 'Niet gestart',
  2: 'In de wachtrij',
  3: 'Wacht op goedkeuring',
  6: 'Goedgekeurd',
};

/** Runs deleted (5) or cancelled (6) by the user no longer count for the period. */
function liveRuns(world: LoketWorld, administration: Administration, periodId: number): PayrollRun[] {
  return world.payrollRuns.filter(
    (run) =>
      run.administrationId === administration.id &&
      run.period.id === periodId &&
      run.status !== 5 &&
      run.status !== 6,
  );
}

/** The latest live run decides: 0 queued → 2, 1 ready → 3, 9 approved → 6; none → 1. */
export function processStatusOf(
  world: LoketWorld,
  administration: Administration,
  periodId: number,
): { key: ProcessStatusKey; value: string } {
  const latest = liveRuns(world, administration, periodId).at(-1);
  const key: ProcessStatusKey = !latest ? 1 : latest.status === 9 ? 6 : latest.status === 0 ? 2 : 3;
  return { key, value: PROCESS_STATUS_TEXT[key] };
}
