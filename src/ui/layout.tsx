/**
 * @module layout
 * The frame of every page: skip link, demo banner, the top bar as in Yuki (overview, import status,
 * Instellingen, audit log, operator console — each only for whom it is), the administration bar with
 * its tab *Administratie* and the *Personeel* menu holding *Loket service*, and the language switch.
 */
import type { Child } from 'hono/jsx';
import { decide } from '../core/policy.ts';
import type { PageContext } from './page-context.ts';
import { Csrf } from './components/form.tsx';

export type AdministrationNav = {
  id: string;
  name: string;
  domainId: string;
  domainName: string;
  /** Whether the actor may use the link here; without it the menu item is not shown at all. */
  showLoketService: boolean;
  current: 'administration' | 'loket';
};

type LayoutProps = {
  page: PageContext;
  title: string;
  /** The portal the top bar's links point into. */
  portalId?: string | undefined;
  administration?: AdministrationNav;
  children?: Child;
};

export function Layout({ page, title, portalId, administration, children }: LayoutProps) {
  const { t } = page;
  return (
    <html lang={page.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t('app.name')}`}</title>
        {/* htmx would add its indicator rules as a constructed stylesheet; app.css has them instead (CSP). */}
        <meta name="htmx-config" content="includeIndicatorCSS:false" />
        <link rel="stylesheet" href="/assets/app.css" />
        <script src="/assets/htmx.min.js" defer></script>
      </head>
      <body>
        <a class="skip" href="#main">
          {t('app.skip')}
        </a>
        <header>
          {page.demo && (
            <div class="demo-banner" role="note">
              {t('demo.banner')} <a href="/_demo/outbox">{t('demo.outbox')}</a>
            </div>
          )}
          <div class="topbar">
            <a class="brand" href="/">
              {t('app.name')}
            </a>
            {page.actor && <MainNav page={page} portalId={portalId} />}
            <div class="topbar-end">
              <LanguageSwitch page={page} />
              {page.actor && (
                <form method="post" action="/logout" class="inline">
                  <Csrf page={page} />
                  <span class="who">{t('nav.signedInAs', { name: page.actor.name })}</span>
                  <button type="submit" class="link-button">
                    {t('nav.logout')}
                  </button>
                </form>
              )}
            </div>
          </div>
        </header>
        {administration && <AdministrationBar page={page} administration={administration} />}
        <main id="main" tabindex={-1}>
          <h1>{title}</h1>
          {children}
        </main>
      </body>
    </html>
  );
}

function MainNav({ page, portalId }: { page: PageContext; portalId: string | undefined }) {
  const { t, actor } = page;
  if (!actor) return null;
  const portal = portalId ?? firstPortal(page);
  const scope = portal ? { kind: 'portal' as const, portalId: portal } : undefined;
  const views = scope ? decide(actor, 'portal.view', scope).allowed : false;
  const manages = scope ? decide(actor, 'portal.manage', scope).allowed : false;
  const managesMembers = scope ? decide(actor, 'portal.members.manage', scope).allowed : false;
  const readsAudit = scope ? decide(actor, 'portal.audit.read', scope).allowed : false;
  const readsHealth = scope ? decide(actor, 'portal.health.read', scope).allowed : false;
  return (
    <nav aria-label={t('nav.main')} class="mainnav">
      <ul>
        {views && (
          <li>
            <a href={`/portals/${portal}`}>{t('nav.overview')}</a>
          </li>
        )}
        {readsHealth && (
          <li>
            <a href={`/portals/${portal}/health`}>{t('nav.health')}</a>
          </li>
        )}
        {(manages || managesMembers) && (
          <li>
            <details class="menu">
              <summary>{t('nav.settings')}</summary>
              <ul>
                {manages && (
                  <li>
                    <a href={`/portals/${portal}/settings/loket`}>{t('nav.loketSettings')}</a>
                  </li>
                )}
                {managesMembers && (
                  <li>
                    <a href={`/portals/${portal}/members`}>{t('nav.members')}</a>
                  </li>
                )}
              </ul>
            </details>
          </li>
        )}
        {readsAudit && (
          <li>
            <a href={`/portals/${portal}/audit`}>{t('nav.audit')}</a>
          </li>
        )}
        {actor.isOperator && (
          <li>
            <a href="/operator">{t('nav.operator')}</a>
          </li>
        )}
      </ul>
    </nav>
  );
}

function AdministrationBar({
  page,
  administration,
}: {
  page: PageContext;
  administration: AdministrationNav;
}) {
  const { t } = page;
  return (
    <nav aria-label={t('nav.administration')} class="adminbar">
      <p class="crumbs">
        <a href={`/domains/${administration.domainId}`}>{administration.domainName}</a>
        <span aria-hidden="true"> › </span>
        <span>{administration.name}</span>
      </p>
      <ul class="tabs">
        <li>
          <a
            href={`/administrations/${administration.id}`}
            aria-current={administration.current === 'administration' ? 'page' : undefined}
          >
            {t('nav.tabAdministration')}
          </a>
        </li>
        {administration.showLoketService && (
          <li>
            <details class={administration.current === 'loket' ? 'menu current' : 'menu'}>
              <summary>{t('nav.staff')}</summary>
              <ul>
                <li>
                  <a
                    href={`/administrations/${administration.id}/loket`}
                    aria-current={administration.current === 'loket' ? 'page' : undefined}
                  >
                    {t('nav.loketService')}
                  </a>
                </li>
              </ul>
            </details>
          </li>
        )}
      </ul>
    </nav>
  );
}

function LanguageSwitch({ page }: { page: PageContext }) {
  const to = page.locale === 'nl' ? 'en' : 'nl';
  return (
    <a
      class="lang"
      href={`/language?to=${to}&back=${encodeURIComponent(page.here)}`}
      lang={to}
      hreflang={to}
      aria-label={page.t('lang.switch.label')}
    >
      {page.t('lang.switch')}
    </a>
  );
}

/** The portal someone works in when the page does not say: their first portal role or domain role. */
function firstPortal(page: PageContext): string | undefined {
  const actor = page.actor;
  if (!actor) return undefined;
  return actor.portalRoles.keys().next().value ?? actor.domainRoles.values().next().value?.portalId;
}
