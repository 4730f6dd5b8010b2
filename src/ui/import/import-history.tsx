/**
 * @module import-history
 * What happened: the runs (who, when, why, result), the items waiting for a person to check in Yuki
 * with their two answers, the items that failed with the reason and what to do in the page's language
 * (Loket's or Yuki's own words folded under "details"), the control-total warnings, the documents posted in Yuki — each linked
 * to where it can be seen — and the lines of the posted journals. Swapped in again out of band when the
 * progress fragment reports a finished run.
 */
import { cents, formatEuro, sum } from '../../core/money.ts';
import type { PeriodKind } from '../../core/periods.ts';
import type { PageContext } from '../page-context.ts';
import { formatDateTime, formatPeriodOf } from '../components/format.ts';
import { auditWho } from '../components/audit-words.ts';
import { IMPORT_KINDS } from '../../core/import-kinds.ts';
import {
  readableSubject as readable,
  type ImportItemRow,
  type ImportRun,
  type ImportView,
} from './import-view.ts';
import { PostedJournals } from './posted-journals.tsx';
import { YukiDocumentLink } from './yuki-link.tsx';
import { ErrorDetails, FailureGroups } from './failure-groups.tsx';
import { OutcomeBadge } from './run-bar.tsx';

/** The run's outcome, and per kind what was booked of what it planned; a run that failed says why. */
function RunResult({ page, view, run }: { page: PageContext; view: ImportView; run: ImportRun }) {
  const { t, locale } = page;
  const result = view.runResults[run.id];
  const kinds = IMPORT_KINDS.flatMap((kind) => {
    const counts = result?.progress[kind];
    return counts ? [{ kind, counts }] : [];
  });
  const booked = kinds.reduce((total, { counts }) => total + counts.posted, 0);
  return (
    <>
      {result && <OutcomeBadge page={page} outcome={result.outcome} />}
      {run.state === 'failed' ? (
        <>
          <p class="run-summary">{locale === 'nl' ? run.errorNl : run.errorEn}</p>
          <ErrorDetails page={page} detail={run.errorDetail} />
        </>
      ) : (
        kinds.length > 0 && (
          <p class="run-summary">
            {kinds
              .map(({ kind, counts }) =>
                t('import.bar.of', {
                  kind: t(`import.kind.${kind}`),
                  posted: counts.posted,
                  total: counts.total,
                }),
              )
              .join(' · ')}
          </p>
        )
      )}
      {/* Nothing booked: the plan's own summary says why (a test year, already in Yuki, exported elsewhere). */}
      {run.state !== 'failed' && booked === 0 && run.summary && (
        <p class="run-summary" lang="nl">
          {run.summary}
        </p>
      )}
    </>
  );
}

function Runs({ page, view }: { page: PageContext; view: ImportView }) {
  const { t, locale } = page;
  if (view.runs.length === 0) return <p>{t('import.historyEmpty')}</p>;
  return (
    <table>
      <caption class="visually-hidden">{t('import.history')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('import.when')}</th>
          <th scope="col">{t('import.who')}</th>
          <th scope="col">{t('import.trigger')}</th>
          <th scope="col">{t('import.result')}</th>
        </tr>
      </thead>
      <tbody>
        {view.runs.map((run) => (
          <tr>
            <td>{formatDateTime(locale, run.startedAt)}</td>
            <td>
              {auditWho(t, {
                actorLabel: run.requestedLabel,
                actorName: (run as { requestedName?: string | null }).requestedName,
              })}
            </td>
            <td>{t(`import.trigger.${run.trigger}`)}</td>
            <td>
              <RunResult page={page} view={view} run={run} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Skipped items per period and reason (a test year's payslips run into the hundreds). */
function Skipped({
  page,
  items,
  kind,
}: {
  page: PageContext;
  items: ImportItemRow[];
  kind: PeriodKind | undefined;
}) {
  const { t, locale } = page;
  const groups = new Map<string, { periodId: number; text: string; count: number }>();
  for (const item of items.filter((i) => i.state === 'skipped')) {
    const text = (locale === 'nl' ? item.errorNl : item.errorEn) ?? t('import.cell.skipped', { count: 1 });
    const key = `${item.periodId}\u0000${text}`;
    const group = groups.get(key) ?? { periodId: item.periodId, text, count: 0 };
    group.count += 1;
    groups.set(key, group);
  }
  if (groups.size === 0) return null;
  return (
    <>
      <h3>{t('import.skipped')}</h3>
      <ul class="skipped">
        {[...groups.values()].map((group) => (
          <li>
            <strong>{formatPeriodOf(locale, kind, group.periodId)}</strong>{' '}
            <span class="muted">({t('import.skippedCount', { count: String(group.count) })})</span>
            <p>{group.text}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

function Warnings({ page, items }: { page: PageContext; items: ImportItemRow[] }) {
  const { t, locale } = page;
  const warned = items.flatMap((item) =>
    (item.details.warnings ?? []).map((warning) => ({ item, text: warning[locale] })),
  );
  if (warned.length === 0) return null;
  return (
    <>
      <h3>{t('import.warnings')}</h3>
      <ul class="warnings">
        {warned.map(({ item, text }) => (
          <li>
            <strong>{readable(item)}</strong>: {text}
          </li>
        ))}
      </ul>
    </>
  );
}

function DocumentRow({ page, view, item }: { page: PageContext; view: ImportView; item: ImportItemRow }) {
  return (
    <tr>
      <td>
        {item.yukiDocumentId ? (
          <YukiDocumentLink
            page={page}
            links={view.yukiLinks}
            documentId={item.yukiDocumentId}
            label={readable(item)}
          />
        ) : (
          readable(item)
        )}
      </td>
      <td class="amount">
        {item.amountCents === null ? page.t('common.none') : formatEuro(cents(item.amountCents))}
      </td>
    </tr>
  );
}

/** Per period the journal and tax return in view; the payslips — hundreds for a large employer — folded. */
function Documents({ page, view }: { page: PageContext; view: ImportView }) {
  const { t, locale } = page;
  const posted = view.items.filter((item) => item.state === 'posted');
  const periods = [...new Set(posted.map((item) => item.periodId))];
  return (
    <>
      <h3>{t('import.documents')}</h3>
      {posted.length === 0 ? (
        <p>{t('import.documentsEmpty')}</p>
      ) : (
        periods.map((periodId) => {
          const inPeriod = posted.filter((item) => item.periodId === periodId);
          const payslips = inPeriod.filter((item) => item.kind === 'payslip');
          const caption = formatPeriodOf(locale, view.periodKind, periodId);
          return (
            <table class="documents">
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('import.subject')}</th>
                  <th scope="col">{t('import.amount')}</th>
                </tr>
              </thead>
              <tbody>
                {inPeriod
                  .filter((item) => item.kind !== 'payslip')
                  .map((item) => (
                    <DocumentRow page={page} view={view} item={item} />
                  ))}
              </tbody>
              {payslips.length > 0 && (
                <tbody>
                  <tr>
                    <td colspan={2}>
                      <details>
                        <summary>
                          {t('import.payslipsFolded', {
                            count: String(payslips.length),
                            amount: formatEuro(sum(payslips.map((item) => cents(item.amountCents ?? 0)))),
                          })}
                        </summary>
                        <table>
                          <caption class="visually-hidden">
                            {t('import.payslipsOf', { period: caption })}
                          </caption>
                          <tbody>
                            {payslips.map((item) => (
                              <DocumentRow page={page} view={view} item={item} />
                            ))}
                          </tbody>
                        </table>
                      </details>
                    </td>
                  </tr>
                </tbody>
              )}
            </table>
          );
        })
      )}
    </>
  );
}

type HistoryProps = { page: PageContext; view: ImportView; oob?: boolean };

export function ImportHistoryView({ page, view, oob }: HistoryProps) {
  const { t } = page;
  return (
    <section
      class="card"
      aria-labelledby="import-history"
      id="import-history-card"
      hx-swap-oob={oob ? 'true' : undefined}
    >
      <h2 id="import-history">{t('import.history')}</h2>
      <Runs page={page} view={view} />
      <FailureGroups page={page} view={view} />
      <Skipped page={page} items={view.items} kind={view.periodKind} />
      <Warnings page={page} items={view.items} />
      <Documents page={page} view={view} />
      <PostedJournals page={page} view={view} />
    </section>
  );
}
