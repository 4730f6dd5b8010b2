/**
 * Bad input over the API and the forms: every case is refused with a clear 4xx before anything is
 * stored — never a 500, never "saved" with a field dropped. One table, on the real app with both
 * sandboxes and the bakery's link set up as its users set it up.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppWithSandboxes, type AppWithSandboxes } from './support/app-with-sandboxes.ts';
import { call } from './support/auth-harness.ts';
import { linkBakeryThroughApi } from './support/bakery-link.ts';
import { roleSessions, send, type SessionRole } from './support/role-sessions.ts';
import type { Tenants } from './support/tenants.ts';
import type { RunningLoketSandbox } from '../sandbox/loket/index.ts';
import type { YukiSandbox } from '../sandbox/yuki/index.ts';
import type { createApp } from '../src/main/app.ts';
import type { DatabaseHandle } from '../src/store/database.ts';
import { administrations, auditEvents, memberInvitations, portals } from '../src/store/schema/index.ts';

type Case = {
  name: string;
  send: () => Promise<Response>;
  status: number;
  /** Words the answer must contain, so the person learns what to fix. */
  says?: RegExp;
};

describe('bad input gets a clear 4xx and changes nothing', () => {
  let database: DatabaseHandle;
  let loket: RunningLoketSandbox;
  let yuki: YukiSandbox;
  let app: ReturnType<typeof createApp>;
  let tenants: Tenants;
  let setup: AppWithSandboxes;
  const { as, api } = roleSessions(() => ({ app, tenants }));

  const json = async (role: SessionRole, method: string, path: string, body: unknown) =>
    send(app, await as(role), method, path, body);
  const form = async (role: SessionRole, path: string, fields: Record<string, string>) => {
    const session = await as(role);
    return call(app, path, { form: fields, cookie: session.cookie, csrf: session.csrf });
  };
  /** A body of `bytes` bytes, sent with its Content-Length as a browser or client would. */
  const huge = async (role: SessionRole, method: string, path: string, body: string, type: string) => {
    const session = await as(role);
    const headers = {
      'content-type': type,
      'content-length': String(Buffer.byteLength(body)),
      origin: 'http://localhost:3000',
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
    };
    return app.request(
      path,
      { method, headers, body },
      { incoming: { socket: { remoteAddress: '192.0.2.1' } } },
    );
  };

  const linkSettings = () => `/api/administrations/${tenants.a.standardId}/link-settings`;
  const imports = () => `/api/administrations/${tenants.a.standardId}/imports`;
  const member = (name: string) => ({ kind: 'portal', email: 'new@example.nl', name, role: 'portal_guest' });

  const CASES: Case[] = [
    {
      name: 'API: a 60 MB JSON body',
      send: () =>
        huge(
          'operator',
          'POST',
          '/api/portals',
          JSON.stringify({ name: 'x'.repeat(60 * 1024 * 1024) }),
          'application/json',
        ),
      status: 413,
      says: /1 MB/,
    },
    {
      name: 'form: a 2 MB form body',
      send: () =>
        huge(
          'operator',
          'POST',
          '/operator/portals',
          `name=${'x'.repeat(2 * 1024 * 1024)}`,
          'application/x-www-form-urlencoded',
        ),
      status: 413,
      says: /1 MB/,
    },
    {
      name: 'API: a NUL byte in a portal name',
      send: () => json('operator', 'POST', '/api/portals', { name: 'Kantoor\u0000X' }),
      status: 400,
      says: /control characters/,
    },
    {
      name: 'form: a NUL byte in a portal name',
      send: () => form('operator', '/operator/portals', { name: 'Kantoor\u0000X' }),
      status: 400,
    },
    {
      name: "API: a NUL byte in a member's name",
      send: () =>
        json('portal_admin', 'POST', `/api/portals/${tenants.a.portalId}/members`, member('A\u0000B')),
      status: 400,
    },
    {
      name: "form: a CR/LF in a member's name",
      send: () =>
        form('portal_admin', `/portals/${tenants.a.portalId}/members`, {
          email: 'new@example.nl',
          name: 'A\r\nBcc: x@example.nl',
          where: 'portal',
          role: 'portal_guest',
        }),
      status: 400,
    },
    {
      name: 'API: the operator adding a member to an unknown portal',
      send: () =>
        json('operator', 'POST', '/api/portals/00000000-0000-4000-8000-000000000000/members', member('X')),
      status: 404,
    },
    {
      name: 'API: a net-pay component of 3,000,000,000',
      send: () => json('backoffice', 'PUT', linkSettings(), { netPayComponentKey: 3_000_000_000 }),
      status: 400,
    },
    {
      name: 'form: a net-pay component of 3,000,000,000',
      send: () =>
        form('backoffice', `/administrations/${tenants.a.standardId}/link-settings`, {
          importFromPeriod: '',
          autoImport: 'default',
          netPayComponentKey: '3000000000',
        }),
      status: 400,
    },
    {
      name: 'page: a CR/LF in back=',
      send: () => call(app, '/language?to=en&back=%2Fportals%0D%0ASet-Cookie%3A%20x%3D1'),
      status: 400,
      says: /terugadres/,
    },
    {
      name: 'API: a Yuki key of 36 dashes',
      send: () =>
        json('portal_admin', 'PUT', `/api/portals/${tenants.a.portalId}/loket-settings`, {
          yukiAccessKey: '-'.repeat(36),
        }),
      status: 400,
      says: /GUID/,
    },
    {
      name: 'form: a Yuki key of 36 dashes, with another field changed',
      send: () =>
        form('portal_admin', `/portals/${tenants.a.portalId}/settings/loket`, {
          loketEnvironment: 'acceptance',
          yukiAccessKey: '-'.repeat(36),
          lookbackPeriods: '7',
          kind_payslips: 'on',
        }),
      status: 400,
    },
    {
      name: 'form: settings with one unreadable field (environment "moon") and another changed',
      send: () =>
        form('portal_admin', `/portals/${tenants.a.portalId}/settings/loket`, {
          loketEnvironment: 'moon',
          lookbackPeriods: '9',
          kind_payslips: 'on',
        }),
      status: 400,
    },
    {
      name: 'form: link settings with one unreadable field (automatic import "maybe") and another changed',
      send: () =>
        form('backoffice', `/administrations/${tenants.a.standardId}/link-settings`, {
          importFromPeriod: '2026-01',
          autoImport: 'maybe',
          netPayComponentKey: '',
        }),
      status: 400,
    },
    {
      name: 'API: first period "2026-45" on a monthly administration',
      send: () => json('backoffice', 'PUT', linkSettings(), { importFromPeriod: '2026-45' }),
      status: 422,
      says: /per maand/,
    },
    {
      name: 'form: first period 13 on a monthly administration',
      send: () =>
        form('backoffice', `/administrations/${tenants.a.standardId}/link-settings`, {
          importFromPeriod: '2026-13',
          autoImport: 'default',
          netPayComponentKey: '',
        }),
      status: 422,
      says: /Periode 2026-13 bestaat niet/,
    },
    {
      name: 'API: 200,000 cost centres',
      send: () => {
        const map = Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`KP${i}`, `P${i}`]));
        return json('backoffice', 'PUT', linkSettings(), { costCenterProjects: map });
      },
      status: 413,
    },
    {
      name: 'API: 5,001 cost centres (under the body limit)',
      send: () => {
        const map = Object.fromEntries(Array.from({ length: 5001 }, (_, i) => [`K${i}`, `P${i}`]));
        return json('backoffice', 'PUT', linkSettings(), { costCenterProjects: map });
      },
      status: 400,
      says: /at most 5000 cost centres/,
    },
    {
      name: 'API: a backfill whose start is after its end',
      send: () => json('backoffice', 'POST', imports(), { fromPeriod: '2026-05', toPeriod: '2026-02' }),
      status: 422,
      says: /ligt na de laatste/,
    },
    {
      name: 'API: a backfill preview from period 13 on a monthly administration',
      send: () =>
        json('backoffice', 'POST', imports(), { fromPeriod: '2026-13', toPeriod: '2026-13', dryRun: true }),
      status: 422,
      says: /per maand/,
    },
    {
      name: 'API: a backfill of period 13 on a monthly administration',
      send: () => json('backoffice', 'POST', imports(), { fromPeriod: '2025-13', toPeriod: '2025-13' }),
      status: 422,
    },
    {
      name: 'API: a backfill in the year 0001',
      send: () => json('backoffice', 'POST', imports(), { fromPeriod: '0001-01', toPeriod: '0001-02' }),
      status: 400,
    },
    {
      name: 'form: a backfill whose start is after its end',
      send: () =>
        form('backoffice', `/administrations/${tenants.a.standardId}/loket/backfill`, {
          from: '2026-05',
          to: '2026-02',
        }),
      status: 400,
    },
    {
      name: 'form: a backfill of period 13 on a monthly administration',
      send: () =>
        form('backoffice', `/administrations/${tenants.a.standardId}/loket/backfill`, {
          from: '2026-13',
          to: '2026-13',
        }),
      status: 422,
      says: /per maand/,
    },
  ];

  let before: { administration: unknown; portal: unknown; portals: number };
  const snapshot = async () => {
    const [administration] = await database.db
      .select()
      .from(administrations)
      .where(eq(administrations.id, tenants.a.standardId));
    const [portal] = await database.db.select().from(portals).where(eq(portals.id, tenants.a.portalId));
    const { updatedAt: _a, ...administrationData } = administration!;
    const { updatedAt: _p, ...portalData } = portal!;
    return {
      administration: administrationData,
      portal: portalData,
      portals: (await database.db.select().from(portals)).length,
    };
  };

  beforeAll(async () => {
    setup = await startAppWithSandboxes({ instanceName: 'bad-input' });
    ({ database, loket, yuki, app, tenants } = setup);
    await linkBakeryThroughApi({ api, loket, yuki, tenants });
    before = await snapshot();
  }, 60_000);

  afterAll(() => setup?.close());

  it('knows the bakery pays monthly, from Loket', () => {
    expect(before.administration).toMatchObject({ loketPeriodType: 'month', relationCode: 10231 });
  });

  it.each(CASES.map((entry) => [entry.name, entry] as const))('%s', async (_name, entry) => {
    const response = await entry.send();
    const body = await response.text();
    expect(response.status, body.slice(0, 500)).toBe(entry.status);
    if (entry.says) expect(body).toMatch(entry.says);
  });

  it('stored nothing from any of them: settings, portals, invitations and the audit log are as before', async () => {
    expect(await snapshot()).toEqual(before);
    expect(await database.db.select().from(memberInvitations)).toEqual([]);
    // A refusal the command itself decided is audited as refused (runCommand); no change is audited as made.
    const changes = await database.db
      .select({ action: auditEvents.action, outcome: auditEvents.outcome })
      .from(auditEvents)
      .where(eq(auditEvents.action, 'administration.link_settings.update'));
    expect(changes.filter((row) => row.outcome !== 'refused')).toEqual([]);
  });
});
