/**
 * @module password-reset-pages
 * `/forgot-password` mails a single-use link (the answer is the same whether the address has an
 * account or not); `/reset-password?token=` sets the new password from that link.
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../http/context.ts';
import { Email } from '../../auth/users.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../auth/password.ts';
import { finishPasswordReset, startPasswordReset } from '../../http/password-reset.ts';
import { Layout } from '../layout.tsx';
import { pageContext, render } from '../page-context.ts';
import { Csrf, Field, Notice } from '../components/form.tsx';

const ResetConfirm = z.object({
  token: z.string().min(1).max(200),
  password: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH),
});

export function passwordResetPages(app: Hono<AppEnv>): void {
  app.get('/forgot-password', (c) => {
    const page = pageContext(c);
    const { t } = page;
    const sent = c.req.query('sent') !== undefined;
    return render(
      c,
      <Layout page={page} title={t('reset.title')}>
        {/* Without SMTP nothing is mailed, so the page says who can help instead of claiming a mail. */}
        <Notice
          kind="ok"
          text={sent ? t(c.var.services.mailer.configured ? 'reset.sent' : 'reset.noMail') : undefined}
        />
        <form method="post" action="/forgot-password" class="card narrow">
          <Csrf page={page} />
          <p>{t('reset.intro')}</p>
          <Field id="email" label={t('login.email')} type="email" required autocomplete="username" />
          <div class="actions">
            <button type="submit">{t('reset.submit')}</button>
            <a href="/login">{t('login.title')}</a>
          </div>
        </form>
      </Layout>,
    );
  });

  app.post('/forgot-password', async (c) => {
    const body = await c.req.parseBody();
    const email = Email.safeParse(body.email);
    if (email.success) startPasswordReset(c, email.data);
    return c.redirect('/forgot-password?sent', 303);
  });

  app.get('/reset-password', (c) => showConfirm(c, c.req.query('token') ?? '', undefined, 200));

  app.post('/reset-password', async (c) => {
    const { t } = pageContext(c);
    const body = await c.req.parseBody();
    const token = typeof body.token === 'string' ? body.token : '';
    const parsed = ResetConfirm.safeParse(body);
    if (!parsed.success) {
      return showConfirm(c, token, t('reset.confirm.tooShort', { min: PASSWORD_MIN_LENGTH }), 400);
    }
    const done = await finishPasswordReset(c, { token, newPassword: parsed.data.password });
    if (!done) return showConfirm(c, token, t('reset.confirm.invalid'), 400);
    return c.redirect('/login?reset', 303);
  });
}

function showConfirm(c: Context<AppEnv>, token: string, error: string | undefined, status: 200 | 400) {
  const page = pageContext(c);
  const { t } = page;
  return render(
    c,
    <Layout page={page} title={t('reset.confirm.title')}>
      <Notice kind="error" text={error} />
      <form method="post" action="/reset-password" class="card narrow">
        <Csrf page={page} />
        <input type="hidden" name="token" value={token} />
        <Field
          id="password"
          label={t('reset.confirm.password')}
          type="password"
          required
          autocomplete="new-password"
          hint={t('reset.confirm.hint', { min: PASSWORD_MIN_LENGTH })}
        />
        <div class="actions">
          <button type="submit">{t('reset.confirm.submit')}</button>
          <a href="/forgot-password">{t('reset.title')}</a>
        </div>
      </form>
    </Layout>,
    status,
  );
}
