import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatList,
  formatNumber,
  formatPeriod,
  formatPeriodId,
} from './format.ts';

describe('Dutch formats', () => {
  it('writes dates as dd-mm-jjjj in Dutch and unambiguously in English', () => {
    expect(formatDate('nl', '2026-10-31')).toBe('31-10-2026');
    expect(formatDate('en', '2026-10-31')).toBe('31 Oct 2026');
    expect(formatDate('nl', '2026-01-05')).toBe('05-01-2026');
  });

  it('writes timestamps in Amsterdam time, 24 hours, without a comma', () => {
    // 22:13 UTC is 23:13 in Amsterdam in winter; 21:05 UTC is 23:05 in summer.
    expect(formatDateTime('nl', new Date('2026-11-29T22:13:00Z'))).toBe('29-11-2026 23:13');
    expect(formatDateTime('en', new Date('2026-11-29T22:13:00Z'))).toBe('29 Nov 2026 23:13');
    expect(formatDateTime('nl', '2026-07-01T21:05:00Z')).toBe('01-07-2026 23:05');
    // After 23:00 UTC it is already the next day in Amsterdam.
    expect(formatDateTime('nl', '2026-12-31T23:30:00Z')).toBe('01-01-2027 00:30');
  });

  it('names periods as people say them, by their kind', () => {
    expect(formatPeriod('nl', { kind: 'month', year: 2026, number: 10 })).toBe('oktober 2026');
    expect(formatPeriod('en', { kind: 'month', year: 2026, number: 10 })).toBe('October 2026');
    expect(formatPeriod('nl', { kind: '4weeks', year: 2026, number: 7 })).toBe('periode 7 (4 weken) 2026');
    expect(formatPeriod('en', { kind: '4weeks', year: 2026, number: 7 })).toBe('period 7 (4 weeks) 2026');
    expect(formatPeriod('nl', { kind: 'week', year: 2026, number: 53 })).toBe('week 53 2026');
    expect(formatPeriodId('nl', 'month', 202601)).toBe('januari 2026');
  });

  it('groups numbers and joins lists in the page language', () => {
    expect(formatNumber('nl', 1000)).toBe('1.000');
    expect(formatNumber('en', 1000)).toBe('1,000');
    expect(formatList('nl', ['a', 'b', 'c'])).toBe('a, b en c');
    expect(formatList('en', ['a', 'b', 'c'])).toBe('a, b and c');
  });
});
