/**
 * The review decision state machine (IRO-PRACTICE.md §3): open → implemented | not_implemented (with the LA's
 * stated reason) → reopened → implemented | not_implemented again. One function per command:
 * state + command + date → the new state, or a refusal naming the field; the input is never changed.
 */
import type { IsoDate } from '../ssda903/records.ts';
import { accept, refuse, type Outcome } from './outcome.ts';
import type { Decision, DecisionEvent, DecisionStatus, NewDecision, NotImplementedReason } from './records.ts';

/** The statuses of a decision still awaiting implementation: open, or reopened after an outcome. */
export const AWAITING_STATUSES: readonly DecisionStatus[] = ['open', 'reopened'];

export function isAwaiting(decision: Decision): boolean {
  return AWAITING_STATUSES.includes(decision.status);
}

/** Overdue when awaiting implementation past its due date (due on `date` itself is not overdue). */
export function isDecisionOverdue(decision: Decision, date: IsoDate): boolean {
  return isAwaiting(decision) && decision.due < date;
}

export function makeDecision(input: NewDecision): Decision {
  return {
    ...input,
    status: 'open',
    reason: null,
    closed: null,
    overdueSince: null,
    version: 1,
    history: [{ date: input.made, action: 'made', status: 'open' }],
  };
}

function lastEventDate(decision: Decision): IsoDate {
  return decision.history[decision.history.length - 1]?.date ?? decision.made;
}

function guard(decision: Decision, date: IsoDate, awaiting: boolean, action: string): Outcome<never> | null {
  if (isAwaiting(decision) !== awaiting) {
    return awaiting
      ? refuse('decision_not_awaiting', 'status', `the decision is ${decision.status}: only an open or reopened decision can be ${action}`)
      : refuse('decision_not_closed', 'status', `the decision is ${decision.status}: only an implemented or not implemented decision can be reopened`);
  }
  const previous = lastEventDate(decision);
  if (date < previous) return refuse('date_before_previous', 'date', `the date ${date} is before the decision's last change on ${previous}`);
  return null;
}

function next(decision: Decision, changes: Partial<Decision>, event: DecisionEvent): Decision {
  return { ...decision, ...changes, version: decision.version + 1, history: [...decision.history, event] };
}

export function implementDecision(decision: Decision, date: IsoDate): Outcome<Decision> {
  const refused = guard(decision, date, true, 'marked implemented');
  if (refused) return refused;
  return accept(next(decision, { status: 'implemented', closed: date, overdueSince: null, reason: null },
    { date, action: 'implemented', status: 'implemented' }));
}

export function markNotImplemented(decision: Decision, date: IsoDate, reason: NotImplementedReason): Outcome<Decision> {
  const refused = guard(decision, date, true, 'marked not implemented');
  if (refused) return refused;
  return accept(next(decision, { status: 'not_implemented', closed: date, overdueSince: null, reason },
    { date, action: 'not_implemented', status: 'not_implemented', reason }));
}

/** Reopens an implemented or not implemented decision, optionally with a new due date (not before `date`). */
export function reopenDecision(decision: Decision, date: IsoDate, due: IsoDate = decision.due): Outcome<Decision> {
  const refused = guard(decision, date, false, 'reopened');
  if (refused) return refused;
  if (due < decision.made) return refuse('due_before_review', 'due', `the new due date ${due} is before the review on ${decision.made}`);
  return accept(next(decision, { status: 'reopened', closed: null, reason: null, due },
    { date, action: 'reopened', status: 'reopened' }));
}
