import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents, refusalCounts } from '../../../store/schema/audit.ts';
import {
  domainMemberships,
  domains,
  loginThrottle,
  portalMemberships,
  portals,
  users,
} from '../../../store/schema/tenancy.ts';
import { createUser } from '../../../auth/users.ts';
import {
  call,
  cookieFrom,
  login,
  startHarness,
  type Harness,
} from '../../../../test/support/auth-harness.ts';

const ANNA = { email: 'anna@kantoor-de-vries.nl', password: 'correct horse battery' };

describe('sign in, sign out and /me', () => {
  let harness: Harness;
  let annaId: string;
  let portalId: string;
  let domainId: string;
  beforeAll(async () => {
    harness = await startHarness();
    const { db } = harness.services;
    annaId = (await createUser(db, { ...ANNA, email: 'Anna@Kantoor-de-Vries.nl', name: 'Anna de Vries' })).id;
    const [portal] = await db.insert(portals).values({ name: 'Kantoor De Vries' }).returning();
    const [domain] = await db
      .insert(domains)
      .values({ portalId: portal!.id, name: 'Bakkerij Jansen' })
      .returning();
    portalId = portal!.id;
    domainId = domain!.id;
    await db.insert(portalMemberships).values({ userId: annaId, portalId, role: 'portal_admin' });
    await db.insert(domainMemberships).values({ userId: annaId, domainId, role: 'backoffice' });
  });
  afterAll(() => harness?.close());

  it('signs in with the right password, whatever the case of the address, by JSON or by form', async () => {
    const byJson = await call(harness.app, '/api/auth/login', {
      json: { ...ANNA, email: ' ANNA@kantoor-de-vries.nl ' },
    });
    expect(byJson.status).toBe(200);
    const body = (await byJson.json()) as Record<string, unknown>;
    expect(body).toEqual({
      user: { id: annaId, email: ANNA.email, name: 'Anna de Vries', locale: 'nl' },
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    const byForm = await call(harness.app, '/api/auth/login', { form: ANNA });
    expect(byForm.status).toBe(200);
  });

  it('sets an HttpOnly, SameSite=Lax session cookie for the whole site, Secure and __Host- on https', async () => {
    const { response } = await login(harness.app, ANNA);
    const plain = response.headers.get('set-cookie') ?? '';
    expect(plain).toMatch(/^ly_session=[A-Za-z0-9_-]{43};/);
    expect(plain).toMatch(/HttpOnly/);
    expect(plain).toMatch(/SameSite=Lax/);
    expect(plain).toMatch(/Path=\//);
    expect(plain).not.toMatch(/Secure/);

    const secure = await call(harness.httpsApp, '/api/auth/login', {
      json: ANNA,
      origin: 'https://loket.example.nl',
    });
    expect(secure.status).toBe(200);
    const cookie = secure.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-ly_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).not.toMatch(/Domain=/);
  });

  it('refuses a wrong password and an unknown address with the same 401, naming neither', async () => {
    const wrongPassword = await call(harness.app, '/api/auth/login', {
      json: { email: ANNA.email, password: 'not the password' },
      ip: '198.51.100.20',
    });
    const unknownEmail = await call(harness.app, '/api/auth/login', {
      json: { email: 'nobody@example.nl', password: ANNA.password },
      ip: '198.51.100.20',
    });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    const [a, b] = [await wrongPassword.json(), await unknownEmail.json()];
    expect(a).toEqual(b);
    expect(a).toEqual({
      error: 'wrong_credentials',
      message: {
        nl: expect.stringMatching(/e-mailadres of het wachtwoord/),
        en: expect.stringMatching(/e-mail address or the password/),
      },
    });
    expect(wrongPassword.headers.get('set-cookie')).toBeNull();
  });

  it('answers 400 for a body that is not an address and password, and 415 without a content type', async () => {
    expect((await call(harness.app, '/api/auth/login', { json: { email: 'anna' } })).status).toBe(400);
    expect((await call(harness.app, '/api/auth/login', { method: 'POST' })).status).toBe(415);
  });

  it('tells /me who is signed in, with roles per portal and domain, and 401 without a session', async () => {
    const { cookie, csrfToken } = await login(harness.app, ANNA);
    const me = await call(harness.app, '/api/auth/me', { cookie });
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({
      user: { id: annaId, email: ANNA.email, name: 'Anna de Vries', locale: 'nl', isOperator: false },
      portals: [{ portalId, role: 'portal_admin' }],
      domains: [{ domainId, portalId, role: 'backoffice' }],
      csrfToken,
    });
    const anonymous = await call(harness.app, '/api/auth/me');
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: string }).error).toBe('not_signed_in');
  });

  it('rotates the session at login: the cookie sent along stops working', async () => {
    const first = await login(harness.app, ANNA);
    const second = await login(harness.app, ANNA, { cookie: first.cookie });
    expect(second.cookie).not.toBe(first.cookie);
    expect(second.csrfToken).not.toBe(first.csrfToken);
    expect((await call(harness.app, '/api/auth/me', { cookie: first.cookie })).status).toBe(401);
    expect((await call(harness.app, '/api/auth/me', { cookie: second.cookie })).status).toBe(200);
  });

  it('clears an invalid cookie instead of keeping it, but not the fresh one a log-in sets', async () => {
    const stale = `ly_session=${'x'.repeat(43)}`;
    const response = await call(harness.app, '/api/auth/me', { cookie: stale });
    expect(response.status).toBe(401);
    expect(response.headers.get('set-cookie')).toMatch(/^ly_session=;.*Max-Age=0/);
    const { response: signedIn, cookie } = await login(harness.app, ANNA, { cookie: stale });
    expect(signedIn.headers.getSetCookie()).toHaveLength(1);
    expect((await call(harness.app, '/api/auth/me', { cookie })).status).toBe(200);
  });

  it('signs out: the session ends and the cookie is cleared', async () => {
    const { cookie, csrfToken } = await login(harness.app, ANNA);
    const logout = await call(harness.app, '/api/auth/logout', { method: 'POST', cookie, csrf: csrfToken });
    expect(logout.status).toBe(204);
    expect(logout.headers.get('set-cookie')).toMatch(/^ly_session=;.*Max-Age=0/);
    expect((await call(harness.app, '/api/auth/me', { cookie })).status).toBe(401);
  });

  it('refuses a disabled user and ends their open sessions', async () => {
    const ines = { email: 'ines@example.nl', password: 'ines her long password' };
    const { id } = await createUser(harness.services.db, { ...ines, name: 'Ines' });
    const { cookie } = await login(harness.app, ines);
    await harness.services.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, id));
    expect((await call(harness.app, '/api/auth/me', { cookie })).status).toBe(401);
    expect((await call(harness.app, '/api/auth/login', { json: ines })).status).toBe(401);
  });

  it('throttles after 5 failures for an address from one client, says when to retry, and refuses even the right password there', async () => {
    await createUser(harness.services.db, {
      email: 'bert@example.nl',
      name: 'Bert',
      password: 'bert-his-password',
    });
    const wrong = { email: 'bert@example.nl', password: 'wrong password' };
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await call(harness.app, '/api/auth/login', { json: wrong, ip: '203.0.113.1' });
      expect(response.status).toBe(401);
    }
    const throttled = await call(harness.app, '/api/auth/login', {
      json: { email: 'bert@example.nl', password: 'bert-his-password' },
      ip: '203.0.113.1',
    });
    expect(throttled.status).toBe(429);
    const retryAfter = Number(throttled.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    const body = (await throttled.json()) as { error: string; message: { nl: string; en: string } };
    expect(body.error).toBe('too_many_attempts');
    expect(body.message.nl).toMatch(/Te veel mislukte inlogpogingen.*15 minuten/);
    expect(body.message.en).toMatch(/Too many failed sign-in attempts.*15 minutes/);
    // The lock-out is for that client: Bert himself, elsewhere, still gets in; so does Anna.
    const elsewhere = await call(harness.app, '/api/auth/login', {
      json: { email: 'bert@example.nl', password: 'bert-his-password' },
      ip: '203.0.113.99',
    });
    expect(elsewhere.status).toBe(200);
    expect((await call(harness.app, '/api/auth/login', { json: ANNA, ip: '203.0.113.99' })).status).toBe(200);
  });

  it('checks only 5 of 100 simultaneous wrong passwords for one address; the rest get 429', async () => {
    const carla = { email: 'carla@example.nl', password: 'carla-her-password' };
    await createUser(harness.services.db, { ...carla, name: 'Carla' });
    const responses = await Promise.all(
      Array.from({ length: 100 }, () =>
        call(harness.app, '/api/auth/login', {
          json: { email: carla.email, password: 'a wrong guess' },
          ip: '203.0.113.40',
        }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(95);
    // Carla, from her own client, is not locked out.
    expect((await call(harness.app, '/api/auth/login', { json: carla, ip: '203.0.113.41' })).status).toBe(
      200,
    );
  });

  it('throttles one client address that sprays many addresses', async () => {
    const ip = '192.0.2.66';
    for (let attempt = 1; attempt <= 20; attempt++) {
      await call(harness.app, '/api/auth/login', {
        json: { email: `guess${attempt}@example.nl`, password: 'x' },
        ip,
      });
    }
    expect((await call(harness.app, '/api/auth/login', { json: ANNA, ip })).status).toBe(429);
    expect((await call(harness.app, '/api/auth/login', { json: ANNA, ip: '192.0.2.67' })).status).toBe(200);
  });

  it('takes the client address from X-Forwarded-For only from a proxy named in TRUSTED_PROXIES', async () => {
    const spoofed = { email: 'spoof@example.nl', password: 'x' };
    for (let attempt = 1; attempt <= 20; attempt++) {
      // A client on the office network cannot escape the per-address count by inventing forwarded-for headers.
      await call(harness.app, '/api/auth/login', {
        json: { ...spoofed, email: `spoof${attempt}@example.nl` },
        ip: '192.168.1.80',
        headers: { 'x-forwarded-for': `10.9.9.${attempt}` },
      });
    }
    expect((await call(harness.app, '/api/auth/login', { json: ANNA, ip: '192.168.1.80' })).status).toBe(429);
    // Behind the proxy we named, the forwarded address is the client.
    const proxied = await call(harness.proxiedApp, '/api/auth/login', {
      json: ANNA,
      ip: '10.0.0.2',
      headers: { 'x-forwarded-for': '192.168.1.80, 192.0.2.81' },
    });
    expect(proxied.status).toBe(200);
    // The same header from loopback, not named, is ignored.
    const loopback = await call(harness.app, '/api/auth/login', {
      json: ANNA,
      ip: '127.0.0.1',
      headers: { 'x-forwarded-for': '192.0.2.82' },
    });
    expect(loopback.status).toBe(200);
    const keys = (await harness.services.db.select({ key: loginThrottle.key }).from(loginThrottle)).map(
      (row) => row.key,
    );
    expect(keys).toEqual(expect.arrayContaining(['ip:192.0.2.81', 'ip:127.0.0.1']));
    expect(keys).not.toContain('ip:192.0.2.82');
  });

  it('audits every sign-in and sign-out, counts failures and throttles, never with passwords or tokens', async () => {
    const counted = await harness.services.db
      .select()
      .from(refusalCounts)
      .where(eq(refusalCounts.actorLabel, 'bert@example.nl'));
    // Five wrong passwords, then one throttled attempt, in one row per route and hour.
    expect(counted.map((row) => [row.action, row.route, row.count, row.lastReason])).toEqual([
      ['auth.login', 'POST /api/auth/login', 6, 'throttled'],
    ]);
    const all = await harness.services.db.select().from(auditEvents);
    const actions = new Set(all.map((row) => `${row.action}:${row.outcome}`));
    expect(actions).toEqual(new Set(['auth.login:ok', 'auth.logout:ok']));
    const dump = JSON.stringify([...all, ...(await harness.services.db.select().from(refusalCounts))]);
    for (const secret of [ANNA.password, 'bert-his-password', 'wrong password', 'not the password']) {
      expect(dump).not.toContain(secret);
    }
    expect(dump).not.toMatch(/[A-Za-z0-9_-]{43}/);
  });

  it('never answers with a password or a hash', async () => {
    const response = await call(harness.app, '/api/auth/login', { json: ANNA });
    const text = await response.text();
    expect(text).not.toContain(ANNA.password);
    expect(text).not.toContain('argon2');
    expect(cookieFrom(response)).toMatch(/^ly_session=/);
  });

  it('describes every auth route in the OpenAPI document', () => {
    const document = harness.app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: { title: 'test', version: '0' },
    });
    expect(Object.keys(document.paths ?? {})).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/auth/logout',
        '/api/auth/me',
        '/api/auth/password-reset',
        '/api/auth/password-reset/confirm',
      ]),
    );
  });
});
