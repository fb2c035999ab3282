/**
 * What every practice command returns: the new state, or a refusal that names the field and the rule it broke.
 * Refusals change nothing (commands never mutate their input); the API answers 409 for a state refusal and 400
 * for bad input.
 */
export interface Refusal {
  /** Stable rule code, e.g. `dispute_closed`, `date_before_previous`. */
  rule: string;
  /** The field of the command (or record) at fault. */
  field: string;
  message: string;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

export function accept<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function refuse<T>(rule: string, field: string, message: string): Outcome<T> {
  return { ok: false, refusal: { rule, field, message } };
}

/** A child is one of the LA's 903 CHILD ids; a record about any other child is refused. */
export function refuseUnknownChild(knownChildren: ReadonlySet<string>, child: string): Refusal | null {
  return knownChildren.has(child)
    ? null
    : { rule: 'unknown_child', field: 'child', message: `child ${child.slice(0, 40)} is not in the LA's stored 903 returns` };
}
