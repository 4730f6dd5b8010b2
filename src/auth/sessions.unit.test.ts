import { describe, expect, it } from 'vitest';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, slidingExpiry } from './sessions.ts';

describe('slidingExpiry', () => {
  const created = new Date('2026-11-02T08:00:00Z');

  it('is 12 hours after the last use', () => {
    const now = new Date(created.getTime() + 60 * 60 * 1000);
    expect(slidingExpiry(created, now).getTime()).toBe(now.getTime() + SESSION_IDLE_MS);
  });

  it('never passes 7 days after login', () => {
    const now = new Date(created.getTime() + SESSION_ABSOLUTE_MS - 60 * 60 * 1000);
    expect(slidingExpiry(created, now).getTime()).toBe(created.getTime() + SESSION_ABSOLUTE_MS);
  });
});
