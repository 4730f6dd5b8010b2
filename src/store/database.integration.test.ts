import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/support/database.ts';
import { queryRows, type DatabaseHandle } from './database.ts';
import { workerProbes } from './schema/index.ts';

describe('openDatabase', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it('applies the migrations so the schema is there', async () => {
    await database.db.insert(workerProbes).values({ jobId: 'j1', batch: 'b', workerId: 'w' });
    const rows = await database.db.select().from(workerProbes);
    expect(rows).toEqual([expect.objectContaining({ jobId: 'j1', batch: 'b', workerId: 'w', runs: 1 })]);
  });

  it('reads numeric columns back as exact strings on both engines', async () => {
    const rows = await queryRows<{ amount: string }>(
      database.db,
      sql`select 1234.50::numeric(14,2) as amount`,
    );
    expect(rows[0]?.amount).toBe('1234.50');
  });
});
