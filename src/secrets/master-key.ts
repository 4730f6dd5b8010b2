/**
 * @module master-key
 * The master key wraps every data key. In production it comes from APP_MASTER_KEY; the demo generates
 * one into the data directory once, so `npm start` works on a fresh clone.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../platform/config.ts';
import type { Logger } from '../platform/logger.ts';
import type { MasterKeys } from './secret-box.ts';

export function resolveMasterKeys(config: Config, logger: Logger): MasterKeys {
  const previous = config.previousMasterKeys.map((key) => Buffer.from(key, 'base64'));
  if (config.masterKey) return { current: Buffer.from(config.masterKey, 'base64'), previous };
  if (config.mode !== 'demo') throw new Error('APP_MASTER_KEY is required outside demo mode');
  const path = join(config.dataDir, 'master.key');
  if (!existsSync(path)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(path, randomBytes(32).toString('base64'), { mode: 0o600 });
    logger.warn({ path }, 'demo mode: generated a master key; set APP_MASTER_KEY for real use');
  }
  const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${path} does not hold a 32-byte base64 key`);
  return { current: key, previous };
}
