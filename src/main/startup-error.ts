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
  if (isPortInUse(error)) {
    console.error(
      `loket-yuki: port ${error.port ?? '?'} is already in use; stop what uses it or choose another PORT (the demo also uses PORT+1 and PORT+2 for its Loket and Yuki sandboxes)`,
    );
    return 4;
  }
  if (logger) logger.fatal({ err: error }, 'could not start');
  else console.error('loket-yuki: could not start:', error instanceof Error ? error.message : error);
  return 1;
}

/** Node's listen error for a port another process holds. */
function isPortInUse(error: unknown): error is { code: 'EADDRINUSE'; port?: number } {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'EADDRINUSE';
}
