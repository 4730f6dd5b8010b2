/**
 * @module memory.bench
 * P2 (issue 13): memory of the embedded service, each figure from a child process of its own — the
 * idle `loket-yuki all` (second start on its data directory, as in production) and the peak RSS of
 * an import at a large size against the same at 100 employees.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const MB = 1024 * 1024;

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
  return Number(kb ?? 0) * 1024;
}

type IdleRss = { afterStart: number; settled: number };

/**
 * Starts `loket-yuki all` on the data directory and answers its RSS 5 s after it answers (`afterStart`)
 * and once idle (`settled`, 30 s): V8's memory reducer gives back the start's garbage only after ~10–20 s.
 */
async function idleServiceRss(dataDir: string, port: number): Promise<IdleRss> {
  const child = spawn(process.execPath, [join(root, 'bin/loket-yuki.js'), 'all'], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      APP_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  try {
    const until = Date.now() + 120_000;
    for (;;) {
      const up = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      if (Date.now() > until || child.exitCode !== null) throw new Error('loket-yuki all did not start');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const afterStart = rssOf(child.pid!);
    await new Promise((resolve) => setTimeout(resolve, 25_000));
    return { afterStart, settled: rssOf(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

async function peakImportRss(employees: number): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-yuki-memory-'));
  try {
    await runChild(employees, dataDir, 'init');
    return await runChild(employees, dataDir, 'import');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function runChild(employees: number, dataDir: string, mode: 'init' | 'import'): Promise<number> {
  return new Promise((resolve, reject) => {
    const script = join(root, 'bench/memory-child.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', script, String(employees), dataDir, mode], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => {
      if (mode === 'init' && code === 0) return resolve(0);
      const line = out.split('\n').find((l) => l.startsWith('{"peakRssBytes"'));
      if (code !== 0 || !line) return reject(new Error(`memory child exited ${code}: ${out.slice(-500)}`));
      resolve((JSON.parse(line) as { peakRssBytes: number }).peakRssBytes);
    });
  });
}

export async function memoryBench(employees: number): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-yuki-idle-'));
  try {
    // The first start creates the cluster and migrates; the service's everyday life is the second.
    const first = await idleServiceRss(dataDir, 39_171);
    // RSS varies ±20 MB per start (what compiler threads leave in malloc): the median of three.
    const starts: IdleRss[] = [];
    for (let start = 0; start < 3; start++) starts.push(await idleServiceRss(dataDir, 39_171));
    const median = (values: number[]) => values.sort((a, b) => a - b)[1] ?? 0;
    const settled = median(starts.map((s) => s.settled));
    const afterStart = median(starts.map((s) => s.afterStart));
    console.log(
      `P2 idle embedded service ${(settled / MB).toFixed(0)} MB RSS once settled (goal ≤ 250 MB), ` +
        `${(afterStart / MB).toFixed(0)} MB 5 s after start (median of 3 starts); first start on a fresh ` +
        `data directory ${(first.afterStart / MB).toFixed(0)} MB, settled ${(first.settled / MB).toFixed(0)} MB`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const small = await peakImportRss(100);
  const large = await peakImportRss(employees);
  console.log(
    `P2 peak RSS importing ${employees} employees ${(large / MB).toFixed(0)} MB vs 100 employees ` +
      `${(small / MB).toFixed(0)} MB: ${large >= small ? '+' : '−'}${(Math.abs(large - small) / MB).toFixed(0)} MB (goal ≤ +64 MB)`,
  );
}
