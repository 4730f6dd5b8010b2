/**
 * @module roles
 * Who someone is to loket-yuki: their roles per portal and per domain, and whether they are the
 * service's operator. Built once per request from the session; decisions are made in policy.ts.
 */

export const PORTAL_ROLES = ['portal_admin', 'portal_backoffice', 'portal_guest'] as const;
export const DOMAIN_ROLES = ['backoffice', 'management', 'hrm', 'guest'] as const;

export type PortalRole = (typeof PORTAL_ROLES)[number];
export type DomainRole = (typeof DOMAIN_ROLES)[number];
export type Locale = 'nl' | 'en';

export type Actor = {
  userId: string;
  email: string;
  name: string;
  locale: Locale;
  isOperator: boolean;
  /** portal id → role */
  portalRoles: ReadonlyMap<string, PortalRole>;
  /** domain id → role, with the portal the domain belongs to */
  domainRoles: ReadonlyMap<string, { role: DomainRole; portalId: string }>;
};
