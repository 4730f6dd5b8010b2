import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/support/database.ts';
import type { DatabaseHandle } from './database.ts';
import { jsonRowsSelect } from './json-rows.ts';
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
});
