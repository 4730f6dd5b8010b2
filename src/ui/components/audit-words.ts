/**
 * @module audit-words
 * Audit and refusal codes in words for the page's language; an unknown code is shown as itself
 * ("Handeling x.y") rather than hidden, so a new action is never silently lost from the log.
 */
import { MESSAGES, type MessageKey, type Translate } from '../i18n.ts';

function known(key: string): key is MessageKey {
  return Object.hasOwn(MESSAGES, key);
}

/** "Loket instellingen gewijzigd" for `portal.loket_settings.update`. */
export function auditActionWords(t: Translate, action: string): string {
  const key = `audit.action.${action}`;
  return known(key) ? t(key) : t('audit.unknownAction', { code: action });
}

/** A changed field's name in words ("Relatiecode"), or the field's code when it has none. */
export function auditFieldWords(t: Translate, field: string): string {
  const key = `audit.field.${field}`;
  return known(key) ? t(key) : field;
}

/** A refusal's last reason ("verkeerd wachtwoord"), or the code itself when it has no words. */
export function refusalReasonWords(t: Translate, reason: string): string {
  const key = `audit.reason.${reason}`;
  return known(key) ? t(key) : reason;
}

export type AuditWho = { actorLabel: string; actorName?: string | null | undefined };

/** A person by name when the read has it, else the label (e-mail); "system", "scheduler", "cli" in words. */
export function auditWho(t: Translate, who: AuditWho): string {
  if (who.actorName) return who.actorName;
  if (who.actorLabel === 'system') return t('audit.system');
  if (who.actorLabel === 'scheduler') return t('audit.scheduler');
  if (who.actorLabel === 'cli') return t('audit.cli');
  return who.actorLabel;
}

/** "Loket instellingen gewijzigd door Anna Jansen". */
export function auditSentence(t: Translate, event: AuditWho & { action: string }): string {
  return t('audit.sentence', { what: auditActionWords(t, event.action), who: auditWho(t, event) });
}
