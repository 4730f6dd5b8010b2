import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/support/database.ts';
import type { DatabaseHandle } from '../store/database.ts';
import { loginThrottle, passwordResets, sessions, users } from '../store/schema/index.ts';
import { cleanUp } from './housekeeping.ts';

describe('housekeeping', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it('removes what has expired and keeps what is still live', async () => {
    const now = new Date('2026-11-28T12:00:00Z');
    const hour = 3_600_000;
    const at = (offsetHours: number) => new Date(now.getTime() + offsetHours * hour);
    const [user] = await database.db
      .insert(users)
      .values({ email: 'a@kantoor.nl', name: 'A', passwordHash: 'x' })
      .returning();
    await database.db.insert(sessions).values([
      { tokenHash: 'expired', userId: user!.id, csrfToken: 'c', expiresAt: at(-1) },
      { tokenHash: 'live', userId: user!.id, csrfToken: 'c', expiresAt: at(1) },
    ]);
    await database.db.insert(loginThrottle).values([
      { key: 'email:a@kantoor.nl', windowStart: at(-30), attempts: 3 },
      { key: 'ip:192.0.2.1', windowStart: at(-1), attempts: 1 },
    ]);
    await database.db.insert(passwordResets).values([
      { tokenHash: 'expired', userId: user!.id, expiresAt: at(-1) },
      { tokenHash: 'used-long-ago', userId: user!.id, expiresAt: at(100), usedAt: at(-48) },
      { tokenHash: 'open', userId: user!.id, expiresAt: at(1) },
    ]);

    expect(await cleanUp(database.db, now)).toEqual({ sessions: 1, loginFailures: 1, passwordResets: 2 });
    expect((await database.db.select().from(sessions)).map((row) => row.tokenHash)).toEqual(['live']);
    expect((await database.db.select().from(passwordResets)).map((row) => row.tokenHash)).toEqual(['open']);
    expect(await cleanUp(database.db, now)).toEqual({ sessions: 0, loginFailures: 0, passwordResets: 0 });
  });
});
