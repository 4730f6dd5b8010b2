/**
 * @module cli/cli-config
 * The configuration of a one-off command (status, import, setup, …). On embedded PGlite without
 * APP_MASTER_KEY it uses the key the demo generated into the data directory, and says so, so the CLI
 * works on the demo's data as it is; anything else still needs APP_MASTER_KEY.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig, type Config } from '../platform/config.ts';

export function loadCliConfig(env: NodeJS.ProcessEnv = process.env): Config {
  if (env.APP_MASTER_KEY || env.DATABASE_URL) return loadConfig(env, 'production');
  const keyFile = join(env.DATA_DIR || './data', 'master.key');
  if (!existsSync(keyFile)) {
    throw new ConfigError([
      `APP_MASTER_KEY: required (32 random bytes, base64: \`openssl rand -base64 32\`); no demo key in ${keyFile} either`,
    ]);
  }
  const config = loadConfig({ ...env, APP_MASTER_KEY: readFileSync(keyFile, 'utf8').trim() }, 'production');
  console.error(`loket-yuki: APP_MASTER_KEY is not set; using the demo's key in ${keyFile}`);
  return config;
}
