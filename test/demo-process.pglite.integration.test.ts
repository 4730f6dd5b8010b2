import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCli, terminate, type CliProcess } from './support/cli-process.ts';

describe('the embedded one-process service', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-yuki-demo-'));
  const env = { DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '', APP_MASTER_KEY: '' };
  let service: CliProcess | undefined;
  afterAll(() => {
    service?.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts, is ready within 60 s, refuses a second process on the same data, and stops cleanly on SIGTERM', async () => {
    service = startCli(['demo'], env);
    const [, url] = await service.waitFor(/"url":"(http:\/\/[^"]+)"/, 60_000);
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);

    const second = startCli(['demo'], env);
    const { code } = await second.exited;
    expect(code).toBe(3);
    expect(second.output()).toMatch(/in use by another loket-yuki process/);

    const stopped = await terminate(service);
    expect(stopped.code).toBe(0);
    expect(stopped.ms).toBeLessThan(10_000);
    expect(existsSync(join(dataDir, 'loket-yuki.lock'))).toBe(false);
  }, 90_000);

  it('exits with one readable line per bad setting', async () => {
    const bad = startCli(['serve'], { ...env, PORT: 'eighty', APP_MASTER_KEY: 'short' });
    const { code } = await bad.exited;
    expect(code).toBe(2);
    expect(bad.output()).toMatch(/PORT: .*\n.*APP_MASTER_KEY: must be 32 bytes/);
    expect(bad.output()).not.toMatch(/\n\s+at /);
  });
});
