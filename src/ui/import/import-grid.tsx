/**
 * @module import-grid
 * The period × kind grid of the look-back window: per cell how many items are imported (with their
 * amount), waiting for Yuki's quota, failed, to check in Yuki, in progress, skipped or left out as a
 * Loket test year — or, once a run has asked
 * Loket about the period, that Loket has nothing yet. Swapped in again out of band when the progress
 * fragment reports a finished run.
 */
import { cents, formatEuro, sum } from '../../core/money.ts';
import { formatPeriodOf } from '../components/format.ts';
import { IMPORT_KINDS, type ImportKind } from '../../core/import-kinds.ts';
import { TEST_YEAR_CODE } from '../../sync/plan.ts';
import type { PageContext } from '../page-context.ts';
import type { ImportItemRow, ImportView } from './import-view.ts';

type CellProps = { page: PageContext; items: ImportItemRow[]; checked: boolean };

function Cell({ page, items, checked }: CellProps) {
  const { t } = page;
  if (items.length === 0) {
    return <span class="muted">{t(checked ? 'import.cell.none' : 'import.cell.unchecked')}</span>;
  }
  const count = (...states: ImportItemRow['state'][]) =>
    items.filter((item) => states.includes(item.state)).length;
  const posted = items.filter((item) => item.state === 'posted');
  const testYear = items.filter(
    (item) => item.state === 'skipped' && item.errorCode === TEST_YEAR_CODE,
  ).length;
  const amounts = posted.flatMap((item) => (item.amountCents === null ? [] : [cents(item.amountCents)]));
  const parts = [
    { n: posted.length, badge: 'badge-ok', text: t('import.cell.posted', { count: posted.length }) },
    {
      n: count('waiting_quota'),
      badge: 'badge-warn',
      text: t('import.cell.waiting', { count: count('waiting_quota') }),
    },
    { n: count('failed'), badge: 'badge-error', text: t('import.cell.failed', { count: count('failed') }) },
    {
      n: count('needs_check'),
      badge: 'badge-warn',
      text: t('import.cell.needsCheck', { count: count('needs_check') }),
    },
    {
      n: count('planned', 'posting'),
      badge: '',
      text: t('import.cell.open', { count: count('planned', 'posting') }),
    },
    {
      n: count('skipped') - testYear,
      badge: '',
      text: t('import.cell.skipped', { count: count('skipped') - testYear }),
    },
    { n: testYear, badge: 'badge-warn', text: t('import.cell.testYear', { count: testYear }) },
  ].filter((part) => part.n > 0);
  return (
    <ul class="cell-states">
      {parts.map((part) => (
        <li>
          <span class={`badge ${part.badge}`}>{part.text}</span>
        </li>
      ))}
      {amounts.length > 0 && <li class="amount">{formatEuro(sum(amounts))}</li>}
    </ul>
  );
}

type GridProps = { page: PageContext; view: ImportView; oob?: boolean };

export function ImportGrid({ page, view, oob }: GridProps) {
  const { t, locale } = page;
  const cellItems = (periodId: number, kind: ImportKind) =>
    view.items.filter((item) => item.periodId === periodId && item.kind === kind);
  // A run that planned a window has recorded everything Loket had in it.
  const checked = (periodId: number) =>
    view.runs.some(
      (run) =>
        (run.state === 'running' || run.state === 'done') &&
        run.fromPeriodId <= periodId &&
        periodId <= run.toPeriodId,
    );
  return (
    <div id="import-grid" hx-swap-oob={oob ? 'true' : undefined}>
      {!view.windowKnown && <p class="notice notice-info">{t('import.windowUnknown')}</p>}
      <table class="import-grid">
        <caption>{t('import.grid')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.period')}</th>
            {IMPORT_KINDS.map((kind) => (
              <th scope="col">{t(`import.kind.${kind}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.periods.map((id) => (
            <tr>
              <th scope="row">{formatPeriodOf(locale, view.periodKind, id)}</th>
              {IMPORT_KINDS.map((kind) => (
                <td>
                  <Cell page={page} items={cellItems(id, kind)} checked={checked(id)} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
