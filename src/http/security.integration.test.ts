/**
 * Security answers of the whole app: the Content-Security-Policy, no caching of anything but the static
 * assets, the request-body cap, and redirects that never leave the site.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../auth/users.ts';
import { call, login, startHarness, type Harness } from '../../test/support/auth-harness.ts';

const EVA = { email: 'eva@kantoor.nl', password: 'eva her long password' };

describe('security headers, body limits and redirects', () => {
  let harness: Harness;
  let cookie: string;
  beforeAll(async () => {
    harness = await startHarness();
    await createUser(harness.services.db, { ...EVA, name: 'Eva' });
    ({ cookie } = await login(harness.app, EVA));
  });
  afterAll(() => harness?.close());

  it('sends a CSP without inline script or style on pages and API answers', async () => {
    for (const path of ['/login', '/api/auth/me']) {
      const response = await call(harness.app, path, { cookie });
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'none'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("style-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain('unsafe-inline');
      expect(csp, path).not.toContain('unsafe-eval');
    }
  });

  it('keeps pages free of inline script, event handlers and inline styles', async () => {
    const html = await (await call(harness.app, '/login')).text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).toContain('<meta name="htmx-config" content="includeIndicatorCSS:false"/>');
  });

  it('says no-store on pages, API answers and errors, and lets only the static assets be cached', async () => {
    for (const path of ['/login', '/api/auth/me', '/api/nothing-here', '/no-such-page', '/openapi.json']) {
      const response = await call(harness.app, path, { cookie });
      expect(response.headers.get('cache-control'), path).toBe('no-store');
    }
    const asset = await call(harness.app, '/assets/app.css');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=3600');
  });

  it('answers a 60 MB JSON body with 413 before reading it, and a form too', async () => {
    const huge = JSON.stringify({ email: 'x@example.nl', password: 'y'.repeat(60 * 1024 * 1024) });
    const api = await harness.app.request(
      '/api/auth/login',
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': String(huge.length),
          origin: 'http://localhost:3000',
        },
        body: huge,
      },
      { incoming: { socket: { remoteAddress: '192.0.2.200' } } },
    );
    expect(api.status).toBe(413);
    expect(await api.json()).toMatchObject({
      error: 'payload_too_large',
      message: { en: expect.stringContaining('1 MB') },
    });
    // A streamed body without Content-Length is counted as it arrives.
    const form = await call(harness.app, '/login', {
      form: { email: 'x@example.nl', password: 'z'.repeat(2 * 1024 * 1024) },
    });
    expect(form.status).toBe(413);
    expect(await form.text()).toContain('1 MB');
    // Just under the limit is an ordinary answer.
    const small = await call(harness.app, '/api/auth/login', {
      json: { email: 'x@example.nl', password: 'short' },
      ip: '192.0.2.201',
    });
    expect(small.status).toBe(401);
  });

  it.each([
    ['/%09/evil.example/'],
    ['//evil.example/'],
    ['/%5Cevil.example/'],
    ['/.//evil.example'],
    ['https://evil.example/'],
    ['/ok%0D%0ASet-Cookie:%20x=1'],
  ])('after log-in never redirects to %s', async (next) => {
    const signedIn = await call(harness.app, `/login?next=${next}`, { cookie });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/');
    const posted = await call(harness.app, '/login', {
      form: { ...EVA, next: decodeURIComponent(next) },
      ip: '192.0.2.210',
    });
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe('/');
  });

  it.each([
    ['/%09/evil.example/'],
    ['//evil.example/'],
    ['/%5Cevil.example/'],
    ['https://evil.example/'],
    ['/ok%0D%0ASet-Cookie:%20x=1'],
  ])('refuses /language?back=%s with 400 and no redirect', async (back) => {
    const response = await call(harness.app, `/language?to=en&back=${back}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain('terugadres');
  });

  it('still returns to a page of this site after log-in and after switching language', async () => {
    const next = await call(harness.app, '/login?next=%2Fportals%2Fx%3Fa%3D1', { cookie });
    expect(next.headers.get('location')).toBe('/portals/x?a=1');
    const language = await call(harness.app, '/language?to=en&back=%2Flogin%3Freset');
    expect(language.status).toBe(303);
    expect(language.headers.get('location')).toBe('/login?reset');
  });
});
