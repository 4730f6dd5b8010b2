import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { PGLITE_START_PARAMS } from './database.ts';
import { initialiseInChild, isInitialised } from './pglite-first-start.ts';

const root = mkdtempSync(join(tmpdir(), 'loket-yuki-first-start-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('PGlite first start in a child (issue 13 P2)', () => {
  it(
    'initialises a fresh data directory in a child: this process does not grow by initdb’s WASM heap',
    { timeout: 120_000 },
    async () => {
      const dir = join(root, 'pglite');
      expect(isInitialised(dir)).toBe(false);
      const before = process.memoryUsage().arrayBuffers;
      await initialiseInChild(dir, PGLITE_START_PARAMS);
      // initdb in this process left ~225 MB of WASM memory behind (measured); the child's goes with it.
      expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(32 * 1024 * 1024);
      expect(isInitialised(dir)).toBe(true);
      // The directory is a working database, opened without a second initdb.
      const db = await PGlite.create(dir, { startParams: PGLITE_START_PARAMS });
      try {
        expect((await db.query<{ one: number }>('select 1 as one')).rows).toEqual([{ one: 1 }]);
      } finally {
        await db.close();
      }
    },
  );
});
