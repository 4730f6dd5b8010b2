import { describe, expect, it } from 'vitest';
import { isAutomaticImportDue } from './import-queues.ts';

describe('isAutomaticImportDue', () => {
  it('is due every hour in the first and last five days of a month', () => {
    expect(isAutomaticImportDue(new Date('2026-11-03T14:00:00Z'))).toBe(true);
    expect(isAutomaticImportDue(new Date('2026-11-26T02:00:00Z'))).toBe(true);
    expect(isAutomaticImportDue(new Date('2026-11-25T14:00:00Z'))).toBe(false);
  });

  it('is due once a day, at six in the morning Dutch time, in between', () => {
    expect(isAutomaticImportDue(new Date('2026-11-18T05:00:00Z'))).toBe(true);
    expect(isAutomaticImportDue(new Date('2026-07-15T04:00:00Z'))).toBe(true);
    expect(isAutomaticImportDue(new Date('2026-11-18T06:00:00Z'))).toBe(false);
  });
});
