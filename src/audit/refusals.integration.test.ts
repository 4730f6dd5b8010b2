/**
 * Refused requests are counted per actor, route and hour in one row, not logged one by one, and the
 * operator sees the counts in the API and on the console page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createUser } from '../auth/users.ts';
import { auditEvents, refusalCounts } from '../store/schema/index.ts';
import { call, login, startHarness, type Harness } from '../../test/support/auth-harness.ts';
import { recordRefusal } from './record-refusal.ts';

const PROBER = { email: 'prober@kantoor.nl', password: 'prober long password' };
const OPERATOR = { email: 'operator@yuki.nl', password: 'operator long password' };

describe('refusal counts', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
    await createUser(harness.services.db, { ...PROBER, name: 'Prober' });
    await createUser(harness.services.db, { ...OPERATOR, name: 'Operator', isOperator: true });
  });
  afterAll(() => harness?.close());

  it('turns 50 refused requests into one row with count 50, and no audit rows', async () => {
    const { cookie } = await login(harness.app, PROBER);
    const statuses = await Promise.all(
      Array.from({ length: 50 }, () => call(harness.app, '/api/operator/contract-lines', { cookie })),
    );
    expect(new Set(statuses.map((response) => response.status))).toEqual(new Set([403]));
    const rows = await harness.services.db
      .select()
      .from(refusalCounts)
      .where(eq(refusalCounts.actorLabel, PROBER.email));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'access.refused',
      route: 'GET /api/operator/contract-lines',
      lastReason: 'role',
      count: 50,
      portalId: null,
    });
    expect(
      await harness.services.db.select().from(auditEvents).where(eq(auditEvents.outcome, 'refused')),
    ).toEqual([]);
  });

  it('counts wrong passwords per typed address and route', async () => {
    for (let i = 0; i < 3; i++) {
      await call(harness.app, '/api/auth/login', { json: { ...PROBER, password: 'wrong' }, ip: '192.0.2.9' });
    }
    const [row] = await harness.services.db
      .select()
      .from(refusalCounts)
      .where(eq(refusalCounts.action, 'auth.login'));
    expect(row).toMatchObject({ actorLabel: PROBER.email, route: 'POST /api/auth/login', count: 3 });
    expect(row?.lastReason).toBe('wrong_password');
  });

  it('starts a new row each hour', async () => {
    const refusal = { actorLabel: 'x@example.nl', action: 'auth.login', route: 'POST /login' };
    await recordRefusal(harness.services.db, refusal, new Date('2026-11-01T08:59:00Z'));
    await recordRefusal(harness.services.db, refusal, new Date('2026-11-01T09:00:00Z'));
    await recordRefusal(harness.services.db, refusal, new Date('2026-11-01T09:30:00Z'));
    const rows = await harness.services.db
      .select({ hour: refusalCounts.hour, count: refusalCounts.count })
      .from(refusalCounts)
      .where(eq(refusalCounts.actorLabel, 'x@example.nl'))
      .orderBy(refusalCounts.hour);
    expect(rows).toEqual([
      { hour: new Date('2026-11-01T08:00:00Z'), count: 1 },
      { hour: new Date('2026-11-01T09:00:00Z'), count: 2 },
    ]);
  });

  it('shows the operator the counts in the API and on the console page', async () => {
    const { cookie } = await login(harness.app, OPERATOR);
    const api = await call(harness.app, '/api/operator/refusals', { cookie });
    expect(api.status).toBe(200);
    const counts = (await api.json()) as Array<Record<string, unknown>>;
    expect(counts).toContainEqual(
      expect.objectContaining({
        actor: PROBER.email,
        action: 'access.refused',
        route: 'GET /api/operator/contract-lines',
        count: 50,
      }),
    );
    const page = await call(harness.app, '/operator', { cookie });
    const html = await page.text();
    expect(html).toContain('Geweigerde verzoeken');
    expect(html).toContain('GET /api/operator/contract-lines');
    expect(html).toMatch(/<td class="number"[^>]*>50<\/td>/);
    // Not for anyone else.
    const prober = await login(harness.app, PROBER);
    expect((await call(harness.app, '/api/operator/refusals', { cookie: prober.cookie })).status).toBe(403);
  });
});
