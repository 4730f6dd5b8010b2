/**
 * @module backfill-form
 * Importing earlier periods: a from/to form whose first step is a preview (a dry run, in the engine's
 * Dutch words), and then a confirmation that queues exactly that window.
 */
import type { PageContext } from '../page-context.ts';
import { Csrf, Field, Notice } from '../components/form.tsx';

export type BackfillState = {
  from: string;
  to: string;
  errors: { from?: string; to?: string; preview?: string };
  /** The preview text once the window is valid and Loket answered. */
  preview?: string;
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
        <form method="post" action={base} class="preview" aria-labelledby="preview-title">
          <Csrf page={page} />
          <h3 id="preview-title">{t('import.previewTitle')}</h3>
          <p>{t('import.previewLanguage')}</p>
          <pre lang="nl">{state.preview}</pre>
          <input type="hidden" name="from" value={state.from} />
          <input type="hidden" name="to" value={state.to} />
          <div class="actions">
            <button type="submit">{t('import.confirm')}</button>
          </div>
        </form>
      )}
    </section>
  );
}
