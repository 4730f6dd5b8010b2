/**
 * @module import-progress
 * The latest run's progress, done / total per kind. While the run is planned or running — or an
 * import was just requested and no worker has started its run yet — htmx asks for this fragment again
 * every 2 seconds; without JavaScript the page shows the numbers as they were when it was loaded.
 * The answer that ends the polling also carries the grid and the history, swapped in out of band.
 */
import { z } from 'zod';
import { IMPORT_KINDS } from '../../core/import-kinds.ts';
import type { PageContext } from '../page-context.ts';
import { formatDateTime } from '../components/format.ts';
import type { ImportRun, RunProgress } from './import-view.ts';

/** The `requested`/`after` query value: the run id that was the latest before the request, or `none`. */
export const RequestedAfter = z.union([z.uuid(), z.literal('none')]);

type ProgressProps = {
  page: PageContext;
  administrationId: string;
  run: ImportRun | undefined;
  progress: RunProgress;
  /** Just after a request: the run that was the latest before it (or `none`), so that one is not taken for it. */
  requestedAfter: string | undefined;
};

/** Just after a request, the run before it is not taken for the one requested. */
const awaitingRun = (run: ImportRun | undefined, requestedAfter: string | undefined) =>
  requestedAfter !== undefined && (run?.id ?? 'none') === requestedAfter;

/** Whether the progress is still to be polled: a run is wanted or under way. */
export function progressActive(run: ImportRun | undefined, requestedAfter: string | undefined): boolean {
  return awaitingRun(run, requestedAfter) || run?.state === 'planning' || run?.state === 'running';
}

export function ImportProgress({ page, administrationId, run, progress, requestedAfter }: ProgressProps) {
  const { t, locale } = page;
  const awaiting = awaitingRun(run, requestedAfter);
  const shown = awaiting ? undefined : run;
  const active = progressActive(run, requestedAfter);
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
      hx-trigger={active ? 'every 2s' : undefined}
      hx-swap={active ? 'outerHTML' : undefined}
    >
      <h3>{t('import.progress')}</h3>
      {!shown && <p>{awaiting ? t('import.progressWaiting') : t('import.progressNone')}</p>}
      {shown && (
        <p class="muted">
          {formatDateTime(locale, shown.startedAt)} · {t(`import.trigger.${shown.trigger}`)} ·{' '}
          {shown.requestedLabel} · {t(`import.run.${shown.state}`)}
        </p>
      )}
      {shown?.state === 'failed' && (
        <p class="notice notice-error">{locale === 'nl' ? shown.errorNl : shown.errorEn}</p>
      )}
      {shown?.state === 'done' && kinds.length === 0 && <p>{t('import.progressNothing')}</p>}
      {kinds.length > 0 && shown && (
        <ul class="progress-kinds">
          {kinds.map(({ kind, counts }) => {
            const done = counts.total - counts.open - counts.waiting;
            const label = t('import.progressKind', {
              kind: t(`import.kind.${kind}`),
              done,
              total: counts.total,
            });
            return (
              <li>
                <label for={`progress-${kind}`}>{label}</label>{' '}
                <progress id={`progress-${kind}`} max={counts.total} value={done}>
                  {label}
                </progress>{' '}
                {counts.waiting > 0 && (
                  <span class="badge badge-warn">{t('import.cell.waiting', { count: counts.waiting })}</span>
                )}{' '}
                {counts.failed > 0 && (
                  <span class="badge badge-error">{t('import.cell.failed', { count: counts.failed })}</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {requestedAfter !== undefined && shown?.state === 'done' && <p>{t('import.progressUpdated')}</p>}
    </div>
  );
}
