/**
 * @module portal-health-page
 * `/portals/:portalId/health`: the firm-wide import health for the portal_admin — every administration
 * in the link with its recent periods × kinds (those with failures first), what incomplete links still
 * miss, per domain the Yuki calls left today and the items waiting for them, and the Loket resource
 * versions Loket announced it will retire.
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../http/context.ts';
import { IMPORT_KINDS, type ImportKind } from '../../core/import-kinds.ts';
import { decide, LOKET_FEATURE } from '../../core/policy.ts';
import { periodKeyOf } from '../../core/periods.ts';
import {
  getPortalHealth,
  HEALTH_PERIODS,
  type AdministrationHealth,
  type DomainQuota,
  type HealthCounts,
  type PortalHealth,
} from '../../app/portals/get-portal-health.ts';
import { Layout } from '../layout.tsx';
import { pageContext, render, type PageContext } from '../page-context.ts';
import { guardPortalPage } from '../authorize-page.ts';
import { MissingItems } from '../components/missing-list.tsx';
import { LoketDeprecationsSection } from '../components/loket-deprecations.tsx';
import { formatDateTime, formatNumber, formatPeriodId } from '../components/format.ts';
import type { MessageKey } from '../i18n.ts';

const KIND_TITLES: Record<ImportKind, MessageKey> = {
  payslip: 'kind.payslips',
  journal: 'kind.journal',
  tax_return: 'kind.tax_return',
};

export function portalHealthPage(app: Hono<AppEnv>): void {
  app.get('/portals/:portalId/health', async (c) => {
    const query = HealthQueryForm.parse({ page: c.req.query('page'), q: c.req.query('q') });
    const guarded = await guardPortalPage(c, 'portal.health.read', (db, _actor, portalId) =>
      getPortalHealth(db, portalId, query),
    );
    if (!guarded.ok) return guarded.response;
    const health = guarded.value;
    const { portal } = health;
    const portalId = portal.id;
    const page = pageContext(c);
    const { t } = page;
    const linked = health.administrations.filter((administration) => administration.missing.length === 0);
    const incomplete = health.administrations.filter((administration) => administration.missing.length > 0);
    return render(
      c,
      <Layout page={page} title={`${t('health.title')} · ${portal.name}`} portalId={portalId}>
        <p class="lead">
          {t('health.intro', {
            periods: HEALTH_PERIODS,
            // The window is counted in months (src/http/portal-health.ts), so its start is a month.
            from: formatPeriodId(page.locale, 'month', health.fromPeriodId),
          })}
        </p>
        <section class="card" aria-labelledby="health-imports">
          <h2 id="health-imports">{t('health.imports')}</h2>
          <HealthSearch page={page} portalId={portalId} q={query.q} />
          {linked.length === 0 ? (
            <p>{query.q ? t('health.noMatch', { q: query.q }) : t('health.noneLinked')}</p>
          ) : (
            <ImportsTable page={page} administrations={linked} fromPeriodId={health.fromPeriodId} />
          )}
          <HealthPaging page={page} portalId={portalId} health={health} q={query.q} />
        </section>
        <LoketDeprecationsSection page={page} deprecations={health.loketDeprecations} />
        <QuotaSection page={page} domains={health.domains} />
        {incomplete.length > 0 && (
          <IncompleteSection page={page} portalId={portalId} administrations={incomplete} />
        )}
        {health.notInLink > 0 && <p class="muted">{t('health.notInLink', { count: health.notInLink })}</p>}
      </Layout>,
    );
  });
}

/** One row group per administration: its name (and failures) once, then a row per recent period. */
function ImportsTable({
  page,
  administrations,
  fromPeriodId,
}: {
  page: PageContext;
  administrations: AdministrationHealth[];
  fromPeriodId: number;
}) {
  const { t } = page;
  return (
    <table class="health">
      <thead>
        <tr>
          <th scope="col">{t('health.administration')}</th>
          <th scope="col">{t('health.period')}</th>
          {IMPORT_KINDS.map((kind) => (
            <th scope="col">{t(KIND_TITLES[kind])}</th>
          ))}
        </tr>
      </thead>
      {administrations.map((administration) => {
        const rows = Math.max(1, administration.periods.length);
        const name = (
          <th scope="rowgroup" rowspan={rows} class="name">
            <a href={`/administrations/${administration.id}/loket`}>{administration.name}</a>
            <div class="muted">{administration.domainName}</div>
            {administration.goneFromYuki && <span class="badge">{t('overview.goneFromYuki')}</span>}
            {administration.failed > 0 && (
              <span class="badge badge-error">
                {t('health.failedTotal', { count: administration.failed })}
              </span>
            )}
            {administration.needsCheck > 0 && (
              <span class="badge badge-warn">
                {t('health.needsCheckTotal', { count: administration.needsCheck })}
              </span>
            )}
          </th>
        );
        if (administration.periods.length === 0) {
          return (
            <tbody>
              <tr>
                {name}
                <td>{t('common.none')}</td>
                <td colspan={IMPORT_KINDS.length} class="muted">
                  {t('health.noImports', { from: formatPeriodId(page.locale, 'month', fromPeriodId) })}
                </td>
              </tr>
            </tbody>
          );
        }
        return (
          <tbody>
            {administration.periods.map((period, index) => (
              <tr>
                {index === 0 && name}
                <th scope="row">{periodKeyOf(period.periodId)}</th>
                {IMPORT_KINDS.map((kind) => (
                  <td>
                    <Counts page={page} counts={period.kinds[kind]} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        );
      })}
    </table>
  );
}

function Counts({ page, counts }: { page: PageContext; counts: HealthCounts | null }) {
  const { t } = page;
  if (!counts) return <span class="muted">{t('health.cell.nothing')}</span>;
  const parts = [
    { n: counts.failed, badge: 'badge-error', key: 'health.cell.failed' as const },
    { n: counts.needsCheck, badge: 'badge-warn', key: 'health.cell.needsCheck' as const },
    { n: counts.waitingForQuota, badge: 'badge-warn', key: 'health.cell.waitingForQuota' as const },
    { n: counts.open, badge: '', key: 'health.cell.open' as const },
    { n: counts.posted, badge: 'badge-ok', key: 'health.cell.posted' as const },
    { n: counts.skipped, badge: '', key: 'health.cell.skipped' as const },
  ].filter((part) => part.n > 0);
  return (
    <ul class="cell-states">
      {parts.map((part) => (
        <li>
          <span class={`badge ${part.badge}`}>
            {t(part.key, { count: formatNumber(page.locale, part.n) })}
          </span>
        </li>
      ))}
    </ul>
  );
}

function QuotaSection({ page, domains }: { page: PageContext; domains: DomainQuota[] }) {
  const { t, locale } = page;
  return (
    <section class="card" aria-labelledby="health-quota">
      <h2 id="health-quota">{t('health.quota')}</h2>
      <p class="muted">{t('health.quotaIntro')}</p>
      {domains.length === 0 ? (
        <p>{t('health.noDomains')}</p>
      ) : (
        <table class="health">
          <thead>
            <tr>
              <th scope="col">{t('health.domain')}</th>
              <th scope="col">{t('health.quotaWaiting')}</th>
              <th scope="col">{t('health.quotaLeft')}</th>
              <th scope="col">{t('health.quotaUsed')}</th>
              <th scope="col">{t('health.quotaResets')}</th>
            </tr>
          </thead>
          <tbody>
            {domains.map((domain) => (
              <tr>
                <th scope="row" class="name">
                  {domain.name}
                </th>
                <td>{formatNumber(locale, domain.waitingForQuota)}</td>
                {domain.quota ? (
                  <>
                    <td>
                      {formatNumber(locale, domain.quota.left)}
                      {domain.quota.left === 0 && (
                        <span class="badge badge-warn"> {t('health.quotaSpent')}</span>
                      )}
                    </td>
                    <td>
                      {t('health.quotaUsedOf', {
                        used: formatNumber(locale, domain.quota.used),
                        limit: formatNumber(locale, domain.quota.limit),
                      })}
                    </td>
                    <td>{formatDateTime(locale, domain.quota.resetsAt)}</td>
                  </>
                ) : (
                  <td colspan={3} class="muted">
                    {t('health.quotaUnknown')}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function IncompleteSection({
  page,
  portalId,
  administrations,
}: {
  page: PageContext;
  portalId: string;
  administrations: AdministrationHealth[];
}) {
  const { t } = page;
  return (
    <section class="card" aria-labelledby="health-incomplete">
      <h2 id="health-incomplete">{t('health.incomplete')}</h2>
      <p class="muted">{t('health.incompleteIntro')}</p>
      <table class="health">
        <thead>
          <tr>
            <th scope="col">{t('health.administration')}</th>
            <th scope="col">{t('health.missing')}</th>
          </tr>
        </thead>
        <tbody>
          {administrations.map((administration) => {
            const features = new Set(administration.missing.includes('feature') ? [] : [LOKET_FEATURE]);
            const where = {
              portalId,
              domainId: administration.domainId,
              administrationId: administration.id,
              features,
            };
            // Loket service answers only once the contract has the feature; until then tab Administratie.
            const usesLink = decide(page.actor, 'link.use', { kind: 'domain', ...where }).allowed;
            return (
              <tr>
                <th scope="row" class="name">
                  <a href={`/administrations/${administration.id}${usesLink ? '/loket' : ''}`}>
                    {administration.name}
                  </a>
                  <div class="muted">{administration.domainName}</div>
                  {administration.failed > 0 && (
                    <span class="badge badge-error">
                      {t('health.failedTotal', { count: administration.failed })}
                    </span>
                  )}
                  {administration.needsCheck > 0 && (
                    <span class="badge badge-warn">
                      {t('health.needsCheckTotal', { count: administration.needsCheck })}
                    </span>
                  )}
                </th>
                <td class="missing">
                  <MissingItems page={page} missing={administration.missing} where={where} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

const HealthQueryForm = z.object({
  // A page number that cannot be read shows the first page, as a link typed by hand should.
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .catch(undefined)
    .transform((value) => value || undefined),
});

function healthHref(portalId: string, page: number, q: string | undefined): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return `/portals/${portalId}/health${search ? `?${search}` : ''}`;
}

/** Search by name or client number: a plain GET form, so the address can be shared. */
function HealthSearch({ page, portalId, q }: { page: PageContext; portalId: string; q: string | undefined }) {
  const { t } = page;
  return (
    <form method="get" action={`/portals/${portalId}/health`} class="inline" role="search">
      <label for="health-q">{t('health.search')}</label>{' '}
      <input id="health-q" name="q" type="search" value={q ?? ''} />{' '}
      <button type="submit" class="secondary">
        {t('health.searchButton')}
      </button>
    </form>
  );
}

/** Where this page is among all, with links to the pages beside it. */
function HealthPaging({
  page,
  portalId,
  health,
  q,
}: {
  page: PageContext;
  portalId: string;
  health: PortalHealth;
  q: string | undefined;
}) {
  const { t, locale } = page;
  if (health.total <= health.pageSize && health.page === 1) return null;
  const from = Math.min(health.total, (health.page - 1) * health.pageSize + 1);
  const to = Math.min(health.total, health.page * health.pageSize);
  const last = Math.max(1, Math.ceil(health.total / health.pageSize));
  return (
    <nav class="paging" aria-label={t('health.imports')}>
      <span>
        {t('health.pageOf', {
          from: formatNumber(locale, from),
          to: formatNumber(locale, to),
          total: formatNumber(locale, health.total),
        })}
      </span>{' '}
      {health.page > 1 && (
        <a href={healthHref(portalId, Math.min(health.page - 1, last), q)} rel="prev">
          {t('health.previous')}
        </a>
      )}{' '}
      {health.page < last && (
        <a href={healthHref(portalId, health.page + 1, q)} rel="next">
          {t('health.next')}
        </a>
      )}
    </nav>
  );
}
