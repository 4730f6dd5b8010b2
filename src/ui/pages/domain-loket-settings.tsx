/**
 * @module domain-loket-settings-page
 * `/domains/:domainId/loket`: "Koppelen met Loket" (the standard way: authorization code), and only
 * when the portal switched on Loket's password flow the domain's Loket user (user name, password,
 * omgevingscode); "Test connection" with its outcome. The password is never shown, only whether it
 * is set. Test connection answers htmx with a fragment and plain forms with a redirect.
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../http/context.ts';
import { getLoketConnection, type LoketConnectionView } from '../../app/domains/get-loket-connection.ts';
import { getDomainLoketSettings } from '../../app/domains/get-domain-loket-settings.ts';
import { changeLoketConnection, PasswordConnectionInput } from '../../app/domains/change-loket-connection.ts';
import { testLoketConnection, type ConnectionTestResult } from '../../app/domains/test-loket-connection.ts';
import type { DomainScope } from '../../app/scope.ts';
import { isAppError } from '../../core/errors.ts';
import { fieldProblem } from '../components/field-problem.ts';
import { Layout } from '../layout.tsx';
import { isHtmx, pageContext, render, type PageContext } from '../page-context.ts';
import { guardDomainPage } from '../authorize-page.ts';
import { changedBy } from '../../http/authorize.ts';
import { Csrf, Field, Notice } from '../components/form.tsx';
import { LoketRightsList } from '../components/loket-rights.tsx';
import { formatDateTime } from '../components/format.ts';
import { DemoHint, sandboxUrls } from '../demo-hints.tsx';

const ConnectionForm = z
  .object({
    username: z.string().default(''),
    password: z.string().default(''),
    environmentCode: z.string().default(''),
  })
  .transform((form) => ({
    username: form.username,
    ...(form.password ? { password: form.password } : {}),
    environmentCode: form.environmentCode.trim() || null,
  }));

type Errors = Partial<Record<'username' | 'password' | 'environmentCode', string>>;
type Typed = { username: string; environmentCode: string };

export function domainLoketSettingsPage(app: Hono<AppEnv>): void {
  app.get('/domains/:domainId/loket', async (c) => {
    const guarded = await guardDomainPage(c, c.req.param('domainId'), 'link.use');
    if (!guarded.ok) return guarded.response;
    const { t } = pageContext(c);
    const connected = c.req.query('connected');
    const notice =
      c.req.query('saved') !== undefined
        ? { kind: 'ok' as const, text: t('common.saved') }
        : connected === 'ok'
          ? { kind: 'ok' as const, text: t('connection.oauthDone') }
          : connected === 'failed'
            ? { kind: 'error' as const, text: t('connection.oauthFailed') }
            : undefined;
    return show(c, guarded.value, {}, notice);
  });

  app.post('/domains/:domainId/loket', async (c) => {
    const guarded = await guardDomainPage(c, c.req.param('domainId'), 'link.use');
    if (!guarded.ok) return guarded.response;
    const body = await c.req.parseBody();
    // Typed values come back after a refusal; the password never does.
    const typed: Typed = {
      username: typeof body.username === 'string' ? body.username : '',
      environmentCode: typeof body.environmentCode === 'string' ? body.environmentCode : '',
    };
    const form = ConnectionForm.safeParse(body);
    const parsed = PasswordConnectionInput.safeParse(form.data ?? {});
    if (!parsed.success) {
      const errors: Errors = {};
      const { t } = pageContext(c);
      for (const issue of parsed.error.issues)
        errors[issue.path[0] as keyof Errors] ??= fieldProblem(t, issue);
      return show(c, guarded.value, errors, { kind: 'error', text: t('common.invalid') }, 400, typed);
    }
    const { db, secrets } = c.var.services;
    try {
      await changeLoketConnection({ db, secrets }, changedBy(c), {
        scope: guarded.value,
        input: parsed.data,
      });
    } catch (error) {
      if (!isAppError(error)) throw error;
      const text = error.text[pageContext(c).locale];
      return show(c, guarded.value, {}, { kind: 'error', text }, 422, typed);
    }
    return c.redirect(`/domains/${guarded.value.domainId}/loket?saved`, 303);
  });

  app.post('/domains/:domainId/loket/test', async (c) => {
    const guarded = await guardDomainPage(c, c.req.param('domainId'), 'link.use');
    if (!guarded.ok) return guarded.response;
    const { db, secrets, config } = c.var.services;
    const result = await testLoketConnection({ db, secrets, config, logger: c.var.log }, changedBy(c), {
      scope: guarded.value,
    });
    if (!isHtmx(c)) return c.redirect(`/domains/${guarded.value.domainId}/loket`, 303);
    const page = pageContext(c);
    const connection = await getLoketConnection(db, guarded.value.domainId);
    return c.html(<ConnectionState page={page} connection={connection} result={result} />);
  });
}

async function show(
  c: Context<AppEnv>,
  scope: DomainScope,
  errors: Errors,
  notice: { kind: 'ok' | 'error'; text: string } | undefined,
  status: 200 | 400 | 422 = 200,
  typed?: Typed,
) {
  const { db, config } = c.var.services;
  const { domainName, passwordFlow, connection } = await getDomainLoketSettings(db, scope);
  const page = pageContext(c);
  const { t } = page;
  return render(
    c,
    <Layout
      page={page}
      title={t('connection.title', { name: domainName })}
      portalId={scope.portalId}
      domain={{ id: scope.domainId, name: domainName }}
    >
      <p class="lead">{t('connection.intro')}</p>
      <LoketRightsList page={page} />
      <Notice kind={notice?.kind ?? 'ok'} text={notice?.text} />
      <section class="card" aria-labelledby="state">
        <h2 id="state">{t('connection.state')}</h2>
        <div id="connection-state" aria-live="polite">
          <ConnectionState page={page} connection={connection} result={undefined} />
        </div>
        {connection.method !== 'none' && (
          <form
            method="post"
            action={`/domains/${scope.domainId}/loket/test`}
            hx-post={`/domains/${scope.domainId}/loket/test`}
            hx-target="#connection-state"
            hx-swap="innerHTML"
            class="inline"
          >
            <Csrf page={page} />
            <button type="submit">{t('connection.test')}</button>
          </form>
        )}
      </section>
      <section class="card" aria-labelledby="oauth">
        <h2 id="oauth">{t('connection.oauth')}</h2>
        <p>{t('connection.oauthIntro')}</p>
        <DemoHint page={page} text="demo.hint.loket" url={sandboxUrls(config).loket} />
        <a class="button" href={`/api/domains/${scope.domainId}/loket-connection/authorize`}>
          {t('connection.oauthButton')}
        </a>
      </section>
      {/* Loket enables the password flow only by exception: the form shows when the portal says it has it. */}
      {passwordFlow && (
        <form method="post" action={`/domains/${scope.domainId}/loket`} class="card">
          <Csrf page={page} />
          <h2>{t('connection.passwordTitle')}</h2>
          <p>{t('connection.passwordIntro')}</p>
          <Field
            id="username"
            label={t('connection.username')}
            value={typed ? typed.username : connection.username}
            error={errors.username}
            required
            autocomplete="off"
          />
          <Field
            id="password"
            label={t('connection.password')}
            type="password"
            autocomplete="new-password"
            hint={`${connection.hasPassword ? t('common.set') : t('common.notSet')}. ${t('common.keepSecret')}`}
            error={errors.password}
          />
          <Field
            id="environmentCode"
            label={t('connection.environmentCode')}
            value={typed ? typed.environmentCode : connection.environmentCode}
            hint={t('connection.environmentCodeHint')}
            error={errors.environmentCode}
            autocomplete="off"
          />
          <div class="actions">
            <button type="submit" class="secondary">
              {t('common.save')}
            </button>
          </div>
        </form>
      )}
    </Layout>,
    status,
  );
}

/** The stored state of the connection and, right after a test, what that test found. */
function ConnectionState({
  page,
  connection,
  result,
}: {
  page: PageContext;
  connection: LoketConnectionView;
  result: ConnectionTestResult | undefined;
}) {
  const { t, locale } = page;
  const badge =
    connection.status === 'ok'
      ? 'badge badge-ok'
      : connection.status === 'failed'
        ? 'badge badge-error'
        : 'badge badge-warn';
  return (
    <div>
      <p>
        <span class={badge}>{t(`connection.status.${connection.status}`)}</span>
        {connection.method === 'oauth' && <span class="muted"> {t('connection.method.oauth')}</span>}
      </p>
      {connection.checkedAt && (
        <p class="muted">{t('connection.checkedAt', { at: formatDateTime(locale, connection.checkedAt) })}</p>
      )}
      {result?.error ? (
        <p class="error">{result.error.message[locale]}</p>
      ) : (
        connection.status === 'failed' &&
        connection.lastErrorMessage &&
        connection.missingRights.length === 0 && <p class="error">{connection.lastErrorMessage[locale]}</p>
      )}
      {connection.missingRights.length > 0 && (
        <p class="error">{t('connection.missingRights', { rights: connection.missingRights.join(', ') })}</p>
      )}
      {result?.ok && (
        <p>
          {t('connection.testOk', {
            employers: result.employers.map((employer) => employer.name).join(', '),
          })}
        </p>
      )}
    </div>
  );
}
