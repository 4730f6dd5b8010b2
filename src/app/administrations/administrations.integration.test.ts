/**
 * The administration commands and queries of the application layer, called directly on a real
 * database with both sandboxes over HTTP: each change is stored together with its audit row, and a
 * refused change leaves the administration as it was and a `refused` audit row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppWithSandboxes, type AppWithSandboxes } from '../../../test/support/app-with-sandboxes.ts';
import { linkBakeryThroughApi } from '../../../test/support/bakery-link.ts';
import { roleSessions } from '../../../test/support/role-sessions.ts';
import { auditRows, changedByRole } from '../../../test/support/app-commands.ts';
import type { ChangedBy } from '../command.ts';
import { loadAdministrationScope } from '../scope.ts';
import { importQueues } from '../../jobs/import-queues.ts';
import { changeRelationCode } from './change-relation-code.ts';
import { changeLinkSettings } from './change-link-settings.ts';
import { requestImport } from './request-import.ts';
import { getLinkStatus } from './get-link-status.ts';

describe('app/administrations: commands with their audit rows', () => {
  let setup: AppWithSandboxes;
  let by: ChangedBy;
  const { api } = roleSessions(() => setup);
  const target = async (id: string) => (await loadAdministrationScope(setup.database.db, id))!;
  const stored = async (id: string) => (await target(id)).administration;

  beforeAll(async () => {
    setup = await startAppWithSandboxes({ instanceName: 'app-administrations' });
    await linkBakeryThroughApi({ api, loket: setup.loket, yuki: setup.yuki, tenants: setup.tenants });
    await setup.jobs.ensureQueues(importQueues);
    by = await changedByRole(setup.database.db, setup.tenants, 'backoffice');
  }, 60_000);
  afterAll(() => setup?.close());

  it('clears and sets the Relatiecode, resolved in Loket, each with an ok audit row', async () => {
    const id = setup.tenants.a.standardId;
    const cleared = await changeRelationCode(setup.services, by, {
      target: await target(id),
      relationCode: null,
    });
    expect(cleared.relationCode).toBeNull();
    expect(cleared.loketPayrollAdministrationId).toBeNull();

    const linked = await changeRelationCode(setup.services, by, {
      target: await target(id),
      relationCode: 10231,
    });
    expect(linked.relationCode).toBe(10231);
    expect(linked.loketPayrollAdministrationName).toBeTruthy();
    expect((await stored(id)).loketPeriodType).toBe('month');

    const [set, clear] = await auditRows(setup.database.db, 'administration.relation_code.update');
    expect(set).toMatchObject({
      outcome: 'ok',
      administrationId: id,
      actorLabel: setup.tenants.emails.backoffice,
      changedFields: ['relationCode'],
      details: { relationCode: 10231 },
    });
    expect(clear).toMatchObject({ outcome: 'ok', details: { relationCode: null } });
  });

  it('refuses a Relatiecode another administration has: nothing changes, a refused audit row', async () => {
    const id = setup.tenants.a.groupStandardId;
    const before = await stored(id);
    await expect(
      changeRelationCode(setup.services, by, { target: await target(id), relationCode: 10231 }),
    ).rejects.toMatchObject({ code: 'relation_code_taken' });
    expect(await stored(id)).toEqual(before);
    const [refused] = await auditRows(setup.database.db, 'administration.relation_code.update');
    expect(refused).toMatchObject({
      outcome: 'refused',
      administrationId: id,
      changedFields: [],
      details: { relationCode: 10231, reason: 'relation_code_taken' },
    });
  });

  it("refuses another employer's client number with both sides, and saves it only confirmed, audited", async () => {
    const id = setup.tenants.a.standardId;
    const before = await stored(id);
    // 20417 is Van der Berg Installatietechniek B.V. in the Loket sandbox, not the bakery.
    const refusal = await changeRelationCode(setup.services, by, { target: await target(id), relationCode: 20417 }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).toMatchObject({
      code: 'relation_code_mismatch',
      sides: {
        yuki: { name: 'Bakkerij De Vries B.V.', cocNumber: '34128765' },
        loket: {
          clientNumber: 20417,
          companyName: 'Van der Berg Installatietechniek B.V.',
          cocNumber: '17283946',
          payrollTaxesNumber: '823456782L01',
        },
      },
    });
    expect(await stored(id)).toEqual(before);
    const [refused] = await auditRows(setup.database.db, 'administration.relation_code.update');
    expect(refused).toMatchObject({ outcome: 'refused', details: { relationCode: 20417, reason: 'relation_code_mismatch' } });

    const linked = await changeRelationCode(setup.services, by, {
      target: await target(id),
      relationCode: 20417,
      confirm: true,
    });
    expect(linked.relationCode).toBe(20417);
    const [confirmed] = await auditRows(setup.database.db, 'administration.relation_code.update');
    expect(confirmed).toMatchObject({
      outcome: 'ok',
      details: {
        relationCode: 20417,
        confirmedMismatch: true,
        yukiName: 'Bakkerij De Vries B.V.',
        loketName: 'Van der Berg Installatietechniek B.V.',
      },
    });

    // The bakery's own number is the same company on both sides: saved without confirm, no mismatch noted.
    const own = await changeRelationCode(setup.services, by, { target: await target(id), relationCode: 10231 });
    expect(own.relationCode).toBe(10231);
    const [back] = await auditRows(setup.database.db, 'administration.relation_code.update');
    expect(back).toMatchObject({ outcome: 'ok', details: { relationCode: 10231 } });
    expect(back!.details).not.toHaveProperty('confirmedMismatch');
  });

  it('refuses a non-standard administration without a contract line', async () => {
    const id = setup.tenants.a.nonStandardId;
    await expect(
      changeRelationCode(setup.services, by, { target: await target(id), relationCode: 99999 }),
    ).rejects.toMatchObject({ code: 'contract_line_required' });
    expect((await stored(id)).relationCode).toBeNull();
    const [refused] = await auditRows(setup.database.db, 'administration.relation_code.update');
    expect(refused).toMatchObject({ outcome: 'refused', details: { reason: 'contract_line_required' } });
    expect((await getLinkStatus(setup.database.db, id))!.missing).toEqual(
      expect.arrayContaining(['contract_line', 'relation_code']),
    );
    expect((await getLinkStatus(setup.database.db, setup.tenants.a.standardId))!.missing).toEqual([]);
  });

  it('saves link settings with the changed field names, and refuses a period the year lacks', async () => {
    const id = setup.tenants.a.standardId;
    const saved = await changeLinkSettings(setup.database.db, by, {
      target: await target(id),
      input: { autoImport: false, importFromPeriod: '2026-03' },
    });
    expect(saved).toMatchObject({ autoImport: false, importFromPeriod: '2026-03' });
    const [ok] = await auditRows(setup.database.db, 'administration.link_settings.update');
    expect(ok).toMatchObject({ outcome: 'ok', changedFields: ['autoImport', 'importFromPeriod'] });

    // A monthly administration has no 13th period.
    await expect(
      changeLinkSettings(setup.database.db, by, {
        target: await target(id),
        input: { importFromPeriod: '2026-13' },
      }),
    ).rejects.toMatchObject({ code: 'period_not_in_year' });
    expect((await stored(id)).importFromPeriod).toBe('2026-03');
    const [refused] = await auditRows(setup.database.db, 'administration.link_settings.update');
    expect(refused).toMatchObject({ outcome: 'refused', details: { reason: 'period_not_in_year' } });
  });

  it('queues Import now with an audit row, and refuses a window whose first period is after its last', async () => {
    const id = setup.tenants.a.standardId;
    await requestImport(setup.services, by, await target(id));
    const [queued] = await auditRows(setup.database.db, 'import.requested');
    expect(queued).toMatchObject({ outcome: 'ok', administrationId: id, details: { trigger: 'manual' } });

    await expect(
      requestImport(setup.services, by, await target(id), { fromPeriodId: 202605, toPeriodId: 202602 }),
    ).rejects.toMatchObject({ code: 'period_order' });
    const [refused] = await auditRows(setup.database.db, 'import.requested');
    expect(refused).toMatchObject({
      outcome: 'refused',
      details: { trigger: 'backfill', reason: 'period_order' },
    });
  });
});
