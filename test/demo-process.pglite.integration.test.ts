import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
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

  it('says in one line that the demo cannot start on PORT=abc or a busy sandbox port (issue 14.10)', async () => {
    const abc = startCli(['demo'], { ...env, PORT: 'abc' });
    expect((await abc.exited).code).toBe(2);
    expect(abc.output()).toMatch(/^loket-yuki: the configuration has problems:\n {2}PORT: .+\n$/);

    // The demo's Loket sandbox listens on PORT+1: hold that port and start the demo on PORT.
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const held = (holder.address() as AddressInfo).port;
    try {
      const busy = startCli(['demo'], { ...env, PORT: String(held - 1) });
      expect((await busy.exited).code).toBe(4);
      expect(busy.output()).toBe(
        `loket-yuki: port ${held} is already in use; stop what uses it or choose another PORT (the demo also uses PORT+1 and PORT+2 for its Loket and Yuki sandboxes)\n`,
      );
    } finally {
      holder.close();
    }
  }, 90_000);
});
