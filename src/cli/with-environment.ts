/**
 * @module cli/with-environment
 * Opens the environment for a one-off command, runs it, closes it, and turns a failure into a readable line
 * and an exit code, as every short command of the CLI needs.
 */
import { createLogger } from '../platform/logger.ts';
import { openEnvironment, type Environment } from '../main/environment.ts';
import { loadCliConfig } from './cli-config.ts';
import { reportStartupError } from '../main/startup-error.ts';
import { isAppError } from '../core/errors.ts';

export async function withEnvironment(
  role: string,
  run: (environment: Environment) => Promise<number | void>,
): Promise<void> {
  let environment: Environment;
  try {
    environment = await openEnvironment(loadCliConfig(), createLogger('warn'), { supervise: false, role });
  } catch (error) {
    process.exitCode = reportStartupError(error);
    return;
  }
  try {
    process.exitCode = (await run(environment)) ?? 0;
  } catch (error) {
    if (!isAppError(error)) throw error;
    console.error(`loket-yuki: ${error.text.en}`);
    process.exitCode = 1;
  } finally {
    await environment.close();
  }
}
