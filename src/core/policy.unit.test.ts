import { describe, expect, it } from 'vitest';
import { decide, LOKET_FEATURE, type Scope } from './policy.ts';
import type { Actor, DomainRole, PortalRole } from './roles.ts';

const P = 'portal-a';
const D = 'domain-a1';
const withFeature: Scope = { kind: 'domain', portalId: P, domainId: D, features: new Set([LOKET_FEATURE]) };
const withoutFeature: Scope = { kind: 'domain', portalId: P, domainId: D, features: new Set() };

function actor(options: { portal?: PortalRole; domain?: DomainRole; operator?: boolean } = {}): Actor {
  return {
    userId: 'u',
    email: 'u@example.nl',
    name: 'U',
    locale: 'nl',
    isOperator: options.operator ?? false,
    portalRoles: new Map(options.portal ? [[P, options.portal]] : []),
    domainRoles: new Map(options.domain ? [[D, { role: options.domain, portalId: P }]] : []),
  };
}

describe('decide: the Loket link', () => {
  it.each([
    ['portal_admin', { portal: 'portal_admin' as const }, true],
    ['domain backoffice', { domain: 'backoffice' as const }, true],
    ['portal_backoffice', { portal: 'portal_backoffice' as const }, false],
    ['portal_guest', { portal: 'portal_guest' as const }, false],
    ['management (Directie)', { domain: 'management' as const }, false],
    ['hrm', { domain: 'hrm' as const }, false],
    ['domain guest', { domain: 'guest' as const }, false],
    ['operator', { operator: true }, false],
  ])('%s may use it: %s', (_name, roles, expected) => {
    expect(decide(actor(roles), 'link.use', withFeature).allowed).toBe(expected);
  });

  it('refuses even a portal_admin while the contract lacks the feature, and says so', () => {
    expect(decide(actor({ portal: 'portal_admin' }), 'link.use', withoutFeature)).toEqual({
      allowed: false,
      reason: 'feature_missing',
      allowedRoles: ['portal_admin'],
    });
  });

  it('names the roles that could use it when the role is wrong', () => {
    expect(decide(actor({ domain: 'hrm' }), 'link.use', withFeature)).toEqual({
      allowed: false,
      reason: 'role',
      allowedRoles: ['portal_admin', 'backoffice'],
    });
  });
});

describe('decide: tenancy', () => {
  it('gives nothing to someone without a session', () => {
    expect(decide(undefined, 'domain.view', withFeature)).toMatchObject({ reason: 'not_signed_in' });
  });

  it('gives a portal_admin of another portal no access at all', () => {
    const other: Scope = {
      kind: 'domain',
      portalId: 'portal-b',
      domainId: 'domain-b1',
      features: new Set([LOKET_FEATURE]),
    };
    expect(decide(actor({ portal: 'portal_admin' }), 'link.use', other)).toMatchObject({
      reason: 'no_access',
    });
    expect(
      decide(actor({ portal: 'portal_admin' }), 'portal.manage', { kind: 'portal', portalId: 'portal-b' })
        .allowed,
    ).toBe(false);
  });

  it('does not let a domain role count under a guessed portal id', () => {
    const guessed: Scope = {
      kind: 'domain',
      portalId: 'portal-b',
      domainId: D,
      features: new Set([LOKET_FEATURE]),
    };
    expect(decide(actor({ domain: 'backoffice' }), 'link.use', guessed)).toMatchObject({
      reason: 'no_access',
    });
  });

  it('lets domain members see their portal, but only the portal_admin manage it', () => {
    const portal: Scope = { kind: 'portal', portalId: P };
    expect(decide(actor({ domain: 'guest' }), 'portal.view', portal).allowed).toBe(true);
    expect(decide(actor({ domain: 'backoffice' }), 'portal.manage', portal)).toMatchObject({
      reason: 'role',
    });
    expect(decide(actor({ portal: 'portal_admin' }), 'portal.manage', portal).allowed).toBe(true);
  });

  it('keeps contract features to the portal_admin and the console to the operator', () => {
    expect(decide(actor({ domain: 'backoffice' }), 'domain.contract.manage', withFeature).allowed).toBe(
      false,
    );
    expect(decide(actor({ portal: 'portal_admin' }), 'domain.contract.manage', withFeature).allowed).toBe(
      true,
    );
    expect(decide(actor({ portal: 'portal_admin' }), 'operator', { kind: 'service' }).allowed).toBe(false);
    expect(decide(actor({ operator: true }), 'operator', { kind: 'service' }).allowed).toBe(true);
  });

  it('lets the operator and the portal_admin manage members, nobody else', () => {
    const portal: Scope = { kind: 'portal', portalId: P };
    expect(decide(actor({ operator: true }), 'portal.members.manage', portal).allowed).toBe(true);
    expect(decide(actor({ portal: 'portal_admin' }), 'portal.members.manage', portal).allowed).toBe(true);
    expect(decide(actor({ portal: 'portal_backoffice' }), 'portal.members.manage', portal).allowed).toBe(
      false,
    );
    expect(decide(actor({ domain: 'backoffice' }), 'portal.members.manage', portal).allowed).toBe(false);
  });

  it('lets the operator read any portal audit log', () => {
    expect(
      decide(actor({ operator: true }), 'portal.audit.read', { kind: 'portal', portalId: P }).allowed,
    ).toBe(true);
  });

  it('shows the import health of a portal to its portal_admin only', () => {
    const portal: Scope = { kind: 'portal', portalId: P };
    expect(decide(actor({ portal: 'portal_admin' }), 'portal.health.read', portal).allowed).toBe(true);
    for (const roles of [
      { portal: 'portal_backoffice' as const },
      { portal: 'portal_guest' as const },
      { domain: 'backoffice' as const },
      { domain: 'guest' as const },
    ]) {
      expect(decide(actor(roles), 'portal.health.read', portal)).toEqual({
        allowed: false,
        reason: 'role',
        allowedRoles: ['portal_admin'],
      });
    }
    expect(decide(actor({ operator: true }), 'portal.health.read', portal)).toMatchObject({
      reason: 'no_access',
    });
    expect(
      decide(actor({ portal: 'portal_admin' }), 'portal.health.read', {
        kind: 'portal',
        portalId: 'portal-b',
      }).allowed,
    ).toBe(false);
  });
});
