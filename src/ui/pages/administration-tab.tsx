/**
 * @module administration-tab-page
 * `/administrations/:administrationId` — tab *Administratie*: the administration's facts for everyone
 * in the domain; for those who use the link, the Relatiecode (Loket client number, resolved in Loket
 * to a payroll administration) and the link settings.
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../http/context.ts';
import { decide } from '../../core/policy.ts';
import { isAppError } from '../../core/errors.ts';
import { getAdministration, type AdministrationView } from '../../app/administrations/get-administration.ts';
import {
  changeRelationCode,
  isRelationCodeMismatch,
  type RelationCodeSides,
} from '../../app/administrations/change-relation-code.ts';
import { changeLinkSettings, LinkSettingsInput } from '../../app/administrations/change-link-settings.ts';
import type { Administration, DomainScope } from '../../app/scope.ts';
import { fieldProblem } from '../components/field-problem.ts';
import { Layout } from '../layout.tsx';
import { pageContext, render, type PageContext } from '../page-context.ts';
import { guardAdministrationPage } from '../authorize-page.ts';
import { changedBy } from '../../http/authorize.ts';
import { Csrf, Field, Notice } from '../components/form.tsx';
import { getAdministrationNav } from '../../app/administrations/get-administration-nav.ts';
import { DemoHint } from '../demo-hints.tsx';
import { RelationCodeMismatch } from './relation-code-mismatch.tsx';

type Target = { scope: DomainScope; administration: Administration };
type Problems = {
  relationCode?: string;
  /** What was typed, shown again beside its error instead of the stored number. */
  typedRelationCode?: string;
  /** Loket's employer is another company: both sides, and the button that links anyway. */
  mismatch?: RelationCodeSides;
  importFromPeriod?: string;
  netPayComponentKey?: string;
  /** The link settings as typed, shown again after a refusal instead of the stored ones. */
  typedLinkSettings?: { importFromPeriod: string; autoImport: string; netPayComponentKey: string };
};

const typedText = (body: Record<string, unknown>, name: string) =>
  typeof body[name] === 'string' ? body[name] : '';

const RelationCodeForm = z.object({
  relationCode: z
    .string()
    .trim()
    .regex(/^\d{0,9}$/)
    .transform((value) => (value === '' ? null : Number(value))),
  /** Sent only by "Toch koppelen" under the side-by-side warning. */
  confirm: z
    .literal('1')
    .optional()
    .transform((value) => value === '1'),
});

const LinkSettingsForm = z
  .object({
    importFromPeriod: z.string().default(''),
    autoImport: z.enum(['default', 'on', 'off']).default('default'),
    netPayComponentKey: z.string().default(''),
  })
  .transform((form) => ({
    importFromPeriod: form.importFromPeriod.trim() || null,
    autoImport: form.autoImport === 'default' ? null : form.autoImport === 'on',
    netPayComponentKey: form.netPayComponentKey.trim() === '' ? null : Number(form.netPayComponentKey),
  }));

export function administrationTabPage(app: Hono<AppEnv>): void {
  app.get('/administrations/:administrationId', async (c) => {
    const guarded = await guardAdministrationPage(c, c.req.param('administrationId'), 'domain.view');
    if (!guarded.ok) return guarded.response;
    const { t } = pageContext(c);
    const saved = c.req.query('saved') !== undefined;
    return show(c, guarded.value, {}, saved ? { kind: 'ok', text: t('common.saved') } : undefined);
  });

  app.post('/administrations/:administrationId/relation-code', async (c) => {
    const guarded = await guardAdministrationPage(c, c.req.param('administrationId'), 'link.use');
    if (!guarded.ok) return guarded.response;
    const { t, locale } = pageContext(c);
    const body = await c.req.parseBody();
    const typedRelationCode = typeof body.relationCode === 'string' ? body.relationCode : '';
    const form = RelationCodeForm.safeParse(body);
    if (!form.success) {
      return show(
        c,
        guarded.value,
        { relationCode: t('admin.relationNumber'), typedRelationCode },
        { kind: 'error', text: t('common.invalid') },
        400,
      );
    }
    const { db, secrets, config } = c.var.services;
    try {
      await changeRelationCode({ db, secrets, config, logger: c.var.log }, changedBy(c), {
        target: guarded.value,
        relationCode: form.data.relationCode,
        confirm: form.data.confirm,
      });
    } catch (error) {
      if (!isAppError(error)) throw error;
      if (isRelationCodeMismatch(error)) {
        return show(c, guarded.value, { typedRelationCode, mismatch: error.sides }, undefined, 409);
      }
      const text = error.text[locale];
      return show(
        c,
        guarded.value,
        { relationCode: text, typedRelationCode },
        { kind: 'error', text },
        error.retryable ? 503 : 422,
      );
    }
    return c.redirect(`/administrations/${guarded.value.administration.id}?saved`, 303);
  });

  app.post('/administrations/:administrationId/link-settings', async (c) => {
    const guarded = await guardAdministrationPage(c, c.req.param('administrationId'), 'link.use');
    if (!guarded.ok) return guarded.response;
    const { t, locale } = pageContext(c);
    const body = await c.req.parseBody();
    const typedLinkSettings = {
      importFromPeriod: typedText(body, 'importFromPeriod'),
      autoImport: typedText(body, 'autoImport'),
      netPayComponentKey: typedText(body, 'netPayComponentKey'),
    };
    const form = LinkSettingsForm.safeParse(body);
    // A field the form cannot read (a made-up choice) is an error too: never "saved" with it dropped.
    const parsed = form.success ? LinkSettingsInput.safeParse(form.data) : form;
    if (!parsed.success) {
      const problems: Problems = { typedLinkSettings };
      for (const issue of parsed.error.issues)
        problems[issue.path[0] as 'importFromPeriod' | 'netPayComponentKey'] ??= fieldProblem(t, issue);
      return show(c, guarded.value, problems, { kind: 'error', text: t('common.invalid') }, 400);
    }
    try {
      await changeLinkSettings(c.var.services.db, changedBy(c), {
        target: guarded.value,
        input: parsed.data,
      });
    } catch (error) {
      if (!isAppError(error)) throw error;
      const text = error.text[locale];
      return show(
        c,
        guarded.value,
        { importFromPeriod: text, typedLinkSettings },
        { kind: 'error', text },
        422,
      );
    }
    return c.redirect(`/administrations/${guarded.value.administration.id}?saved`, 303);
  });
}

async function show(
  c: Context<AppEnv>,
  target: Target,
  problems: Problems,
  notice: { kind: 'ok' | 'error'; text: string } | undefined,
  status: 200 | 400 | 409 | 422 | 503 = 200,
) {
  const { db } = c.var.services;
  const page = pageContext(c);
  const { t } = page;
  const nav = { ...(await getAdministrationNav(db, page.actor, target)), current: 'administration' as const };
  const usesLink = decide(page.actor, 'link.use', target.scope).allowed;
  const view = await getAdministration(db, target.administration);
  return render(
    c,
    <Layout
      page={page}
      title={t('admin.title', { name: view.name })}
      portalId={target.scope.portalId}
      administration={nav}
    >
      <Notice kind={notice?.kind ?? 'ok'} text={notice?.text} />
      {problems.mismatch && (
        <RelationCodeMismatch page={page} administrationId={view.id} sides={problems.mismatch} />
      )}
      <section class="card" aria-labelledby="facts">
        <h2 id="facts">{t('nav.tabAdministration')}</h2>
        <dl class="facts">
          <dt>{t('common.name')}</dt>
          <dd>{view.name}</dd>
          <dt>{t('admin.coc')}</dt>
          <dd>{view.cocNumber ?? t('common.none')}</dd>
          <dt>{t('admin.standard')}</dt>
          <dd>{view.isStandard ? t('common.yes') : t('common.no')}</dd>
        </dl>
      </section>
      {usesLink && <LinkForms page={page} view={view} problems={problems} />}
    </Layout>,
    status,
  );
}

function LinkForms({
  page,
  view,
  problems,
}: {
  page: PageContext;
  view: AdministrationView;
  problems: Problems;
}) {
  const { t } = page;
  const typed = problems.typedLinkSettings;
  const stored = view.autoImport === null ? 'default' : view.autoImport ? 'on' : 'off';
  const autoImport = typed?.autoImport || stored;
  return (
    <>
      {!view.linkAllowed && (
        <p class="notice notice-info">
          {t('admin.notLinkable')} <a href={`/domains/${view.domainId}`}>{t('domain.contract')}</a>
        </p>
      )}
      <form method="post" action={`/administrations/${view.id}/relation-code`} class="card">
        <Csrf page={page} />
        <h2>{t('overview.relationCode')}</h2>
        <DemoHint page={page} text="demo.hint.relation" />
        <Field
          id="relationCode"
          label={t('admin.relation')}
          value={problems.typedRelationCode ?? view.relationCode}
          inputmode="numeric"
          autocomplete="off"
          hint={t('admin.relationHint')}
          error={problems.relationCode}
        />
        <p>
          {view.loketPayrollAdministrationName
            ? t('admin.resolved', { name: view.loketPayrollAdministrationName })
            : t('admin.notResolved')}
        </p>
        <div class="actions">
          <button type="submit">{t('common.save')}</button>
        </div>
      </form>
      <form method="post" action={`/administrations/${view.id}/link-settings`} class="card">
        <Csrf page={page} />
        <h2>{t('admin.linkSettings')}</h2>
        <Field
          id="importFromPeriod"
          label={t('admin.importFrom')}
          value={typed?.importFromPeriod ?? view.importFromPeriod}
          hint={t('admin.importFromHint')}
          error={problems.importFromPeriod}
          autocomplete="off"
        />
        <div class="field">
          <label for="autoImport">{t('admin.autoImport')}</label>
          <select id="autoImport" name="autoImport">
            <option value="default" selected={autoImport === 'default'}>
              {t('admin.autoImport.default')}
            </option>
            <option value="on" selected={autoImport === 'on'}>
              {t('common.yes')}
            </option>
            <option value="off" selected={autoImport === 'off'}>
              {t('common.no')}
            </option>
          </select>
        </div>
        <Field
          id="netPayComponentKey"
          label={t('admin.netPay')}
          hint={t('admin.netPayHint')}
          value={typed?.netPayComponentKey ?? view.netPayComponentKey}
          inputmode="numeric"
          error={problems.netPayComponentKey}
          autocomplete="off"
        />
        <div class="actions">
          <button type="submit">{t('common.save')}</button>
        </div>
      </form>
    </>
  );
}
