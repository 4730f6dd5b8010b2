/**
 * @module loket/rights
 * The five Loket rights the import needs and the activities (operationIds) each one grants. Loket's
 * /authorizations lists activities, so a right counts as missing when any activity we use from it is.
 */

export const LOKET_RIGHTS = [
  'Raadplegen dienstverbanden',
  '940 journaliseren',
  'Exporteren journaalrun',
  'Raadplegen loonaangifte',
  'Raadplegen loonoutput',
] as const;

export type LoketRight = (typeof LOKET_RIGHTS)[number];

/** The activities loket-yuki calls, by the right that grants them (Loket does not publish this map). */
export const ACTIVITIES_BY_RIGHT: Record<LoketRight, readonly string[]> = {
  'Raadplegen dienstverbanden': ['GetEmploymentsByEmployerId'],
  '940 journaliseren': [
    'GetJournalRunsByPayrollAdministrationId',
    'GetJournalRunByJournalRunId',
    'GetJournalRunResultsByJournalRunId',
  ],
  'Exporteren journaalrun': ['PatchJournalRunByJournalRunId'],
  'Raadplegen loonaangifte': [
    'GetPayrollTaxReturnsByPayrollAdministrationId',
    'GetPayrollTaxReturnByPayrollTaxReturnId',
    'GetOverviewByPayrollTaxReturnId',
  ],
  'Raadplegen loonoutput': [
    'GetPayrollPeriodsByPayrollAdministrationId',
    'GetPayrollRunsByPayrollAdministrationId',
    'GetPayrollRunByPayrollRunId',
    'GetPayrollRunResultsByPayrollRunId',
    'GetPayslipsByEmploymentId',
    'GetPayslipsByEmploymentIdAndPayrollRunId',
  ],
};

/** The right behind an activity, to name it when Loket answers 403. */
export function rightForActivity(activity: string): LoketRight | null {
  return LOKET_RIGHTS.find((right) => ACTIVITIES_BY_RIGHT[right].includes(activity)) ?? null;
}

/** The rights of which at least one needed activity is absent from the user's activities. */
export function missingRights(activities: ReadonlySet<string>): LoketRight[] {
  return LOKET_RIGHTS.filter((right) =>
    ACTIVITIES_BY_RIGHT[right].some((activity) => !activities.has(activity)),
  );
}
