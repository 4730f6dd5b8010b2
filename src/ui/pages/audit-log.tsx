/**
 * @module audit-log-page
 * `/portals/:portalId/audit`: the portal's audit log, newest first, 100 at a time — for the
 * portal_admin and the operator. Only field names are ever logged, so nothing secret can show here.
 * Below it, refused requests in this portal of the last week, counted per hour, actor and route.
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../http/context.ts';
import { readAudit } from '../../audit/read-audit.ts';
import { Layout } from '../layout.tsx';
import { pageContext, render } from '../page-context.ts';
import { guardPortalPage } from '../authorize-page.ts';
import { formatDateTime } from '../components/format.ts';
import { RefusalTable } from '../components/refusal-table.tsx';
import { auditFieldWords, auditSentence } from '../components/audit-words.ts';
import { listRefusalCounts } from '../../audit/record-refusal.ts';

const PAGE_SIZE = 100;
const Before = z.coerce.number().int().positive().optional();

export function auditLogPage(app: Hono<AppEnv>): void {
  app.get('/portals/:portalId/audit', async (c) => {
    const guarded = await guardPortalPage(c, 'portal.audit.read');
    if (!guarded.ok) return guarded.response;
    const portal = guarded.value;
    const portalId = portal.id;
    const { db } = c.var.services;
    const before = Before.safeParse(c.req.query('before')).data;
    const events = await readAudit(db, { portalId, limit: PAGE_SIZE, ...(before ? { before } : {}) });
    const refusals = await listRefusalCounts(db, { portalId });
    const page = pageContext(c);
    const { t, locale } = page;
    const last = events.at(-1);
    return render(
      c,
      <Layout page={page} title={`${t('audit.title')} · ${portal.name}`} portalId={portalId}>
        <p class="lead">{t('audit.intro')}</p>
        <section class="card">
          {events.length === 0 ? (
            <p>{t('audit.empty')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('audit.at')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.concerns')}</th>
                  <th scope="col">{t('audit.fields')}</th>
                  <th scope="col">{t('audit.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {events.map((event) => {
                  return (
                    <tr>
                      <td class="nowrap">{formatDateTime(locale, event.at)}</td>
                      <td>{auditSentence(t, event)}</td>
                      <td>
                        {[event.domainName, event.administrationName].filter(Boolean).join(' › ') ||
                          t('common.none')}
                      </td>
                      <td>
                        {event.changedFields.map((field) => auditFieldWords(t, field)).join(', ') ||
                          t('common.none')}
                      </td>
                      <td>
                        <span class={event.outcome === 'ok' ? 'badge badge-ok' : 'badge badge-error'}>
                          {t(`audit.outcome.${event.outcome}`)}
                        </span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {last && events.length === PAGE_SIZE && (
            <p>
              <a href={`/portals/${portalId}/audit?before=${last.id}`}>{t('audit.older')}</a>
            </p>
          )}
        </section>
        <RefusalTable page={page} rows={refusals} intro={t('audit.refusalsIntro')} />
      </Layout>,
    );
  });
}
