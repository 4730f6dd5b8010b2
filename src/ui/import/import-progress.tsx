/**
 * @module import-progress
 * The latest run's outcome in colour and words, and per kind a bar of posted / failed / waiting items. While the run is planned or running — or an
 * import was just requested and no worker has started its run yet — htmx asks for this fragment again
 * every 2 seconds; without JavaScript the page shows the numbers as they were when it was loaded.
 * The answer that ends the polling also carries the grid and the history, swapped in out of band.
 */
import { z } from 'zod';
import { IMPORT_KINDS } from '../../core/import-kinds.ts';
import type { PageContext } from '../page-context.ts';
import { formatDateTime } from '../components/format.ts';
import type { ImportRun, RunOutcome, RunProgress } from './import-view.ts';
import { OutcomeBadge, RunBar } from './run-bar.tsx';

/** The `requested`/`after` query value: the run id that was the latest before the request, or `none`. */
export const RequestedAfter = z.union([z.uuid(), z.literal('none')]);

type ProgressProps = {
  page: PageContext;
  administrationId: string;
  run: ImportRun | undefined;
  progress: RunProgress;
  /** What the run's items say happened (app/administrations/get-run-progress.ts). */
  outcome: RunOutcome;
  /** Just after a request: the run that was the latest before it (or `none`), so that one is not taken for it. */
  requestedAfter: string | undefined;
};

/** Just after a request, the run before it is not taken for the one requested. */
const awaitingRun = (run: ImportRun | undefined, requestedAfter: string | undefined) =>
  requestedAfter !== undefined && (run?.id ?? 'none') === requestedAfter;

/** Whether the progress is still to be polled: a run is wanted or under way, or its items are retried. */
export function progressActive(
  run: ImportRun | undefined,
  requestedAfter: string | undefined,
  outcome: RunOutcome,
): boolean {
  return (
    awaitingRun(run, requestedAfter) ||
    run?.state === 'planning' ||
    run?.state === 'running' ||
    outcome === 'busy'
  );
}

/** Retries wait a minute and more: polling them every 2 seconds would only cost queries. */
const pollEvery = (run: ImportRun | undefined) => (run?.state === 'done' ? 'every 30s' : 'every 2s');

export function ImportProgress({
  page,
  administrationId,
  run,
  progress,
  outcome,
  requestedAfter,
}: ProgressProps) {
  const { t, locale } = page;
  const awaiting = awaitingRun(run, requestedAfter);
  const shown = awaiting ? undefined : run;
  const active = progressActive(run, requestedAfter, outcome);
  const poll = `/administrations/${administrationId}/loket/progress${requestedAfter === undefined ? '' : `?after=${requestedAfter}`}`;
  const kinds = IMPORT_KINDS.flatMap((kind) => {
    const counts = progress[kind];
    return counts ? [{ kind, counts }] : [];
  });
  return (
    <div
      id="import-progress"
      class="import-progress"
      aria-live="polite"
      hx-get={active ? poll : undefined}
      hx-trigger={active ? pollEvery(shown) : undefined}
      hx-swap={active ? 'outerHTML' : undefined}
    >
      <h3>{t('import.progress')}</h3>
      {!shown && <p>{awaiting ? t('import.progressWaiting') : t('import.progressNone')}</p>}
      {shown && (
        <p class="muted">
          {formatDateTime(locale, shown.startedAt)} · {t(`import.trigger.${shown.trigger}`)} ·{' '}
          {shown.requestedLabel}
        </p>
      )}
      {shown && <OutcomeBadge page={page} outcome={outcome} />}
      {shown?.state === 'failed' && (
        <p class="notice notice-error">{locale === 'nl' ? shown.errorNl : shown.errorEn}</p>
      )}
      {shown?.state === 'done' && kinds.length === 0 && <p>{t('import.progressNothing')}</p>}
      {kinds.length > 0 && shown && (
        <div class="progress-kinds">
          {kinds.map(({ kind, counts }) => (
            <RunBar page={page} kind={kind} counts={counts} />
          ))}
        </div>
      )}
      {requestedAfter !== undefined && shown?.state === 'done' && outcome !== 'busy' && (
        <p>{t('import.progressUpdated')}</p>
      )}
    </div>
  );
}
