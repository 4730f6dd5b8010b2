import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../auth/users.ts';
import { call, login, startHarness, type Harness } from '../../../../test/support/auth-harness.ts';

const CAROLIEN = { email: 'carolien@example.nl', password: 'a long enough password' };
const PROTECTED = '/api/test/protected';

describe('CSRF protection', () => {
  let harness: Harness;
  let session: { cookie: string; csrfToken: string };
  beforeAll(async () => {
    harness = await startHarness();
    await createUser(harness.services.db, { ...CAROLIEN, name: 'Carolien' });
    session = await login(harness.app, CAROLIEN);
  });
  afterAll(() => harness?.close());

  async function expectRefused(response: Response): Promise<void> {
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: 'csrf',
      message: { nl: expect.any(String), en: expect.any(String) },
    });
  }

  it('accepts a state-changing request with the session token in the header or the _csrf form field', async () => {
    const byHeader = await call(harness.app, PROTECTED, {
      method: 'POST',
      cookie: session.cookie,
      csrf: session.csrfToken,
    });
    expect(byHeader.status).toBe(200);
    const byForm = await call(harness.app, PROTECTED, {
      cookie: session.cookie,
      form: { _csrf: session.csrfToken, note: 'x' },
    });
    expect(byForm.status).toBe(200);
  });

  it('refuses a session request without the token', async () => {
    await expectRefused(await call(harness.app, PROTECTED, { method: 'POST', cookie: session.cookie }));
    await expectRefused(await call(harness.app, PROTECTED, { method: 'DELETE', cookie: session.cookie }));
  });

  it('refuses a wrong token, and the token of another session', async () => {
    await expectRefused(
      await call(harness.app, PROTECTED, { method: 'PUT', cookie: session.cookie, csrf: 'guess' }),
    );
    const other = await login(harness.app, CAROLIEN);
    await expectRefused(
      await call(harness.app, PROTECTED, { method: 'PATCH', cookie: session.cookie, csrf: other.csrfToken }),
    );
    await expectRefused(
      await call(harness.app, PROTECTED, { cookie: session.cookie, form: { _csrf: other.csrfToken } }),
    );
  });

  it('refuses a request from another origin even with the right token', async () => {
    await expectRefused(
      await call(harness.app, PROTECTED, {
        method: 'POST',
        cookie: session.cookie,
        csrf: session.csrfToken,
        origin: 'https://evil.example',
      }),
    );
    await expectRefused(
      await call(harness.app, PROTECTED, {
        method: 'POST',
        cookie: session.cookie,
        csrf: session.csrfToken,
        origin: null,
        headers: { 'sec-fetch-site': 'cross-site' },
      }),
    );
  });

  it('guards log-in and password reset by origin only', async () => {
    await expectRefused(
      await call(harness.app, '/api/auth/login', { json: CAROLIEN, origin: 'https://evil.example' }),
    );
    await expectRefused(
      await call(harness.app, '/api/auth/password-reset', {
        form: { email: CAROLIEN.email },
        origin: 'null',
      }),
    );
    await expectRefused(
      await call(harness.app, '/api/auth/password-reset/confirm', {
        json: { token: 'x', password: 'a new long password' },
        origin: 'https://evil.example',
      }),
    );
    // Signing in again from a tab that still has a session needs no token.
    expect(
      (await call(harness.app, '/api/auth/login', { json: CAROLIEN, cookie: session.cookie })).status,
    ).toBe(200);
  });

  it('protects sign-out too', async () => {
    const fresh = await login(harness.app, CAROLIEN);
    await expectRefused(
      await call(harness.app, '/api/auth/logout', { method: 'POST', cookie: fresh.cookie }),
    );
    expect((await call(harness.app, '/api/auth/me', { cookie: fresh.cookie })).status).toBe(200);
  });

  it('lets safe methods through without a token', async () => {
    const fresh = await login(harness.app, CAROLIEN);
    expect(
      (await call(harness.app, '/api/auth/me', { cookie: fresh.cookie, origin: 'https://evil.example' }))
        .status,
    ).toBe(200);
  });

  it('leaves requests without a session to the routes, which refuse them themselves', async () => {
    const response = await call(harness.app, PROTECTED, { method: 'POST' });
    expect(response.status).toBe(401);
  });
});
