/**
 * Loket ids as the spec allows them (any hex GUID, braces, upper case), over HTTP on the real app: the
 * connection test, the Relatiecode lookup and a plan all work, and what is stored is lower-case and dashed.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppWithSandboxes, type AppWithSandboxes } from '../../test/support/app-with-sandboxes.ts';
import { linkBakeryThroughApi } from '../../test/support/bakery-link.ts';
import { roleSessions } from '../../test/support/role-sessions.ts';
import type { Tenants } from '../../test/support/tenants.ts';
import type { RunningLoketSandbox } from '../../sandbox/loket/index.ts';
import { demoFirm } from '../../sandbox/shared/demo-firm.ts';
import type { YukiSandbox } from '../../sandbox/yuki/index.ts';
import type { createApp } from '../main/app.ts';
import type { DatabaseHandle } from '../store/database.ts';
import { administrations } from '../store/schema/index.ts';

const bakeryLoket = demoFirm.domains[0]!.administrations[0]!.loket!;

describe('Loket GUIDs that are not RFC 4122, spelled {UPPER-CASE}', () => {
  let database: DatabaseHandle;
  let loket: RunningLoketSandbox;
  let yuki: YukiSandbox;
  let app: ReturnType<typeof createApp>;
  let tenants: Tenants;
  let setup: AppWithSandboxes;
  const { api } = roleSessions(() => ({ app, tenants }));

  beforeAll(async () => {
    setup = await startAppWithSandboxes({
      instanceName: 'guids',
      loket: { today: '2026-11-18', faults: { bracedGuids: true } },
    });
    ({ database, loket, yuki, app, tenants } = setup);
  }, 60_000);

  afterAll(() => setup?.close());

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
