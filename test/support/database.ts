/**
 * @module test-database
 * A fresh, migrated database for one test file, on the engine the vitest project names: an in-memory
 * PGlite, or a new database created on the PostgreSQL server of TEST_DATABASE_URL and dropped after.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/store/database.ts';

export type TestEngine = 'pglite' | 'postgres';

export function testEngine(): TestEngine {
  return process.env.TEST_DB_ENGINE === 'postgres' ? 'postgres' : 'pglite';
}

/** The server URL with another database name. */
export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `loket_yuki_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    url: withDatabaseName(serverUrl, name),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** Opens a migrated database for this test file; close() also drops a PostgreSQL test database. */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  if (testEngine() === 'pglite') return openDatabase({ dataDir: 'memory://' });
  const database = await createPostgresDatabase();
  const handle = await openDatabase({ databaseUrl: database.url, dataDir: 'memory://', poolSize: 4 });
  const close = handle.close;
  return {
    ...handle,
    close: async () => {
      await close();
      await database.drop();
    },
  } as DatabaseHandle;
}
