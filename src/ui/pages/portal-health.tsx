/**
 * @module portal-health-page
 * `/portals/:portalId/health`: the firm-wide import health for the portal_admin — every administration
 * in the link with its recent periods × kinds (those with failures first), what incomplete links still
 * miss, per domain the Yuki calls left today and the items waiting for them, and the Loket resource
 * versions Loket announced it will retire.
 */
import type { Hono } from 'hono';
import type { AppEnv } from '../../http/context.ts';
import { decide, LOKET_FEATURE } from '../../core/policy.ts';
import { periodKeyOf } from '../../core/periods.ts';
import {
  getPortalHealth,
  HEALTH_PERIODS,
  IMPORT_KINDS,
  type ImportKind,
  type AdministrationHealth,
  type DomainQuota,
  type HealthCounts,
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
    const guarded = await guardPortalPage(c, 'portal.health.read', getPortalHealth);
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
          {linked.length === 0 ? (
            <p>{t('health.noneLinked')}</p>
          ) : (
            <ImportsTable page={page} administrations={linked} fromPeriodId={health.fromPeriodId} />
          )}
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
