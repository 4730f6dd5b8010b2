import { describe, expect, it } from 'vitest';
import { ACTIVITIES_BY_RIGHT, missingRights, rightForActivity } from './rights.ts';

describe('Loket rights', () => {
  it('names the right behind an activity', () => {
    expect(rightForActivity('GetOverviewByPayrollTaxReturnId')).toBe('Raadplegen loonaangifte');
    expect(rightForActivity('PatchJournalRunByJournalRunId')).toBe('Exporteren journaalrun');
    expect(rightForActivity('GetProvidersByUser')).toBeNull();
  });

  it('reports a right missing when any one of its activities is absent', () => {
    const all = new Set(Object.values(ACTIVITIES_BY_RIGHT).flat());
    expect(missingRights(all)).toEqual([]);
    all.delete('GetJournalRunResultsByJournalRunId');
    expect(missingRights(all)).toEqual(['940 journaliseren']);
    expect(missingRights(new Set())).toHaveLength(5);
  });
});
