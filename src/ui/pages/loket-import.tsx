/**
 * @module loket-import-pages
 * The import actions of *Personeel → Loket service*, for whom may use the link: "Import now" and a
 * confirmed backfill queue the import (POST/redirect/GET, or the progress fragment for htmx), a
 * backfill preview renders the page with what would be imported, a "check in Yuki" answer settles one
 * item and renders the page with what became of it, and the progress fragment htmx polls
 * — whose last answer also brings the grid and the history up to date.
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../http/context.ts';
import { isAppError } from '../../core/errors.ts';
import { parsePeriodKey } from '../../core/periods.ts';
import { guardAdministrationPage } from '../authorize-page.ts';
import { changedBy } from '../../http/authorize.ts';
import { isHtmx, pageContext } from '../page-context.ts';
import type { BackfillState } from '../import/backfill-form.tsx';
import { ImportGrid } from '../import/import-grid.tsx';
import { ImportHistoryView } from '../import/import-history.tsx';
import { ImportProgress, progressActive, RequestedAfter } from '../import/import-progress.tsx';
import { loadImportView } from '../import/import-view.ts';
import { getLatestRunProgress } from '../../app/administrations/get-run-progress.ts';
import { requestImport } from '../../app/administrations/request-import.ts';
import { requestImportPreview } from '../../app/administrations/request-import-preview.ts';
import type { ImportOptions, ImportTarget } from '../../app/administrations/import-request.ts';
import { showLoketService } from './loket-service.tsx';
import { changeCheckInYuki } from '../../app/administrations/change-check-in-yuki.ts';

const Period = z
  .string()
  .trim()
  .transform((value, context) => {
    const id = parsePeriodKey(value);
    // The import queue takes periods of the years 1900–2999 only.
    if (id === null || id < 190001 || id > 299953) {
      context.addIssue({ code: 'custom', message: 'invalid' });
      return z.NEVER;
    }
    return id;
  });

const BackfillInput = z
  .object({
    from: Period,
    to: Period,
    /** Sent by "toch meenemen": journal runs Loket shows as exported elsewhere are included on purpose. */
    includeExported: z
      .literal('1')
      .optional()
      .transform((value) => value === '1'),
  })
  .refine((window) => window.from <= window.to, { path: ['to'], message: 'order' });

type Parsed = { ok: true; window: ImportOptions; state: BackfillState } | { ok: false; state: BackfillState };

async function parseBackfill(c: Context<AppEnv>): Promise<Parsed> {
  const { t } = pageContext(c);
  const body = await c.req.parseBody();
  const typed = (name: string) => (typeof body[name] === 'string' ? body[name] : '');
  const state: BackfillState = { from: typed('from'), to: typed('to'), errors: {} };
  const form = BackfillInput.safeParse(body);
  if (form.success) {
    const { from, to, includeExported } = form.data;
    return {
      ok: true,
      window: { fromPeriodId: from, toPeriodId: to, ...(includeExported ? { includeExported } : {}) },
      state: { ...state, includeExported },
    };
  }
  for (const issue of form.error.issues) {
    const field = issue.path[0] === 'to' ? 'to' : 'from';
    state.errors[field] ??= t(issue.message === 'order' ? 'import.periodOrder' : 'import.periodInvalid');
  }
  return { ok: false, state };
}

const CheckInput = z.object({
  itemId: z.uuid(),
  decision: z.enum(['in_yuki', 'not_in_yuki']),
  yukiDocumentId: z.string().trim().max(100).optional(),
});

const servicePage = (target: ImportTarget) => `/administrations/${target.administration.id}/loket`;

export function loketImportPages(app: Hono<AppEnv>): void {
  app.post('/administrations/:administrationId/loket/import', async (c) => {
    const guarded = await guardAdministrationPage(c, c.req.param('administrationId'), 'link.use');
    if (!guarded.ok) return guarded.response;
    const id = guarded.value.administration.id;
    const before = await getLatestRunProgress(c.var.services.db, id);
    const after = before.run?.id ?? 'none';
    await requestImport(c.var.services, changedBy(c), guarded.value);
    if (!isHtmx(c)) return c.redirect(`${servicePage(guarded.value)}?requested=${after}`, 303);
    return c.html(
      <ImportProgress
        page={pageContext(c)}
        administrationId={id}
        run={before.run}
        progress={before.progress}
        outcome={before.outcome}
        requestedAfter={after}
      />,
    );
  });

  app.get('/administrations/:administrationId/loket/progress', async (c) => {
    const guarded = await guardAdministrationPage(c, c.req.param('administrationId'), 'link.use');
    if (!guarded.ok) return guarded.response;
    const after = RequestedAfter.safeParse(c.req.query('after')).data;
    if (!isHtmx(c)) {
      return c.redirect(`${servicePage(guarded.value)}${after ? `?requested=${after}` : ''}`, 303);
    }
    const { administration } = guarded.value;
    const { run, progress, outcome } = await getLatestRunProgress(c.var.services.db, administration.id);
    const page = pageContext(c);
    const fragment = (
      <ImportProgress
        page={page}
        administrationId={administration.id}
        run={run}
        progress={progress}
        outcome={outcome}
        requestedAfter={after}
      />
    );
    if (progressActive(run, after, outcome)) return c.html(fragment);
    // The polling stops here, so this answer brings what the run changed on the page up to date too.
    const view = await loadImportView(c.var.services, administration);
    return c.html(
      <>
        {fragment}
        <ImportGrid page={page} view={view} oob />
        <ImportHistoryView page={page} view={view} oob />
      </>,
    );
  });

  app.post('/administrations/:administrationId/loket/backfill/preview', async (c) => {
    const guarded = await guardAdministrationPage(c, c.req.param('administrationId'), 'link.use');
    if (!guarded.ok) return guarded.response;
    const parsed = await parseBackfill(c);
    if (!parsed.ok) return showLoketService(c, guarded.value, { backfill: parsed.state, status: 400 });
    try {
      const preview = await requestImportPreview(
        { db: c.var.services.db, env: c.var.services.importEnvironment },
        changedBy(c),
        guarded.value,
        parsed.window,
      );
      return showLoketService(c, guarded.value, { backfill: { ...parsed.state, preview } });
    } catch (error) {
      if (!isAppError(error)) throw error;
      const text = error.text[pageContext(c).locale];
      return showLoketService(c, guarded.value, {
        backfill: { ...parsed.state, errors: { preview: text } },
        status: error.retryable ? 503 : 422,
      });
    }
  });

  // "Check in Yuki": the person's answer for one item; shown again with what became of it.
  app.post('/administrations/:administrationId/loket/items/:itemId/check', async (c) => {
    const guarded = await guardAdministrationPage(c, c.req.param('administrationId'), 'link.use');
    if (!guarded.ok) return guarded.response;
    const { t } = pageContext(c);
    const form = CheckInput.safeParse({ ...(await c.req.parseBody()), itemId: c.req.param('itemId') });
    if (!form.success) {
      return showLoketService(c, guarded.value, {
        notice: { kind: 'error', text: t('import.check.notWaiting') },
        status: 400,
      });
    }
    const { itemId, decision, yukiDocumentId } = form.data;
    const settled = await changeCheckInYuki(c.var.services, changedBy(c), guarded.value, itemId, {
      decision,
      ...(decision === 'in_yuki' && yukiDocumentId ? { yukiDocumentId } : {}),
    });
    return showLoketService(c, guarded.value, {
      notice: settled
        ? { kind: 'ok', text: t('import.check.done') }
        : { kind: 'error', text: t('import.check.notWaiting') },
      ...(settled ? {} : { status: 409 as const }),
    });
  });

  app.post('/administrations/:administrationId/loket/backfill', async (c) => {
    const guarded = await guardAdministrationPage(c, c.req.param('administrationId'), 'link.use');
    if (!guarded.ok) return guarded.response;
    const parsed = await parseBackfill(c);
    if (!parsed.ok) return showLoketService(c, guarded.value, { backfill: parsed.state, status: 400 });
    const before = await getLatestRunProgress(c.var.services.db, guarded.value.administration.id);
    try {
      await requestImport(c.var.services, changedBy(c), guarded.value, parsed.window);
    } catch (error) {
      if (!isAppError(error)) throw error;
      const text = error.text[pageContext(c).locale];
      return showLoketService(c, guarded.value, {
        backfill: { ...parsed.state, errors: { preview: text } },
        status: 422,
      });
    }
    return c.redirect(`${servicePage(guarded.value)}?requested=${before.run?.id ?? 'none'}`, 303);
  });
}
