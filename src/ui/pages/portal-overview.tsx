/**
 * @module portal-overview-page
 * `/portals/:portalId`: the domains and administrations this person may see and, for those who work
 * with the link, what each administration still misses and who can fix it.
 */
import type { Hono } from 'hono';
import type { AppEnv } from '../../http/context.ts';
import { decide, LOKET_FEATURE } from '../../core/policy.ts';
import {
  getPortalOverview,
  type DomainStatus,
  type LinkMissing,
} from '../../app/portals/get-portal-overview.ts';
import { Layout } from '../layout.tsx';
import { pageContext, render, type PageContext } from '../page-context.ts';
import { guardPortalPage } from '../authorize-page.ts';
import {
  DOMAIN_LEVEL,
  LinkBadge,
  MissingItems,
  PORTAL_LEVEL,
  type Where,
} from '../components/missing-list.tsx';

export function portalOverviewPage(app: Hono<AppEnv>): void {
  app.get('/portals/:portalId', async (c) => {
    const guarded = await guardPortalPage(c, 'portal.view', getPortalOverview);
    if (!guarded.ok) return guarded.response;
    const portal = guarded.value;
    const portalId = portal.id;
    const { domains } = portal;
    const page = pageContext(c);
    const { t } = page;
    return render(
      c,
      <Layout page={page} title={t('overview.title', { portal: portal.name })} portalId={portalId}>
        <p class="lead">{t('overview.intro')}</p>
        {domains.length === 0 && <p>{t('overview.noDomains')}</p>}
        <PortalLevel page={page} portalId={portalId} domains={domains} />
        {domains.map((domain) => (
          <DomainSection page={page} portalId={portalId} domain={domain} />
        ))}
      </Layout>,
    );
  });
}

function DomainSection({
  page,
  portalId,
  domain,
}: {
  page: PageContext;
  portalId: string;
  domain: DomainStatus;
}) {
  const { t } = page;
  const features = new Set(domain.hasLoketFeature ? [LOKET_FEATURE] : []);
  const scope = { kind: 'domain' as const, portalId, domainId: domain.id, features };
  const link = decide(page.actor, 'link.use', scope);
  // People whose role works with the link see its state; others (HRM, guests…) never do.
  const seesLink = link.allowed || link.reason === 'feature_missing';
  const headingId = `domain-${domain.id}`;
  const where = { portalId, domainId: domain.id, features };
  const first = domain.administrations[0];
  const domainMissing = only(first?.missing ?? [], DOMAIN_LEVEL);
  return (
    <section class="card" aria-labelledby={headingId}>
      <div class="section-head">
        <h2 id={headingId}>
          {domain.name}
          {domain.goneFromYuki && <span class="badge"> {t('overview.goneFromYuki')}</span>}
        </h2>
        <p class="section-links">
          <a href={`/domains/${domain.id}`}>
            {t('overview.contract')}
            <span class="visually-hidden"> {domain.name}</span>
          </a>
          {link.allowed && (
            <a href={`/domains/${domain.id}/loket`}>
              {t('overview.domainLoket')}
              <span class="visually-hidden"> {domain.name}</span>
            </a>
          )}
        </p>
      </div>
      {seesLink && domainMissing.length > 0 && (
        <div class="missing level">
          <p>{t('status.domainLevel')}:</p>
          <MissingItems
            page={page}
            missing={domainMissing}
            where={{ ...where, administrationId: first?.id ?? '' }}
          />
        </div>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">{t('overview.administration')}</th>
            <th scope="col">{t('overview.relationCode')}</th>
            {seesLink && <th scope="col">{t('overview.link')}</th>}
          </tr>
        </thead>
        <tbody>
          {domain.administrations.map((administration) => (
            <tr>
              <td>
                <a href={`/administrations/${administration.id}`}>{administration.name}</a>
                {administration.isStandard && <span class="badge"> {t('common.standard')}</span>}
                {administration.goneFromYuki && <span class="badge"> {t('overview.goneFromYuki')}</span>}
              </td>
              <td>
                {administration.relationCode ?? t('common.none')}
                {administration.loketPayrollAdministrationName && (
                  <div class="muted">{administration.loketPayrollAdministrationName}</div>
                )}
              </td>
              {seesLink && (
                <td class="missing">
                  <LinkBadge page={page} complete={administration.missing.length === 0} />
                  <AdministrationLevel
                    page={page}
                    missing={administration.missing}
                    where={{ ...where, administrationId: administration.id }}
                  />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function only(missing: readonly LinkMissing[], level: readonly LinkMissing[]): LinkMissing[] {
  return missing.filter((item) => level.includes(item));
}

/** Portal-wide gaps (API client, Yuki key) are the same everywhere: said once, above the domains. */
function PortalLevel({
  page,
  portalId,
  domains,
}: {
  page: PageContext;
  portalId: string;
  domains: DomainStatus[];
}) {
  const seen = domains.find((domain) => {
    const scope = {
      kind: 'domain' as const,
      portalId,
      domainId: domain.id,
      features: new Set(domain.hasLoketFeature ? [LOKET_FEATURE] : []),
    };
    const link = decide(page.actor, 'link.use', scope);
    return link.allowed || link.reason === 'feature_missing';
  });
  const missing = only(seen?.administrations[0]?.missing ?? [], PORTAL_LEVEL);
  if (!seen || missing.length === 0) return null;
  return (
    <div class="notice notice-info missing level">
      <p>{page.t('status.portalLevel')}:</p>
      <MissingItems
        page={page}
        missing={missing}
        where={{ portalId, domainId: seen.id, administrationId: '', features: new Set() }}
      />
    </div>
  );
}

function AdministrationLevel({
  page,
  missing,
  where,
}: {
  page: PageContext;
  missing: LinkMissing[];
  where: Where;
}) {
  const own = missing.filter((item) => !PORTAL_LEVEL.includes(item) && !DOMAIN_LEVEL.includes(item));
  if (own.length === 0 && missing.length > 0) return <p class="muted">{page.t('status.seeAbove')}</p>;
  return <MissingItems page={page} missing={own} where={where} />;
}
