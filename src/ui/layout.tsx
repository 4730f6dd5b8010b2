/**
 * @module layout
 * The frame of every page, as Yuki users know it: a top bar with the product, the domain name at the
 * top right (it opens the domain's list of administrations), the language switch and sign-out; a left
 * navigation with an icon per area (overview, import status, Instellingen, audit log, operator console —
 * each only for whom it is) and, inside an administration, *Personeel* whose menu holds *Loket service*
 * (opening on hover, focus or click); and the administration bar with its tab *Administratie*.
 * Below 48rem the left navigation becomes a row of icons under the top bar.
 */
import type { Child } from 'hono/jsx';
import { decide } from '../core/policy.ts';
import type { PageContext } from './page-context.ts';
import { Csrf } from './components/form.tsx';
import { Icon, type IconName } from './components/icons.tsx';

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
  /** The portal the navigation's links point into. */
  portalId?: string | undefined;
  administration?: AdministrationNav;
  /** The domain a domain page is about, for the domain name at the top right. */
  domain?: { id: string; name: string } | undefined;
  children?: Child;
};

export function Layout({ page, title, portalId, administration, domain, children }: LayoutProps) {
  const { t } = page;
  const shownDomain =
    domain ?? (administration ? { id: administration.domainId, name: administration.domainName } : undefined);
  return (
    <html lang={page.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t('app.name')}`}</title>
        {/* htmx would add its indicator rules as a constructed stylesheet; app.css has them instead (CSP). */}
        <meta name="htmx-config" content="includeIndicatorCSS:false" />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/assets/app.css" />
        <script src="/assets/htmx.min.js" defer></script>
        <script src="/assets/app.js" defer></script>
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
            <div class="topbar-end">
              {page.actor && shownDomain && (
                <a
                  class="domain-switch"
                  href={`/domains/${shownDomain.id}`}
                  title={t('nav.domainAdministrations', { name: shownDomain.name })}
                >
                  <Icon name="domain" />
                  <span>{shownDomain.name}</span>
                </a>
              )}
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
        <div class={page.actor ? 'frame with-nav' : 'frame'}>
          {page.actor && <SideNav page={page} portalId={portalId} administration={administration} />}
          <div class="content">
            {administration && <AdministrationBar page={page} administration={administration} />}
            <main id="main" tabindex={-1}>
              <h1>{title}</h1>
              {children}
            </main>
          </div>
        </div>
      </body>
    </html>
  );
}

/** One area of the left navigation: its icon above or beside its name; the page itself is marked. */
function NavLink({
  page,
  href,
  icon,
  label,
}: {
  page: PageContext;
  href: string;
  icon: IconName;
  label: string;
}) {
  const here = page.here.split('?')[0];
  return (
    <a class="navitem" href={href} aria-current={here === href ? 'page' : undefined}>
      <Icon name={icon} />
      <span>{label}</span>
    </a>
  );
}

/** A navigation area with a menu: a <details>, so keyboard, touch and click open it without script. */
function NavMenu({
  icon,
  label,
  current,
  children,
}: {
  icon: IconName;
  label: string;
  current?: boolean;
  children: Child;
}) {
  return (
    <details class={current ? 'menu current' : 'menu'}>
      <summary class="navitem">
        <Icon name={icon} />
        <span>{label}</span>
      </summary>
      <ul>{children}</ul>
    </details>
  );
}

function SideNav({
  page,
  portalId,
  administration,
}: {
  page: PageContext;
  portalId: string | undefined;
  administration: AdministrationNav | undefined;
}) {
  const { t, actor } = page;
  if (!actor) return null;
  const portal = portalId ?? firstPortal(page);
  const scope = portal ? { kind: 'portal' as const, portalId: portal } : undefined;
  const views = scope ? decide(actor, 'portal.view', scope).allowed : false;
  const manages = scope ? decide(actor, 'portal.manage', scope).allowed : false;
  const managesMembers = scope ? decide(actor, 'portal.members.manage', scope).allowed : false;
  const readsAudit = scope ? decide(actor, 'portal.audit.read', scope).allowed : false;
  const readsHealth = scope ? decide(actor, 'portal.health.read', scope).allowed : false;
  const here = page.here.split('?')[0];
  return (
    <nav aria-label={t('nav.main')} class="sidenav">
      <ul>
        {views && (
          <li>
            <NavLink page={page} href={`/portals/${portal}`} icon="overview" label={t('nav.overview')} />
          </li>
        )}
        {readsHealth && (
          <li>
            <NavLink page={page} href={`/portals/${portal}/health`} icon="health" label={t('nav.health')} />
          </li>
        )}
        {administration?.showLoketService && (
          <li>
            <NavMenu icon="staff" label={t('nav.staff')} current={administration.current === 'loket'}>
              <li>
                <a
                  href={`/administrations/${administration.id}/loket`}
                  aria-current={administration.current === 'loket' ? 'page' : undefined}
                >
                  {t('nav.loketService')}
                </a>
              </li>
            </NavMenu>
          </li>
        )}
        {(manages || managesMembers) && (
          <li>
            <NavMenu
              icon="settings"
              label={t('nav.settings')}
              current={
                here?.startsWith(`/portals/${portal}/settings`) || here === `/portals/${portal}/members`
              }
            >
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
            </NavMenu>
          </li>
        )}
        {readsAudit && (
          <li>
            <NavLink page={page} href={`/portals/${portal}/audit`} icon="audit" label={t('nav.audit')} />
          </li>
        )}
        {actor.isOperator && (
          <li>
            <NavLink page={page} href="/operator" icon="operator" label={t('nav.operator')} />
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
        {/* Plain text: the domain's one link is its name at the top right, as in Yuki. */}
        <span>{administration.domainName}</span>
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
