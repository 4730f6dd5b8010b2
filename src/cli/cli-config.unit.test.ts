/**
 * One-off commands on the demo's data directory use the demo's key without APP_MASTER_KEY, and say
 * clearly where they looked when there is none.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadCliConfig } from './cli-config.ts';
import { ConfigError } from '../platform/config.ts';

const dir = mkdtempSync(join(tmpdir(), 'loket-yuki-cli-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadCliConfig', () => {
  it("uses the demo's master.key in DATA_DIR when APP_MASTER_KEY is not set, and says so", () => {
    const key = randomBytes(32).toString('base64');
    writeFileSync(join(dir, 'master.key'), `${key}\n`);
    const said = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(loadCliConfig({ DATA_DIR: dir }).masterKey).toBe(key);
    expect(said.mock.calls.join(' ')).toContain(join(dir, 'master.key'));
    said.mockRestore();
  });

  it('without a key anywhere names both places', () => {
    const empty = mkdtempSync(join(dir, 'empty-'));
    expect(() => loadCliConfig({ DATA_DIR: empty })).toThrow(ConfigError);
    expect(() => loadCliConfig({ DATA_DIR: empty })).toThrow(/APP_MASTER_KEY.*no demo key in/);
  });

  it('on PostgreSQL never falls back to a key file', () => {
    const key = randomBytes(32).toString('base64');
    writeFileSync(join(dir, 'master.key'), key);
    expect(() => loadCliConfig({ DATA_DIR: dir, DATABASE_URL: 'postgres://x@localhost/db' })).toThrow(
      /APP_MASTER_KEY/,
    );
  });
});
