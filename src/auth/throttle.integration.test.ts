import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/support/database.ts';
import type { Database, DatabaseHandle } from '../store/database.ts';
import {
  checkLoginThrottle,
  clearLoginFailures,
  MAX_FAILURES_PER_EMAIL,
  recordLoginFailure,
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

  async function failAt(email: string, ip: string, at: Date) {
    await recordLoginFailure(db, { email, ip }, at);
  }

  it('refuses from the 5th failure in 15 minutes until the oldest of them leaves the window', async () => {
    const start = new Date('2026-11-02T08:00:00Z');
    const attempt = { email: 'frank@example.nl', ip: '192.0.2.1' };
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL - 1; i++) {
      await failAt(attempt.email, attempt.ip, new Date(start.getTime() + i * MINUTE));
    }
    const fourth = new Date(start.getTime() + 4 * MINUTE);
    expect(await checkLoginThrottle(db, attempt, fourth)).toEqual({ throttled: false });
    await failAt(attempt.email, attempt.ip, fourth);
    expect(await checkLoginThrottle(db, attempt, fourth)).toEqual({
      throttled: true,
      retryAfterSeconds: (THROTTLE_WINDOW_MS - 4 * MINUTE) / 1000,
    });
    const justBefore = new Date(start.getTime() + THROTTLE_WINDOW_MS - 1000);
    expect(await checkLoginThrottle(db, attempt, justBefore)).toEqual({
      throttled: true,
      retryAfterSeconds: 1,
    });
    expect(await checkLoginThrottle(db, attempt, new Date(start.getTime() + THROTTLE_WINDOW_MS))).toEqual({
      throttled: false,
    });
  });

  it('after a success forgets only the failures from that client address', async () => {
    const now = new Date('2026-11-03T08:00:00Z');
    const email = 'gerda@example.nl';
    for (let i = 0; i < 3; i++) await failAt(email, '192.0.2.50', now);
    for (let i = 0; i < 2; i++) await failAt(email, '192.0.2.51', now);
    expect((await checkLoginThrottle(db, { email, ip: '192.0.2.51' }, now)).throttled).toBe(true);
    await clearLoginFailures(db, { email, ip: '192.0.2.51' });
    expect((await checkLoginThrottle(db, { email, ip: '192.0.2.51' }, now)).throttled).toBe(false);
    // The other address's three failures still count: two more and the address is throttled again.
    await failAt(email, '192.0.2.52', now);
    await failAt(email, '192.0.2.52', now);
    expect((await checkLoginThrottle(db, { email, ip: '192.0.2.53' }, now)).throttled).toBe(true);
  });
});
