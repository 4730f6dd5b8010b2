/**
 * @module loket-rights
 * The five Loket rights the link needs, by their Loket names (src/loket/rights.ts), each with what the
 * link does with it; the names stay Dutch in the English page, as Loket shows them.
 */
import { LOKET_RIGHTS } from '../../loket/rights.ts';
import type { PageContext } from '../page-context.ts';

export function LoketRightsList({ page }: { page: PageContext }) {
  const { t } = page;
  return (
    <details class="rights" open>
      <summary>{t('rights.title')}</summary>
      <p>{t('rights.intro')}</p>
      <ul>
        {LOKET_RIGHTS.map((right) => (
          <li>
            <strong lang="nl">{right}</strong>: {t(`rights.${right}`)}
          </li>
        ))}
      </ul>
    </details>
  );
}
