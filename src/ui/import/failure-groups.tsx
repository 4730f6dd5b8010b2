/**
 * @module failure-groups
 * The items waiting for a person, one card per cause (app/administrations/get-failure-groups.ts): how
 * many, the cause and its one fix in the page's language, who can do it, a link to where, and the
 * items folded under it with Loket's or Yuki's own words in a further "details" fold.
 */
import type { FixPlace } from '../../app/administrations/failure-causes.ts';
import type { PageContext } from '../page-context.ts';
import { formatPeriodOf } from '../components/format.ts';
import { Csrf, PostButton } from '../components/form.tsx';
import {
  readableSubject as readable,
  type FailureGroup,
  type ImportItemRow,
  type ImportView,
} from './import-view.ts';
import { YukiDocumentLink } from './yuki-link.tsx';

function fixLink(view: ImportView, place: FixPlace): string {
  switch (place) {
    case 'administration':
      return `/administrations/${view.administrationId}`;
    case 'domain_loket':
      return `/domains/${view.domainId}/loket`;
    case 'portal_loket':
      return `/portals/${view.portalId}/settings/loket`;
    case 'import':
      return '#import';
  }
}

/** Loket's or Yuki's own words behind an error, folded: what the "see the log" texts promise. */
export function ErrorDetails({ page, detail }: { page: PageContext; detail: string | null }) {
  if (!detail) return null;
  return (
    <details class="error-detail">
      <summary>{page.t('import.details')}</summary>
      <pre lang="en">{detail}</pre>
    </details>
  );
}

/** The two answers to "is it in Yuki?" for one item. */
function CheckForms({ page, view, item }: { page: PageContext; view: ImportView; item: ImportItemRow }) {
  const { t } = page;
  const action = `/administrations/${view.administrationId}/loket/items/${item.id}/check`;
  return (
    <>
      <form method="post" action={action} class="inline">
        <Csrf page={page} />
        <input type="hidden" name="decision" value="in_yuki" />
        <label>
          {t('import.check.documentId')}{' '}
          <input type="text" name="yukiDocumentId" maxlength={100} autocomplete="off" />
        </label>{' '}
        <button type="submit">{t('import.check.inYuki')}</button>
      </form>{' '}
      <PostButton
        page={page}
        action={action}
        fields={{ decision: 'not_in_yuki' }}
        label={t('import.check.notInYuki')}
        secondary
      />
    </>
  );
}

function GroupItem({
  page,
  view,
  group,
  item,
}: {
  page: PageContext;
  view: ImportView;
  group: FailureGroup;
  item: ImportItemRow;
}) {
  const { locale } = page;
  // Codes without a known cause, or whose texts differ per item, say it per item — in the page's language.
  const ownText =
    !group.cause || group.cause.perItem ? (locale === 'nl' ? item.errorNl : item.errorEn) : null;
  return (
    <li id={`item-${item.id}`}>
      {item.yukiDocumentId ? (
        <YukiDocumentLink
          page={page}
          links={view.yukiLinks}
          documentId={item.yukiDocumentId}
          label={readable(item)}
        />
      ) : (
        <a href={`#item-${item.id}`}>{readable(item)}</a>
      )}{' '}
      <span class="muted">({formatPeriodOf(locale, view.periodKind, item.periodId)})</span>
      {ownText && <p>{ownText}</p>}
      {group.state === 'needs_check' && <CheckForms page={page} view={view} item={item} />}
      <ErrorDetails page={page} detail={item.errorDetail} />
    </li>
  );
}

function GroupCard({ page, view, group }: { page: PageContext; view: ImportView; group: FailureGroup }) {
  const { t, locale } = page;
  const kind = t(`import.kind.${group.kind}`);
  const count =
    group.count === 1
      ? t('import.groups.countOne', { kind })
      : t('import.groups.count', { count: group.count, kind });
  const cause = group.cause;
  return (
    <li class={`failure-group failure-group-${group.state === 'needs_check' ? 'check' : 'failed'}`}>
      <h4>
        <span class="badge badge-error">{count}</span>{' '}
        {cause ? cause.cause[locale] : t('import.groups.ownText')}
      </h4>
      {cause && (
        <dl class="failure-fix">
          <dt>{t('import.groups.fix')}</dt>
          <dd>{cause.fix[locale]}</dd>
          <dt>{t('import.groups.who')}</dt>
          <dd>{cause.who.map((role) => t(`role.${role}`)).join(', ')}</dd>
        </dl>
      )}
      {cause?.at && (
        <p>
          <a href={fixLink(view, cause.at)}>
            {t('import.groups.where', { place: t(`import.fixAt.${cause.at}`) })}
          </a>
        </p>
      )}
      <details class="failure-items" open={group.state === 'needs_check' && group.count <= 5}>
        <summary>{t('import.groups.items')}</summary>
        <ul>
          {group.items.map((item) => (
            <GroupItem page={page} view={view} group={group} item={item} />
          ))}
        </ul>
      </details>
    </li>
  );
}

/** Failed items, then items to check in Yuki: each a heading of its own with its groups as cards. */
export function FailureGroups({ page, view }: { page: PageContext; view: ImportView }) {
  const { t } = page;
  const checks = view.failureGroups.filter((group) => group.state === 'needs_check');
  const failed = view.failureGroups.filter((group) => group.state === 'failed');
  return (
    <>
      {checks.length > 0 && (
        <>
          <h3 id="import-checks">{t('import.checks')}</h3>
          <ul class="failure-groups">
            {checks.map((group) => (
              <GroupCard page={page} view={view} group={group} />
            ))}
          </ul>
        </>
      )}
      {failed.length > 0 && (
        <>
          <h3 id="import-failures">{t('import.failures')}</h3>
          <p class="hint">{t('import.failuresHint')}</p>
          <ul class="failure-groups">
            {failed.map((group) => (
              <GroupCard page={page} view={view} group={group} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}
