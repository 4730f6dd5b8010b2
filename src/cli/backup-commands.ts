/**
 * @module cli/backup-commands
 * `loket-yuki backup <file>` and `restore <file>` for the embedded database. On PostgreSQL they point
 * to pg_dump/pg_restore, which back up a running database consistently on their own.
 */
import { Command } from 'commander';
import { backupEmbedded, restoreEmbedded } from '../store/embedded-backup.ts';
import { DataDirLockedError } from '../store/data-dir-lock.ts';
import { reportStartupError } from '../main/startup-error.ts';

const ON_POSTGRES =
  'loket-yuki: DATABASE_URL is set: back up PostgreSQL with `pg_dump -Fc "$DATABASE_URL" -f loket-yuki.dump` and restore with `pg_restore -d "$DATABASE_URL" --clean loket-yuki.dump` (both work while the service runs).';

const KEY_NOTE =
  'The backup holds the stored credentials encrypted; keep APP_MASTER_KEY (for the demo: DATA_DIR/master.key) safe separately, without it they cannot be read.';

function dataDir(): string {
  return process.env.DATA_DIR || './data';
}

async function run(action: () => Promise<void>): Promise<void> {
  if (process.env.DATABASE_URL) {
    console.error(ON_POSTGRES);
    process.exitCode = 2;
    return;
  }
  try {
    await action();
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(`loket-yuki: stop the service first. ${error.message}`);
      process.exitCode = 3;
      return;
    }
    process.exitCode = reportStartupError(error);
  }
}

export function backupCommand(): Command {
  return new Command('backup')
    .description('write the embedded database (DATA_DIR) to one file; stop the service first')
    .argument('<file>', 'the backup file to write (a gzipped tarball)')
    .action((file: string) =>
      run(async () => {
        const bytes = await backupEmbedded(dataDir(), file);
        console.log(`loket-yuki: backed up ${dataDir()} to ${file} (${bytes} bytes).`);
        console.log(KEY_NOTE);
      }),
    );
}

export function restoreCommand(): Command {
  return new Command('restore')
    .description('put a backup into the embedded database (DATA_DIR); stop the service first')
    .argument('<file>', 'a file written by `loket-yuki backup`')
    .option('--replace', 'set an existing database aside (pglite.before-restore-<time>) and restore')
    .action((file: string, options: { replace?: boolean }) =>
      run(async () => {
        const { keptAside } = await restoreEmbedded(dataDir(), file, { replace: options.replace === true });
        if (keptAside) console.log(`loket-yuki: the database that was there is kept in ${keptAside}.`);
        console.log(`loket-yuki: restored ${file} into ${dataDir()}; start the service as before.`);
      }),
    );
}
