/**
 * @module loket-settings-page
 * `/portals/:portalId/settings/loket` — *Instellingen → Loket instellingen*, portal_admin only. Secrets
 * are write-only: the page shows only whether they are set, and an empty field keeps them.
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../http/context.ts';
import { getLoketSettings, type LoketSettingsView } from '../../app/portals/get-loket-settings.ts';
import {
  asksLoket,
  changeLoketSettings,
  DOCUMENT_KINDS,
  LoketSettingsInput,
} from '../../app/portals/change-loket-settings.ts';
import { syncPortalFromYuki } from '../../app/portals/sync-portal-from-yuki.ts';
import { isAppError } from '../../core/errors.ts';
import { LoketClientRejectedError, LoketUnavailableError } from '../../loket/errors.ts';
import { fieldProblem } from '../components/field-problem.ts';
import { Layout } from '../layout.tsx';
import { pageContext, render, type PageContext } from '../page-context.ts';
import type { Translate } from '../i18n.ts';
import { isUuid, pageRefusal } from '../authorize-page.ts';
import { changedBy } from '../../http/authorize.ts';
import { notFoundPage } from './error-pages.tsx';
import { Csrf, Field, Notice } from '../components/form.tsx';
import { DemoHint, sandboxUrls } from '../demo-hints.tsx';

type Errors = Partial<Record<string, string>>;

/** A form body in the shape of the settings input: empty secret fields keep the stored secret, unticked boxes are false. */
const SettingsForm = z
  .object({
    loketClientId: z.string().default(''),
    loketClientSecret: z.string().default(''),
    loketEnvironment: z.enum(['production', 'acceptance']).default('production'),
    loketPasswordFlow: z.string().optional(),
    yukiAccessKey: z.string().default(''),
    autoImport: z.string().optional(),
    lookbackPeriods: z.string().default('0'),
    notificationRecipients: z.string().default(''),
    blockOnControlDifference: z.string().optional(),
    kind_payslips: z.string().optional(),
    kind_journal: z.string().optional(),
    kind_tax_return: z.string().optional(),
  })
  .transform((form) => ({
    loketClientId: form.loketClientId.trim() || null,
    ...(form.loketClientSecret ? { loketClientSecret: form.loketClientSecret } : {}),
    loketEnvironment: form.loketEnvironment,
    loketPasswordFlow: form.loketPasswordFlow !== undefined,
    ...(form.yukiAccessKey.trim() ? { yukiAccessKey: form.yukiAccessKey.trim() } : {}),
    autoImport: form.autoImport !== undefined,
    lookbackPeriods: Number(form.lookbackPeriods),
    documentKinds: DOCUMENT_KINDS.filter((kind) => form[`kind_${kind}`] !== undefined),
    notificationRecipients: form.notificationRecipients
      .split(/[\s,;]+/)
      .map((line) => line.trim())
      .filter(Boolean),
    blockOnControlDifference: form.blockOnControlDifference !== undefined,
  }));

/** What was typed, shown again after a refusal; the secret fields never come back (they stay empty). */
const TypedForm = z.record(z.string(), z.unknown()).transform((body) => {
  const text = (name: string) => (typeof body[name] === 'string' ? body[name] : '');
  return {
    loketClientId: text('loketClientId'),
    loketEnvironment:
      text('loketEnvironment') === 'acceptance' ? ('acceptance' as const) : ('production' as const),
    loketPasswordFlow: body.loketPasswordFlow !== undefined,
    autoImport: body.autoImport !== undefined,
    lookbackPeriods: text('lookbackPeriods'),
    documentKinds: DOCUMENT_KINDS.filter((kind) => body[`kind_${kind}`] !== undefined),
    notificationRecipients: text('notificationRecipients').split(/\r?\n/),
    blockOnControlDifference: body.blockOnControlDifference !== undefined,
  };
});
type Shown = Omit<LoketSettingsView, 'lookbackPeriods'> & { lookbackPeriods: number | string };

export function loketSettingsPage(app: Hono<AppEnv>): void {
  app.get('/portals/:portalId/settings/loket', async (c) => {
    const guarded = await guard(c);
    if (guarded instanceof Response) return guarded;
    const { t } = pageContext(c);
    const synced = c.req.query('synced');
    const notice =
      c.req.query('saved') !== undefined
        ? {
            kind: 'ok' as const,
            text:
              c.req.query('verified') !== undefined
                ? `${t('common.saved')} ${t('loket.verified')}`
                : t('common.saved'),
          }
        : synced
          ? { kind: 'ok' as const, text: syncText(t, synced) }
          : undefined;
    return show(c, guarded, {}, notice);
  });

  app.post('/portals/:portalId/settings/loket', async (c) => {
    const guarded = await guard(c);
    if (guarded instanceof Response) return guarded;
    const body = await c.req.parseBody();
    const typed: Shown = { ...guarded, ...TypedForm.parse(body) };
    const form = SettingsForm.safeParse(body);
    // A field the form cannot read is an error too: never "saved" with the others silently dropped.
    const parsed = form.success ? LoketSettingsInput.safeParse(form.data) : form;
    const { t, locale } = pageContext(c);
    if (!parsed.success) {
      const errors: Errors = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= fieldProblem(t, issue);
      return show(c, typed, errors, { kind: 'error', text: t('common.invalid') }, 400);
    }
    const { db, secrets, config } = c.var.services;
    try {
      await changeLoketSettings({ db, secrets, loket: config.loket }, changedBy(c), {
        portalId: guarded.portalId,
        input: parsed.data,
      });
    } catch (error) {
      // Loket refused the client (or could not be asked): nothing saved, the typed values stay.
      if (!isAppError(error)) throw error;
      const text =
        error instanceof LoketClientRejectedError
          ? t('loket.refused')
          : error instanceof LoketUnavailableError
            ? t('loket.unverified')
            : error.text[locale];
      return show(
        c,
        typed,
        { loketClientSecret: text },
        { kind: 'error', text },
        error.retryable ? 503 : 422,
      );
    }
    const verified = asksLoket(parsed.data, guarded) ? '&verified' : '';
    return c.redirect(`/portals/${guarded.portalId}/settings/loket?saved${verified}`, 303);
  });

  app.post('/portals/:portalId/sync', async (c) => {
    const guarded = await guard(c);
    if (guarded instanceof Response) return guarded;
    const { db, secrets, yuki } = c.var.services;
    try {
      const report = await syncPortalFromYuki({ db, secrets, yuki }, changedBy(c), guarded.portalId);
      const counts = [
        report.domains.seen,
        report.administrations.seen,
        report.domains.added + report.administrations.added,
        report.domains.gone + report.administrations.gone,
      ];
      return c.redirect(`/portals/${guarded.portalId}/settings/loket?synced=${counts.join('-')}`, 303);
    } catch (error) {
      if (!isAppError(error)) throw error;
      return show(
        c,
        guarded,
        {},
        { kind: 'error', text: error.text[pageContext(c).locale] },
        error.retryable ? 503 : 422,
      );
    }
  });
}

/** The sync's counts travel in the redirect as `seen-seen-added-gone`, so the GET can say them. */
function syncText(t: Translate, synced: string): string | undefined {
  const [domains, administrations, added, gone] = synced.split('-').map(Number);
  if (
    [domains, administrations, added, gone].some((count) => count === undefined || !Number.isInteger(count))
  )
    return undefined;
  return t('sync.done', { domains: domains!, administrations: administrations!, added: added!, gone: gone! });
}

async function guard(c: Context<AppEnv>): Promise<LoketSettingsView | Response> {
  const portalId = c.req.param('portalId') ?? '';
  if (!isUuid(portalId)) return notFoundPage(c);
  const refused = await pageRefusal(c, 'portal.manage', { kind: 'portal', portalId });
  if (refused) return refused;
  return (await getLoketSettings(c.var.services.db, portalId)) ?? notFoundPage(c);
}

type Note = { kind: 'ok' | 'error'; text: string | undefined } | undefined;

function show(
  c: Context<AppEnv>,
  settings: Shown,
  errors: Errors,
  notice: Note,
  status: 200 | 400 | 422 | 503 = 200,
) {
  const page = pageContext(c);
  return render(
    c,
    <SettingsPage
      page={page}
      settings={settings}
      errors={errors}
      notice={notice}
      urls={sandboxUrls(c.var.services.config)}
    />,
    status,
  );
}

function SettingsPage(props: {
  page: PageContext;
  settings: Shown;
  errors: Errors;
  notice: Note;
  urls: { loket: string; yuki: string };
}) {
  const { page, settings, errors } = props;
  const { t } = page;
  const secretHint = (isSet: boolean) =>
    `${isSet ? t('common.set') : t('common.notSet')}. ${t('common.keepSecret')}`;
  return (
    <Layout page={page} title={t('loketSettings.title')} portalId={settings.portalId}>
      <p class="lead">{t('loketSettings.intro')}</p>
      <Notice kind={props.notice?.kind ?? 'ok'} text={props.notice?.text} />
      <form method="post" action={`/portals/${settings.portalId}/settings/loket`} class="card">
        <Csrf page={page} />
        <fieldset>
          <legend>{t('loketSettings.api')}</legend>
          <DemoHint page={page} text="demo.hint.loket" url={props.urls.loket} />
          <Field
            id="loketClientId"
            label={t('loketSettings.clientId')}
            value={settings.loketClientId}
            error={errors.loketClientId}
            autocomplete="off"
          />
          <Field
            id="loketClientSecret"
            label={t('loketSettings.clientSecret')}
            type="password"
            autocomplete="new-password"
            hint={secretHint(settings.hasLoketClientSecret)}
            error={errors.loketClientSecret}
          />
          <div class="field">
            <label for="loketEnvironment">{t('loketSettings.environment')}</label>
            <select id="loketEnvironment" name="loketEnvironment">
              {(['production', 'acceptance'] as const).map((environment) => (
                <option value={environment} selected={settings.loketEnvironment === environment}>
                  {t(`loketSettings.env.${environment}`)}
                </option>
              ))}
            </select>
          </div>
          <div class="check">
            <input
              type="checkbox"
              id="loketPasswordFlow"
              name="loketPasswordFlow"
              checked={settings.loketPasswordFlow}
              aria-describedby="loketPasswordFlow-hint"
            />
            <label for="loketPasswordFlow">{t('loketSettings.passwordFlow')}</label>
          </div>
          <p class="hint" id="loketPasswordFlow-hint">
            {t('loketSettings.passwordFlowHint')}
          </p>
        </fieldset>
        <fieldset>
          <legend>{t('loketSettings.yuki')}</legend>
          <DemoHint page={page} text="demo.hint.yuki" url={props.urls.yuki} />
          <Field
            id="yukiAccessKey"
            label={t('loketSettings.yukiKey')}
            type="password"
            autocomplete="new-password"
            hint={`${t('loketSettings.yukiKeyHint')} ${secretHint(settings.hasYukiAccessKey)}`}
            error={errors.yukiAccessKey}
          />
        </fieldset>
        <fieldset>
          <legend>{t('loketSettings.defaults')}</legend>
          <div class="check">
            <input type="checkbox" id="autoImport" name="autoImport" checked={settings.autoImport} />
            <label for="autoImport">{t('loketSettings.autoImport')}</label>
          </div>
          <Field
            id="lookbackPeriods"
            label={t('loketSettings.lookback')}
            type="number"
            value={settings.lookbackPeriods}
            error={errors.lookbackPeriods}
            inputmode="numeric"
          />
          <fieldset class="group">
            <legend>{t('loketSettings.kinds')}</legend>
            {DOCUMENT_KINDS.map((kind) => (
              <div class="check">
                <input
                  type="checkbox"
                  id={`kind_${kind}`}
                  name={`kind_${kind}`}
                  checked={settings.documentKinds.includes(kind)}
                />
                <label for={`kind_${kind}`}>{t(`kind.${kind}`)}</label>
              </div>
            ))}
            {errors.documentKinds && <p class="error">{errors.documentKinds}</p>}
          </fieldset>
          <div class={errors.notificationRecipients ? 'field has-error' : 'field'}>
            <label for="notificationRecipients">{t('loketSettings.recipients')}</label>
            <textarea id="notificationRecipients" name="notificationRecipients" rows={3}>
              {settings.notificationRecipients.join('\n')}
            </textarea>
            {errors.notificationRecipients && <p class="error">{errors.notificationRecipients}</p>}
          </div>
          <div class="check">
            <input
              type="checkbox"
              id="blockOnControlDifference"
              name="blockOnControlDifference"
              checked={settings.blockOnControlDifference}
            />
            <label for="blockOnControlDifference">{t('loketSettings.block')}</label>
          </div>
        </fieldset>
        <div class="actions">
          <button type="submit">{t('common.save')}</button>
        </div>
      </form>
      {settings.hasYukiAccessKey && (
        <form method="post" action={`/portals/${settings.portalId}/sync`} class="card">
          <Csrf page={page} />
          <h2>{t('sync.title')}</h2>
          <p>{t('sync.intro')}</p>
          <button type="submit" class="secondary">
            {t('sync.button')}
          </button>
        </form>
      )}
    </Layout>
  );
}
