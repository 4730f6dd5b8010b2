import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/support/database.ts';
import { getLoketConnection } from '../app/domains/get-loket-connection.ts';
import { queryRows, type DatabaseHandle } from './database.ts';
import { domains, loketConnections, portals, workerProbes } from './schema/index.ts';

const migrations = fileURLToPath(new URL('./migrations', import.meta.url));

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

  it('applies every migration of the journal, and the journal names every migration file', async () => {
    const journal = JSON.parse(readFileSync(`${migrations}/meta/_journal.json`, 'utf8')) as {
      entries: Array<{ idx: number; tag: string }>;
    };
    const files = readdirSync(migrations)
      .filter((name) => name.endsWith('.sql'))
      .sort();
    expect(journal.entries.map((entry) => `${entry.tag}.sql`)).toEqual(files);
    expect(journal.entries.map((entry) => entry.idx)).toEqual(files.map((_, index) => index));
    const applied = await queryRows<{ count: number }>(
      database.db,
      sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
    );
    expect(Number(applied[0]?.count)).toBe(files.length);
  });

  it("keeps a Loket connection's last error in Dutch and English, and reads rows with only the Dutch one", async () => {
    const [portal] = await database.db.insert(portals).values({ name: 'Kantoor' }).returning();
    const [tested, older] = await database.db
      .insert(domains)
      .values([
        { portalId: portal!.id, name: 'Getest' },
        { portalId: portal!.id, name: 'Eerder getest' },
      ])
      .returning();
    await database.db.insert(loketConnections).values([
      { domainId: tested!.id, method: 'password', status: 'failed', lastError: 'Fout', lastErrorEn: 'Error' },
      // As a row tested before migration 0006.
      { domainId: older!.id, method: 'password', status: 'failed', lastError: 'Fout' },
    ]);
    expect((await getLoketConnection(database.db, tested!.id)).lastErrorMessage).toEqual({
      nl: 'Fout',
      en: 'Error',
    });
    expect(await getLoketConnection(database.db, older!.id)).toMatchObject({
      lastError: 'Fout',
      lastErrorMessage: { nl: 'Fout', en: 'Fout' },
    });
  });
});
