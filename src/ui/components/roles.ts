/**
 * @module roles-text
 * Role codes in words, joined the way a sentence lists them.
 */
import type { MessageKey, Translate } from '../i18n.ts';

const ROLE_KEYS: Record<string, MessageKey> = {
  portal_admin: 'role.portal_admin',
  portal_backoffice: 'role.portal_backoffice',
  portal_guest: 'role.portal_guest',
  backoffice: 'role.backoffice',
  management: 'role.management',
  hrm: 'role.hrm',
  guest: 'role.guest',
  operator: 'role.operator',
};

export function roleNames(t: Translate, roles: readonly string[]): string {
  return roles.map((role) => (ROLE_KEYS[role] ? t(ROLE_KEYS[role]) : role)).join(', ');
}
