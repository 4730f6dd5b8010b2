import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/support/database.ts';
import type { Database, DatabaseHandle } from '../store/database.ts';
import {
  loginSucceeded,
  MAX_ATTEMPTS_PER_EMAIL_AND_IP,
  MAX_ATTEMPTS_PER_IP,
  reserveLoginAttempt,
  slowDownFor,
  SLOW_DOWN_AFTER_PER_EMAIL,
  SLOW_DOWN_MAX_MS,
  THROTTLE_WINDOW_MS,
} from './throttle.ts';

const MINUTE = 60 * 1000;

describe('login throttle', () => {
  let database: DatabaseHandle;
  let db: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    db = database.db;
  });
  afterAll(() => database?.close());

  it('lets exactly 5 of 100 simultaneous attempts for one address and client through', async () => {
    const attempt = { email: 'race@example.nl', ip: '192.0.2.7' };
    const now = new Date('2026-11-01T08:00:00Z');
    const verdicts = await Promise.all(
      Array.from({ length: 100 }, () => reserveLoginAttempt(db, attempt, now)),
    );
    expect(verdicts.filter((verdict) => !verdict.throttled)).toHaveLength(MAX_ATTEMPTS_PER_EMAIL_AND_IP);
    expect(verdicts.filter((verdict) => verdict.throttled)).toHaveLength(95);
  });

  it('refuses from the 6th attempt in 15 minutes until the window of the first has passed', async () => {
    const start = new Date('2026-11-02T08:00:00Z');
    const attempt = { email: 'frank@example.nl', ip: '192.0.2.1' };
    for (let i = 0; i < MAX_ATTEMPTS_PER_EMAIL_AND_IP; i++) {
      const at = new Date(start.getTime() + i * MINUTE);
      expect(await reserveLoginAttempt(db, attempt, at)).toEqual({ throttled: false, delayMs: 0 });
    }
    const sixth = new Date(start.getTime() + 5 * MINUTE);
    expect(await reserveLoginAttempt(db, attempt, sixth)).toEqual({
      throttled: true,
      retryAfterSeconds: (THROTTLE_WINDOW_MS - 5 * MINUTE) / 1000,
    });
    const justBefore = new Date(start.getTime() + THROTTLE_WINDOW_MS - 1000);
    expect(await reserveLoginAttempt(db, attempt, justBefore)).toEqual({
      throttled: true,
      retryAfterSeconds: 1,
    });
    const after = new Date(start.getTime() + THROTTLE_WINDOW_MS);
    expect((await reserveLoginAttempt(db, attempt, after)).throttled).toBe(false);
  });

  it('throttles one client that sprays many addresses after 20 attempts', async () => {
    const now = new Date('2026-11-03T08:00:00Z');
    for (let i = 0; i < MAX_ATTEMPTS_PER_IP; i++) {
      expect(
        (await reserveLoginAttempt(db, { email: `g${i}@example.nl`, ip: '192.0.2.30' }, now)).throttled,
      ).toBe(false);
    }
    expect(
      (await reserveLoginAttempt(db, { email: 'new@example.nl', ip: '192.0.2.30' }, now)).throttled,
    ).toBe(true);
    expect(
      (await reserveLoginAttempt(db, { email: 'new@example.nl', ip: '192.0.2.31' }, now)).throttled,
    ).toBe(false);
  });

  it('never locks an address out from another client: many guesses elsewhere only slow it down', async () => {
    const now = new Date('2026-11-04T08:00:00Z');
    const email = 'gerda@example.nl';
    // Guessers on ten clients each use up their own per-client allowance.
    for (let client = 0; client < 10; client++) {
      for (let i = 0; i < MAX_ATTEMPTS_PER_EMAIL_AND_IP + 2; i++) {
        await reserveLoginAttempt(db, { email, ip: `198.51.100.${client}` }, now);
      }
    }
    const owner = await reserveLoginAttempt(db, { email, ip: '203.0.113.5' }, now);
    expect(owner.throttled).toBe(false);
    expect(owner).toEqual({ throttled: false, delayMs: SLOW_DOWN_MAX_MS });
    await loginSucceeded(db, { email, ip: '203.0.113.5' });
    // The guessers' own clients stay refused.
    expect((await reserveLoginAttempt(db, { email, ip: '198.51.100.0' }, now)).throttled).toBe(true);
  });

  it('slows down by doubling pauses past the per-address ceiling, capped', () => {
    expect(slowDownFor(SLOW_DOWN_AFTER_PER_EMAIL)).toBe(0);
    expect(slowDownFor(SLOW_DOWN_AFTER_PER_EMAIL + 1)).toBe(250);
    expect(slowDownFor(SLOW_DOWN_AFTER_PER_EMAIL + 2)).toBe(500);
    expect(slowDownFor(SLOW_DOWN_AFTER_PER_EMAIL + 100)).toBe(SLOW_DOWN_MAX_MS);
  });

  it('after a success forgets the count from that client only', async () => {
    const now = new Date('2026-11-05T08:00:00Z');
    const here = { email: 'hans@example.nl', ip: '192.0.2.50' };
    for (let i = 0; i < MAX_ATTEMPTS_PER_EMAIL_AND_IP; i++) await reserveLoginAttempt(db, here, now);
    for (let i = 0; i < MAX_ATTEMPTS_PER_EMAIL_AND_IP; i++)
      await reserveLoginAttempt(db, { ...here, ip: '192.0.2.51' }, now);
    await loginSucceeded(db, here);
    expect((await reserveLoginAttempt(db, here, now)).throttled).toBe(false);
    expect((await reserveLoginAttempt(db, { ...here, ip: '192.0.2.51' }, now)).throttled).toBe(true);
  });
});
