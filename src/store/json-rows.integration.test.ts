import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/support/database.ts';
import type { DatabaseHandle } from './database.ts';
import { inJsonArray, jsonRowsSelect } from './json-rows.ts';
import { users } from './schema/index.ts';

describe('rows inserted as one JSON parameter (issue 13 P1)', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it('stores each value as given: text with quotes, dates, and null where a row leaves a column out', async () => {
    const disabledAt = new Date('2026-11-30T08:00:00.123Z');
    await database.db.execute(
      sql`insert into ${users} ${jsonRowsSelect(users, [
        { email: 'a@kantoor.nl', name: 'D\'Artagnan \\ "Jr" ✓', passwordHash: 'x', disabledAt },
        { email: 'b@kantoor.nl', name: 'B', passwordHash: 'y' },
      ])}`,
    );
    const rows = await database.db.select().from(users).orderBy(users.email);
    expect(rows.map(({ name, disabledAt: at }) => ({ name, at }))).toEqual([
      { name: 'D\'Artagnan \\ "Jr" ✓', at: disabledAt },
      { name: 'B', at: null },
    ]);
    // Columns no row sets keep their defaults.
    expect(rows.map((row) => row.locale)).toEqual(['nl', 'nl']);
  });

  it('refuses a row with a field the table does not have', () => {
    expect(() => jsonRowsSelect(users, [{ email: 'c@kantoor.nl', nickname: 'C' } as never])).toThrow(
      'users has no column nickname',
    );
  });

  it('matches a column against any number of values given as one parameter, commas and quotes included', async () => {
    await database.db.insert(users).values([
      { email: 'x,y@kantoor.nl', name: 'X', passwordHash: 'x' },
      { email: '"q"@kantoor.nl', name: 'Q', passwordHash: 'x' },
    ]);
    const wanted = [
      'x,y@kantoor.nl',
      '"q"@kantoor.nl',
      ...Array.from({ length: 5_000 }, (_, n) => `${n}@nergens.nl`),
    ];
    const found = await database.db
      .select({ name: users.name })
      .from(users)
      .where(inJsonArray(users.email, wanted));
    expect(found.map((row) => row.name).sort()).toEqual(['Q', 'X']);
    const ids = (await database.db.select({ id: users.id }).from(users)).map((row) => row.id);
    expect(
      await database.db.select({ id: users.id }).from(users).where(inJsonArray(users.id, ids)),
    ).toHaveLength(ids.length);
  });
});
