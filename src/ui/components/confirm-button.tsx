/**
 * @module confirm-button
 * A destructive action asked twice without JavaScript: the first button (a `<details>` summary) only
 * opens the question, the second one inside it POSTs.
 */
import type { PageContext } from '../page-context.ts';
import { Csrf } from './form.tsx';

export function ConfirmButton(props: {
  page: PageContext;
  action: string;
  fields?: Record<string, string>;
  label: string;
  /** What exactly will happen, asked as the question; screen readers hear it with the buttons. */
  question: string;
  ariaLabel?: string;
}) {
  const { t } = props.page;
  return (
    <details class="confirm">
      <summary class="button secondary" aria-label={props.ariaLabel}>
        {props.label}
      </summary>
      <form method="post" action={props.action} class="inline">
        <Csrf page={props.page} />
        {Object.entries(props.fields ?? {}).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <p>{props.question}</p>
        <button type="submit" class="danger">
          {t('confirm.yes', { action: props.label.toLowerCase() })}
        </button>
      </form>
    </details>
  );
}
