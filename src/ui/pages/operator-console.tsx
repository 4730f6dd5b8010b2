/**
 * @module operator-console-page
 * `/operator`, the service operator only: contract-line requests to grant or refuse (active lines to
 * revoke), each decision mailed to the requester and audited; the portals, with a form for a new one;
 * the Loket resource versions Loket announced it will retire, for every portal; and the refused
 * requests of the last week, counted per actor, route and hour.
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../http/context.ts';
import { isAppError } from '../../core/errors.ts';
import { plainText } from '../../core/text.ts';
import { listContractLines } from '../../app/operator/contract-lines.ts';
import { decideContractLine } from '../../app/operator/decide-contract-line.ts';
import { createPortal } from '../../app/portals/create-portal.ts';
import { listPortals } from '../../app/portals/list-portals.ts';
import { listLoketDeprecations } from '../../tenancy/loket-deprecations.ts';
import { LoketDeprecationsSection } from '../components/loket-deprecations.tsx';
import { listRefusalCounts } from '../../audit/record-refusal.ts';
import { RefusalTable } from '../components/refusal-table.tsx';
import { Layout } from '../layout.tsx';
import { pageContext, render, type PageContext } from '../page-context.ts';
import { pageRefusal } from '../authorize-page.ts';
import { changedBy } from '../../http/authorize.ts';
import { Csrf, Field, Notice } from '../components/form.tsx';
import { formatDateTime } from '../components/format.ts';
import { operatorOutboxPage } from './operator-outbox.tsx';

const DecisionInput = z.object({
  decision: z.enum(['grant', 'refuse', 'revoke']),
  note: z.string().trim().max(1000).default(''),
});
const PortalForm = z.object({ name: plainText(2, 200) });

export function operatorConsolePage(app: Hono<AppEnv>): void {
  operatorOutboxPage(app);
  app.get('/operator', async (c) => {
    const refused = await pageRefusal(c, 'operator', { kind: 'service' });
    if (refused) return refused;
    const { t } = pageContext(c);
    const notice =
      c.req.query('decided') !== undefined
        ? t('operator.decided')
        : c.req.query('created') !== undefined
          ? t('operator.created')
          : undefined;
    return show(c, notice ? { kind: 'ok', text: notice } : undefined);
  });

  app.post('/operator/contract-lines/:lineId/decision', async (c) => {
    const refused = await pageRefusal(c, 'operator', { kind: 'service' });
    if (refused) return refused;
    const form = DecisionInput.safeParse(await c.req.parseBody());
    const lineId = c.req.param('lineId');
    if (!form.success || !z.uuid().safeParse(lineId).success) return c.text('invalid', 400);
    try {
      await decideContractLine(c.var.services, changedBy(c), {
        lineId,
        decision: form.data.decision,
        ...(form.data.note ? { note: form.data.note } : {}),
      });
    } catch (error) {
      if (!isAppError(error)) throw error;
      return show(c, { kind: 'error', text: error.text[pageContext(c).locale] }, 422);
    }
    return c.redirect('/operator?decided', 303);
  });

  app.post('/operator/portals', async (c) => {
    const refused = await pageRefusal(c, 'operator', { kind: 'service' });
    if (refused) return refused;
    const body = await c.req.parseBody();
    const form = PortalForm.safeParse(body);
    if (!form.success) {
      const typed = typeof body.name === 'string' ? body.name : '';
      return show(c, { kind: 'error', text: pageContext(c).t('common.invalid') }, 400, typed);
    }
    await createPortal(c.var.services.db, changedBy(c), { name: form.data.name });
    return c.redirect('/operator?created', 303);
  });
}

async function show(
  c: Context<AppEnv>,
  notice: { kind: 'ok' | 'error'; text: string } | undefined,
  status: 200 | 400 | 422 = 200,
  typedPortalName?: string,
) {
  const { db } = c.var.services;
  const lines = await listContractLines(db);
  const refusals = await listRefusalCounts(db);
  const allPortals = await listPortals(db, c.var.actor!, { everyForOperator: true });
  const deprecations = await listLoketDeprecations(db);
  const page = pageContext(c);
  const { t, locale } = page;
  return render(
    c,
    <Layout page={page} title={t('operator.title')}>
      <Notice kind={notice?.kind ?? 'ok'} text={notice?.text} />
      <LoketDeprecationsSection page={page} deprecations={deprecations} withPortal />
      <p>
        <a href="/operator/outbox">{t('outbox.link')}</a>
      </p>
      <section class="card" aria-labelledby="requests">
        <h2 id="requests">{t('operator.requests')}</h2>
        {lines.length === 0 ? (
          <p>{t('operator.noRequests')}</p>
        ) : (
          <table class="stack">
            <thead>
              <tr>
                <th scope="col">{t('operator.portal')}</th>
                <th scope="col">{t('operator.domain')}</th>
                <th scope="col">{t('overview.administration')}</th>
                <th scope="col">{t('operator.requestedBy')}</th>
                <th scope="col">{t('operator.requestedAt')}</th>
                <th scope="col">{t('common.status')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <tr>
                  <td data-label={t('operator.portal')}>{line.portalName}</td>
                  <td data-label={t('operator.domain')}>{line.domainName}</td>
                  <td data-label={t('overview.administration')}>{line.administrationName}</td>
                  <td data-label={t('operator.requestedBy')}>{line.requestedBy ?? t('common.none')}</td>
                  <td class="nowrap" data-label={t('operator.requestedAt')}>
                    {formatDateTime(locale, line.requestedAt)}
                  </td>
                  <td data-label={t('common.status')}>{t(`domain.line.${line.status}`)}</td>
                  <td>
                    {line.status === 'requested' && (
                      <DecisionForm
                        page={page}
                        lineId={line.id}
                        decisions={['grant', 'refuse']}
                        label={line.administrationName}
                      />
                    )}
                    {line.status === 'active' && (
                      <DecisionForm
                        page={page}
                        lineId={line.id}
                        decisions={['revoke']}
                        label={line.administrationName}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section class="card" aria-labelledby="portals">
        <h2 id="portals">{t('operator.portals')}</h2>
        <ul>
          {allPortals.map((portal) => (
            <li>
              {portal.name} · <a href={`/portals/${portal.id}/audit`}>{t('nav.audit')}</a> ·{' '}
              <a href={`/portals/${portal.id}/members`}>{t('nav.members')}</a>
            </li>
          ))}
        </ul>
        <form method="post" action="/operator/portals">
          <Csrf page={page} />
          <Field
            id="portal-name"
            name="name"
            label={t('operator.newPortal')}
            value={typedPortalName}
            required
            autocomplete="off"
          />
          <div class="actions">
            <button type="submit">{t('operator.create')}</button>
          </div>
        </form>
      </section>
      <RefusalTable page={page} rows={refusals} intro={t('operator.refusalsIntro')} />
    </Layout>,
    status,
  );
}

function DecisionForm(props: {
  page: PageContext;
  lineId: string;
  decisions: Array<'grant' | 'refuse' | 'revoke'>;
  label: string;
}) {
  const { t } = props.page;
  const noteId = `note-${props.lineId}`;
  return (
    <form method="post" action={`/operator/contract-lines/${props.lineId}/decision`} class="decision">
      <Csrf page={props.page} />
      <label for={noteId} class="visually-hidden">
        {t('operator.note')} ({props.label})
      </label>
      <input id={noteId} name="note" type="text" placeholder={t('operator.note')} />
      {props.decisions.map((decision) => (
        <button
          type="submit"
          name="decision"
          value={decision}
          class={decision === 'grant' ? '' : 'secondary'}
          aria-label={`${t(`operator.${decision}`)}: ${props.label}`}
        >
          {t(`operator.${decision}`)}
        </button>
      ))}
    </form>
  );
}
