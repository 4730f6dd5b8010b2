/**
 * @module missing-list
 * What a link still misses, in words, with the roles that can fix each item and, for those who can,
 * a link to the page where it is fixed.
 */
import { decide, type Scope } from '../../core/policy.ts';
import type { LinkMissing } from '../../app/administrations/get-link-status.ts';
import type { PageContext } from '../page-context.ts';
import { roleNames } from './roles.ts';

export type Where = {
  portalId: string;
  domainId: string;
  administrationId: string;
  features: ReadonlySet<string>;
};

type Fix = { roles: string[]; href: string; can: (page: PageContext) => boolean };

function fixFor(missing: LinkMissing, where: Where): Fix {
  const portal: Scope = { kind: 'portal', portalId: where.portalId };
  const domain: Scope = {
    kind: 'domain',
    portalId: where.portalId,
    domainId: where.domainId,
    features: where.features,
  };
  const may = (action: Parameters<typeof decide>[1], scope: Scope) => (page: PageContext) =>
    decide(page.actor, action, scope).allowed;
  switch (missing) {
    case 'loket_client':
    case 'yuki_access_key':
      return {
        roles: ['portal_admin'],
        href: `/portals/${where.portalId}/settings/loket`,
        can: may('portal.manage', portal),
      };
    case 'feature':
      return {
        roles: ['portal_admin'],
        href: `/domains/${where.domainId}`,
        can: may('domain.contract.manage', domain),
      };
    case 'loket_connection':
      return {
        roles: ['backoffice', 'portal_admin'],
        href: `/domains/${where.domainId}/loket`,
        can: may('link.use', domain),
      };
    case 'contract_line':
      return {
        roles: ['backoffice', 'portal_admin', 'operator'],
        href: `/domains/${where.domainId}`,
        can: may('link.use', domain),
      };
    case 'relation_code':
      return {
        roles: ['backoffice', 'portal_admin'],
        href: `/administrations/${where.administrationId}`,
        can: may('link.use', domain),
      };
  }
}

/** Items every administration of a portal, or of a domain, misses alike; the overview shows them once. */
export const PORTAL_LEVEL: readonly LinkMissing[] = ['loket_client', 'yuki_access_key'];
export const DOMAIN_LEVEL: readonly LinkMissing[] = ['feature', 'loket_connection'];

export function LinkBadge({ page, complete }: { page: PageContext; complete: boolean }) {
  return complete ? (
    <p class="badge badge-ok">{page.t('status.complete')}</p>
  ) : (
    <p class="badge badge-warn">{page.t('status.incomplete')}</p>
  );
}

/** The badge, then every missing item: for one administration's own page. */
export function MissingList({
  page,
  missing,
  where,
}: {
  page: PageContext;
  missing: readonly LinkMissing[];
  where: Where;
}) {
  return (
    <div class="missing">
      <LinkBadge page={page} complete={missing.length === 0} />
      {missing.length > 0 && <p>{page.t('status.missingIntro')}</p>}
      <MissingItems page={page} missing={missing} where={where} />
    </div>
  );
}

export function MissingItems({
  page,
  missing,
  where,
}: {
  page: PageContext;
  missing: readonly LinkMissing[];
  where: Where;
}) {
  const { t } = page;
  if (missing.length === 0) return null;
  return (
    <ul class="missing-items">
      {missing.map((item) => {
        const fix = fixFor(item, where);
        return (
          <li>
            {t(`missing.${item}`)}{' '}
            <span class="who-fixes">{t('status.fixBy', { roles: roleNames(t, fix.roles) })}</span>{' '}
            {fix.can(page) && <a href={fix.href}>{t('status.fixHere')}</a>}
          </li>
        );
      })}
    </ul>
  );
}
