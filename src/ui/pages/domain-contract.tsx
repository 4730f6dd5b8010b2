/**
 * @module domain-contract-page
 * `/domains/:domainId`: the domain's contract — the feature *Salariskoppeling met Loket* (added or
 * removed by the portal_admin) and, per administration, its contract line, with "request activation"
 * for an administration that is not the standard one.
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../http/context.ts';
import { decide, LOKET_FEATURE } from '../../core/policy.ts';
import { isAppError } from '../../core/errors.ts';
import { requestContractLine } from '../../app/domains/request-contract-line.ts';
import { changeDomainFeature } from '../../app/domains/change-domain-feature.ts';
import { getDomain } from '../../app/domains/get-domain.ts';
import type { DomainScope } from '../../app/scope.ts';
import { Layout } from '../layout.tsx';
import { pageContext, render } from '../page-context.ts';
import { guardDomainPage } from '../authorize-page.ts';
import { changedBy } from '../../http/authorize.ts';
import { Notice, PostButton } from '../components/form.tsx';
import { ConfirmButton } from '../components/confirm-button.tsx';

const FeatureForm = z.object({ change: z.enum(['add', 'remove']) });
const LineForm = z.object({ administrationId: z.uuid() });
const NOTICES = ['feature', 'requested'] as const;

export function domainContractPage(app: Hono<AppEnv>): void {
  app.get('/domains/:domainId', async (c) => {
    const guarded = await guardDomainPage(c, c.req.param('domainId'), 'domain.view');
    if (!guarded.ok) return guarded.response;
    const done = NOTICES.find((notice) => c.req.query(notice) !== undefined);
    return show(
      c,
      guarded.value,
      done === 'requested' ? 'domain.line.sent' : done ? 'common.saved' : undefined,
    );
  });

  app.post('/domains/:domainId/features/loket_payroll_link', async (c) => {
    const guarded = await guardDomainPage(c, c.req.param('domainId'), 'domain.contract.manage');
    if (!guarded.ok) return guarded.response;
    const form = FeatureForm.safeParse(await c.req.parseBody());
    if (!form.success) return c.text('invalid', 400);
    await changeDomainFeature(c.var.services.db, changedBy(c), {
      scope: guarded.value,
      feature: LOKET_FEATURE,
      change: form.data.change,
    });
    return c.redirect(`/domains/${guarded.value.domainId}?feature`, 303);
  });

  app.post('/domains/:domainId/contract-lines', async (c) => {
    const guarded = await guardDomainPage(c, c.req.param('domainId'), 'link.use');
    if (!guarded.ok) return guarded.response;
    const form = LineForm.safeParse(await c.req.parseBody());
    if (!form.success) return c.text('invalid', 400);
    const { db, mailer, config } = c.var.services;
    try {
      await requestContractLine({ db, mailer }, changedBy(c), {
        scope: guarded.value,
        administrationId: form.data.administrationId,
        operatorEmail: config.operatorEmail,
        publicUrl: config.publicUrl,
      });
    } catch (error) {
      if (!isAppError(error)) throw error;
      return show(c, guarded.value, undefined, error.text[pageContext(c).locale], 422);
    }
    return c.redirect(`/domains/${guarded.value.domainId}?requested`, 303);
  });
}

async function show(
  c: Context<AppEnv>,
  scope: DomainScope,
  notice: 'common.saved' | 'domain.line.sent' | undefined,
  error?: string,
  status: 200 | 422 = 200,
) {
  const { db, config } = c.var.services;
  const domain = await getDomain(db, scope);
  const { administrations: admins, contractLines: lines } = domain;
  const page = pageContext(c);
  const { t, actor } = page;
  const hasFeature = scope.features.has(LOKET_FEATURE);
  const managesContract = decide(actor, 'domain.contract.manage', scope).allowed;
  const usesLink = decide(actor, 'link.use', scope).allowed;
  const latestLine = (administrationId: string) =>
    lines
      .filter((line) => line.administrationId === administrationId)
      .sort((a, b) => b.requestedAt.getTime() - a.requestedAt.getTime())[0];
  return render(
    c,
    <Layout
      page={page}
      title={t('domain.title', { name: domain.name })}
      portalId={scope.portalId}
      domain={{ id: scope.domainId, name: domain.name }}
    >
      <Notice kind="ok" text={notice ? t(notice) : undefined} />
      <Notice kind="error" text={error} />
      {usesLink && (
        <p>
          <a href={`/domains/${scope.domainId}/loket`}>{t('overview.domainLoket')}</a>
        </p>
      )}
      <section class="card" aria-labelledby="contract">
        <h2 id="contract">{t('domain.contract')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('domain.features')}</th>
              <th scope="col">{t('common.status')}</th>
              {managesContract && <th scope="col">{t('common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>{t('domain.feature.loket')}</td>
              <td>
                <span class={hasFeature ? 'badge badge-ok' : 'badge badge-warn'}>
                  {t(hasFeature ? 'domain.feature.on' : 'domain.feature.off')}
                </span>
              </td>
              {managesContract && (
                <td>
                  {hasFeature ? (
                    <ConfirmButton
                      page={page}
                      action={`/domains/${scope.domainId}/features/loket_payroll_link`}
                      fields={{ change: 'remove' }}
                      label={t('domain.feature.remove')}
                      question={t('domain.feature.removeQuestion', { name: domain.name })}
                    />
                  ) : (
                    <PostButton
                      page={page}
                      action={`/domains/${scope.domainId}/features/loket_payroll_link`}
                      fields={{ change: 'add' }}
                      label={t('domain.feature.add')}
                    />
                  )}
                </td>
              )}
            </tr>
          </tbody>
        </table>
        {!managesContract && <p class="muted">{t('domain.feature.onlyAdmin')}</p>}
      </section>
      <section class="card" aria-labelledby="lines">
        <h2 id="lines">{t('domain.administrations')}</h2>
        <p>{t('domain.line.explain', { email: config.operatorEmail })}</p>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('overview.administration')}</th>
              <th scope="col">{t('domain.line')}</th>
              {usesLink && <th scope="col">{t('common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {admins.map((administration) => {
              const line = latestLine(administration.id);
              const canRequest =
                !administration.isStandard &&
                (!line || line.status === 'refused' || line.status === 'revoked');
              return (
                <tr>
                  <td>
                    <a href={`/administrations/${administration.id}`}>{administration.name}</a>
                    {administration.isStandard && <span class="badge"> {t('common.standard')}</span>}
                  </td>
                  <td>
                    {administration.isStandard
                      ? t('domain.line.notNeeded')
                      : line
                        ? t(`domain.line.${line.status}`)
                        : t('domain.line.none')}
                    {line?.decidedAt && line.note && (
                      <p class="muted line-note">{t('domain.line.noteFrom', { note: line.note })}</p>
                    )}
                  </td>
                  {usesLink && (
                    <td>
                      {canRequest && (
                        <PostButton
                          page={page}
                          action={`/domains/${scope.domainId}/contract-lines`}
                          fields={{ administrationId: administration.id }}
                          label={t('domain.line.request')}
                          ariaLabel={t('domain.line.requestFor', { name: administration.name })}
                        />
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </Layout>,
    status,
  );
}
