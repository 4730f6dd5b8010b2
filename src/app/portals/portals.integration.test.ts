/**
 * The portal commands and queries against a real database and the Yuki sandbox over HTTP: each change
 * lands with its audit row; a refusal or a Yuki failure changes nothing and leaves one audit row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { domains, portals } from '../../store/schema/index.ts';
import { createYukiClient } from '../../yuki/yuki.client.ts';
import { databaseCallBudget } from '../../sync/yuki-call-budget.ts';
import { startYukiSandbox, type YukiSandbox } from '../../../sandbox/yuki/index.ts';
import { openAppFixture, type AppFixture } from '../../../test/support/app-fixture.ts';
import { createPortal } from './create-portal.ts';
import { changeLoketSettings } from './change-loket-settings.ts';
import { getLoketSettings } from './get-loket-settings.ts';
import { syncPortalFromYuki } from './sync-portal-from-yuki.ts';
import { getPortalOverview } from './get-portal-overview.ts';
import { listPortals } from './list-portals.ts';
import { PORTAL_NOT_FOUND } from './find-portal.ts';

const UNKNOWN_PORTAL = '00000000-0000-4000-8000-000000000000';

describe('portal commands', () => {
  let app: AppFixture;
  let yuki: YukiSandbox;
  beforeAll(async () => {
    [app, yuki] = await Promise.all([openAppFixture(), startYukiSandbox({})]);
  });
  afterAll(async () => {
    await yuki?.close();
    await app?.close();
  });

  const syncDeps = () => ({
    db: app.db,
    secrets: app.secrets,
    yuki: createYukiClient({ baseUrl: yuki.url, budget: databaseCallBudget(app.db) }),
  });

  it('creates a portal with its audit row in that portal, which lists for the operator only', async () => {
    const operator = await app.by('operator');
    const portal = await createPortal(app.db, operator, { name: 'Kantoor Noord' });
    expect((await app.db.select().from(portals).where(eq(portals.id, portal.id)))[0]?.name).toBe(
      'Kantoor Noord',
    );
    expect(await app.audit('portal.create')).toMatchObject([
      {
        portalId: portal.id,
        targetId: portal.id,
        changedFields: ['name'],
        actorUserId: operator.actor.userId,
      },
    ]);
    const all = await listPortals(app.db, operator.actor, { everyForOperator: true });
    expect(all.map((row) => row.name)).toContain('Kantoor Noord');
    expect(await listPortals(app.db, operator.actor, { everyForOperator: false })).toEqual([]);
  });

  it('changes Loket settings: audited by field name, secrets stored encrypted and never shown', async () => {
    const portalId = app.tenants.a.portalId;
    const key = yuki.credentials()[0]!.key;
    const changed = await changeLoketSettings(
      { db: app.db, secrets: app.secrets },
      await app.by('portal_admin'),
      {
        portalId,
        input: { yukiAccessKey: key, lookbackPeriods: 4, autoImport: false },
      },
    );
    expect(changed).toEqual(['autoImport', 'lookbackPeriods', 'yukiAccessKey']);
    const [stored] = await app.db.select().from(portals).where(eq(portals.id, portalId));
    expect(stored?.yukiAccessKeyEnc).toMatch(/^v1\./);
    expect(JSON.stringify(stored)).not.toContain(key);
    expect(await getLoketSettings(app.db, portalId)).toMatchObject({
      hasYukiAccessKey: true,
      lookbackPeriods: 4,
    });
    const [row] = await app.audit('portal.loket_settings.update');
    expect(row).toMatchObject({ portalId, changedFields: changed, outcome: 'ok' });
    expect(JSON.stringify(row)).not.toContain(key);
  });

  it('refuses the settings of a portal that does not exist, and audits the refusal', async () => {
    const change = changeLoketSettings({ db: app.db, secrets: app.secrets }, await app.by('operator'), {
      portalId: UNKNOWN_PORTAL,
      input: { lookbackPeriods: 2 },
    });
    await expect(change).rejects.toBe(PORTAL_NOT_FOUND);
    const refused = (await app.audit('portal.loket_settings.update')).filter((row) => row.outcome !== 'ok');
    expect(refused).toMatchObject([{ outcome: 'refused', details: { reason: 'portal_not_found' } }]);
  });

  it('synchronises with Yuki: renames followed, the report in the audit row', async () => {
    const portalId = app.tenants.a.portalId;
    const [bakery] = app.tenants.a.domainIds;
    await app.db.update(domains).set({ name: 'Oude naam' }).where(eq(domains.id, bakery));
    const report = await syncPortalFromYuki(syncDeps(), await app.by('portal_admin'), portalId);
    expect(report.domains.seen).toBeGreaterThan(0);
    const overview = await getPortalOverview(app.db, await app.actor('portal_admin'), portalId);
    expect(overview?.domains.find((domain) => domain.id === bakery)?.name).toBe('Bakkerij De Vries');
    const [row] = await app.audit('portal.sync_from_yuki');
    expect(row).toMatchObject({ portalId, outcome: 'ok', details: report });
  });

  it('changes nothing when Yuki fails half-way, and audits the failure', async () => {
    const portalId = app.tenants.a.portalId;
    const [bakery, group] = app.tenants.a.domainIds;
    await app.db.update(domains).set({ name: 'Tijdelijk' }).where(eq(domains.id, bakery));
    await app.db.update(domains).set({ name: 'Ook tijdelijk' }).where(eq(domains.id, group));
    const portalDomains = () =>
      app.db.select().from(domains).where(eq(domains.portalId, portalId)).orderBy(domains.id);
    const before = await portalDomains();
    // The domain list answers; the administrations of a domain do not. Whichever domain Yuki lists
    // first, writing as it went would have renamed or added it before the failure.
    yuki.setFaults({
      failCalls: { Administrations: ['Internal error', 'Internal error', 'Internal error'] },
    });
    try {
      await expect(syncPortalFromYuki(syncDeps(), await app.by('portal_admin'), portalId)).rejects.toThrow();
    } finally {
      yuki.setFaults({ failCalls: {} });
    }
    expect(await portalDomains()).toEqual(before);
    const rows = await app.audit('portal.sync_from_yuki');
    expect(rows.map((row) => row.outcome)).toEqual(['ok', expect.stringMatching(/^(refused|failed)$/)]);
  });

  it('refuses to synchronise without an access key: one refused row, no Yuki call', async () => {
    const portalId = app.tenants.b.portalId;
    const sync = syncPortalFromYuki(syncDeps(), await app.by('b_admin'), portalId);
    await expect(sync).rejects.toMatchObject({ code: 'yuki_access_key_missing' });
    const rows = (await app.audit('portal.sync_from_yuki')).filter((row) => row.portalId === portalId);
    expect(rows).toMatchObject([{ outcome: 'refused', details: { reason: 'yuki_access_key_missing' } }]);
  });
});
