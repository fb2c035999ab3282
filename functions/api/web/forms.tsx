import type { Context } from 'hono';
import type { Child, FC } from 'hono/jsx';
import { StaleRevision } from '../../../shared/data/scoped-table.ts';
import { ApiError } from '../problems.ts';
import { CSRF_FIELD, type PageContext } from './kit.tsx';

/**
 * The pages' GOV.UK form kit: fields that show their label, hint and inline error and keep what the user typed;
 * reading a posted form; a refused write (the same ApiError the JSON routes answer) as the form's errors; the
 * success banner after a post/redirect/get; and dates and times as people in England read them.
 */

/** A form's errors by the id of the input they belong to, in the order the error summary lists them. */
export type FieldErrors = Record<string, string>;

/** The error summary's list (kit.tsx `ErrorSummary`): each links to its input. */
export const errorList = (errors: FieldErrors) => Object.entries(errors).map(([field, message]) => ({ field, message }));

interface FieldProps {
  name: string;
  /** The input's id, which the error summary's link (`#id`) lands on; the name unless two forms share one. */
  id?: string;
  label: string;
  hint?: string | undefined;
  value?: string | undefined;
  errors?: FieldErrors;
  /** A bold label (or legend), for a question that stands alone rather than one field of several. */
  bold?: boolean;
}

/** The props every field works from: its id settled and its own error picked out. */
const resolve = (p: FieldProps) => {
  const id = p.id ?? p.name;
  return { id, error: p.errors?.[id] };
};

const describedBy = (id: string, hint: string | undefined, error: string | undefined) =>
  [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;

const Group: FC<{ id: string; error: string | undefined; children?: Child }> = ({ id, error, children }) => (
  <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`} id={`${id}-group`}>{children}</div>
);

const HintAndError: FC<{ id: string; hint: string | undefined; error: string | undefined }> = ({ id, hint, error }) => <>
  {hint && <div class="govuk-hint" id={`${id}-hint`}>{hint}</div>}
  {error && <p class="govuk-error-message" id={`${id}-error`}><span class="govuk-visually-hidden">Error:</span> {error}</p>}
</>;

const Label: FC<{ id: string; text: string; bold: boolean | undefined }> = ({ id, text, bold }) =>
  <label class={`govuk-label${bold ? ' govuk-label--s' : ''}`} for={id}>{text}</label>;

export const TextField: FC<FieldProps & { width?: string; type?: string; inputmode?: 'numeric' | 'decimal'; spellcheck?: boolean }> = (p) => {
  const { id, error } = resolve(p);
  return (
    <Group id={id} error={error}>
      <Label id={id} text={p.label} bold={p.bold} />
      <HintAndError id={id} hint={p.hint} error={error} />
      <input class={`govuk-input${p.width ? ` govuk-input--width-${p.width}` : ''}${error ? ' govuk-input--error' : ''}`} id={id} name={p.name}
        type={p.type ?? 'text'} value={p.value ?? ''} aria-describedby={describedBy(id, p.hint, error)} inputmode={p.inputmode} spellcheck={p.spellcheck} />
    </Group>
  );
};

/** A date as `type="date"` (the browser's own picker; without it, YYYY-MM-DD typed). */
export const DateField: FC<FieldProps> = (p) => <TextField {...p} type="date" width="10" />;

export const SelectField: FC<FieldProps & { options: readonly (readonly [string, string])[] }> = (p) => {
  const { id, error } = resolve(p);
  return (
    <Group id={id} error={error}>
      <Label id={id} text={p.label} bold={p.bold} />
      <HintAndError id={id} hint={p.hint} error={error} />
      <select class={`govuk-select${error ? ' govuk-select--error' : ''}`} id={id} name={p.name} aria-describedby={describedBy(id, p.hint, error)}>
        {p.options.map(([value, text]) => <option value={value} selected={value === p.value}>{text}</option>)}
      </select>
    </Group>
  );
};

/** A textarea with GOV.UK's character count (its script counts; without it the message states the limit). */
export const TextareaField: FC<FieldProps & { maxLength: number; rows?: number }> = (p) => {
  const { id, error } = resolve(p);
  return (
    <div class={`govuk-form-group govuk-character-count${error ? ' govuk-form-group--error' : ''}`} id={`${id}-group`}
      data-module="govuk-character-count" data-maxlength={String(p.maxLength)}>
      <Label id={id} text={p.label} bold={p.bold} />
      <HintAndError id={id} hint={p.hint} error={error} />
      <textarea class={`govuk-textarea govuk-js-character-count${error ? ' govuk-textarea--error' : ''}`} id={id} name={p.name}
        rows={p.rows ?? 4} aria-describedby={[`${id}-info`, describedBy(id, p.hint, error)].filter(Boolean).join(' ')}>{p.value ?? ''}</textarea>
      <div id={`${id}-info`} class="govuk-hint govuk-character-count__message">{`You can enter up to ${p.maxLength} characters`}</div>
    </div>
  );
};

/** Radios: the first input carries the field's id, so the error summary's link lands on it; the others `<id>-<value>`. */
export const RadiosField: FC<FieldProps & { options: readonly (readonly [string, string])[]; inline?: boolean; small?: boolean }> = (p) => {
  const { id, error } = resolve(p);
  return (
    <Group id={id} error={error}>
      <fieldset class="govuk-fieldset" aria-describedby={describedBy(id, p.hint, error)}>
        <legend class={`govuk-fieldset__legend${p.bold ? ' govuk-fieldset__legend--s' : ''}`}>{p.label}</legend>
        <HintAndError id={id} hint={p.hint} error={error} />
        <div class={`govuk-radios${p.inline ? ' govuk-radios--inline' : ''}${p.small ? ' govuk-radios--small' : ''}`} data-module="govuk-radios">
          {p.options.map(([value, text], i) => {
            const inputId = i === 0 ? id : `${id}-${value}`;
            return (
              <div class="govuk-radios__item">
                <input class="govuk-radios__input" id={inputId} name={p.name} type="radio" value={value} checked={value === p.value} />
                <label class="govuk-label govuk-radios__label" for={inputId}>{text}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </Group>
  );
};

/** One row of a GOV.UK summary list. */
export const SummaryRow: FC<{ k: string; children?: Child }> = ({ k, children }) => (
  <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{k}</dt><dd class="govuk-summary-list__value">{children}</dd></div>
);

/** A green banner after a saved change (post/redirect/get); nothing when there is no message. */
export const SuccessBanner: FC<{ message: string | undefined; children?: Child }> = ({ message, children }) => !message ? null : (
  <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="success-title" data-module="govuk-notification-banner">
    <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="success-title">Success</h2></div>
    <div class="govuk-notification-banner__content">
      <p class="govuk-notification-banner__heading">{message}</p>
      {children}
    </div>
  </div>
);

/** What a form posted, as trimmed strings (the CSRF token left out). */
export type FormValues = Record<string, string>;

export async function formValues(c: Pick<PageContext, 'req'>): Promise<FormValues> {
  const body = await c.req.parseBody();
  const out: FormValues = {};
  for (const [name, value] of Object.entries(body)) if (name !== CSRF_FIELD && typeof value === 'string') out[name] = value.trim();
  return out;
}

/** A path parameter of the page's route (always present when the route matched). */
export function pathParam(c: Context, name: string): string {
  const value = c.req.param(name);
  if (value === undefined) throw new ApiError('not_found', 'no such page');
  return value;
}

/** Zod issues as field errors: the path joined with `-` (owner.role → `<prefix>owner-role`), the first per field. */
export function issuesToErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[], prefix = ''): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) errors[`${prefix}${issue.path.map(String).join('-') || 'form'}`] ??= issue.message;
  return errors;
}

/** The codes a form shows beside its fields: the user can fix what they sent. A stale revision (`conflict`) is not one. */
const FIXABLE = new Set(['invalid_request', 'illegal_transition', 'unknown_child', 'record_exists']);

/** A form's inputs by the domain field they carry: the input's id and how the page names it. */
export type FormFields = Record<string, { id: string; label: string }>;

/**
 * A refused write as the form's errors, each on the input of the field the domain names (a field the form has
 * no input for points at the form, `formId`). A schema error is prefixed with the field's name; the state
 * machines' refusals already read as sentences. Anything else is rethrown, to become an error page.
 */
export function formErrors(error: unknown, formId: string, fields: FormFields): { status: 400 | 409 | 422; errors: FieldErrors } {
  // A write that lost a race after its revision was checked: the same 409 page as a stale form.
  if (error instanceof StaleRevision) throw new ApiError('conflict', `${error.message}: reload the page and apply your change again`);
  if (!(error instanceof ApiError) || !FIXABLE.has(error.code)) throw error;
  const listed = error.extensions['errors'] as { field: string | null; message: string }[] | undefined;
  const errors: FieldErrors = {};
  for (const e of listed ?? [{ field: null, message: error.message }]) {
    const input = fields[e.field ?? ''] ?? fields[e.field?.split('.')[0] ?? ''];
    if (!input) {
      errors[formId] ??= sentence(e.message);
      continue;
    }
    // A list's entry (`children.1`) is named by its place in the list, as the user typed it.
    const entry = /\.(\d+)$/.exec(e.field ?? '');
    const name = entry && !fields[e.field ?? ''] ? `${input.label}, entry ${Number(entry[1]) + 1}` : input.label;
    errors[input.id] ??= error.code === 'invalid_request' || entry ? `${name}: ${e.message}` : sentence(e.message);
  }
  return { status: error.status as 400 | 409 | 422, errors };
}

export const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** 2025-04-01 (or a timestamp on that day) → 1 April 2025: dates as people read them; forms keep the ISO date. */
export function longDate(iso: string): string {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** A moment as people in England read it; `medium` adds the seconds (to tell two recomputes a minute apart). */
export function dateTime(iso: string, timeStyle: 'short' | 'medium' = 'short'): string {
  return new Date(iso).toLocaleString('en-GB', { timeZone: 'Europe/London', dateStyle: 'medium', timeStyle });
}
