/**
 * @module sync/environment
 * Builds what the import needs in a process from what the process already holds: its one Yuki client
 * (calls counted in the database budget) and its secret box, plus the link loader with its per-domain
 * Loket connections. Workers, the CLI and the demo each make one and share it between all imports.
 */
import type { Config } from '../platform/config.ts';
import type { Logger } from '../platform/logger.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import type { Database } from '../store/database.ts';
import type { YukiClient } from '../yuki/yuki.client.ts';
import type { ImportItemEnvironment } from './import-item.ts';
import { createDomainLoket } from './domain-loket.ts';
import { createLinkLoader } from './link-context.ts';

export type CreateImportEnvironmentOptions = {
  db: Database;
  secretBox: SecretBox;
  /** The process's Yuki client, on `databaseCallBudget`. */
  yuki: YukiClient;
  config: Config;
  now?: () => Date;
  /** How long one attempt on one item may take (default 5 minutes). */
  attemptDeadlineMs?: number;
  /** Where failures are logged with Loket's or Yuki's own words, and Loket's retiring resource versions once a day. */
  logger?: Logger | undefined;
};

export function createImportEnvironment(options: CreateImportEnvironmentOptions): ImportItemEnvironment {
  const loadLink = createLinkLoader({
    db: options.db,
    secretBox: options.secretBox,
    yuki: options.yuki,
    config: options.config,
    logger: options.logger,
  });
  return {
    db: options.db,
    loadLink,
    freshness: {
      loket: createDomainLoket({
        db: options.db,
        secrets: options.secretBox,
        config: options.config,
        logger: options.logger,
      }),
      pollMinutes: options.config.loket.pollMinutes,
    },
    ...(options.now ? { now: options.now } : {}),
    ...(options.attemptDeadlineMs === undefined ? {} : { attemptDeadlineMs: options.attemptDeadlineMs }),
    ...(options.logger ? { logger: options.logger } : {}),
  };
}
