import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoPayrollAdministration, startLoketSandbox } from '../../sandbox/loket/index.ts';
import type { RunningLoketSandbox } from '../../sandbox/loket/index.ts';
import { listEmployers, listEmployments } from './employers.ts';
import { LoketDownloadTooLargeError, LoketSessionExpiredError, LoketUnavailableError } from './errors.ts';
import { passwordGrant, refreshTokens } from './oauth.ts';
import { getPayrollRun, listApprovedPayrollRuns } from './payroll-runs.ts';
import { downloadPayslipPdf } from './payslips.ts';
import { sandboxFixture } from '../../test/support/loket-fixture.ts';
import type { SandboxFixture } from '../../test/support/loket-fixture.ts';
import { collectAll } from './paging.ts';
import { timersOf } from '../../test/support/timers.ts';

const bakery = demoPayrollAdministration(10231);
let sandbox: RunningLoketSandbox;
let fixture: SandboxFixture;

beforeAll(async () => {
  sandbox = await startLoketSandbox({ today: '2026-11-18', tokenTtlSeconds: 1 });
  fixture = await sandboxFixture(sandbox);
});
afterEach(async () => {
  await fixture.control('/faults', undefined, 'DELETE');
});
afterAll(() => sandbox.close());

/** Real fetch that counts API calls and the most that were in flight at once. */
function countingFetch() {
  const stats = { calls: 0, active: 0, peak: 0 };
  const counted: typeof fetch = async (input, init) => {
    const isApi = String(input).includes('/v2/');
    if (isApi) {
      stats.calls += 1;
      stats.active += 1;
      stats.peak = Math.max(stats.peak, stats.active);
    }
    try {
      return await fetch(input, init);
    } finally {
      if (isApi) stats.active -= 1;
    }
  };
  return { stats, fetch: counted };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function firstPayslip(connection: Awaited<ReturnType<SandboxFixture['connect']>>['connection']) {
  const [employment] = await collectAll(listEmployments(connection, bakery.employerId));
  const [run] = await collectAll(listApprovedPayrollRuns(connection, bakery.payrollAdministrationId));
  if (!employment || !run) throw new Error('no payslip in the sandbox');
  return { employmentId: employment.id, payrollRunId: run.id };
}

describe('tokens', () => {
  it('refreshes once after a 401 on an expired token and hands the rotated tokens to onTokens', async () => {
    const { stats, fetch } = countingFetch();
    // The client believes the token lives an hour; Loket has already let it expire.
    const tokens = {
      ...(await passwordGrant(fixture.oauth, fixture.credentials.users[0] ?? { username: '', password: '' })),
      expiresAt: Date.now() + 3_600_000,
    };
    const { connection, rotations } = await fixture.connect({
      connection: { tokens, refreshMarginMs: 0, fetch },
    });
    await wait(1100);
    expect(await collectAll(listEmployers(connection))).toHaveLength(3);
    expect(stats.calls).toBe(2);
    expect(rotations).toHaveLength(1);
    expect(rotations[0]?.refreshToken).not.toBe(tokens.refreshToken);
    await expect(refreshTokens(fixture.oauth, tokens.refreshToken)).rejects.toBeInstanceOf(
      LoketSessionExpiredError,
    );
  });

  it('refreshes before expiry without a 401 when within the margin', async () => {
    const { stats, fetch } = countingFetch();
    const { connection, rotations } = await fixture.connect({ connection: { refreshMarginMs: 5000, fetch } });
    expect(await collectAll(listEmployers(connection))).toHaveLength(3);
    expect(rotations).toHaveLength(1);
    expect(stats.calls).toBe(1);
  });

  it('runs one refresh for many requests that find the token expired at once', async () => {
    const { connection, rotations } = await fixture.connect({
      connection: { refreshMarginMs: 0, maxConcurrency: 8 },
    });
    const [run] = await collectAll(listApprovedPayrollRuns(connection, bakery.payrollAdministrationId));
    await wait(1100);
    const runs = await Promise.all(Array.from({ length: 8 }, () => getPayrollRun(connection, run?.id ?? '')));
    expect(runs.every((candidate) => candidate.id === run?.id)).toBe(true);
    expect(rotations).toHaveLength(1);
  });

  it('gives a typed auth error when the session cannot be refreshed, and signs in again when it can', async () => {
    const { connection } = await fixture.connect({
      connection: {
        tokens: { accessToken: 'verlopen', refreshToken: 'ingetrokken', expiresAt: Date.now() + 3_600_000 },
      },
    });
    await expect(collectAll(listEmployers(connection))).rejects.toBeInstanceOf(LoketSessionExpiredError);

    const user = fixture.credentials.users[0] ?? { username: '', password: '' };
    const { connection: recovering, rotations } = await fixture.connect({
      connection: {
        tokens: { accessToken: 'verlopen', refreshToken: 'ingetrokken', expiresAt: Date.now() + 3_600_000 },
        reauthenticate: () => passwordGrant(fixture.oauth, user),
        refreshMarginMs: 0,
      },
    });
    expect(await collectAll(listEmployers(recovering))).toHaveLength(3);
    expect(rotations).toHaveLength(1);
  });

  it('survives tokens that die early (fault), refreshing as often as needed', async () => {
    sandbox.setFaults({ earlyTokenExpiry: true });
    const { connection, rotations } = await fixture.connect({ connection: { refreshMarginMs: 0 } });
    const employments = await collectAll(listEmployments(connection, bakery.employerId, { pageSize: 4 }));
    expect(employments).toHaveLength(bakery.employees);
    expect(rotations).toHaveLength(2);
  });
});

describe('faults and limits', () => {
  it('retries 5xx with backoff and succeeds', async () => {
    sandbox.setFaults({ serverErrorRate: 0.5 });
    const { stats, fetch } = countingFetch();
    const { connection } = await fixture.connect({ connection: { fetch } });
    expect(await collectAll(listEmployers(connection))).toHaveLength(3);
    expect(stats.calls).toBe(2);
  });

  it('gives up after the configured attempts with a retryable error', async () => {
    sandbox.setFaults({ serverErrorRate: 1 });
    const { stats, fetch } = countingFetch();
    const { connection } = await fixture.connect({
      connection: { fetch, retry: { attempts: 3, baseDelayMs: 5 } },
    });
    const failure = collectAll(listEmployers(connection));
    await expect(failure).rejects.toBeInstanceOf(LoketUnavailableError);
    await expect(failure).rejects.toMatchObject({ retryable: true });
    expect(stats.calls).toBe(3);
  });

  it('waits as long as Retry-After says on a 429', async () => {
    sandbox.setFaults({ rateLimitRate: 0.5, retryAfterSeconds: 1 });
    const { connection } = await fixture.connect();
    const started = Date.now();
    expect(await collectAll(listEmployers(connection))).toHaveLength(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('does not wait beyond its bound: a long Retry-After surfaces for rescheduling', async () => {
    sandbox.setFaults({ rateLimitRate: 1, retryAfterSeconds: 120 });
    const { stats, fetch } = countingFetch();
    const { connection } = await fixture.connect({ connection: { fetch } });
    await expect(collectAll(listEmployers(connection))).rejects.toMatchObject({
      code: 'loket.unavailable',
      retryAfterMs: 120_000,
    });
    expect(stats.calls).toBe(1);
  });

  it('tolerates latency', async () => {
    sandbox.setFaults({ latencyMs: 300 });
    const { connection } = await fixture.connect();
    const started = Date.now();
    expect(await collectAll(listEmployers(connection))).toHaveLength(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('gives up on a request that does not answer within its timeout, after retrying it', async () => {
    sandbox.setFaults({ latencyMs: 2000 });
    const { stats, fetch } = countingFetch();
    const { connection } = await fixture.connect({
      connection: { fetch, timeoutMs: 200, retry: { attempts: 2, baseDelayMs: 5 } },
    });
    const started = Date.now();
    await expect(collectAll(listEmployers(connection))).rejects.toMatchObject({
      code: 'loket.unavailable',
      detail: expect.stringContaining('gave up after 2 attempts'),
    });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(stats.calls).toBe(2);
  });

  it('cuts a body that stops coming at the same time limit: headers in time are not enough', async () => {
    // Headers at once, then the body stalls until the request's signal gives up on it, as undici's does.
    const stalling: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!String(input).includes('/v2/')) return response;
      await response.body?.cancel();
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"_embedded":['));
          init?.signal?.addEventListener('abort', () => controller.error(init.signal!.reason));
        },
      });
      return new Response(body, { status: 200, headers: response.headers });
    };
    const { connection } = await fixture.connect({
      connection: { fetch: stalling, timeoutMs: 200, retry: { attempts: 2, baseDelayMs: 5 } },
    });
    const started = Date.now();
    await expect(collectAll(listEmployers(connection))).rejects.toMatchObject({
      code: 'loket.unavailable',
      detail: expect.stringContaining('TimeoutError'),
    });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('lets a finished request’s timer go, not when its time limit would have passed', async () => {
    const { connection } = await fixture.connect({ connection: { timeoutMs: 60_000 } });
    await collectAll(listEmployers(connection));
    const timers = await timersOf(60_000, async () => {
      for (let call = 0; call < 20; call++) await collectAll(listEmployers(connection));
    });
    expect(timers).toEqual({ set: 20, leftRunning: 0 });
  });

  it("stops a caller's requests when its signal aborts, waiting or running, and serves the others", async () => {
    // Below the sandbox's one-second token life here, so the slow request itself still gets through.
    sandbox.setFaults({ latencyMs: 700 });
    const { stats, fetch } = countingFetch();
    const { connection } = await fixture.connect({ connection: { fetch, maxConcurrency: 1 } });
    const busy = collectAll(listEmployers(connection));
    const controller = new AbortController();
    const view = connection.withSignal(controller.signal);
    // The view shares the one slot: its request waits behind `busy` until the signal gives up on it.
    const waiting = collectAll(listEmployers(view));
    setTimeout(() => controller.abort(new Error('deadline')), 100);
    const started = Date.now();
    await expect(waiting).rejects.toMatchObject({
      code: 'loket.unavailable',
      detail: expect.stringContaining('abandoned'),
    });
    expect(Date.now() - started).toBeLessThan(500);
    expect(await busy).toHaveLength(3);
    expect(stats.calls).toBe(1);

    // A request already on its way stops too, and is not retried.
    const running = new AbortController();
    const runningView = connection.withSignal(running.signal);
    setTimeout(() => running.abort(new Error('deadline')), 100);
    await expect(collectAll(listEmployers(runningView))).rejects.toMatchObject({ code: 'loket.unavailable' });
    expect(stats.calls).toBe(2);
    expect(connection.inFlight).toBe(0);
  });

  it('retries a JSON body cut off halfway', async () => {
    sandbox.setFaults({ truncateRate: 0.5 });
    const { stats, fetch } = countingFetch();
    const { connection } = await fixture.connect({ connection: { fetch } });
    expect(await collectAll(listEmployers(connection))).toHaveLength(3);
    expect(stats.calls).toBe(2);
  });

  it('reports a PDF cut off halfway as a retryable error from the stream', async () => {
    const { connection } = await fixture.connect();
    const { employmentId, payrollRunId } = await firstPayslip(connection);
    sandbox.setFaults({ truncateRate: 1 });
    const download = await downloadPayslipPdf(connection, employmentId, payrollRunId);
    await expect(collectAll(download.stream)).rejects.toBeInstanceOf(LoketUnavailableError);
    expect(connection.inFlight).toBe(0);
  });

  it('refuses a PDF above the size cap', async () => {
    const { connection } = await fixture.connect();
    const { employmentId, payrollRunId } = await firstPayslip(connection);
    await expect(
      downloadPayslipPdf(connection, employmentId, payrollRunId, { maxBytes: 500 }),
    ).rejects.toBeInstanceOf(LoketDownloadTooLargeError);
    expect(connection.inFlight).toBe(0);
  });

  it('keeps at most maxConcurrency requests in flight per connection', async () => {
    sandbox.setFaults({ latencyMs: 50 });
    const { stats, fetch } = countingFetch();
    const { connection } = await fixture.connect({ connection: { fetch, maxConcurrency: 2 } });
    await Promise.all(Array.from({ length: 8 }, () => collectAll(listEmployers(connection))));
    expect(stats.calls).toBe(8);
    expect(stats.peak).toBe(2);
  });
});
