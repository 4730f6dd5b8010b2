/**
 * /openapi.json tells a script how to authenticate: the session cookie and, on state-changing requests,
 * the CSRF header; public routes need neither. The portal overview gives the Yuki ids.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../main/app.ts';
import { startJobEngine, type JobEngine } from '../jobs/engine.ts';
import type { DatabaseHandle } from '../store/database.ts';
import { openTestDatabase } from '../../test/support/database.ts';
import { testLogger } from '../../test/support/logger.ts';
import { createTestServices } from '../../test/support/services.ts';

type Operation = { security?: Array<Record<string, string[]>> };
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: {
    securitySchemes: Record<string, { type: string; in: string; name: string }>;
    schemas: Record<string, { properties?: Record<string, unknown> }>;
  };
};

describe('/openapi.json', () => {
  let database: DatabaseHandle;
  let jobs: JobEngine;
  let document: Document;
  beforeAll(async () => {
    database = await openTestDatabase();
    jobs = await startJobEngine({ database, logger: testLogger, supervise: false, instanceName: 'openapi' });
    const app = createApp(createTestServices({ database, jobs }));
    document = (await (await app.request('/openapi.json')).json()) as Document;
  }, 60_000);
  afterAll(async () => {
    await jobs?.stop();
    await database?.close();
  });

  it('describes the session cookie and the CSRF header as security schemes, per operation', () => {
    expect(document.components.securitySchemes).toMatchObject({
      session: { type: 'apiKey', in: 'cookie', name: 'ly_session' },
      csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
    });
    expect(document.paths['/api/auth/login']!.post!.security).toEqual([]);
    expect(document.paths['/api/portals']!.get!.security).toEqual([{ session: [] }]);
    expect(document.paths['/api/portals']!.post!.security).toEqual([{ session: [], csrf: [] }]);
    const unsecured = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, operation]) => operation.security === undefined)
        .map(([method]) => `${method} ${path}`),
    );
    expect(unsecured).toEqual([]);
  });

  it("gives each domain's and administration's Yuki id in the portal overview", () => {
    const overview = JSON.stringify(document.components.schemas.PortalOverview);
    expect(overview).toContain('yukiDomainId');
    expect(overview).toContain('yukiAdministrationId');
  });
});
