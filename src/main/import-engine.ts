/**
 * @module import-engine
 * The import engine's environment, built from what a process already holds. Apart from environment.ts
 * so a bare worker (the tests' import-worker) starts without loading mail, schedules and the web.
 */
import type { ImportItemEnvironment } from '../sync/import-item.ts';
import { createDomainLoket } from '../sync/domain-loket.ts';
import { createLinkLoader, type LinkEnvironment } from '../sync/link-context.ts';

export type ImportEnvironmentOptions = LinkEnvironment & {
  now?: () => Date;
  /** How long one attempt on one item may take (default 5 minutes). */
  attemptDeadlineMs?: number;
};

/**
 * The import engine's environment from what the process already holds: its one Yuki client (calls counted
 * in the database budget), its secret box and the link loader with its per-domain Loket connections. One
 * per process, shared by every import, page preview and API request, so the cached period kind of each
 * payroll administration is asked from Loket once rather than on every page view.
 */
export function createImportEnvironment(options: ImportEnvironmentOptions): ImportItemEnvironment {
  const { now, attemptDeadlineMs, ...link } = options;
  return {
    db: options.db,
    loadLink: createLinkLoader(link),
    freshness: {
      loket: createDomainLoket({
        db: options.db,
        secrets: options.secrets,
        config: options.config,
        logger: options.logger,
      }),
      pollMinutes: options.config.loket.pollMinutes,
    },
    ...(now ? { now } : {}),
    ...(attemptDeadlineMs === undefined ? {} : { attemptDeadlineMs }),
    ...(options.logger ? { logger: options.logger } : {}),
  };
}
