import { like, sql } from 'drizzle-orm';
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
    const tableSize = async () =>
      Number(
        (
          await queryRows<{ size: string }>(
            database.db,
            sql`select pg_relation_size('sessions')::text as size`,
          )
        )[0]!.size,
      );
    const plannerRows = async () =>
      Number(
        (
          await queryRows<{ rows: string }>(
            database.db,
            sql`select reltuples::text as rows from pg_class where relname = 'sessions'`,
          )
        )[0]!.rows,
      );
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
