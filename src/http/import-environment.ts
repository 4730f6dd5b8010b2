/**
 * @module import-environment
 * The import environment the pages and the API use for previews and the period window: one per app, so its
 * per-domain Loket connections and the cached period kind of each payroll administration are shared
 * between requests instead of asked from Loket on every page view.
 */
import type { AppServices } from './context.ts';
import { createImportEnvironment } from '../sync/environment.ts';
import type { ImportItemEnvironment } from '../sync/import-item.ts';

const environments = new WeakMap<AppServices, ImportItemEnvironment>();

export function importEnvironment(services: AppServices): ImportItemEnvironment {
  let env = environments.get(services);
  if (!env) {
    env = createImportEnvironment({
      db: services.db,
      secretBox: services.secrets,
      yuki: services.yuki,
      config: services.config,
      logger: services.logger,
    });
    environments.set(services, env);
  }
  return env;
}
