import { describe, expect, it } from 'vitest';
import { itemKey, itemMarker, markerTag } from './item-key.ts';
import { statesLeadingTo, transition, TRANSITIONS } from './item-states.ts';
import { nextYukiDayStart } from './yuki-call-budget.ts';

describe('item keys', () => {
  it('are deterministic and differ per version', () => {
    const identity = {
      administrationId: 'a1',
      kind: 'journal' as const,
      loketObjectId: 'run-1',
      version: '1',
    };
    expect(itemKey(identity)).toBe('a1|journal|run-1|1');
    expect(itemMarker(itemKey(identity))).toBe(itemMarker('a1|journal|run-1|1'));
    expect(itemMarker(itemKey({ ...identity, version: '2' }))).not.toBe(itemMarker(itemKey(identity)));
    expect(markerTag(itemMarker(itemKey(identity)))).toMatch(/^\[lky:[0-9a-f]{12}\]$/);
  });
});

describe('item states', () => {
  it('never leave posted, and reach posting only from claimable states or a stale claim', () => {
    expect(TRANSITIONS.posted).toEqual([]);
    expect(statesLeadingTo('posting').sort()).toEqual(['failed', 'planned', 'posting', 'waiting_quota']);
    // Posted by an attempt, or by a person who saw it in Yuki; never re-claimed from "check in Yuki".
    expect(statesLeadingTo('posted')).toEqual(['posting', 'needs_check']);
    expect(TRANSITIONS.needs_check).toEqual(['posted', 'planned']);
    expect(() => transition('needs_check', 'posting')).toThrow();
    expect(transition('needs_check', 'planned')).toEqual({ from: 'needs_check', to: 'planned' });
  });
});

describe('nextYukiDayStart', () => {
  it('is midnight in Amsterdam, in winter and in summer time', () => {
    expect(nextYukiDayStart(new Date('2026-11-18T10:00:00Z')).toISOString()).toBe('2026-11-18T23:00:00.000Z');
    expect(nextYukiDayStart(new Date('2026-11-18T23:30:00Z')).toISOString()).toBe('2026-11-19T23:00:00.000Z');
    expect(nextYukiDayStart(new Date('2026-07-01T12:00:00Z')).toISOString()).toBe('2026-07-01T22:00:00.000Z');
  });
});
