/**
 * @module posted-journals
 * The journals we posted to Yuki, as our own records keep them: per journal its period, the Yuki
 * document, and its lines — date, GL account, description, cost centre, debit and credit — with the
 * totals of both sides, so an accountant can check a journal without opening Yuki.
 */
import { z } from 'zod';
import { cents, formatEuro, sum } from '../../core/money.ts';
import type { PageContext } from '../page-context.ts';
import { formatDate, formatPeriodOf } from '../components/format.ts';
import type { PeriodKind } from '../../core/periods.ts';
import { readableSubject, type ImportItemRow, type ImportView } from './import-view.ts';
import { YukiDocumentLink, type YukiLinks } from './yuki-link.tsx';

const whole = z.number().int().nonnegative();

// The details column is JSON written by earlier versions too; a shape we do not know reads as absent.
const PostedJournal = z.object({
  projectCode: z.string().optional(),
  lines: z
    .array(
      z.object({
        entryDate: z.string(),
        glAccount: z.string(),
        description: z.string(),
        debitCents: whole,
        creditCents: whole,
        costCenter: z.string().optional(),
      }),
    )
    .min(1),
});
type PostedJournal = z.infer<typeof PostedJournal>;

const euro = (value: number) => (value === 0 ? '' : formatEuro(cents(value)));

function Lines({ page, title, journal }: { page: PageContext; title: string; journal: PostedJournal }) {
  const { t, locale } = page;
  const debit = sum(journal.lines.map((line) => cents(line.debitCents)));
  const credit = sum(journal.lines.map((line) => cents(line.creditCents)));
  return (
    <table class="journal-lines">
      <caption class="visually-hidden">{t('journal.lines', { title })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('journal.date')}</th>
          <th scope="col">{t('journal.account')}</th>
          <th scope="col">{t('import.subject')}</th>
          <th scope="col">{t('journal.costCenter')}</th>
          <th scope="col" class="amount">
            {t('journal.debit')}
          </th>
          <th scope="col" class="amount">
            {t('journal.credit')}
          </th>
        </tr>
      </thead>
      <tbody>
        {journal.lines.map((line) => (
          <tr>
            <td class="nowrap">{formatDate(locale, line.entryDate)}</td>
            <td>{line.glAccount}</td>
            <td>{line.description}</td>
            <td>{line.costCenter ?? ''}</td>
            <td class="amount">{euro(line.debitCents)}</td>
            <td class="amount">{euro(line.creditCents)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colspan={4}>
            {t('journal.total')}
          </th>
          <td class="amount">{formatEuro(debit)}</td>
          <td class="amount">{formatEuro(credit)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

type JournalProps = {
  page: PageContext;
  links: YukiLinks;
  item: ImportItemRow;
  kind: PeriodKind | undefined;
};

function Journal({ page, links, item, kind }: JournalProps) {
  const { t, locale } = page;
  const parsed = PostedJournal.safeParse(item.details.journal);
  const title = readableSubject(item);
  const heading = `posted-journal-${item.id}`;
  return (
    <article class="posted-journal" aria-labelledby={heading}>
      <h4 id={heading}>{title}</h4>
      <dl class="facts">
        <dt>{t('import.period')}</dt>
        <dd>{formatPeriodOf(locale, kind, item.periodId)}</dd>
        <dt>{t('import.document')}</dt>
        <dd>
          {item.yukiDocumentId && (
            <YukiDocumentLink page={page} links={links} documentId={item.yukiDocumentId} label={title} />
          )}
        </dd>
        {parsed.data?.projectCode && (
          <>
            <dt>{t('journal.project')}</dt>
            <dd>{parsed.data.projectCode}</dd>
          </>
        )}
      </dl>
      {parsed.success ? (
        <Lines page={page} title={title} journal={parsed.data} />
      ) : (
        <p class="muted">{t('journal.notRecorded')}</p>
      )}
    </article>
  );
}

export function PostedJournals({ page, view }: { page: PageContext; view: ImportView }) {
  const posted = view.items.filter((item) => item.kind === 'journal' && item.state === 'posted');
  if (posted.length === 0) return null;
  return (
    <>
      <h3>{page.t('journal.title')}</h3>
      <p class="hint">{page.t('journal.hint')}</p>
      {posted.map((item) => (
        <Journal page={page} links={view.yukiLinks} item={item} kind={view.periodKind} />
      ))}
    </>
  );
}
