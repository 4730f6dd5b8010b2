import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase } from '../../test/support/database.ts';
import type { Database, DatabaseHandle } from '../store/database.ts';
import { sessions } from '../store/schema/tenancy.ts';
import { createUser } from './users.ts';
import {
  createSession,
  destroySession,
  destroyUserSessions,
  findSession,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  touchSession,
} from './sessions.ts';
import { hashToken } from './tokens.ts';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

describe('sessions', () => {
  let database: DatabaseHandle;
  let db: Database;
  let userId: string;
  beforeAll(async () => {
    database = await openTestDatabase();
    db = database.db;
    userId = (
      await createUser(db, { email: 'eva@example.nl', name: 'Eva', password: 'a good long password' })
    ).id;
  });
  afterAll(() => database?.close());

  it('stores only the SHA-256 of the token, with its own CSRF token', async () => {
    const session = await createSession(db, userId);
    const [row] = await db
      .select()
      .from(sessions)
      .where(eq(sessions.tokenHash, hashToken(session.token)));
    expect(row?.csrfToken).toBe(session.csrfToken);
    expect(JSON.stringify(await db.select().from(sessions))).not.toContain(session.token);
  });

  it('ends after 12 hours without use', async () => {
    const start = new Date('2026-11-02T08:00:00Z');
    const { token } = await createSession(db, userId, start);
    expect(await findSession(db, token, new Date(start.getTime() + SESSION_IDLE_MS - 1000))).toBeDefined();
    expect(await findSession(db, token, new Date(start.getTime() + SESSION_IDLE_MS))).toBeUndefined();
  });

  it('slides with use, writing at most once a minute, up to 7 days after login', async () => {
    const start = new Date('2026-11-02T08:00:00Z');
    const { token } = await createSession(db, userId, start);
    let now = start;
    const lastSeen = async () => (await findSession(db, token, now))?.lastSeenAt.getTime();
    now = new Date(start.getTime() + 30 * 1000);
    await touchSession(db, (await findSession(db, token, now))!, now);
    expect(await lastSeen()).toBe(start.getTime());
    // Used every 11 hours, it stays alive until the absolute limit and no longer.
    while (now.getTime() + 11 * HOUR < start.getTime() + SESSION_ABSOLUTE_MS) {
      now = new Date(now.getTime() + 11 * HOUR);
      const session = await findSession(db, token, now);
      expect(session).toBeDefined();
      await touchSession(db, session!, now);
    }
    expect(await lastSeen()).toBe(now.getTime());
    expect(await findSession(db, token, new Date(start.getTime() + SESSION_ABSOLUTE_MS))).toBeUndefined();
  });

  it('ends one session, or all of a user', async () => {
    const [a, b, c] = [
      await createSession(db, userId),
      await createSession(db, userId),
      await createSession(db, userId),
    ];
    await destroySession(db, a.token);
    expect(await findSession(db, a.token)).toBeUndefined();
    expect(await findSession(db, b.token)).toBeDefined();
    await destroyUserSessions(db, userId);
    expect(await findSession(db, b.token)).toBeUndefined();
    expect(await findSession(db, c.token)).toBeUndefined();
  });

  it("clears a user's expired sessions when they sign in again", async () => {
    const old = await createSession(db, userId, new Date(Date.now() - SESSION_ABSOLUTE_MS - HOUR));
    await createSession(db, userId);
    const rows = await db
      .select()
      .from(sessions)
      .where(eq(sessions.tokenHash, hashToken(old.token)));
    expect(rows).toEqual([]);
  });
});
