import { describe, expect, it } from 'vitest';
import { EvenRate } from './faults.ts';

describe('EvenRate', () => {
  it('fires on exactly the given share of calls, spread evenly from the first', () => {
    const rate = new EvenRate();
    const fired = Array.from({ length: 10 }, () => rate.fires(0.5));
    expect(fired).toEqual([true, false, true, false, true, false, true, false, true, false]);
  });

  it('never fires at 0 and always at 1', () => {
    const rate = new EvenRate();
    expect(Array.from({ length: 5 }, () => rate.fires(0)).some(Boolean)).toBe(false);
    expect(Array.from({ length: 5 }, () => rate.fires(1)).every(Boolean)).toBe(true);
    const third = new EvenRate();
    expect(Array.from({ length: 6 }, () => third.fires(1 / 3)).filter(Boolean)).toHaveLength(2);
  });
});
