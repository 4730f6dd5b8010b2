/**
 * Every page in Dutch and in English, as the role that sees it, with demo-like data (tenants, the
 * feature on the contract, saved settings, audit rows and refusals): no page mixes the languages. Text
 * marked with the other language's `lang` (Loket's Dutch right names on an English page) and the
 * language switch itself are left out; what remains must hold none of the other language's tell-tales.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../test/support/test-app.ts';
import { call } from '../../test/support/auth-harness.ts';
import { roleSessions, type SessionRole } from '../../test/support/role-sessions.ts';
import { createTenants, type Tenants } from '../../test/support/tenants.ts';
import type { createApp } from '../main/app.ts';
import type { JobEngine } from '../jobs/engine.ts';
import type { DatabaseHandle } from '../store/database.ts';
import { domainFeatures } from '../store/schema/index.ts';
import type { Locale } from '../core/roles.ts';

/** Words that give away the other language in running text (case-sensitive, as whole words). */
const TELL_TALES: Record<Locale, RegExp[]> = {
  // On a Dutch page: English.
  nl: [
    /\bthe\b/,
    /\band\b/,
    /\bSave\b/,
    /\bCancel\b/,
    /\bwith\b/,
    /\byour\b/i,
    /\bSettings\b/,
    /\bSign (in|out)\b/,
    /\bnot\b/,
    /\bis a\b/,
  ],
  // On an English page: Dutch.
  en: [
    /\bde\b/,
    /\bhet\b/,
    /\been\b/,
    /\bOpslaan\b/,
    /\bAnnuleren\b/,
    /\bvan\b/,
    /\bniet\b/,
    /\bvoor\b/,
    /\bgeen\b/,
    /\bInstellingen\b/,
    /\bwordt\b/,
  ],
};

/** The page's running text: no scripts, no parts marked as the other language, no language switch. */
function visibleText(html: string, locale: Locale): string {
  const other = locale === 'nl' ? 'en' : 'nl';
  let text = html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<title>[\s\S]*?<\/title>/, ' ');
  // Elements in the other language (innermost first, so nesting does not matter for the usual cases).
  const marked = new RegExp(`<(\\w+)[^>]*\\slang="${other}"[^>]*>[\\s\\S]*?</\\1>`, 'g');
  text = text.replace(marked, ' ');
  return text
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');
}

describe('every page in one language', () => {
  let database: DatabaseHandle;
  let jobs: JobEngine;
  let app: ReturnType<typeof createApp>;
  let tenants: Tenants;
  const { as } = roleSessions(() => ({ app, tenants }));

  beforeAll(async () => {
    ({ database, jobs, app } = await startTestApp('lang-test'));
    tenants = await createTenants(database.db);
    await database.db
      .insert(domainFeatures)
      .values({ domainId: tenants.a.domainIds[0], feature: 'loket_payroll_link' });
    // Audit rows and refusals for the audit log and the operator console.
    const admin = await as('portal_admin');
    const saved = await call(app, `/portals/${tenants.a.portalId}/settings/loket`, {
      cookie: admin.cookie,
      form: {
        _csrf: admin.csrf,
        loketClientId: 'demo-client',
        loketEnvironment: 'acceptance',
        lookbackPeriods: '2',
        kind_payslips: 'on',
        notificationRecipients: 'salaris@jansendeboer.nl',
      },
    });
    expect(saved.status).toBe(303);
    await call(app, `/administrations/${tenants.a.standardId}/loket`, { cookie: (await as('hrm')).cookie });
    await call(app, '/login', { form: { email: tenants.emails.guest, password: 'wrong' } });
  }, 60_000);

  afterAll(async () => {
    await jobs?.stop();
    await database?.close();
  });

  type Shown = { path: string; role?: SessionRole; status?: number; form?: Record<string, string> };

  function pages(): Shown[] {
    const { portalId, domainIds, standardId } = tenants.a;
    return [
      { path: '/login' },
      { path: '/forgot-password' },
      { path: '/reset-password?token=nope' },
      { path: '/invitation?token=nope', status: 404 },
      { path: `/portals/${portalId}`, role: 'portal_admin' },
      { path: `/portals/${portalId}/settings/loket`, role: 'portal_admin' },
      { path: `/portals/${portalId}/members`, role: 'portal_admin' },
      { path: `/portals/${portalId}/audit`, role: 'portal_admin' },
      { path: `/portals/${portalId}/health`, role: 'portal_admin' },
      { path: `/domains/${domainIds[0]}`, role: 'portal_admin' },
      { path: `/domains/${domainIds[0]}/loket`, role: 'backoffice' },
      { path: `/administrations/${standardId}`, role: 'backoffice' },
      { path: `/administrations/${standardId}/loket`, role: 'backoffice' },
      { path: `/administrations/${standardId}/loket`, role: 'hrm', status: 403 },
      { path: '/operator', role: 'operator' },
      { path: '/operator/outbox', role: 'operator' },
      { path: '/operator/outbox?resent=failed', role: 'operator' },
      { path: '/no-such-page', role: 'guest', status: 404 },
      // Forms answered with their problems: zod's English must not reach a Dutch page.
      {
        path: `/portals/${portalId}/settings/loket`,
        role: 'portal_admin',
        status: 400,
        form: { yukiAccessKey: 'geen-guid', loketEnvironment: 'acceptance', lookbackPeriods: '99' },
      },
      {
        path: `/administrations/${standardId}/link-settings`,
        role: 'backoffice',
        status: 400,
        form: { importFromPeriod: '2026-8x', netPayComponentKey: 'x' },
      },
      { path: `/domains/${domainIds[0]}/loket`, role: 'backoffice', status: 400, form: { username: '' } },
    ];
  }

  it('writes audit entries and refusals in words, with the changed fields by name', async () => {
    const admin = await as('portal_admin');
    const response = await call(app, `/portals/${tenants.a.portalId}/audit`, { cookie: admin.cookie });
    const text = visibleText(await response.text(), 'nl');
    // By name (the test users are named after their role), not by e-mail: issue 14 point 5.
    expect(text).toContain('Loket instellingen gewijzigd door portal_admin');
    expect(text).not.toContain(`gewijzigd door ${tenants.emails.portal_admin}`);
    expect(text).toMatch(/client id, omgeving|omgeving, client id/);
    expect(text).toContain('Toegang tot de koppeling geweigerd');
    expect(text).not.toMatch(/portal\.loket_settings\.update|link\.refused|loketClientId/);
  });

  for (const locale of ['nl', 'en'] as const) {
    it(`renders every page in ${locale === 'nl' ? 'Dutch' : 'English'} only`, async () => {
      const mixed: string[] = [];
      for (const { path, role, status, form } of pages()) {
        const session = role ? await as(role) : undefined;
        const response = await call(app, path, {
          cookie: [session?.cookie, `ly_lang=${locale}`].filter(Boolean).join('; '),
          ...(form ? { form: { ...form, _csrf: session?.csrf ?? '' } } : {}),
        });
        const html = await response.text();
        expect(response.status, `${path} as ${role}`).toBe(status ?? 200);
        expect(html, path).toContain(`<html lang="${locale}">`);
        const text = visibleText(html, locale);
        if (process.env.SHOW_TEXT) console.log(path, locale, text);
        for (const word of TELL_TALES[locale]) {
          const at = word.exec(text);
          if (at)
            mixed.push(
              `${path} (${role ?? 'anonymous'}): ${word} in "…${text.slice(Math.max(0, at.index - 60), at.index + 40)}…"`,
            );
        }
      }
      expect(mixed).toEqual([]);
    });
  }
});
