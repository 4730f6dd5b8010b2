/**
 * @module field-problem
 * A form field's validation problem in the page's language. The zod schemas of src/tenancy speak
 * English (the REST API answers with them); a Dutch page must not, so pages say it with these texts.
 */
import type { z } from 'zod';
import type { MessageKey, Translate } from '../i18n.ts';

/** Fields whose format needs its own explanation ("a GUID", "a cron expression"). */
const FORMAT_BY_FIELD: Record<string, MessageKey> = {
  yukiAccessKey: 'field.guid',
  importSchedule: 'field.cron',
  importFromPeriod: 'field.period',
  notificationRecipients: 'field.emails',
};

export function fieldProblem(t: Translate, issue: z.core.$ZodIssue): string {
  const field = String(issue.path[0] ?? '');
  const format = FORMAT_BY_FIELD[field];
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'number') return t('field.min', { min: String(issue.minimum) });
      return t('field.required');
    case 'too_big':
      if (issue.origin === 'number') return t('field.max', { max: String(issue.maximum) });
      if (issue.origin === 'string') return t('field.tooLong', { max: String(issue.maximum) });
      return format ? t(format) : t('field.tooMany', { max: String(issue.maximum) });
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'int' ? t('field.number') : t('field.invalid');
    case 'invalid_value':
      return t('field.choice');
    case 'custom':
      if (/control characters/.test(issue.message)) return t('field.control');
      return format ? t(format) : t('field.invalid');
    default:
      return format ? t(format) : t('field.invalid');
  }
}
