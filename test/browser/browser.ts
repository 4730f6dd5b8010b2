/**
 * @module browser
 * Not a test itself: the real demo service on free ports, Debian's chromium (never a downloaded
 * browser), and the two checks every page gets — a full-page screenshot in screenshots/ and an
 * axe-core scan that must find nothing serious or critical.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startCli, terminate, type CliProcess } from '../support/cli-process.ts';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOTS = join(process.cwd(), 'screenshots');
const AXE = join(process.cwd(), 'node_modules/axe-core/axe.min.js');

/** Why the browser suite cannot run here, or undefined when it can. */
export function browserMissing(): string | undefined {
  return existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is missing (apt-get install chromium)`;
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '0.0.0.0', () => server.close(() => resolve(true)));
  });
}

/** The demo needs PORT, PORT+1 (Loket) and PORT+2 (Yuki); PUBLIC_URL follows PORT, so CSRF origins match. */
async function freePortBase(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 30_000);
    if ((await portFree(base)) && (await portFree(base + 1)) && (await portFree(base + 2))) return base;
  }
  throw new Error('no three free ports in a row');
}

export type Demo = { url: string; loketUrl: string; yukiUrl: string; stop(): Promise<void> };

export async function startDemo(): Promise<Demo> {
  const port = await freePortBase();
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-yuki-browser-'));
  const service: CliProcess = startCli(['demo'], {
    PORT: String(port),
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    APP_MASTER_KEY: '',
    PUBLIC_URL: '',
  });
  const [, url] = await service.waitFor(/"url":"(http:\/\/[^"]+)"/, 90_000);
  return {
    url: url!,
    loketUrl: `http://127.0.0.1:${port + 1}`,
    yukiUrl: `http://127.0.0.1:${port + 2}`,
    async stop() {
      await terminate(service);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type Browser = { context: BrowserContext; page: Page; close(): Promise<void> };

export async function openBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'loket-yuki-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 800 },
  });
  // A missing element should fail its test quickly and say which, not hang until the test times out.
  context.setDefaultTimeout(10_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

type AxeViolation = { id: string; impact: string | null; help: string; nodes: Array<{ target: unknown }> };

/** Saves a full-page screenshot and returns the serious or critical axe violations on the page. */
export async function checkPage(page: Page, name: string): Promise<string[]> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  // Evaluated over the DevTools protocol: a script tag with inline code would be refused by our CSP.
  await page.evaluate(readFileSync(AXE, 'utf8'));
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run()).violations;
  })) as AxeViolation[];
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${name}: ${violation.id} (${violation.help}) at ${JSON.stringify(violation.nodes.map((node) => node.target))}`,
    );
}
