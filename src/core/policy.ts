/**
 * @module policy
 * The one place that decides what an actor may do. Every route asks here; nothing else compares roles.
 * A refusal says why, so the UI can tell a person what is missing and who can fix it.
 */
import type { Actor, DomainRole, PortalRole } from './roles.ts';

export const LOKET_FEATURE = 'loket_payroll_link';

export type Scope =
  | { kind: 'service' }
  | { kind: 'portal'; portalId: string }
  | { kind: 'domain'; portalId: string; domainId: string; features: ReadonlySet<string> };

export type Action =
  /** See the portal overview and its domains (each domain still filtered by domain.view). */
  | 'portal.view'
  /** Instellingen → Loket instellingen, Yuki access key, sync with Yuki, users. */
  | 'portal.manage'
  | 'portal.audit.read'
  /**
   * The firm-wide import health: every administration's recent imports, failures and Yuki quota. The
   * portal_admin's alone: it shows all domains, and the operator is no member of a firm's domains.
   */
  | 'portal.health.read'
  /** Invite people and give or take their roles; also the operator, who sets up a new firm's first admin. */
  | 'portal.members.manage'
  | 'domain.view'
  /** Add or remove contract features (Salariskoppeling met Loket). */
  | 'domain.contract.manage'
  /** The Loket link itself: its pages, settings, API, imports and contract-line requests. */
  | 'link.use'
  /** The operator console: contract-line decisions, portals. */
  | 'operator';

export type RefusalReason = 'not_signed_in' | 'no_access' | 'role' | 'feature_missing';
export type Decision = { allowed: true } | { allowed: false; reason: RefusalReason; allowedRoles: string[] };

const ALLOW: Decision = { allowed: true };
const refuse = (reason: RefusalReason, allowedRoles: string[] = []): Decision => ({
  allowed: false,
  reason,
  allowedRoles,
});

const LINK_ROLES = ['portal_admin', 'backoffice'];

function portalRole(actor: Actor, portalId: string): PortalRole | undefined {
  return actor.portalRoles.get(portalId);
}

function domainRole(actor: Actor, domainId: string): DomainRole | undefined {
  return actor.domainRoles.get(domainId)?.role;
}

function hasDomainIn(actor: Actor, portalId: string): boolean {
  for (const membership of actor.domainRoles.values()) if (membership.portalId === portalId) return true;
  return false;
}

export function decide(actor: Actor | undefined, action: Action, scope: Scope): Decision {
  if (!actor) return refuse('not_signed_in');
  if (action === 'operator') return actor.isOperator ? ALLOW : refuse('role', ['operator']);
  if (scope.kind === 'service') return refuse('no_access');

  const inPortal = portalRole(actor, scope.portalId);
  if (scope.kind === 'portal') {
    const member = Boolean(inPortal) || hasDomainIn(actor, scope.portalId);
    const onlyPortalAdmin =
      inPortal === 'portal_admin' ? ALLOW : refuse(member ? 'role' : 'no_access', ['portal_admin']);
    switch (action) {
      case 'portal.view':
        return member ? ALLOW : refuse('no_access');
      case 'portal.manage':
      case 'portal.health.read':
        return onlyPortalAdmin;
      case 'portal.audit.read':
      case 'portal.members.manage':
        return actor.isOperator ? ALLOW : onlyPortalAdmin;
      default:
        return refuse('no_access');
    }
  }

  const inDomain = domainRole(actor, scope.domainId);
  // A domain role only counts in the portal the domain belongs to, whatever id a caller guesses.
  const domainInPortal = actor.domainRoles.get(scope.domainId)?.portalId === scope.portalId;
  const member = Boolean(inPortal || (inDomain && domainInPortal));
  if (!member) return refuse('no_access');
  switch (action) {
    case 'domain.view':
      return ALLOW;
    case 'domain.contract.manage':
      return inPortal === 'portal_admin' ? ALLOW : refuse('role', ['portal_admin']);
    case 'link.use': {
      const roleAllows = inPortal === 'portal_admin' || inDomain === 'backoffice';
      if (!roleAllows) return refuse('role', LINK_ROLES);
      return scope.features.has(LOKET_FEATURE) ? ALLOW : refuse('feature_missing', ['portal_admin']);
    }
    default:
      return refuse('no_access');
  }
}
