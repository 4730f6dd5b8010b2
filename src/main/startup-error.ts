/** @module startup-error — why a process could not start, printed readably, as its exit code. */
import { ConfigError } from '../platform/config.ts';
import { DataDirLockedError } from '../store/data-dir-lock.ts';
import type { Logger } from '../platform/logger.ts';

/** Prints why the process could not start, readably and without a stack trace; returns the exit code. */
export function reportStartupError(error: unknown, logger?: Logger): number {
  if (error instanceof ConfigError) {
    console.error('loket-yuki: the configuration has problems:');
    for (const problem of error.problems) console.error(`  ${problem}`);
    return 2;
  }
  if (error instanceof DataDirLockedError) {
    console.error(`loket-yuki: ${error.message}`);
    return 3;
  }
  if (logger) logger.fatal({ err: error }, 'could not start');
  else console.error('loket-yuki: could not start:', error instanceof Error ? error.message : error);
  return 1;
}
