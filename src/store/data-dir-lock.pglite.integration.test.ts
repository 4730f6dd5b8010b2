import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { DataDirLockedError } from './data-dir-lock.ts';

describe('embedded data directory', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-yuki-lock-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses a second opener while the first holds it, and frees it on close', async () => {
    const first = await openDatabase({ dataDir });
    await expect(openDatabase({ dataDir })).rejects.toBeInstanceOf(DataDirLockedError);
    await first.close();
    const again = await openDatabase({ dataDir });
    await again.close();
  });

  it('takes over a lock left behind by a process that died', async () => {
    writeFileSync(join(dataDir, 'loket-yuki.lock'), '999999999');
    const database = await openDatabase({ dataDir });
    await database.close();
  });
});
