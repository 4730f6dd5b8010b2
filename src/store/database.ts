/**
 * @module database
 * Opens the one database of loket-yuki: embedded PGlite under the data directory by default, or
 * PostgreSQL 15+ when DATABASE_URL is set. Both get the same schema and the same migrations, and the
 * rest of the code only sees `Database`, never which engine is behind it.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { initialiseInChild } from './pglite-first-start.ts';
import { PgliteThread } from './pglite-thread.ts';
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema/index.ts';
import { lockDataDir, type DataDirLock } from './data-dir-lock.ts';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseHandle =
  | { engine: 'pglite'; db: Database; pglite: PgliteThread; close(): Promise<void> }
  | { engine: 'postgres'; db: Database; pool: pg.Pool; connectionString: string; close(): Promise<void> };

export type OpenDatabaseOptions = {
  /** PostgreSQL URL; without it, embedded PGlite in `dataDir`. */
  databaseUrl?: string | undefined;
  /** Where PGlite keeps its files; `memory://` for a throw-away database. */
  dataDir: string;
  /** Apply pending migrations (true for every process; they are idempotent and serialized). */
  migrate?: boolean;
  poolSize?: number;
};

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
// Any constant works; it only has to be the same in every process that migrates.
const MIGRATION_LOCK_ID = 4_815_162_342;

/**
 * PGlite's WASM heap only grows: PostgreSQL's default 128 MB shared_buffers made the process hold
 * ~300 MB idle. One process serves a small data set, so small buffers keep RSS down (issue 13 P2).
 */
export const PGLITE_START_PARAMS = [
  ...PGlite.defaultStartParams,
  '-c',
  'shared_buffers=16MB',
  '-c',
  'wal_buffers=1MB',
  '-c',
  'temp_buffers=2MB',
];

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options) : openPglite(options);
}

async function openPglite(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const inMemory = options.dataDir === 'memory://';
  const lock: DataDirLock | undefined = inMemory ? undefined : lockDataDir(options.dataDir);
  try {
    // A fresh directory's initdb is done by a child, so its memory is given back when the child exits.
    if (!inMemory) await initialiseInChild(join(options.dataDir, 'pglite'), PGLITE_START_PARAMS);
    const pglite = await PgliteThread.open(
      inMemory ? undefined : join(options.dataDir, 'pglite'),
      PGLITE_START_PARAMS,
    );
    // drizzle's PGlite driver only calls query/exec/transaction, which the thread's client answers alike.
    const db = drizzlePglite(pglite as never, { schema, casing: 'snake_case' }) as unknown as Database;
    if (options.migrate ?? true) await migratePglite(db as never, { migrationsFolder });
    return {
      engine: 'pglite',
      db,
      pglite,
      close: async () => {
        try {
          if (!pglite.closed) await pglite.close();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

async function openPostgres(connectionString: string, options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.migrate ?? true) await migratePostgres(connectionString);
  const pool = new pg.Pool({ connectionString, max: options.poolSize ?? 10 });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it and the next query reports real trouble.
  });
  const db = drizzlePg(pool, { schema, casing: 'snake_case' }) as unknown as Database;
  return { engine: 'postgres', db, pool, connectionString, close: () => pool.end() };
}

/** Several processes may start at once: an advisory lock lets exactly one migrate at a time. */
async function migratePostgres(connectionString: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    await migratePg(drizzlePg(client, { casing: 'snake_case' }), { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await client.end();
  }
}

/** Runs raw SQL; both drivers answer with `rows`, which the shared base type cannot know. */
export async function queryRows<Row>(db: Database, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}

/** Answers whether the database takes queries; used by /readyz. */
export async function pingDatabase(db: Database): Promise<void> {
  await db.execute(sql`select 1`);
}
