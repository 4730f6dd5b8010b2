/**
 * @module backfill-form
 * Importing earlier periods: a from/to form whose first step is a preview (a dry run, in the engine's
 * Dutch words), and then a confirmation that queues exactly that window — offered only when there is
 * something to import. Journal runs exported elsewhere are included only on an explicit, warned choice.
 */
import type { Preview } from '../../sync/plan.ts';
import type { PageContext } from '../page-context.ts';
import { Csrf, Field, Notice } from '../components/form.tsx';

export type BackfillState = {
  from: string;
  to: string;
  errors: { from?: string; to?: string; preview?: string };
  /** The preview once the window is valid and Loket answered. */
  preview?: Preview;
  /** The person chose to include journal runs Loket shows as exported by another application. */
  includeExported?: boolean;
};

type BackfillProps = { page: PageContext; administrationId: string; state: BackfillState | undefined };

export function BackfillForm({ page, administrationId, state }: BackfillProps) {
  const { t } = page;
  const base = `/administrations/${administrationId}/loket/backfill`;
  return (
    <section class="card" aria-labelledby="backfill">
      <h2 id="backfill">{t('import.backfill')}</h2>
      <form method="post" action={`${base}/preview`}>
        <Csrf page={page} />
        <p class="hint">{t('import.backfillHint')}</p>
        <Field
          id="from"
          label={t('import.from')}
          value={state?.from}
          error={state?.errors.from}
          autocomplete="off"
          required
        />
        <Field
          id="to"
          label={t('import.to')}
          value={state?.to}
          error={state?.errors.to}
          autocomplete="off"
          required
        />
        <div class="actions">
          <button type="submit" class="secondary">
            {t('import.preview')}
          </button>
        </div>
      </form>
      <Notice kind="error" text={state?.errors.preview} />
      {state?.preview !== undefined && (
        <PreviewForm page={page} action={base} state={state} preview={state.preview} />
      )}
    </section>
  );
}

function PreviewForm({
  page,
  action,
  state,
  preview,
}: {
  page: PageContext;
  action: string;
  state: BackfillState;
  preview: Preview;
}) {
  const { t } = page;
  const window = (
    <>
      <Csrf page={page} />
      <input type="hidden" name="from" value={state.from} />
      <input type="hidden" name="to" value={state.to} />
    </>
  );
  return (
    <div class="preview" role="region" aria-labelledby="preview-title" id="backfill-preview">
      <h3 id="preview-title">{t('import.previewTitle')}</h3>
      <p>{t('import.previewLanguage')}</p>
      <pre lang="nl">{preview.text}</pre>
      {state.includeExported && <p class="notice notice-info">{t('import.exported.included')}</p>}
      {preview.exportedSkipped > 0 && (
        <form method="post" action={`${action}/preview`}>
          {window}
          <input type="hidden" name="includeExported" value="1" />
          <p>{t('import.exported.warning', { count: String(preview.exportedSkipped) })}</p>
          <div class="actions">
            <button type="submit" class="secondary">
              {t('import.exported.include')}
            </button>
          </div>
        </form>
      )}
      {preview.importable > 0 ? (
        <form method="post" action={action}>
          {window}
          {state.includeExported && <input type="hidden" name="includeExported" value="1" />}
          <div class="actions">
            <button type="submit">{t('import.confirm')}</button>
          </div>
        </form>
      ) : (
        <p class="hint">{t('import.nothingToConfirm')}</p>
      )}
    </div>
  );
}
