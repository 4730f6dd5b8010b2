/**
 * @module form
 * Form pieces every page uses: the hidden CSRF field, a labelled input with its hint and error tied
 * to it for screen readers, and the notice shown after a POST/redirect/GET.
 */
import type { PageContext } from '../page-context.ts';

/** Without a session (log-in, password reset) the CSRF check looks at the origin only, so no field. */
export function Csrf({ page }: { page: PageContext }) {
  if (!page.csrfToken) return null;
  return <input type="hidden" name="_csrf" value={page.csrfToken} />;
}

type FieldProps = {
  id: string;
  label: string;
  name?: string;
  type?: 'text' | 'password' | 'email' | 'number';
  value?: string | number | null | undefined;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  autocomplete?: string;
  inputmode?: 'numeric' | 'text';
  placeholder?: string;
};

export function Field(props: FieldProps) {
  const described = [props.hint && `${props.id}-hint`, props.error && `${props.id}-error`]
    .filter(Boolean)
    .join(' ');
  return (
    <div class={props.error ? 'field has-error' : 'field'}>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.name ?? props.id}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        required={props.required}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        placeholder={props.placeholder}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={described || undefined}
      />
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
    </div>
  );
}

/** A status message; `role="status"` makes screen readers announce it without moving focus. */
export function Notice({ kind, text }: { kind: 'ok' | 'error' | 'info'; text: string | undefined }) {
  if (!text) return null;
  return (
    <div class={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {text}
    </div>
  );
}

/** A one-button form that POSTs `fields` to `action`: the action in a table row. */
export function PostButton(props: {
  page: PageContext;
  action: string;
  fields?: Record<string, string>;
  label: string;
  ariaLabel?: string;
  secondary?: boolean;
}) {
  return (
    <form method="post" action={props.action} class="inline">
      <Csrf page={props.page} />
      {Object.entries(props.fields ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={props.secondary ? 'secondary' : undefined} aria-label={props.ariaLabel}>
        {props.label}
      </button>
    </form>
  );
}
