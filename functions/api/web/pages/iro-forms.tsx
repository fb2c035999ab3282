import type { Context } from 'hono';
import type { Child, FC } from 'hono/jsx';
import { ApiError } from '../../problems.ts';

/**
 * The GOV.UK form fields the IRO's pages share: each shows its label, hint and inline error, and keeps what the
 * user typed. A field's `id` is its name, so the error summary's links (`#name`) land on it.
 */

export type FieldErrors = Record<string, string>;

/** The summary's list, in the order the fields were checked. */
export const errorList = (errors: FieldErrors) => Object.entries(errors).map(([field, message]) => ({ field, message }));

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  /** A visually smaller label inside a fieldset of several fields. */
  small?: boolean;
}

const Group: FC<FieldProps & { children?: Child }> = ({ name, error, children }) => (
  <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`} id={`${name}-group`}>{children}</div>
);

const Label: FC<FieldProps> = ({ name, label, hint, error, small }) => <>
  <label class={`govuk-label${small ? '' : ' govuk-label--s'}`} for={name}>{label}</label>
  {hint && <div class="govuk-hint" id={`${name}-hint`}>{hint}</div>}
  {error && <p class="govuk-error-message" id={`${name}-error`}><span class="govuk-visually-hidden">Error:</span> {error}</p>}
</>;

const describedBy = ({ name, hint, error }: FieldProps) => [hint && `${name}-hint`, error && `${name}-error`].filter(Boolean).join(' ') || undefined;

export const TextField: FC<FieldProps & { value?: string | undefined; width?: string; type?: string }> = (p) => (
  <Group {...p}>
    <Label {...p} />
    <input class={`govuk-input${p.width ? ` govuk-input--width-${p.width}` : ''}${p.error ? ' govuk-input--error' : ''}`}
      id={p.name} name={p.name} type={p.type ?? 'text'} value={p.value ?? ''} aria-describedby={describedBy(p)} />
  </Group>
);

/** A date as `type="date"` (the browser's own picker; without it, YYYY-MM-DD typed). */
export const DateField: FC<FieldProps & { value?: string | undefined }> = (p) => (
  <Group {...p}>
    <Label {...p} />
    <input class={`govuk-input govuk-input--width-10${p.error ? ' govuk-input--error' : ''}`} id={p.name} name={p.name} type="date"
      value={p.value ?? ''} aria-describedby={describedBy(p)} />
  </Group>
);

export const SelectField: FC<FieldProps & { value?: string | undefined; options: readonly (readonly [string, string])[] }> = (p) => (
  <Group {...p}>
    <Label {...p} />
    <select class={`govuk-select${p.error ? ' govuk-select--error' : ''}`} id={p.name} name={p.name} aria-describedby={describedBy(p)}>
      {p.options.map(([value, text]) => <option value={value} selected={value === p.value}>{text}</option>)}
    </select>
  </Group>
);

/** A textarea with GOV.UK's character count (its script counts; without it the hint says the limit). */
export const TextareaField: FC<FieldProps & { value?: string | undefined; maxLength: number; rows?: number }> = (p) => (
  <div class="govuk-character-count" data-module="govuk-character-count" data-maxlength={String(p.maxLength)}>
    <Group {...p}>
      <Label {...p} />
      <textarea class={`govuk-textarea govuk-js-character-count${p.error ? ' govuk-textarea--error' : ''}`} id={p.name} name={p.name}
        rows={p.rows ?? 3} aria-describedby={[`${p.name}-info`, describedBy(p)].filter(Boolean).join(' ')}>{p.value ?? ''}</textarea>
      <div id={`${p.name}-info`} class="govuk-hint govuk-character-count__message">You can enter up to {p.maxLength} characters</div>
    </Group>
  </div>
);

export const RadiosField: FC<FieldProps & { value?: string | undefined; options: readonly (readonly [string, string])[]; inline?: boolean }> = (p) => (
  <Group {...p}>
    <fieldset class="govuk-fieldset" aria-describedby={describedBy(p)}>
      <legend class={`govuk-fieldset__legend${p.small ? '' : ' govuk-fieldset__legend--s'}`}>{p.label}</legend>
      {p.hint && <div class="govuk-hint" id={`${p.name}-hint`}>{p.hint}</div>}
      {p.error && <p class="govuk-error-message" id={`${p.name}-error`}><span class="govuk-visually-hidden">Error:</span> {p.error}</p>}
      <div class={`govuk-radios${p.inline ? ' govuk-radios--inline' : ''}`} data-module="govuk-radios">
        {p.options.map(([value, text], i) => {
          const id = i === 0 ? p.name : `${p.name}-${value}`;
          return (
            <div class="govuk-radios__item">
              <input class="govuk-radios__input" id={id} name={p.name} type="radio" value={value} checked={value === p.value} />
              <label class="govuk-label govuk-radios__label" for={id}>{text}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  </Group>
);

/** One row of a GOV.UK summary list. */
export const SummaryRow: FC<{ k: string; children?: Child }> = ({ k, children }) => (
  <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{k}</dt><dd class="govuk-summary-list__value">{children}</dd></div>
);

/** A green banner after a saved change (post/redirect/get). */
export const SuccessBanner: FC<{ text: string; children?: Child }> = ({ text, children }) => (
  <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="saved-title" data-module="govuk-notification-banner">
    <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="saved-title">Success</h2></div>
    <div class="govuk-notification-banner__content">
      <p class="govuk-notification-banner__heading">{text}</p>
      {children}
    </div>
  </div>
);

/** Zod issues as field errors: the path joined with `-` (owner.role → `<prefix>owner-role`), the first per field. */
export function issuesToErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[], prefix = ''): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = `${prefix}${issue.path.map(String).join('-') || 'form'}`;
    errors[field] ??= issue.message;
  }
  return errors;
}

/**
 * A refusal of the shared route functions (a body error, an unknown child, an IRO off the roster, a domain rule)
 * as field errors for the form, with its status; anything else is not the user's to fix and is rethrown.
 */
export function refusedFields(error: unknown, fieldIds: Record<string, string> = {}): { status: 400 | 409 | 422; errors: FieldErrors } {
  if (!(error instanceof ApiError) || !(error.status === 400 || error.status === 409 || error.status === 422) || error.code === 'conflict') throw error;
  const listed = (error.extensions.errors as { field: string | null; message: string }[] | undefined) ?? [];
  const errors: FieldErrors = {};
  for (const e of listed) {
    const field = e.field ?? 'form';
    errors[fieldIds[field] ?? field.replaceAll('.', '-')] ??= e.message;
  }
  if (listed.length === 0) errors[fieldIds.form ?? 'form'] = error.message;
  return { status: error.status, errors };
}

/** A posted form's text field ('' when absent). */
export const text = (form: Record<string, unknown>, name: string): string => (typeof form[name] === 'string' ? (form[name] as string).trim() : '');

/** 2025-04-01 → 1 April 2025 (dates as people read them; the ISO date stays in the form fields). */
export function longDate(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** A path parameter of the page's route (always present when the route matched). */
export function pathParam(c: Context, name: string): string {
  const value = c.req.param(name);
  if (value === undefined) throw new ApiError('not_found', 'no such page');
  return value;
}
