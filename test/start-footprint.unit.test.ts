/**
 * What a `loket-yuki` process holds from its start (issue 13 P2): `all`, `serve` and `worker` do not load
 * what only the demo, a PDF or a mail needs, and the start sets the V8 flags of platform/memory-tuning.ts.
 * The real command runs, with a preloaded hook that records modules and flags; it stops at the
 * configuration check, after the command's whole static import graph has loaded.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { V8_MEMORY_FLAGS } from '../src/platform/memory-tuning.ts';

const bin = fileURLToPath(new URL('../bin/loket-yuki.js', import.meta.url));
const hook = fileURLToPath(new URL('./support/start-footprint-hook.mjs', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'loket-yuki-footprint-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function start(args: string[]): { modules: string[]; flags: string[] } {
  const file = join(folder, `${args.join('-')}.json`);
  const { APP_MASTER_KEY: _key, DATABASE_URL: _url, ...env } = process.env;
  spawnSync(process.execPath, ['--import', hook, bin, ...args], {
    // Without APP_MASTER_KEY `all` stops at the configuration check, before it opens a database.
    env: { ...env, DATA_DIR: folder, START_FOOTPRINT_FILE: file },
    stdio: 'ignore',
    timeout: 60_000,
  });
  return JSON.parse(readFileSync(file, 'utf8')) as { modules: string[]; flags: string[] };
}

// Needed later or never by the service: the sandboxes (pdf generation, XSD validation, SMTP server),
// pdf-lib (the first PDF check), nodemailer (the first mail).
const notAtStart = /\/sandbox\/|\/node_modules\/(pdf-lib|nodemailer|smtp-server|xmllint-wasm)\//;

describe('the start of loket-yuki all', () => {
  const all = start(['all']);

  it('loads the service, but not the sandboxes, pdf-lib or nodemailer', () => {
    expect(all.modules.some((url) => url.endsWith('/src/main/run-service.ts'))).toBe(true);
    expect(all.modules.some((url) => url.includes('/node_modules/@electric-sql/pglite/'))).toBe(true);
    expect(all.modules.filter((url) => notAtStart.test(url))).toEqual([]);
  });

  it('sets the V8 memory flags before the product loads', () => {
    expect(all.flags).toEqual(V8_MEMORY_FLAGS);
    expect(V8_MEMORY_FLAGS).toContain('--heap-growing-percent=25');
  });

  it('still loads the demo commands for `demo`', () => {
    const demo = start(['demo', '--help']);
    expect(demo.modules.some((url) => url.endsWith('/sandbox/demo/commands.ts'))).toBe(true);
  });
});
