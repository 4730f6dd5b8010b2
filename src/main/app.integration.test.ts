import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/support/database.ts';
import { testLogger } from '../../test/support/logger.ts';
import { createTestServices } from '../../test/support/services.ts';
import type { DatabaseHandle } from '../store/database.ts';
import { startJobEngine, type JobEngine } from '../jobs/engine.ts';
import { createApp } from './app.ts';

describe('HTTP app', () => {
  let database: DatabaseHandle;
  let jobs: JobEngine;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    database = await openTestDatabase();
    jobs = await startJobEngine({ database, logger: testLogger, supervise: false, instanceName: 'test' });
    app = createApp(createTestServices({ database, jobs }));
  });
  afterAll(async () => {
    await jobs?.stop();
    await database?.close();
  });

  it('answers /healthz without touching the database', async () => {
    const response = await app.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz with 200 when the database and job engine answer', async () => {
    const response = await app.request('/readyz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', checks: { database: 'ok', jobs: 'ok' } });
  });

  it('sets a request id and secure headers on every response', async () => {
    const response = await app.request('/healthz');
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('publishes an OpenAPI document generated from the routes', async () => {
    const document = (await (await app.request('/openapi.json')).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/healthz', '/readyz']));
  });

  it('answers /readyz with 503 and the reason once the job engine is gone', async () => {
    await jobs.stop();
    const response = await app.request('/readyz');
    expect(response.status).toBe(503);
    const body = (await response.json()) as { status: string; checks: { jobs: string } };
    expect(body.status).toBe('not_ready');
    expect(body.checks.jobs).toMatch(/stopped/);
  });
});
