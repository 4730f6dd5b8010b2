/**
 * Walks every route × every role × own tenant / other tenant / no session, and fails if any request is
 * let through where it must not be — or if a route exists that the matrix does not list.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from './support/database.ts';
import { testLogger } from './support/logger.ts';
import { createTestServices } from './support/services.ts';
import { call } from './support/auth-harness.ts';
import { roleSessions, type SessionRole } from './support/role-sessions.ts';
import { createTenants, PASSWORD, ROLE_NAMES, type RoleName, type Tenants } from './support/tenants.ts';
import { createApp } from '../src/http/app.ts';
import { startJobEngine, type JobEngine } from '../src/jobs/engine.ts';
import { allQueues } from '../src/jobs/queues.ts';
import type { DatabaseHandle } from '../src/store/database.ts';
import {
  auditEvents,
  domainFeatures,
  importRuns,
  portalMemberships,
  refusalCounts,
} from '../src/store/schema/index.ts';
import { createUser } from '../src/auth/users.ts';

type Ids = { portalId: string; domainId: string; administrationId: string; memberId: string; runId: string };
type Entry = {
  /** Roles allowed in their own tenant; 'public' routes need no session at all. */
  allowed: RoleName[] | 'public';
  /** Uses tenant ids; false for service-level routes (then there is no "other tenant"). */
  tenant: boolean;
  body?: (ids: Ids) => unknown;
  /** The operator serves every firm here (audit log, members), so another tenant is not a leak for it. */
  operatorEverywhere?: boolean;
};

const MEMBERS = ROLE_NAMES.filter((role) => role !== 'operator');
const LINK: RoleName[] = ['portal_admin', 'backoffice'];
const EVERYONE: RoleName[] = [...ROLE_NAMES];

const MATRIX: Record<string, Entry> = {
  'GET /healthz': { allowed: 'public', tenant: false },
  'GET /readyz': { allowed: 'public', tenant: false },
  'POST /api/auth/login': { allowed: 'public', tenant: false },
  'POST /api/auth/password-reset': { allowed: 'public', tenant: false },
  'POST /api/auth/password-reset/confirm': { allowed: 'public', tenant: false },
  // Validates its own state cookie first; its session check is covered by the link set-up test.
  'GET /loket/oauth/callback': { allowed: 'public', tenant: false },
  // Logging out without a session is harmless and answers 204, like a repeated logout.
  'POST /api/auth/logout': { allowed: 'public', tenant: false },
  'GET /api/auth/me': { allowed: EVERYONE, tenant: false },
  'GET /api/portals': { allowed: EVERYONE, tenant: false },
  'POST /api/portals': { allowed: ['operator'], tenant: false, body: () => ({ name: 'Nieuw Kantoor' }) },
  'GET /api/portals/{portalId}': { allowed: MEMBERS, tenant: true },
  'GET /api/portals/{portalId}/loket-settings': { allowed: ['portal_admin'], tenant: true },
  'PUT /api/portals/{portalId}/loket-settings': {
    allowed: ['portal_admin'],
    tenant: true,
    body: () => ({ lookbackPeriods: 2 }),
  },
  'POST /api/portals/{portalId}/sync': { allowed: ['portal_admin'], tenant: true },
  'GET /api/portals/{portalId}/members': {
    allowed: ['portal_admin', 'operator'],
    tenant: true,
    operatorEverywhere: true,
  },
  'POST /api/portals/{portalId}/members': {
    allowed: ['portal_admin', 'operator'],
    tenant: true,
    operatorEverywhere: true,
    body: () => ({ kind: 'portal', email: 'nieuw@portal-a.nl', name: 'Nieuw', role: 'portal_guest' }),
  },
  'DELETE /api/portals/{portalId}/members/{userId}': {
    allowed: ['portal_admin', 'operator'],
    tenant: true,
    operatorEverywhere: true,
  },
  'GET /api/portals/{portalId}/audit': {
    allowed: ['portal_admin', 'operator'],
    tenant: true,
    operatorEverywhere: true,
  },
  'GET /api/portals/{portalId}/health': { allowed: ['portal_admin'], tenant: true },
  'GET /api/domains/{domainId}': { allowed: MEMBERS, tenant: true },
  'PUT /api/domains/{domainId}/features/{feature}': { allowed: ['portal_admin'], tenant: true },
  'DELETE /api/domains/{domainId}/features/{feature}': { allowed: ['portal_admin'], tenant: true },
  'GET /api/domains/{domainId}/loket-connection': { allowed: LINK, tenant: true },
  'PUT /api/domains/{domainId}/loket-connection': {
    allowed: LINK,
    tenant: true,
    body: () => ({ username: 'koppeling', password: 'geheim-wachtwoord' }),
  },
  'POST /api/domains/{domainId}/loket-connection/test': { allowed: LINK, tenant: true },
  'GET /api/domains/{domainId}/loket-connection/authorize': { allowed: LINK, tenant: true },
  'POST /api/domains/{domainId}/contract-lines': {
    allowed: LINK,
    tenant: true,
    body: (ids) => ({ administrationId: ids.administrationId }),
  },
  'GET /api/administrations/{administrationId}': { allowed: LINK, tenant: true },
  'PUT /api/administrations/{administrationId}/link-settings': {
    allowed: LINK,
    tenant: true,
    body: () => ({ autoImport: true }),
  },
  'PUT /api/administrations/{administrationId}/relation-code': {
    allowed: LINK,
    tenant: true,
    body: () => ({ relationCode: null }),
  },
  'POST /api/administrations/{administrationId}/imports': {
    allowed: LINK,
    tenant: true,
    body: () => ({ kinds: ['journal'] }),
  },
  'GET /api/administrations/{administrationId}/imports': { allowed: LINK, tenant: true },
  'GET /api/administrations/{administrationId}/imports/{runId}': { allowed: LINK, tenant: true },
  // An allowed caller gets 409 here (the made-up item is not waiting), a refused one 401/403/404.
  'POST /api/administrations/{administrationId}/imports/items/{itemId}/check': {
    allowed: LINK,
    tenant: true,
    body: () => ({ decision: 'not_in_yuki' }),
  },
  'POST /api/domains/{domainId}/imports': { allowed: LINK, tenant: true },
  'GET /api/operator/contract-lines': { allowed: ['operator'], tenant: false },
  'GET /api/operator/refusals': { allowed: ['operator'], tenant: false },
  'POST /api/operator/contract-lines/{lineId}/decision': {
    allowed: ['operator'],
    tenant: false,
    body: () => ({ decision: 'refuse' }),
  },
};

const REFUSED = [401, 403, 404];

function fill(path: string, ids: Ids): string {
  return path
    .replace('{portalId}', ids.portalId)
    .replace('{domainId}', ids.domainId)
    .replace('{administrationId}', ids.administrationId)
    .replace('{feature}', 'loket_payroll_link')
    .replace('{lineId}', '00000000-0000-4000-8000-000000000000')
    .replace('{userId}', ids.memberId)
    .replace('{runId}', ids.runId)
    .replace('{itemId}', '00000000-0000-4000-8000-000000000001');
}

describe('permission matrix', () => {
  let database: DatabaseHandle;
  let jobs: JobEngine;
  let app: ReturnType<typeof createApp>;
  let tenants: Tenants;
  let own: Ids;
  let other: Ids;
  // The logout route ends sessions as it is walked: it forgets them, and the next request logs in afresh.
  const sessions = roleSessions(() => ({ app, tenants }));

  beforeAll(async () => {
    database = await openTestDatabase();
    jobs = await startJobEngine({ database, logger: testLogger, supervise: false, instanceName: 'test' });
    await jobs.ensureQueues(allQueues);
    app = createApp(createTestServices({ database, jobs }));
    tenants = await createTenants(database.db);
    const member = async (portalId: string, email: string) => {
      const { id } = await createUser(database.db, { email, name: 'Lid', password: PASSWORD });
      await database.db.insert(portalMemberships).values({ userId: id, portalId, role: 'portal_guest' });
      return id;
    };
    const importRun = async (administrationId: string) => {
      const [run] = await database.db
        .insert(importRuns)
        .values({
          administrationId,
          trigger: 'manual',
          requestedLabel: 'matrix',
          kinds: ['payslip'],
          fromPeriodId: 202610,
          toPeriodId: 202610,
        })
        .returning({ id: importRuns.id });
      return run!.id;
    };
    own = {
      portalId: tenants.a.portalId,
      domainId: tenants.a.domainIds[1],
      administrationId: tenants.a.nonStandardId,
      memberId: await member(tenants.a.portalId, 'lid@portal-a.nl'),
      runId: await importRun(tenants.a.nonStandardId),
    };
    other = {
      portalId: tenants.b.portalId,
      domainId: tenants.b.domainId,
      administrationId: tenants.b.administrationId,
      memberId: await member(tenants.b.portalId, 'lid@portal-b.nl'),
      runId: await importRun(tenants.b.administrationId),
    };
    await database.db.insert(domainFeatures).values(
      [...tenants.a.domainIds, tenants.b.domainId].map((domainId) => ({
        domainId,
        feature: 'loket_payroll_link' as const,
      })),
    );
  }, 60_000);

  afterAll(async () => {
    await jobs?.stop();
    await database?.close();
  });

  async function request(key: string, ids: Ids, role: SessionRole | undefined): Promise<number> {
    const [method, path] = key.split(' ') as [string, string];
    const entry = MATRIX[key]!;
    const auth = role ? await sessions.as(role) : undefined;
    const body = entry.body?.(ids) ?? (method === 'GET' || method === 'DELETE' ? undefined : {});
    const response = await call(app, fill(path, ids), {
      method,
      ...(auth ? { cookie: auth.cookie, csrf: auth.csrf } : {}),
      ...(body !== undefined ? { json: body } : {}),
    });
    if (key === 'POST /api/auth/logout' && role) sessions.forget(role);
    // Removing the feature or the member would spoil the rest of the walk: put them back.
    if (method === 'DELETE' && response.status < 300) {
      await database.db
        .insert(domainFeatures)
        .values({ domainId: ids.domainId, feature: 'loket_payroll_link' })
        .onConflictDoNothing();
      await database.db
        .insert(portalMemberships)
        .values({ userId: ids.memberId, portalId: ids.portalId, role: 'portal_guest' })
        .onConflictDoNothing();
    }
    return response.status;
  }

  it('lists every route of the OpenAPI document, and nothing that is not there', async () => {
    const document = (await (await app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes.sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it('refuses every non-public route without a session', async () => {
    const leaks: string[] = [];
    for (const [key, entry] of Object.entries(MATRIX)) {
      if (entry.allowed === 'public') continue;
      const status = await request(key, own, undefined);
      if (status !== 401) leaks.push(`${key}: ${status}`);
    }
    expect(leaks).toEqual([]);
  });

  it('lets each role do exactly what it may in its own tenant', async () => {
    const wrong: string[] = [];
    for (const [key, entry] of Object.entries(MATRIX)) {
      if (entry.allowed === 'public') continue;
      for (const role of ROLE_NAMES) {
        const status = await request(key, own, role);
        const allowed = entry.allowed.includes(role);
        if (allowed === REFUSED.includes(status))
          wrong.push(`${role} ${key}: ${status} (${allowed ? 'should pass' : 'should be refused'})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("gives no role of portal A anything of portal B, and B's admin nothing of A, guessed ids or not", async () => {
    const leaks: string[] = [];
    for (const [key, entry] of Object.entries(MATRIX)) {
      if (entry.allowed === 'public' || !entry.tenant) continue;
      for (const role of ROLE_NAMES) {
        const status = await request(key, other, role);
        if (role === 'operator' && entry.operatorEverywhere) continue;
        if (!REFUSED.includes(status)) leaks.push(`A ${role} → B ${key}: ${status}`);
      }
      const status = await request(key, own, 'b_admin');
      if (!REFUSED.includes(status)) leaks.push(`B portal_admin → A ${key}: ${status}`);
      // A mixed-up id pair: A's portal with B's domain.
      if (key.includes('{domainId}') || key.includes('{administrationId}')) {
        const mixed = await request(
          key,
          { ...own, domainId: other.domainId, administrationId: other.administrationId },
          'portal_admin',
        );
        if (!REFUSED.includes(mixed)) leaks.push(`A portal_admin → mixed ids ${key}: ${mixed}`);
      }
      // A's own administration with B's run.
      if (key.includes('{runId}')) {
        const mixed = await request(key, { ...own, runId: other.runId }, 'portal_admin');
        if (!REFUSED.includes(mixed)) leaks.push(`A portal_admin → B's run ${key}: ${mixed}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('counts refused link access per actor, route and hour instead of one audit row each', async () => {
    const counted = await database.db
      .select()
      .from(refusalCounts)
      .where(eq(refusalCounts.action, 'link.refused'));
    expect(counted.length).toBeGreaterThan(0);
    expect(counted.some((row) => row.count > 1)).toBe(true);
    // Refused access is counted, never one audit row each; what a command refused on its merits (a
    // password flow the portal lacks, a request already pending) is audited by the command itself.
    const logged = await database.db.select().from(auditEvents).where(eq(auditEvents.outcome, 'refused'));
    expect(logged.filter((row) => row.action === 'link.refused' || !('reason' in row.details))).toEqual([]);
  });
});
