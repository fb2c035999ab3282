/**
 * The nightly deadlines run: records + date → the records to store again, marked overdue. A decision awaiting
 * implementation past its due date, and the current step of an open dispute past its response deadline, are
 * marked once; `overdueSince` is the first overdue day (due + 1), so a missed night never moves it.
 */
import { addDays } from '../calendar/dates.ts';
import type { IsoDate } from '../ssda903/records.ts';
import { isDecisionOverdue } from './decisions.ts';
import { currentStep, isStepOverdue } from './disputes.ts';
import type { Decision, Dispute } from './records.ts';

export interface DeadlineChanges {
  decisions: Decision[];
  disputes: Dispute[];
}

export function markOverdue(records: { decisions: readonly Decision[]; disputes: readonly Dispute[] }, date: IsoDate): DeadlineChanges {
  const decisions: Decision[] = [];
  for (const d of records.decisions) {
    if (d.overdueSince !== null || !isDecisionOverdue(d, date)) continue;
    decisions.push({
      ...d,
      overdueSince: addDays(d.due, 1),
      version: d.version + 1,
      history: [...d.history, { date, action: 'overdue', status: d.status }],
    });
  }
  const disputes: Dispute[] = [];
  for (const d of records.disputes) {
    if (d.status !== 'open') continue;
    const step = currentStep(d);
    if (step.overdueSince !== null || !isStepOverdue(step, date)) continue;
    disputes.push({
      ...d,
      steps: [...d.steps.slice(0, -1), { ...step, overdueSince: addDays(step.due, 1) }],
      version: d.version + 1,
      history: [...d.history, { date, action: 'overdue', stage: step.stage }],
    });
  }
  return { decisions, disputes };
}
