/**
 * @module store/prepared
 * A statement built once per database and run many times with placeholders (issue 13 P1): for the
 * statements every import item runs, drizzle took longer to build the SQL than the database to run it.
 */
import type { Database } from './database.ts';

export function preparedPerDatabase<Statement>(
  prepare: (db: Database) => Statement,
): (db: Database) => Statement {
  const statements = new WeakMap<Database, Statement>();
  return (db) => {
    const statement = statements.get(db) ?? prepare(db);
    statements.set(db, statement);
    return statement;
  };
}
