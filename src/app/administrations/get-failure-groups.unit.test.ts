/**
 * @module get-failure-groups.unit.test
 * Failures group by state, code and kind — 52 alike make one group — biggest first, each with its
 * known cause, and items of other states are left out.
 */
import { describe, expect, it } from 'vitest';
import { groupFailures } from './get-failure-groups.ts';
import type { ImportItemRow } from './get-import-view.ts';

let n = 0;
const item = (over: Partial<ImportItemRow>): ImportItemRow => ({
  id: `item-${++n}`,
  kind: 'payslip',
  periodId: 202610,
  state: 'failed',
  subject: `Loonstrook ${n}`,
  amountCents: null,
  yukiDocumentId: null,
  correctsItemId: null,
  details: {},
  errorCode: 'yuki.access_denied',
  errorNl: 'De API-sleutel heeft geen rechten.',
  errorEn: 'The access key has no rights.',
  errorDetail: 'Access denied',
  attempts: 1,
  postedAt: null,
  updatedAt: new Date(),
  ...over,
});

describe('groupFailures', () => {
  it('makes one group of 52 failures with one cause, with its fix, who and where', () => {
    const groups = groupFailures(Array.from({ length: 52 }, () => item({})));
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({
      state: 'failed',
      code: 'yuki.access_denied',
      kind: 'payslip',
      count: 52,
    });
    expect(groups[0]?.items).toHaveLength(52);
    expect(groups[0]?.cause?.at).toBe('portal_loket');
    expect(groups[0]?.cause?.who).toEqual(['portal_admin']);
  });

  it('splits by code, kind and state, biggest group first', () => {
    const groups = groupFailures([
      item({ kind: 'journal', errorCode: 'sync.journal_unbalanced' }),
      item({}),
      item({}),
      item({ kind: 'journal' }),
      item({ state: 'needs_check', errorCode: 'sync.needs_check' }),
      item({ state: 'posted', errorCode: null }),
      item({ state: 'skipped', errorCode: 'sync.exported_elsewhere' }),
    ]);
    expect(groups.map((g) => [g.state, g.code, g.kind, g.count])).toEqual([
      ['failed', 'yuki.access_denied', 'payslip', 2],
      ['failed', 'sync.journal_unbalanced', 'journal', 1],
      ['failed', 'yuki.access_denied', 'journal', 1],
      ['needs_check', 'sync.needs_check', 'payslip', 1],
    ]);
    expect(groups[1]?.cause?.perItem).toBe(true);
  });

  it('keeps a code without a known cause as its own group, the items then speaking for themselves', () => {
    const [group] = groupFailures([item({ errorCode: 'loket.not_found' }), item({ errorCode: null })]);
    expect(group?.cause).toBeUndefined();
    expect(groupFailures([item({ errorCode: null })])[0]?.code).toBe('internal');
  });
});
