/**
 * @module import-section
 * The import part of *Loket service*, shown once the link is complete: "Import now" (a plain form,
 * enhanced by htmx to swap in the live progress), the progress of the latest run, the period × kind
 * grid, the backfill with its preview, and the history.
 */
import type { PageContext } from '../page-context.ts';
import { Csrf } from '../components/form.tsx';
import { BackfillForm, type BackfillState } from './backfill-form.tsx';
import { ImportGrid } from './import-grid.tsx';
import { ImportHistoryView } from './import-history.tsx';
import { ImportProgress } from './import-progress.tsx';
import type { ImportView } from './import-view.ts';

type SectionProps = {
  page: PageContext;
  view: ImportView;
  backfill: BackfillState | undefined;
  /** Just after a request: the latest run before it, or `none`. */
  requestedAfter: string | undefined;
};

export function ImportSection({ page, view, backfill, requestedAfter }: SectionProps) {
  const { t } = page;
  const action = `/administrations/${view.administrationId}/loket/import`;
  return (
    <>
      <section class="card" aria-labelledby="import" id="import-section">
        <h2 id="import">{t('service.import')}</h2>
        <form method="post" action={action} hx-post={action} hx-target="#import-progress" hx-swap="outerHTML">
          <Csrf page={page} />
          <p class="hint">{t('import.nowHint')}</p>
          <div class="actions">
            <button type="submit">{t('import.now')}</button>
          </div>
        </form>
        <ImportProgress
          page={page}
          administrationId={view.administrationId}
          run={view.runs[0]}
          progress={view.progress}
          outcome={view.outcome}
          requestedAfter={requestedAfter}
        />
        <ImportGrid page={page} view={view} />
      </section>
      <BackfillForm page={page} administrationId={view.administrationId} state={backfill} />
      <ImportHistoryView page={page} view={view} />
    </>
  );
}
