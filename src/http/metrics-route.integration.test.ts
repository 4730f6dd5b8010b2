/**
 * /metrics is off unless configured, needs the METRICS_TOKEN on the service's port, and shows what the
 * database holds (documents by kind and state) at each scrape.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createApp } from '../main/app.ts';
import { metricsApp } from './metrics-route.ts';
import { startJobEngine, type JobEngine } from '../jobs/engine.ts';
import type { DatabaseHandle } from '../store/database.ts';
import { importItems } from '../store/schema/index.ts';
import { openTestDatabase } from '../../test/support/database.ts';
import { testLogger } from '../../test/support/logger.ts';
import { createTestServices } from '../../test/support/services.ts';
import { createTenants } from '../../test/support/tenants.ts';
import { observeCall } from '../platform/metrics.ts';

const TOKEN = randomBytes(24).toString('base64url');

function gauge(text: string, line: string): number | undefined {
  const match = new RegExp(`^${line.replace(/[{}"]/g, '\\$&')} (\\S+)$`, 'm').exec(text);
  return match ? Number(match[1]) : undefined;
}

describe('/metrics', () => {
  let database: DatabaseHandle;
  let jobs: JobEngine;
  beforeAll(async () => {
    database = await openTestDatabase();
    jobs = await startJobEngine({ database, logger: testLogger, supervise: false, instanceName: 'metrics' });
  }, 60_000);
  afterAll(async () => {
    await jobs?.stop();
    await database?.close();
  });

  it('is absent without METRICS_TOKEN and refuses a wrong token', async () => {
    const closed = createApp(createTestServices({ database, jobs }));
    expect((await closed.request('/metrics')).status).toBe(404);
    const open = createApp(createTestServices({ database, jobs, env: { METRICS_TOKEN: TOKEN } }));
    expect((await open.request('/metrics')).status).toBe(401);
    const wrong = await open.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.status).toBe(401);
  });

  it('counts documents by kind and state from the database, and Loket/Yuki call latency', async () => {
    const app = createApp(createTestServices({ database, jobs, env: { METRICS_TOKEN: TOKEN } }));
    const scrape = async () => {
      const response = await app.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/plain');
      return response.text();
    };
    const posted = 'loket_yuki_documents{kind="payslip",state="posted"}';
    expect(gauge(await scrape(), posted)).toBeUndefined();
    const tenants = await createTenants(database.db);
    await database.db.insert(importItems).values(
      [0, 1, 2].map((index) => ({
        key: `metrics-${index}`,
        marker: `mm${index}`,
        administrationId: tenants.a.standardId,
        kind: 'payslip' as const,
        loketObjectId: `o${index}`,
        version: '1',
        periodId: 202610,
        periodEndDate: '2026-10-31',
        subject: 'Loonstrook',
        state: index < 2 ? ('posted' as const) : ('waiting_quota' as const),
        yukiDocumentId: index < 2 ? `doc-${index}` : null,
      })),
    );
    observeCall('yuki', 'ProcessJournal', 0.3, 'yuki.daily_limit');
    const text = await scrape();
    expect(gauge(text, posted)).toBe(2);
    expect(gauge(text, 'loket_yuki_items_waiting{reason="quota"}')).toBe(1);
    expect(gauge(text, 'loket_yuki_external_call_errors_total{api="yuki",code="yuki.daily_limit"}')).toBe(1);
    expect(text).toContain('loket_yuki_external_call_duration_seconds_bucket{le="0.5",api="yuki"');
  });

  it('serves /metrics alone on the metrics port app, token optional', async () => {
    const app = metricsApp(database.db, undefined);
    const response = await app.request('/metrics');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('loket_yuki_documents');
    expect((await app.request('/api/portals')).status).toBe(404);
  });
});
