/**
 * @module error-pages
 * The 403 page says why and which roles can do it; the 404 page is the same for a missing id and for
 * another tenant's id, so ids reveal nothing; the 400 page says what in the request was wrong.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../../http/context.ts';
import type { RefusalReason } from '../../core/policy.ts';
import { Layout } from '../layout.tsx';
import { pageContext, render } from '../page-context.ts';
import { roleNames } from '../components/roles.ts';
import type { MessageKey, Params } from '../i18n.ts';

export function forbiddenPage(
  c: Context<AppEnv>,
  reason: Extract<RefusalReason, 'role' | 'feature_missing'>,
  allowedRoles: string[],
) {
  const page = pageContext(c);
  const { t } = page;
  return render(
    c,
    <Layout page={page} title={t('error.403.title')}>
      <p>{t(reason === 'role' ? 'error.403.role' : 'error.403.feature_missing')}</p>
      {allowedRoles.length > 0 && <p>{t('error.403.who', { roles: roleNames(t, allowedRoles) })}</p>}
      <p>
        <a href="/">{t('error.home')}</a>
      </p>
    </Layout>,
    403,
  );
}

export function notFoundPage(c: Context<AppEnv>) {
  const page = pageContext(c);
  const { t } = page;
  return render(
    c,
    <Layout page={page} title={t('error.404.title')}>
      <p>{t('error.404.text')}</p>
      <p>
        <a href="/">{t('error.home')}</a>
      </p>
    </Layout>,
    404,
  );
}

export function badRequestPage(
  c: Context<AppEnv>,
  text: MessageKey,
  params?: Params,
  status: 400 | 413 = 400,
) {
  const page = pageContext(c);
  const { t } = page;
  return render(
    c,
    <Layout page={page} title={t(status === 413 ? 'error.413.title' : 'error.400.title')}>
      <p>{t(text, params)}</p>
      <p>
        <a href="/">{t('error.home')}</a>
      </p>
    </Layout>,
    status,
  );
}
