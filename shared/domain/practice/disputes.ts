/**
 * The dispute resolution state machine (IRO Handbook ch. 6; IRO-PRACTICE.md §2). A dispute opens with an
 * informal alert (stage 0, its own deadline), then escalates through the LA's formal chain (stages 1…n, each
 * with a response deadline in working days); the IRO may skip stages but never go back; it closes once, as
 * resolved, withdrawn or referred to Cafcass (possible at any point). One function per command: state +
 * command → new state or a refusal naming the field; the input is never changed.
 */
import type { IsoDate } from '../ssda903/records.ts';
import { accept, refuse, type Outcome } from './outcome.ts';
import type { Dispute, DisputeChain, DisputeClosure, DisputeEvent, DisputeStep, Escalation, NewDispute } from './records.ts';
import { dueAfterWorkingDays } from './working-days.ts';

export const INFORMAL_STAGE = 0;

export function currentStep(dispute: Dispute): DisputeStep {
  return dispute.steps[dispute.steps.length - 1]!;
}

/** The highest stage reached: 0 informal, 1…n the chain's formal stages. */
export function highestStage(dispute: Dispute): number {
  return currentStep(dispute).stage;
}

/** The latest date on the dispute so far: a new step, response or closure may not be dated before it. */
function lastActivity(dispute: Dispute): IsoDate {
  const step = currentStep(dispute);
  return step.response && step.response.date > step.date ? step.response.date : step.date;
}

export function raiseDispute(input: NewDispute, chain: DisputeChain): Dispute {
  return {
    ...input,
    status: 'open',
    steps: [{
      stage: INFORMAL_STAGE, date: input.raised, recipient: input.alertRecipient,
      due: dueAfterWorkingDays(input.raised, chain.informalWorkingDays), response: null, overdueSince: null,
    }],
    formalDue: null,
    closure: null,
    version: 1,
    history: [{ date: input.raised, action: 'raised', stage: INFORMAL_STAGE }],
  };
}

function guardOpen(dispute: Dispute, date: IsoDate): Outcome<never> | null {
  if (dispute.status !== 'open') {
    return refuse('dispute_closed', 'status', `the dispute was ${dispute.status.replaceAll('_', ' ')} on ${dispute.closure?.date}: it can no longer change`);
  }
  const previous = lastActivity(dispute);
  if (date < previous) return refuse('date_before_previous', 'date', `the date ${date} is before the dispute's last step on ${previous}`);
  return null;
}

function next(dispute: Dispute, changes: Partial<Dispute>, event: DisputeEvent): Dispute {
  return { ...dispute, ...changes, version: dispute.version + 1, history: [...dispute.history, event] };
}

/** The response to the current step (the informal alert or the formal stage in progress). */
export function respondToDispute(dispute: Dispute, date: IsoDate, text: string): Outcome<Dispute> {
  const refused = guardOpen(dispute, date);
  if (refused) return refused;
  const step = currentStep(dispute);
  if (step.response) return refuse('already_responded', 'response', `stage ${step.stage} was already answered on ${step.response.date}`);
  const steps = [...dispute.steps.slice(0, -1), { ...step, response: { date, text }, overdueSince: null }];
  return accept(next(dispute, { steps }, { date, action: 'responded', stage: step.stage }));
}

/** Escalates to formal stage `stage` (1 = the chain's first); stages may be skipped, never repeated or gone back to. */
export function escalateDispute(dispute: Dispute, command: Escalation, chain: DisputeChain): Outcome<Dispute> {
  const { stage, recipient, date } = command;
  const refused = guardOpen(dispute, date);
  if (refused) return refused;
  const level = chain.stages[stage - 1];
  if (!Number.isInteger(stage) || !level) {
    return refuse('unknown_stage', 'stage', `stage must be 1 to ${chain.stages.length} in this LA's chain, got ${stage}`);
  }
  const current = highestStage(dispute);
  if (stage <= current) {
    return refuse('stage_not_forward', 'stage', `the dispute is already at stage ${current}: it can only move up to a later stage`);
  }
  const formalDue = dispute.formalDue ?? dueAfterWorkingDays(date, chain.totalWorkingDays);
  const step: DisputeStep = {
    stage, date, recipient, due: dueAfterWorkingDays(date, level.workingDays), response: null, overdueSince: null,
  };
  return accept(next(dispute, { steps: [...dispute.steps, step], formalDue }, { date, action: 'escalated', stage }));
}

/** Closes the dispute once: resolved, withdrawn, or referred to Cafcass (s.25B(3); possible at any stage). */
export function closeDispute(dispute: Dispute, command: DisputeClosure): Outcome<Dispute> {
  const refused = guardOpen(dispute, command.date);
  if (refused) return refused;
  return accept(next(
    dispute,
    { status: command.outcome, closure: { outcome: command.outcome, date: command.date, summary: command.summary } },
    { date: command.date, action: command.outcome, stage: highestStage(dispute) },
  ));
}

/** The step's response deadline has passed with no response (due on `date` itself is not late). */
export function isStepOverdue(step: DisputeStep, date: IsoDate): boolean {
  return step.response === null && step.due < date;
}
