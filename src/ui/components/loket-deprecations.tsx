/**
 * @module loket-deprecations-section
 * The resource versions Loket announced it will retire, on the portal's health page and (for every
 * portal) on the operator console; nothing is shown while Loket announces none.
 */
import type { LoketDeprecation } from '../../tenancy/loket-deprecations.ts';
import type { PageContext } from '../page-context.ts';
import { formatDate, formatDateTime } from './format.ts';

export function LoketDeprecationsSection(props: {
  page: PageContext;
  deprecations: LoketDeprecation[];
  withPortal?: boolean;
}) {
  const { t, locale } = props.page;
  if (props.deprecations.length === 0) return null;
  return (
    <section class="card" aria-labelledby="loket-deprecations">
      <h2 id="loket-deprecations">{t('deprecations.title')}</h2>
      <p>{t('deprecations.intro')}</p>
      <table>
        <thead>
          <tr>
            {props.withPortal && <th scope="col">{t('operator.portal')}</th>}
            <th scope="col">{t('deprecations.resource')}</th>
            <th scope="col">{t('deprecations.version')}</th>
            <th scope="col">{t('deprecations.obsoleteDate')}</th>
            <th scope="col">{t('deprecations.lastSeen')}</th>
          </tr>
        </thead>
        <tbody>
          {props.deprecations.map((seen) => (
            <tr>
              {props.withPortal && <td>{seen.portalName}</td>}
              <td>
                {seen.activity}
                <br />
                <code>
                  {seen.method} {seen.path}
                </code>
              </td>
              <td>{seen.resourceVersion}</td>
              <td class="nowrap">
                <strong>{formatDate(locale, seen.obsoleteDate)}</strong>
              </td>
              <td class="nowrap">{formatDateTime(locale, seen.lastSeenAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
