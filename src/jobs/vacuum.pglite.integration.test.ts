import { like, sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/support/database.ts';
import { queryRows, type DatabaseHandle } from '../store/database.ts';
import { sessions, users } from '../store/schema/index.ts';
import { vacuumEmbedded } from './housekeeping.ts';

describe('the embedded database, vacuumed by housekeeping (it has no autovacuum)', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it('gives the space of dead row versions back and counts the live rows for the planner', async () => {
    const numberOf = async (query: SQL) =>
      Number((await queryRows<{ value: string }>(database.db, query))[0]!.value);
    const tableSize = () => numberOf(sql`select pg_relation_size('sessions')::text as value`);
    const plannerRows = () =>
      numberOf(sql`select reltuples::text as value from pg_class where relname = 'sessions'`);
    const [user] = await database.db
      .insert(users)
      .values({ email: 'v@kantoor.nl', name: 'V', passwordHash: 'x' })
      .returning();
    const session = (tokenHash: string) => ({
      tokenHash,
      userId: user!.id,
      csrfToken: 'c',
      expiresAt: new Date('2030-01-01T00:00:00Z'),
    });
    await database.db.insert(sessions).values(Array.from({ length: 100 }, (_, n) => session(`keep-${n}`)));
    for (let batch = 0; batch < 4; batch++)
      await database.db
        .insert(sessions)
        .values(Array.from({ length: 500 }, (_, n) => session(`drop-${batch}-${n}`)));
    await database.db.delete(sessions).where(like(sessions.tokenHash, 'drop-%'));
    const bloated = await tableSize();
    expect(await plannerRows()).not.toBe(100);

    await vacuumEmbedded(database.db);
    expect(await tableSize()).toBeLessThan(bloated / 4);
    expect(await plannerRows()).toBe(100);
  });
});
