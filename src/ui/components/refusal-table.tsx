/**
 * @module refusal-table
 * Refused requests counted per hour, actor, action and route: on the operator console for all of them,
 * on a portal's audit log for those in that portal.
 */
import type { PageContext } from '../page-context.ts';
import type { RefusalCount } from '../../audit/record-refusal.ts';
import { formatDateTime } from './format.ts';
import { auditActionWords, refusalReasonWords } from './audit-words.ts';

export function RefusalTable({
  page,
  rows,
  intro,
}: {
  page: PageContext;
  rows: RefusalCount[];
  intro: string;
}) {
  const { t, locale } = page;
  return (
    <section class="card" aria-labelledby="refusals">
      <h2 id="refusals">{t('operator.refusals')}</h2>
      <p>{intro}</p>
      {rows.length === 0 ? (
        <p>{t('operator.noRefusals')}</p>
      ) : (
        <table class="stack">
          <thead>
            <tr>
              <th scope="col">{t('operator.refusalHour')}</th>
              <th scope="col">{t('operator.refusalActor')}</th>
              <th scope="col">{t('operator.refusalAction')}</th>
              <th scope="col">{t('operator.refusalRoute')}</th>
              <th scope="col">{t('operator.refusalReason')}</th>
              <th scope="col" class="number">
                {t('operator.refusalCount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr>
                <td class="nowrap" data-label={t('operator.refusalHour')}>
                  {formatDateTime(locale, row.hour)}
                </td>
                <td data-label={t('operator.refusalActor')}>{row.actorLabel}</td>
                <td data-label={t('operator.refusalAction')}>{auditActionWords(t, row.action)}</td>
                <td data-label={t('operator.refusalRoute')}>
                  <code>{row.route}</code>
                </td>
                <td data-label={t('operator.refusalReason')}>
                  {row.lastReason ? refusalReasonWords(t, row.lastReason) : t('common.none')}
                </td>
                <td class="number" data-label={t('operator.refusalCount')}>
                  {row.count}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
