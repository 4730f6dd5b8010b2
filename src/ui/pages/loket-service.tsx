/**
 * @module loket-service-page
 * `/administrations/:administrationId/loket` — *Personeel → Loket service*, for portal_admin and the
 * domain's backoffice only: the state of the link and, while it is incomplete, exactly what is missing
 * and which role can fix it; once it is complete, the import: grid, Import now, backfill, progress and
 * history (`../import/`, whose routes are in `loket-import.tsx`). When the domain's work waits for
 * Yuki's daily quota, one line says how much and when it goes on.
 */
import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../../http/context.ts';
import { IMPORT_KINDS } from '../../core/import-kinds.ts';
import type { QuotaWaiting } from '../../sync/quota-waiting.ts';
import { getLoketService } from '../../app/administrations/get-loket-service.ts';
import { Layout } from '../layout.tsx';
import { pageContext, render, type PageContext } from '../page-context.ts';
import { guardAdministrationPage } from '../authorize-page.ts';
import { notFoundPage } from './error-pages.tsx';
import { MissingList } from '../components/missing-list.tsx';
import { getAdministrationNav } from '../../app/administrations/get-administration-nav.ts';
import { formatDateTime, formatList, formatNumber } from '../components/format.ts';
import { Notice } from '../components/form.tsx';
import type { ImportTarget } from '../../app/administrations/import-request.ts';
import { loadImportView } from '../import/import-view.ts';
import { ImportSection } from '../import/import-section.tsx';
import { RequestedAfter } from '../import/import-progress.tsx';
import type { BackfillState } from '../import/backfill-form.tsx';

export type LoketServiceExtras = {
  notice?: { kind: 'ok' | 'error'; text: string } | undefined;
  backfill?: BackfillState | undefined;
  /** Just after a request, the latest run before it (or `none`): the progress waits for the next. */
  requestedAfter?: string | undefined;
  status?: ContentfulStatusCode;
};

export function loketServicePage(app: Hono<AppEnv>): void {
  app.get('/administrations/:administrationId/loket', async (c) => {
    const guarded = await guardAdministrationPage(c, c.req.param('administrationId'), 'link.use');
    if (!guarded.ok) return guarded.response;
    const requested = RequestedAfter.safeParse(c.req.query('requested'));
    if (!requested.success) return showLoketService(c, guarded.value);
    const { t } = pageContext(c);
    return showLoketService(c, guarded.value, {
      notice: { kind: 'ok', text: t('import.requested') },
      requestedAfter: requested.data,
    });
  });
}

/** The whole page; the import routes render it again with a preview, an error or a notice. */
export async function showLoketService(
  c: Context<AppEnv>,
  target: ImportTarget,
  extras: LoketServiceExtras = {},
): Promise<Response> {
  const { scope, administration } = target;
  const { services } = c.var;
  const { db } = services;
  const status = await getLoketService(db, target);
  if (!status) return notFoundPage(c);
  const { connection, waiting } = status;
  const page = pageContext(c);
  const { t, locale } = page;
  const nav = { ...(await getAdministrationNav(db, page.actor, target)), current: 'loket' as const };
  const complete = status.missing.length === 0;
  const view = complete ? await loadImportView(services, administration) : undefined;
  return render(
    c,
    <Layout page={page} title={t('service.title')} portalId={scope.portalId} administration={nav}>
      <p class="lead">{t('service.intro', { name: administration.name })}</p>
      <Notice kind={extras.notice?.kind ?? 'ok'} text={extras.notice?.text} />
      <Notice kind="info" text={quotaWaitingText(page, waiting)} />
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
      {view && (
        <ImportSection
          page={page}
          view={view}
          backfill={extras.backfill}
          requestedAfter={extras.requestedAfter}
        />
      )}
    </Layout>,
    extras.status,
  );
}

/** "23 loonstroken en 1 loonjournaalpost wachten …", or nothing when no work of the domain waits. */
function quotaWaitingText({ t, locale }: PageContext, waiting: QuotaWaiting): string | undefined {
  if (waiting.total === 0) return undefined;
  const items = IMPORT_KINDS.filter((kind) => waiting.byKind[kind] > 0).map((kind) => {
    const count = waiting.byKind[kind];
    return t(`service.waiting.${kind}.${count === 1 ? 'one' : 'other'}`, {
      count: formatNumber(locale, count),
    });
  });
  return t(`service.quotaWaiting.${waiting.total === 1 ? 'one' : 'other'}`, {
    items: formatList(locale, items),
    at: formatDateTime(locale, waiting.resetsAt),
  });
}
