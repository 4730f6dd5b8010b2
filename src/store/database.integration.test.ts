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

  it("has exactly the tables, columns and named constraints of drizzle-kit's latest snapshot", async () => {
    // Hand-written migrations drift from the snapshot drizzle-kit diffs against, and a generated migration
    // then names a constraint that does not exist.
    const latest = readdirSync(`${migrations}/meta`)
      .filter((name) => name.endsWith('_snapshot.json'))
      .sort()
      .at(-1)!;
    type Named = Record<string, unknown>;
    const snapshot = JSON.parse(readFileSync(`${migrations}/meta/${latest}`, 'utf8')) as {
      tables: Record<
        string,
        {
          name: string;
          columns: Record<string, { notNull: boolean }>;
          indexes: Named;
          foreignKeys: Named;
          compositePrimaryKeys: Named;
          uniqueConstraints: Named;
          checkConstraints: Named;
        }
      >;
    };
    const columns = await queryRows<{ table: string; column: string; not_null: boolean }>(
      database.db,
      sql`select table_name as table, column_name as column, is_nullable = 'NO' as not_null
          from information_schema.columns where table_schema = 'public'`,
    );
    const constraints = await queryRows<{ table: string; name: string }>(
      database.db,
      sql`select conrelid::regclass::text as table, conname as name from pg_constraint
          where connamespace = 'public'::regnamespace and contype <> 'p'
          union all select tablename, indexname from pg_indexes where schemaname = 'public'
          union all select conrelid::regclass::text, conname from pg_constraint
          where connamespace = 'public'::regnamespace and contype = 'p' and cardinality(conkey) > 1`,
    );
    const tables = Object.values(snapshot.tables);
    expect(new Set(columns.map((row) => row.table))).toEqual(new Set(tables.map((table) => table.name)));
    for (const table of tables) {
      const actual = Object.fromEntries(
        columns.filter((row) => row.table === table.name).map((row) => [row.column, row.not_null]),
      );
      const expected = Object.fromEntries(
        Object.entries(table.columns).map(([name, column]) => [name, column.notNull]),
      );
      expect({ table: table.name, columns: actual }).toEqual({ table: table.name, columns: expected });
      const names = new Set(constraints.filter((row) => row.table === table.name).map((row) => row.name));
      for (const name of [
        ...Object.keys(table.indexes),
        ...Object.keys(table.foreignKeys),
        ...Object.keys(table.compositePrimaryKeys),
        ...Object.keys(table.uniqueConstraints),
        ...Object.keys(table.checkConstraints),
      ])
        // PostgreSQL keeps the first 63 bytes of a longer name (NAMEDATALEN), as drizzle-kit's own migrations get.
        expect({ table: table.name, has: name, found: names.has(name.slice(0, 63)) }).toEqual({
          table: table.name,
          has: name,
          found: true,
        });
    }
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
