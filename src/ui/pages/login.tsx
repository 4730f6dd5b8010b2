/**
 * @module login-page
 * `/login` and `/logout`: the same log-in as the API (throttled, audited, a fresh session each time),
 * as a plain form. In demo mode the page lists the demo accounts, each with a one-click log-in.
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../http/context.ts';
import { Email } from '../../auth/users.ts';
import { PASSWORD_MAX_LENGTH } from '../../auth/password.ts';
import { signIn, signOut } from '../../http/middleware/session.ts';
import { Layout } from '../layout.tsx';
import { pageContext, render, type PageContext } from '../page-context.ts';
import { Csrf, Field, Notice, PostButton } from '../components/form.tsx';
import { roleNames } from '../components/roles.ts';
import { DEMO_PASSWORD, listDemoLogins, type DemoLogin } from '../demo-logins.ts';
import { safeNext } from '../safe-next.ts';

const LoginForm = z.object({
  email: Email,
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  next: z.string().max(500).optional(),
});

type LoginView = { next: string; email?: string; error?: string; notice?: string };

function LoginPage({
  page,
  view,
  demoLogins,
}: {
  page: PageContext;
  view: LoginView;
  demoLogins: DemoLogin[];
}) {
  const { t } = page;
  return (
    <Layout page={page} title={t('login.title')}>
      <Notice kind="ok" text={view.notice} />
      <Notice kind="error" text={view.error} />
      <form method="post" action="/login" class="card narrow">
        <Csrf page={page} />
        <input type="hidden" name="next" value={view.next} />
        <Field
          id="email"
          label={t('login.email')}
          type="email"
          value={view.email}
          required
          autocomplete="username"
        />
        <Field
          id="password"
          label={t('login.password')}
          type="password"
          required
          autocomplete="current-password"
        />
        <div class="actions">
          <button type="submit">{t('login.submit')}</button>
          <a href="/forgot-password">{t('login.forgot')}</a>
        </div>
      </form>
      {demoLogins.length > 0 && (
        <section class="card" aria-labelledby="demo-logins">
          <h2 id="demo-logins">{t('demo.logins')}</h2>
          <p>{t('demo.password', { password: DEMO_PASSWORD })}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('login.email')}</th>
                <th scope="col">{t('common.name')}</th>
                <th scope="col">Rol / Role</th>
                <th scope="col">
                  <span class="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {demoLogins.map((login) => (
                <tr>
                  <td>{login.email}</td>
                  <td>{login.name}</td>
                  <td>{roleNames(t, login.roles)}</td>
                  <td>
                    <PostButton
                      page={page}
                      action="/login"
                      fields={{ email: login.email, password: DEMO_PASSWORD, next: view.next }}
                      label={t('login.submit')}
                      ariaLabel={`${t('login.submit')}: ${login.email}`}
                      secondary
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </Layout>
  );
}

async function showLogin(c: Context<AppEnv>, view: LoginView, status: 200 | 400 | 401 | 429 = 200) {
  const page = pageContext(c);
  const demoLogins = page.demo ? await listDemoLogins(c.var.services.db) : [];
  return render(c, <LoginPage page={page} view={view} demoLogins={demoLogins} />, status);
}

export function loginPages(app: Hono<AppEnv>): void {
  app.get('/login', async (c) => {
    const next = safeNext(c.req.query('next'));
    if (c.var.actor) return c.redirect(next, 303);
    const { t } = pageContext(c);
    const notice =
      c.req.query('signedOut') !== undefined
        ? t('login.signedOut')
        : c.req.query('reset') !== undefined
          ? t('reset.confirm.done')
          : c.req.query('joined') !== undefined
            ? t('invitation.joined')
            : undefined;
    return showLogin(c, { next, ...(notice ? { notice } : {}) });
  });

  app.post('/login', async (c) => {
    const { t } = pageContext(c);
    const body = await c.req.parseBody();
    const parsed = LoginForm.safeParse(body);
    const next = safeNext(typeof body.next === 'string' ? body.next : undefined);
    if (!parsed.success) return showLogin(c, { next, error: t('login.wrong') }, 400);
    const { email, password } = parsed.data;
    const outcome = await signIn(c, { email, password });
    if (!outcome.ok && outcome.reason === 'throttled') {
      const minutes = Math.ceil(outcome.retryAfterSeconds / 60);
      return showLogin(c, { next, email, error: t('login.throttled', { minutes }) }, 429);
    }
    if (!outcome.ok) return showLogin(c, { next, email, error: t('login.wrong') }, 401);
    return c.redirect(next, 303);
  });

  app.post('/logout', async (c) => {
    await signOut(c);
    return c.redirect('/login?signedOut', 303);
  });
}
