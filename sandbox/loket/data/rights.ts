/**
 * @module rights
 * Loket "rechten" (rights) a user holds per employer, and the activities (operationIds) each grants.
 * The five are the ones Yuki's integration asks for; the grouping of activities under them is the
 * sandbox's reading of the rights' names, as Loket does not publish it.
 */

export const RIGHTS = [
  'Raadplegen dienstverbanden',
  '940 journaliseren',
  'Exporteren journaalrun',
  'Raadplegen loonaangifte',
  'Raadplegen loonoutput',
] as const;

export type Right = (typeof RIGHTS)[number];

export const ACTIVITIES_BY_RIGHT: Record<Right, readonly string[]> = {
  'Raadplegen dienstverbanden': ['GetEmploymentsByEmployerId', 'GetEmployerLastModifiedVersionNumbersByUser'],
  '940 journaliseren': ['GetJournalRunsByPayrollAdministrationId', 'GetJournalRunByJournalRunId', 'GetJournalRunResultsByJournalRunId'],
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
    'GetPayrollProcessStatusByProviderId',
  ],
};

/** Activities every linked user may perform, whatever their rights. */
export const BASE_ACTIVITIES = [
  'GetProvidersByUser',
  'GetEmployersByUserId',
  'GetPayrollAdministrationsByEmployerId',
  'GetAuthorizationsByEmployerId',
] as const;

/** The activities a set of rights grants. */
export function activitiesOf(rights: Iterable<Right>): Set<string> {
  const activities = new Set<string>(BASE_ACTIVITIES);
  for (const right of rights) for (const activity of ACTIVITIES_BY_RIGHT[right]) activities.add(activity);
  return activities;
}

export function isRight(name: string): name is Right {
  return (RIGHTS as readonly string[]).includes(name);
}
