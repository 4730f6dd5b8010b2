/**
 * Loket ids as the spec allows them (any hex GUID, braces, upper case), over HTTP on the real app: the
 * connection test, the Relatiecode lookup and a plan all work, and what is stored is lower-case and dashed.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/support/database.ts';
import { testLogger } from '../../test/support/logger.ts';
import { createTestServices } from '../../test/support/services.ts';
import { linkBakeryThroughApi } from '../../test/support/bakery-link.ts';
import { roleSessions } from '../../test/support/role-sessions.ts';
import { createTenants, type Tenants } from '../../test/support/tenants.ts';
import { startLoketSandbox, type RunningLoketSandbox } from '../../sandbox/loket/index.ts';
import { demoFirm } from '../../sandbox/shared/demo-firm.ts';
import { parseYukiSandboxOptions, startYukiSandbox, type YukiSandbox } from '../../sandbox/yuki/index.ts';
import { sandboxEnv } from '../../sandbox/demo/sandboxes.ts';
import { createApp } from '../http/app.ts';
import { startJobEngine, type JobEngine } from '../jobs/engine.ts';
import type { DatabaseHandle } from '../store/database.ts';
import { administrations } from '../store/schema/index.ts';

const bakeryLoket = demoFirm.domains[0]!.administrations[0]!.loket!;

describe('Loket GUIDs that are not RFC 4122, spelled {UPPER-CASE}', () => {
  let database: DatabaseHandle;
  let jobs: JobEngine;
  let loket: RunningLoketSandbox;
  let yuki: YukiSandbox;
  let app: ReturnType<typeof createApp>;
  let tenants: Tenants;
  const { api } = roleSessions(() => ({ app, tenants }));

  beforeAll(async () => {
    database = await openTestDatabase();
    jobs = await startJobEngine({ database, logger: testLogger, supervise: false, instanceName: 'guids' });
    loket = await startLoketSandbox({ today: '2026-11-18', faults: { bracedGuids: true } });
    yuki = await startYukiSandbox(parseYukiSandboxOptions({}));
    app = createApp(createTestServices({ database, jobs, env: sandboxEnv(loket, yuki) }));
    tenants = await createTenants(database.db);
  }, 60_000);

  afterAll(async () => {
    await jobs?.stop();
    await Promise.all([loket?.close(), yuki?.close()]);
    await database?.close();
  });

  it('the sandbox really sends ids an RFC-only reader refuses', async () => {
    // Version nibble 0 / variant c (employer), SQL Server sequential style (payroll administration).
    expect(z.uuid().safeParse(bakeryLoket.employerId).success).toBe(false);
    expect(z.uuid().safeParse(bakeryLoket.payrollAdministrationId).success).toBe(false);
  });

  it('connection test and Relatiecode lookup succeed and store the one normalised form', async () => {
    await linkBakeryThroughApi({ api, loket, yuki, tenants });
    const [bakery] = tenants.a.domainIds;
    const test = await (
      await api('backoffice', 'POST', `/api/domains/${bakery}/loket-connection/test`)
    ).json();
    expect(test).toMatchObject({ ok: true, error: null });
    const [row] = await database.db
      .select()
      .from(administrations)
      .where(eq(administrations.id, tenants.a.standardId));
    expect(row).toMatchObject({
      relationCode: bakeryLoket.clientNumber,
      loketEmployerId: bakeryLoket.employerId,
      loketPayrollAdministrationId: bakeryLoket.payrollAdministrationId,
    });
  });

  it('plans the administration: payroll runs, journal runs and tax returns with such ids', async () => {
    const response = await api('backoffice', 'POST', `/api/administrations/${tenants.a.standardId}/imports`, {
      dryRun: true,
    });
    const { summary } = (await response.json()) as { summary: string };
    expect(summary).toMatch(/\d+ loonstro/);
  });
});
