import { randomBytes } from 'node:crypto';
import type { Child, FC } from 'hono/jsx';
import { holds, type Capability } from '../../../../shared/platform/auth/capabilities.ts';
import { StaleRevision } from '../../../../shared/data/scoped-table.ts';
import type { Principal } from '../../../../shared/platform/auth/principal.ts';
import { ApiError } from '../../problems.ts';
import { CSRF_FIELD, type PageContext } from '../kit.tsx';

/**
 * What the IRO manager's practice pages share: GOV.UK form fields that keep what was typed and show their error,
 * turning a refused write (the same ApiError the JSON routes answer) into the form's errors, the success banner
 * after a post/redirect/get, dates as people read them, and the sub-navigation of the roster pages.
 */

export interface FieldError {
  /** The id of the field (or form) the error summary links to. */
  field: string;
  message: string;
}

/** What a form posted, as strings (the CSRF token left out). */
export type FormValues = Record<string, string>;

export async function formValues(c: Pick<PageContext, 'req'>): Promise<FormValues> {
  const body = await c.req.parseBody();
  const out: FormValues = {};
  for (const [name, value] of Object.entries(body)) if (name !== CSRF_FIELD && typeof value === 'string') out[name] = value;
  return out;
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
export function formErrors(error: unknown, formId: string, fields: FormFields): { status: 400 | 409 | 422; errors: FieldError[] } {
  // A write that lost a race after its revision was checked: the same 409 page as a stale form.
  if (error instanceof StaleRevision) throw new ApiError('conflict', `${error.message}: reload the page and apply your change again`);
  if (!(error instanceof ApiError) || !FIXABLE.has(error.code)) throw error;
  const listed = error.extensions['errors'] as { field: string | null; message: string }[] | undefined;
  const errors = (listed ?? [{ field: null, message: error.message }]).map((e) => {
    const input = fields[e.field ?? ''] ?? fields[e.field?.split('.')[0] ?? ''];
    if (!input) return { field: formId, message: sentence(e.message) };
    // A list's entry (`children.1`) is named by its place in the list, as the user typed it.
    const entry = /\.(\d+)$/.exec(e.field ?? '');
    const name = entry && !fields[e.field ?? ''] ? `${input.label}, entry ${Number(entry[1]) + 1}` : input.label;
    return { field: input.id, message: error.code === 'invalid_request' || entry ? `${name}: ${e.message}` : sentence(e.message) };
  });
  return { status: error.status as 400 | 409 | 422, errors };
}

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A new record id: random, so two managers adding at once never collide; the JSON API lets callers choose theirs. */
export function newId(prefix: string): string {
  return `${prefix}-${randomBytes(8).toString('hex')}`;
}

/** 2025-03-03 → 3 March 2025 (GOV.UK style). */
export function longDate(iso: string): string {
  return new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export function dateTime(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { timeZone: 'Europe/London', dateStyle: 'medium', timeStyle: 'short' });
}

/** `care_plan_not_implemented` → "Care plan not implemented". */
export function label(code: string): string {
  return sentence(code.replaceAll('_', ' '));
}

export const ChildLink: FC<{ child: string }> = ({ child }) => <a class="govuk-link" href={`/app/children/${encodeURIComponent(child)}`}>{child}</a>;

export const SuccessBanner: FC<{ message: string | undefined }> = ({ message }) => !message ? null : (
  <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="success-title" data-module="govuk-notification-banner">
    <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="success-title">Success</h2></div>
    <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">{message}</p></div>
  </div>
);

interface FieldProps {
  id: string;
  name: string;
  label: string;
  hint?: string;
  value?: string | undefined;
  errors: FieldError[];
}

const errorOf = (errors: FieldError[], id: string) => errors.find((e) => e.field === id)?.message;

const describedBy = (id: string, hint: string | undefined, error: string | undefined) =>
  [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;

const Group: FC<{ id: string; error: string | undefined; extra?: string; children?: Child }> = ({ id, error, extra, children }) => (
  <div class={`govuk-form-group${extra ? ` ${extra}` : ''}${error ? ' govuk-form-group--error' : ''}`} id={`${id}-group`}>{children}</div>
);

const Hint: FC<{ id: string; hint: string | undefined }> = ({ id, hint }) => hint ? <div id={`${id}-hint`} class="govuk-hint">{hint}</div> : null;

const ErrorMessage: FC<{ id: string; error: string | undefined }> = ({ id, error }) => error
  ? <p id={`${id}-error`} class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {error}</p>
  : null;

export const TextField: FC<FieldProps & { width?: string; type?: string; inputmode?: 'numeric' | 'decimal'; spellcheck?: boolean }> = ({ id, name, label: text, hint, value, errors, width, type, inputmode, spellcheck }) => {
  const error = errorOf(errors, id);
  return (
    <Group id={id} error={error}>
      <label class="govuk-label" for={id}>{text}</label>
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} error={error} />
      <input class={`govuk-input${width ? ` ${width}` : ''}${error ? ' govuk-input--error' : ''}`} id={id} name={name} type={type ?? 'text'}
        value={value ?? ''} aria-describedby={describedBy(id, hint, error)} inputmode={inputmode} spellcheck={spellcheck} />
    </Group>
  );
};

export const DateField: FC<FieldProps> = (props) => <TextField {...props} type="date" width="govuk-input--width-10" />;

export const TextArea: FC<FieldProps & { maxLength: number }> = ({ id, name, label: text, hint, value, errors, maxLength }) => {
  const error = errorOf(errors, id);
  return (
    <Group id={id} error={error} extra="govuk-character-count">
      <div data-module="govuk-character-count" data-maxlength={String(maxLength)}>
        <label class="govuk-label" for={id}>{text}</label>
        <Hint id={id} hint={hint} />
        <ErrorMessage id={id} error={error} />
        <textarea class={`govuk-textarea govuk-js-character-count${error ? ' govuk-textarea--error' : ''}`} id={id} name={name} rows={4}
          aria-describedby={[describedBy(id, hint, error), `${id}-info`].filter(Boolean).join(' ')}>{value ?? ''}</textarea>
        <div id={`${id}-info`} class="govuk-hint govuk-character-count__message">{`You can enter up to ${maxLength} characters`}</div>
      </div>
    </Group>
  );
};

export const Select: FC<FieldProps & { options: [string, string][] }> = ({ id, name, label: text, hint, value, errors, options }) => {
  const error = errorOf(errors, id);
  return (
    <Group id={id} error={error}>
      <label class="govuk-label" for={id}>{text}</label>
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} error={error} />
      <select class={`govuk-select${error ? ' govuk-select--error' : ''}`} id={id} name={name} aria-describedby={describedBy(id, hint, error)}>
        {options.map(([v, l]) => <option value={v} selected={v === value}>{l}</option>)}
      </select>
    </Group>
  );
};

/** Radios: the first input carries `id`, so the error summary's link lands on it. */
export const Radios: FC<FieldProps & { options: [string, string][]; small?: boolean }> = ({ id, name, label: legend, hint, value, errors, options, small }) => {
  const error = errorOf(errors, id);
  return (
    <Group id={id} error={error}>
      <fieldset class="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <Hint id={id} hint={hint} />
        <ErrorMessage id={id} error={error} />
        <div class={`govuk-radios${small ? ' govuk-radios--small' : ''}`} data-module="govuk-radios">
          {options.map(([v, l], i) => (
            <div class="govuk-radios__item">
              <input class="govuk-radios__input" id={i === 0 ? id : `${id}-${i}`} name={name} type="radio" value={v} checked={v === value} />
              <label class="govuk-label govuk-radios__label" for={i === 0 ? id : `${id}-${i}`}>{l}</label>
            </div>
          ))}
        </div>
      </fieldset>
    </Group>
  );
};

/** What the navigation and the forms shown depend on: who is signed in and where. */
type Viewer = { var: { principal: Principal }; req: { path: string } };

/** The roster, allocations, sibling groups and audit pages: one entry in the service navigation, this row beneath it. */
const PRACTICE_SECTIONS: [string, string, Capability][] = [
  ['Roster', '/app/roster', 'roster.read'],
  ['Allocations', '/app/allocations', 'practice.read'],
  ['Sibling groups', '/app/siblings', 'practice.read'],
  ['Audit trail', '/app/audit', 'audit.read'],
];

export const SubNavigation: FC<{ c: Viewer }> = ({ c }) => (
  <nav class="app-subnav app-no-print" aria-label="Roster and practice">
    <ul class="app-subnav__list">
      {PRACTICE_SECTIONS.filter(([, , capability]) => holds(c.var.principal, capability)).map(([text, href]) => {
        const here = c.req.path === href || c.req.path.startsWith(`${href}/`);
        return <li class="app-subnav__item"><a class="govuk-link govuk-link--no-visited-state" href={href} aria-current={here ? 'page' : undefined}>{text}</a></li>;
      })}
    </ul>
  </nav>
);

/** Whether the signed-in user may do `capability` (forms they may not use are not shown; the gate refuses them anyway). */
export function may(c: Viewer, capability: Capability): boolean {
  return holds(c.var.principal, capability);
}
