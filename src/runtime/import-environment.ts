import { createImportEnvironment } from '../sync/environment.ts';
import type { ImportItemEnvironment } from '../sync/import-item.ts';
import type { Runtime } from './runtime.ts';

/** The import environment of a running process, from what the process already holds. */
export function importEnvironment(runtime: Runtime): ImportItemEnvironment {
  return createImportEnvironment({
    db: runtime.database.db,
    secretBox: runtime.secrets,
    yuki: runtime.yuki,
    config: runtime.config,
    logger: runtime.logger,
  });
}
