/**
 * @module run-bar
 * One kind's items of a run as a stacked bar — posted, failed, to check, waiting, open — drawn in SVG
 * (attributes, so the style policy allows it) and always said in words beside it: colour never alone.
 */
import type { KindProgress, RunOutcome } from '../../app/administrations/get-run-progress.ts';
import type { ImportKind } from '../../store/schema/index.ts';
import type { PageContext } from '../page-context.ts';

const SEGMENTS = [
  { field: 'posted', css: 'seg-posted', text: 'import.bar.posted' },
  { field: 'failed', css: 'seg-failed', text: 'import.cell.failed' },
  { field: 'needsCheck', css: 'seg-check', text: 'import.cell.needsCheck' },
  { field: 'waiting', css: 'seg-waiting', text: 'import.cell.waiting' },
  { field: 'open', css: 'seg-open', text: 'import.cell.open' },
] as const;

export function RunBar({
  page,
  kind,
  counts,
}: {
  page: PageContext;
  kind: ImportKind;
  counts: KindProgress;
}) {
  const { t } = page;
  let x = 0;
  const rects = SEGMENTS.flatMap(({ field, css }) => {
    const n = counts[field];
    if (n === 0 || counts.total === 0) return [];
    // Whole per-mille steps keep the segments adjacent without float noise in the markup.
    const width = Math.round((n * 1000) / counts.total) / 10;
    const rect = <rect class={css} x={`${x}%`} y="0" width={`${width}%`} height="100%" />;
    x = Math.round((x + width) * 10) / 10;
    return [rect];
  });
  return (
    <div class="run-bar">
      <p class="run-bar-label">
        {t('import.bar.of', { kind: t(`import.kind.${kind}`), posted: counts.posted, total: counts.total })}
      </p>
      <svg class="run-bar-track" aria-hidden="true" focusable="false" width="100%" height="12">
        {rects}
      </svg>
      <ul class="run-bar-counts">
        {SEGMENTS.filter(({ field }) => counts[field] > 0).map(({ field, css, text }) => (
          <li class={`count ${css}`}>{t(text, { count: counts[field] })}</li>
        ))}
      </ul>
    </div>
  );
}

/** The outcome as a badge: colour and words (the CSS class only adds the colour). */
export function OutcomeBadge({ page, outcome }: { page: PageContext; outcome: RunOutcome }) {
  return (
    <span class={`badge outcome outcome-${outcome}`} data-outcome={outcome}>
      {page.t('import.outcome', { outcome: page.t(`import.outcome.${outcome}`) })}
    </span>
  );
}
