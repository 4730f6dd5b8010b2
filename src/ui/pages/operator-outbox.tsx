/**
 * @module operator-outbox-page
 * `/operator/outbox`, the service operator only: the mails that did not go out (failed, or no SMTP
 * configured), each failed one with "Opnieuw versturen" (POST, then 303 back here, so a reload sends nothing).
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../http/context.ts';
import { isAppError } from '../../core/errors.ts';
import { listOutbox } from '../../mail/outbox.ts';
import { resendMail } from '../../app/operator/resend-mail.ts';
import { Layout } from '../layout.tsx';
import { pageContext, render } from '../page-context.ts';
import { pageRefusal } from '../authorize-page.ts';
import { changedBy } from '../../http/authorize.ts';
import { Notice, PostButton } from '../components/form.tsx';
import { formatDateTime } from '../components/format.ts';

const Resent = z.enum(['sent', 'failed']);

export function operatorOutboxPage(app: Hono<AppEnv>): void {
  app.get('/operator/outbox', async (c) => {
    const refused = await pageRefusal(c, 'operator', { kind: 'service' });
    if (refused) return refused;
    const resent = Resent.safeParse(c.req.query('resent'));
    if (!resent.success) return show(c, undefined);
    const { t } = pageContext(c);
    const kind = resent.data === 'sent' ? 'ok' : 'error';
    return show(c, { kind, text: t(`outbox.resent.${resent.data}`) });
  });

  app.post('/operator/outbox/:mailId/resend', async (c) => {
    const refused = await pageRefusal(c, 'operator', { kind: 'service' });
    if (refused) return refused;
    const mailId = c.req.param('mailId');
    if (!z.uuid().safeParse(mailId).success) return c.text('invalid', 400);
    try {
      const entry = await resendMail(c.var.services, changedBy(c), mailId);
      return c.redirect(`/operator/outbox?resent=${entry.status === 'sent' ? 'sent' : 'failed'}`, 303);
    } catch (error) {
      if (!isAppError(error)) throw error;
      return show(c, { kind: 'error', text: error.text[pageContext(c).locale] }, 422);
    }
  });
}

async function show(
  c: Context<AppEnv>,
  notice: { kind: 'ok' | 'error'; text: string } | undefined,
  status: 200 | 422 = 200,
) {
  const { db, mailer } = c.var.services;
  const mails = (await listOutbox(db)).filter((mail) => mail.status !== 'sent');
  const page = pageContext(c);
  const { t, locale } = page;
  return render(
    c,
    <Layout page={page} title={t('outbox.title')}>
      <Notice kind={notice?.kind ?? 'ok'} text={notice?.text} />
      <p class="lead">{t('outbox.intro')}</p>
      {!mailer.configured && <Notice kind="info" text={t('outbox.noSmtp')} />}
      <section class="card" aria-labelledby="outbox">
        <h2 id="outbox">{t('outbox.title')}</h2>
        {mails.length === 0 ? (
          <p>{t('outbox.empty')}</p>
        ) : (
          <div>
            <table class="stack">
              <thead>
                <tr>
                  <th scope="col">{t('outbox.created')}</th>
                  <th scope="col">{t('outbox.to')}</th>
                  <th scope="col">{t('outbox.subject')}</th>
                  <th scope="col">{t('common.status')}</th>
                  <th scope="col">{t('outbox.attempts')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {mails.map((mail) => (
                  <tr>
                    <td class="nowrap" data-label={t('outbox.created')}>
                      {formatDateTime(locale, mail.createdAt)}
                    </td>
                    <td data-label={t('outbox.to')}>{mail.recipients}</td>
                    <td data-label={t('outbox.subject')}>{mail.subject}</td>
                    <td data-label={t('common.status')}>
                      <span class="badge badge-error">{t(`outbox.status.${mail.status}`)}</span>
                      {/* The mail server's own words, which are English. */}
                      {mail.error && (
                        <p class="muted" lang="en">
                          {mail.error}
                        </p>
                      )}
                    </td>
                    <td data-label={t('outbox.attempts')}>{mail.attempts}</td>
                    <td>
                      {mail.status === 'failed' && mailer.configured && (
                        <PostButton
                          page={page}
                          action={`/operator/outbox/${mail.id}/resend`}
                          label={t('outbox.resend')}
                          ariaLabel={`${t('outbox.resend')}: ${mail.recipients}`}
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </Layout>,
    status,
  );
}
