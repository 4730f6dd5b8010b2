/**
 * @module store/pglite-first-start
 * Creates a fresh PGlite data directory in a short-lived child process (issue 13 P2). PGlite's first
 * start runs initdb inside its WASM heap, which only grows: done in this process it left ~700 MB RSS
 * behind for the process's life; done in a child, the service opens the finished directory at the
 * size of any later start.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** Plain CommonJS, so the child needs neither TypeScript nor our modules: create, close, exit. */
const CHILD = `
const [pglite, dir, params] = process.argv.slice(1);
require(pglite)
  .PGlite.create(dir, { startParams: JSON.parse(params) })
  .then((db) => db.close())
  .then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });
`;

/** Whether `dir` already holds an initialised PGlite database (initdb writes PG_VERSION). */
export function isInitialised(dir: string): boolean {
  return existsSync(join(dir, 'PG_VERSION'));
}

/** Runs PGlite's first start for `dir` in a child process, unless the directory is initialised already. */
export async function initialiseInChild(dir: string, startParams: readonly string[]): Promise<void> {
  if (isInitialised(dir)) return;
  const pglite = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  await promisify(execFile)(process.execPath, ['-e', CHILD, pglite, dir, JSON.stringify(startParams)], {
    // initdb takes seconds; a child that hangs must not hold up the start for ever.
    timeout: 5 * 60_000,
  });
}
