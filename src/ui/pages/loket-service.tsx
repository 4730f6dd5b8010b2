/**
 * @module loket-service-page
 * `/administrations/:administrationId/loket` — *Personeel → Loket service*, for portal_admin and the
 * domain's backoffice only: the state of the link and, while it is incomplete, exactly what is missing
 * and which role can fix it. The import section is where the import engine's grid will be.
 */
import type { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import type { AppEnv } from '../../http/context.ts';
import { portals } from '../../store/schema/index.ts';
import { portalOverview } from '../../tenancy/portal-overview.ts';
import { getLoketConnection } from '../../tenancy/loket-connection.ts';
import { Layout } from '../layout.tsx';
import { pageContext, render } from '../page-context.ts';
import { guardAdministrationPage } from '../authorize-page.ts';
import { notFoundPage } from './error-pages.tsx';
import { MissingList } from '../components/missing-list.tsx';
import { administrationNav } from '../components/administration-nav.ts';
import { formatDateTime } from '../components/format.ts';

export function loketServicePage(app: Hono<AppEnv>): void {
  app.get('/administrations/:administrationId/loket', async (c) => {
    const guarded = await guardAdministrationPage(c, c.req.param('administrationId'), 'link.use');
    if (!guarded.ok) return guarded.response;
    const { scope, administration } = guarded.value;
    const { db } = c.var.services;
    const [portal] = await db.select().from(portals).where(eq(portals.id, scope.portalId));
    // The overview computes what is missing; the page shows the same verdict for this administration.
    const domains = portal ? await portalOverview(db, c.var.actor!, scope.portalId, portal) : [];
    const status = domains
      .find((domain) => domain.id === scope.domainId)
      ?.administrations.find((row) => row.id === administration.id);
    if (!status) return notFoundPage(c);
    const connection = await getLoketConnection(db, scope.domainId);
    const page = pageContext(c);
    const { t, locale } = page;
    const nav = await administrationNav(db, page.actor, guarded.value, 'loket');
    return render(
      c,
      <Layout page={page} title={t('service.title')} portalId={scope.portalId} administration={nav}>
        <p class="lead">{t('service.intro', { name: administration.name })}</p>
        <section class="card" aria-labelledby="link-state">
          <h2 id="link-state">{t('service.link')}</h2>
          <MissingList
            page={page}
            missing={status.missing}
            where={{
              portalId: scope.portalId,
              domainId: scope.domainId,
              administrationId: administration.id,
              features: scope.features,
            }}
          />
          <dl class="facts">
            <dt>{t('service.payrollAdministration')}</dt>
            <dd>
              {administration.loketPayrollAdministrationName
                ? `${administration.loketPayrollAdministrationName} (${administration.relationCode})`
                : t('admin.notResolved')}
            </dd>
            <dt>{t('service.connection')}</dt>
            <dd>
              {t(`connection.status.${connection.status}`)}
              {connection.checkedAt && (
                <span class="muted">
                  {' '}
                  · {t('connection.checkedAt', { at: formatDateTime(locale, connection.checkedAt) })}
                </span>
              )}
            </dd>
          </dl>
        </section>
        <section class="card" aria-labelledby="import" id="import-section">
          <h2 id="import">{t('service.import')}</h2>
          <p>{t('service.importPending')}</p>
        </section>
      </Layout>,
    );
  });
}
