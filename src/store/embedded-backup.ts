/**
 * @module store/embedded-backup
 * Backup and restore of the embedded (PGlite) database as one gzipped tarball of its data directory.
 * Both take the data-directory lock, so they are consistent by construction: while a service runs on
 * the directory they refuse with "stop the service first" instead of copying files in motion.
 */
import { existsSync, readdirSync, renameSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from './data-dir-lock.ts';

/** Where the database lives inside DATA_DIR (as `openDatabase` opens it). */
export function pgliteDir(dataDir: string): string {
  return join(dataDir, 'pglite');
}

/** Writes the database in `dataDir` to `file`; answers its size in bytes. */
export async function backupEmbedded(dataDir: string, file: string): Promise<number> {
  if (!existsSync(pgliteDir(dataDir))) throw new Error(`there is no embedded database in ${dataDir}`);
  const lock = lockDataDir(dataDir);
  try {
    const pglite = await PGlite.create(pgliteDir(dataDir));
    try {
      const dump = await pglite.dumpDataDir('gzip');
      const bytes = Buffer.from(await dump.arrayBuffer());
      await writeFile(file, bytes, { mode: 0o600 });
      return bytes.length;
    } finally {
      await pglite.close();
    }
  } finally {
    lock.release();
  }
}

export type RestoreOptions = { replace: boolean; now?: Date };

/**
 * Puts the backup in `file` into `dataDir`. An existing database is only replaced when asked, and then
 * kept aside as `pglite.before-restore-<time>` rather than deleted.
 */
export async function restoreEmbedded(
  dataDir: string,
  file: string,
  options: RestoreOptions,
): Promise<{ keptAside: string | undefined }> {
  const bytes = await readFile(file);
  const lock = lockDataDir(dataDir);
  try {
    const target = pgliteDir(dataDir);
    let keptAside: string | undefined;
    if (existsSync(target) && readdirSync(target).length > 0) {
      if (!options.replace) {
        throw new Error(`${dataDir} holds a database already; add --replace to set it aside and restore`);
      }
      keptAside = `${target}.before-restore-${(options.now ?? new Date()).toISOString().replace(/[:.]/g, '-')}`;
      renameSync(target, keptAside);
    }
    const pglite = await PGlite.create(target, { loadDataDir: new Blob([bytes]) });
    await pglite.query('select 1');
    await pglite.close();
    return { keptAside };
  } finally {
    lock.release();
  }
}
