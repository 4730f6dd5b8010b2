/**
 * The domain commands and queries of the application layer, called directly on a real database with
 * both sandboxes over HTTP: each change is stored together with its audit row, and a refused change
 * leaves the domain as it was and a `refused` audit row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startAppWithSandboxes, type AppWithSandboxes } from '../../../test/support/app-with-sandboxes.ts';
import { roleSessions } from '../../../test/support/role-sessions.ts';
import { auditRows, changedByRole } from '../../../test/support/app-commands.ts';
import type { SandboxCredentials } from '../../../test/support/loket-fixture.ts';
import { contractLines, loketConnections } from '../../store/schema/index.ts';
import { LOKET_FEATURE } from '../../core/policy.ts';
import type { ChangedBy } from '../command.ts';
import { loadDomainScope } from '../scope.ts';
import { changeDomainFeature } from './change-domain-feature.ts';
import { changeLoketConnection } from './change-loket-connection.ts';
import { testLoketConnection } from './test-loket-connection.ts';
import { requestContractLine } from './request-contract-line.ts';
import { getDomain } from './get-domain.ts';
import { getLoketConnection } from './get-loket-connection.ts';

describe('app/domains: commands with their audit rows', () => {
  let setup: AppWithSandboxes;
  let admin: ChangedBy;
  let backoffice: ChangedBy;
  let credentials: SandboxCredentials;
  const { api } = roleSessions(() => setup);
  const bakery = () => setup.tenants.a.domainIds[0];
  const group = () => setup.tenants.a.domainIds[1];
  const scope = async (id: string) => (await loadDomainScope(setup.database.db, id))!;
  const connectionRows = (id: string) =>
    setup.database.db.select().from(loketConnections).where(eq(loketConnections.domainId, id));

  beforeAll(async () => {
    setup = await startAppWithSandboxes({ instanceName: 'app-domains' });
    credentials = (await (await fetch(`${setup.loket.controlUrl}/credentials`)).json()) as SandboxCredentials;
    admin = await changedByRole(setup.database.db, setup.tenants, 'portal_admin');
    backoffice = await changedByRole(setup.database.db, setup.tenants, 'backoffice');
  }, 60_000);
  afterAll(() => setup?.close());

  it('adds and removes the Loket feature, each with its audit row', async () => {
    const added = await changeDomainFeature(setup.database.db, admin, {
      scope: await scope(bakery()),
      feature: LOKET_FEATURE,
      change: 'add',
    });
    expect(added).toEqual([LOKET_FEATURE]);
    const removed = await changeDomainFeature(setup.database.db, admin, {
      scope: await scope(group()),
      feature: LOKET_FEATURE,
      change: 'remove',
    });
    expect(removed).toEqual([]);
    expect((await scope(bakery())).features.has(LOKET_FEATURE)).toBe(true);
    const [add] = await auditRows(setup.database.db, 'domain.feature.add');
    expect(add).toMatchObject({ outcome: 'ok', domainId: bakery(), targetId: LOKET_FEATURE });
    const [remove] = await auditRows(setup.database.db, 'domain.feature.remove');
    expect(remove).toMatchObject({ outcome: 'ok', domainId: group() });
  });

  it('refuses a Loket user while the portal has no password flow: no connection, a refused row', async () => {
    const user = credentials.users.find((candidate) => candidate.username === 'koppeling.yuki')!;
    await expect(
      changeLoketConnection(setup.services, backoffice, {
        scope: await scope(bakery()),
        input: { username: user.username, password: user.password },
      }),
    ).rejects.toMatchObject({ code: 'loket_password_flow_off' });
    expect(await connectionRows(bakery())).toEqual([]);
    const [refused] = await auditRows(setup.database.db, 'domain.loket_connection.update');
    expect(refused).toMatchObject({ outcome: 'refused', details: { reason: 'loket_password_flow_off' } });
  });

  it('saves the Loket user with the changed field names and tests it, both audited', async () => {
    await api('portal_admin', 'PUT', `/api/portals/${setup.tenants.a.portalId}/loket-settings`, {
      loketClientId: credentials.passwordClient.clientId,
      loketClientSecret: credentials.passwordClient.clientSecret,
      loketPasswordFlow: true,
      loketEnvironment: 'acceptance',
    });
    const user = credentials.users.find((candidate) => candidate.username === 'koppeling.yuki')!;
    const changed = await changeLoketConnection(setup.services, backoffice, {
      scope: await scope(bakery()),
      input: { username: user.username, password: user.password, environmentCode: credentials.provider.name },
    });
    expect(changed).toEqual(['method', 'username', 'environmentCode', 'password']);
    const [saved] = await auditRows(setup.database.db, 'domain.loket_connection.update');
    expect(saved).toMatchObject({ outcome: 'ok', changedFields: changed });
    expect(JSON.stringify(saved)).not.toContain(user.password);

    const result = await testLoketConnection(setup.services, backoffice, { scope: await scope(bakery()) });
    expect(result).toMatchObject({ ok: true, missingRights: [], error: null });
    expect(await getLoketConnection(setup.database.db, bakery())).toMatchObject({ status: 'ok' });
    const [tested] = await auditRows(setup.database.db, 'domain.loket_connection.test');
    expect(tested).toMatchObject({ outcome: 'ok', details: { missingRights: [], error: null } });
  });

  it('keeps a failed connection test on the connection and audits it as failed', async () => {
    await changeLoketConnection(setup.services, backoffice, {
      scope: await scope(group()),
      input: { username: 'nobody', password: 'wrong' },
    });
    const result = await testLoketConnection(setup.services, backoffice, { scope: await scope(group()) });
    expect(result.ok).toBe(false);
    expect(await getLoketConnection(setup.database.db, group())).toMatchObject({ status: 'failed' });
    const [tested] = await auditRows(setup.database.db, 'domain.loket_connection.test');
    expect(tested).toMatchObject({ outcome: 'failed', domainId: group() });
  });

  it('requests a contract line with its audit row, and refuses one for the standard administration', async () => {
    const { nonStandardId, groupStandardId } = setup.tenants.a;
    const options = {
      operatorEmail: setup.services.config.operatorEmail,
      publicUrl: setup.services.config.publicUrl,
    };
    const { line } = await requestContractLine(setup.services, backoffice, {
      ...options,
      scope: await scope(group()),
      administrationId: nonStandardId,
    });
    expect(line).toMatchObject({ status: 'requested', administrationId: nonStandardId });
    const [requested] = await auditRows(setup.database.db, 'contract_line.request');
    expect(requested).toMatchObject({ outcome: 'ok', targetId: line.id, administrationId: nonStandardId });

    await expect(
      requestContractLine(setup.services, backoffice, {
        ...options,
        scope: await scope(group()),
        administrationId: groupStandardId,
      }),
    ).rejects.toMatchObject({ code: 'standard_needs_no_line' });
    const lines = await setup.database.db
      .select()
      .from(contractLines)
      .where(eq(contractLines.administrationId, groupStandardId));
    expect(lines).toEqual([]);
    const [refused] = await auditRows(setup.database.db, 'contract_line.request');
    expect(refused).toMatchObject({ outcome: 'refused', details: { reason: 'standard_needs_no_line' } });

    const domain = await getDomain(setup.database.db, await scope(group()));
    expect(domain.administrations.map((administration) => administration.name)).toEqual(
      [...domain.administrations.map((administration) => administration.name)].sort(),
    );
    expect(domain.contractLines).toEqual([expect.objectContaining({ id: line.id, status: 'requested' })]);
  });
});
