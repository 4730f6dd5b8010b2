/**
 * @module cli/with-runtime
 * Opens the runtime for a one-off command, runs it, closes it, and turns a failure into a readable line
 * and an exit code, as every short command of the CLI needs.
 */
import { createLogger } from '../platform/logger.ts';
import { openRuntime, type Runtime } from '../runtime/runtime.ts';
import { loadCliConfig } from './cli-config.ts';
import { reportStartupError } from './startup-error.ts';
import { isAppError } from '../core/errors.ts';

export async function withRuntime(
  role: string,
  run: (runtime: Runtime) => Promise<number | void>,
): Promise<void> {
  let runtime: Runtime;
  try {
    runtime = await openRuntime(loadCliConfig(), createLogger('warn'), { supervise: false, role });
  } catch (error) {
    process.exitCode = reportStartupError(error);
    return;
  }
  try {
    process.exitCode = (await run(runtime)) ?? 0;
  } catch (error) {
    if (!isAppError(error)) throw error;
    console.error(`loket-yuki: ${error.text.en}`);
    process.exitCode = 1;
  } finally {
    await runtime.close();
  }
}
