/** Every transition of the decision and dispute state machines, legal and illegal; refusals change nothing. */
import { describe, expect, it } from 'vitest';
import { implementDecision, isDecisionOverdue, makeDecision, markNotImplemented, reopenDecision } from '../../../shared/domain/practice/decisions.ts';
import { closeDispute, escalateDispute, highestStage, raiseDispute, respondToDispute } from '../../../shared/domain/practice/disputes.ts';
import type { Outcome } from '../../../shared/domain/practice/outcome.ts';
import { DEFAULT_DISPUTE_CHAIN, type Decision, type Dispute } from '../../../shared/domain/practice/records.ts';

function value<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`refused: ${outcome.refusal.message}`);
  return outcome.value;
}

/** Runs a command on a frozen copy: the input must be untouched whatever the outcome. */
function unchanged<S, T>(state: S, command: (s: S) => Outcome<T>): Outcome<T> {
  const before = structuredClone(state);
  const outcome = command(state);
  expect(state).toEqual(before);
  return outcome;
}

const reason = { category: 'placement_availability' as const, text: 'No sibling placement available in the area' };

describe('review decisions', () => {
  const open = makeDecision({
    id: 'd1', child: 'C1', review: 'r1', made: '2025-05-01', text: 'Arrange contact with brother', topic: 'contact',
    owner: { role: 'Social worker', name: 'A Worker' }, due: '2025-06-01',
  });
  const implemented = value(implementDecision(open, '2025-05-20'));
  const notImplemented = value(markNotImplemented(open, '2025-05-20', reason));
  const reopened = value(reopenDecision(notImplemented, '2025-06-10', '2025-07-01'));
  const states: [string, Decision][] = [['open', open], ['implemented', implemented], ['not_implemented', notImplemented], ['reopened', reopened]];

  it('starts open with one history entry and version 1', () => {
    expect(open).toMatchObject({ status: 'open', version: 1, closed: null, reason: null });
    expect(open.history).toEqual([{ date: '2025-05-01', action: 'made', status: 'open' }]);
  });

  it('open → implemented / not implemented, keeping the history and bumping the version', () => {
    expect(implemented).toMatchObject({ status: 'implemented', closed: '2025-05-20', version: 2 });
    expect(notImplemented).toMatchObject({ status: 'not_implemented', reason, version: 2 });
    expect(notImplemented.history.map((h) => h.action)).toEqual(['made', 'not_implemented']);
  });

  it('implemented / not implemented → reopened (with a new due date) → implemented or not implemented again', () => {
    expect(reopened).toMatchObject({ status: 'reopened', due: '2025-07-01', reason: null, closed: null, version: 3 });
    const again = value(implementDecision(reopened, '2025-06-30'));
    expect(again.history.map((h) => h.action)).toEqual(['made', 'not_implemented', 'reopened', 'implemented']);
    // The not-implemented reason stays in the history after reopening.
    expect(again.history[1]!.reason).toEqual(reason);
    expect(value(markNotImplemented(reopened, '2025-06-30', reason)).status).toBe('not_implemented');
    expect(value(reopenDecision(implemented, '2025-06-01')).due).toBe('2025-06-01');
  });

  it.each(states.filter(([s]) => s === 'implemented' || s === 'not_implemented'))('%s cannot be implemented or marked not implemented again', (_, state) => {
    for (const command of [(d: Decision) => implementDecision(d, '2025-08-01'), (d: Decision) => markNotImplemented(d, '2025-08-01', reason)]) {
      const outcome = unchanged(state, command);
      expect(outcome).toEqual({ ok: false, refusal: expect.objectContaining({ rule: 'decision_not_awaiting', field: 'status' }) });
    }
  });

  it.each(states.filter(([s]) => s === 'open' || s === 'reopened'))('%s cannot be reopened', (_, state) => {
    const outcome = unchanged(state, (d) => reopenDecision(d, '2025-08-01'));
    expect(outcome).toEqual({ ok: false, refusal: expect.objectContaining({ rule: 'decision_not_closed', field: 'status' }) });
  });

  it('refuses a change dated before the last one, and a reopened due date before the review', () => {
    const early = unchanged(implemented, (d) => reopenDecision(d, '2025-05-19'));
    expect(early).toEqual({ ok: false, refusal: expect.objectContaining({ rule: 'date_before_previous', field: 'date' }) });
    const dueBefore = unchanged(implemented, (d) => reopenDecision(d, '2025-06-01', '2025-04-30'));
    expect(dueBefore).toEqual({ ok: false, refusal: expect.objectContaining({ rule: 'due_before_review', field: 'due' }) });
    const beforeMade = unchanged(open, (d) => implementDecision(d, '2025-04-30'));
    expect(beforeMade.ok).toBe(false);
  });

  it('is overdue only while awaiting and past its due date (due day itself is not overdue)', () => {
    expect(isDecisionOverdue(open, '2025-06-01')).toBe(false);
    expect(isDecisionOverdue(open, '2025-06-02')).toBe(true);
    expect(isDecisionOverdue(implemented, '2025-06-02')).toBe(false);
    expect(isDecisionOverdue(reopened, '2025-07-02')).toBe(true);
  });
});

describe('disputes', () => {
  const chain = DEFAULT_DISPUTE_CHAIN;
  const raised = raiseDispute({ id: 'x1', child: 'C1', iro: 'iro1', theme: 'permanence', raised: '2026-12-10', alertRecipient: 'Team manager B' }, chain);

  it('opens with an informal alert due after the LA’s informal working days', () => {
    // Thu 10 Dec 2026 + 10 working days: 11, 14–18 (6), 21–24 (10) → Thu 24 Dec.
    expect(raised.steps).toEqual([{ stage: 0, date: '2026-12-10', recipient: 'Team manager B', due: '2026-12-24', response: null, overdueSince: null }]);
    expect(raised).toMatchObject({ status: 'open', formalDue: null, closure: null, version: 1 });
  });

  it('a stage raised on Thursday 24 Dec 2026 is due Tuesday 5 Jan 2027, over Christmas and New Year', () => {
    // 25 Fri Christmas, 26 Sat, 27 Sun, 28 Mon Boxing Day substitute; 29 Tue (1), 30 Wed (2), 31 Thu (3);
    // 1 Jan Fri New Year's Day, 2–3 weekend; 4 Mon (4), 5 Tue (5).
    const stage1 = value(escalateDispute(raised, { stage: 1, recipient: 'Team manager B', date: '2026-12-24' }, chain));
    expect(stage1.steps[1]).toMatchObject({ stage: 1, date: '2026-12-24', due: '2027-01-05' });
    // The whole formal process: 20 working days from 24 Dec: 5 Jan is the 5th, 6–8 (8), 11–15 (13), 18–22 (18),
    // 25 (19), Tue 26 Jan (20).
    expect(stage1.formalDue).toBe('2027-01-26');
  });

  const stage1 = value(escalateDispute(raised, { stage: 1, recipient: 'Team manager B', date: '2026-12-28' }, chain));

  it('answers the current step once', () => {
    const answered = value(respondToDispute(stage1, '2026-12-30', 'Plan to be reviewed at panel'));
    expect(answered.steps[1]!.response).toEqual({ date: '2026-12-30', text: 'Plan to be reviewed at panel' });
    expect(answered.version).toBe(3);
    const twice = unchanged(answered, (d) => respondToDispute(d, '2026-12-31', 'again'));
    expect(twice).toEqual({ ok: false, refusal: expect.objectContaining({ rule: 'already_responded', field: 'response' }) });
  });

  it('may skip stages (informal → stage 3 → stage 4) but keeps the formal deadline from the first formal stage', () => {
    const dcs = value(escalateDispute(raised, { stage: 3, recipient: 'DCS', date: '2027-01-04' }, chain));
    const ceo = value(escalateDispute(dcs, { stage: 4, recipient: 'Chief Executive', date: '2027-01-11' }, chain));
    expect(ceo.steps.map((s) => s.stage)).toEqual([0, 3, 4]);
    expect(highestStage(ceo)).toBe(4);
    expect(ceo.formalDue).toBe(dcs.formalDue);
  });

  it('refuses going back a stage, repeating one, or a stage outside the chain', () => {
    const back = unchanged(stage1, (d) => escalateDispute(d, { stage: 1, recipient: 'x', date: '2027-01-04' }, chain));
    expect(back).toEqual({ ok: false, refusal: expect.objectContaining({ rule: 'stage_not_forward', field: 'stage' }) });
    const at3 = value(escalateDispute(stage1, { stage: 3, recipient: 'x', date: '2027-01-04' }, chain));
    expect(unchanged(at3, (d) => escalateDispute(d, { stage: 2, recipient: 'x', date: '2027-01-05' }, chain)).ok).toBe(false);
    for (const stage of [0, 5, 1.5]) {
      const outcome = unchanged(stage1, (d) => escalateDispute(d, { stage, recipient: 'x', date: '2027-01-04' }, chain));
      expect(outcome).toEqual({ ok: false, refusal: expect.objectContaining({ rule: 'unknown_stage', field: 'stage' }) });
    }
  });

  it('refuses a stage, response or closure dated before the previous step', () => {
    const early = unchanged(stage1, (d) => escalateDispute(d, { stage: 2, recipient: 'x', date: '2026-12-27' }, chain));
    expect(early).toEqual({ ok: false, refusal: expect.objectContaining({ rule: 'date_before_previous', field: 'date' }) });
    expect(unchanged(stage1, (d) => respondToDispute(d, '2026-12-11', 'x')).ok).toBe(false);
    expect(unchanged(stage1, (d) => closeDispute(d, { outcome: 'resolved', date: '2026-12-11', summary: 'x' })).ok).toBe(false);
    const answered = value(respondToDispute(stage1, '2027-01-04', 'reply'));
    // After the reply on 4 Jan nothing may be dated 30 Dec, even though the stage itself began on 28 Dec.
    expect(unchanged(answered, (d) => escalateDispute(d, { stage: 2, recipient: 'x', date: '2026-12-30' }, chain)).ok).toBe(false);
  });

  it.each(['resolved', 'withdrawn', 'referred_to_cafcass'] as const)('closes once as %s; then nothing may change', (outcome) => {
    const closed = value(closeDispute(stage1, { outcome, date: '2027-01-06', summary: 'Brothers placed together' }));
    expect(closed).toMatchObject({ status: outcome, closure: { date: '2027-01-06', outcome, summary: 'Brothers placed together' } });
    expect(closed.history.at(-1)).toEqual({ date: '2027-01-06', action: outcome, stage: 1 });
    const commands: ((d: Dispute) => Outcome<Dispute>)[] = [
      (d) => closeDispute(d, { outcome: 'resolved', date: '2027-01-07', summary: 'again' }),
      (d) => respondToDispute(d, '2027-01-07', 'late reply'),
      (d) => escalateDispute(d, { stage: 2, recipient: 'x', date: '2027-01-07' }, chain),
    ];
    for (const command of commands) {
      expect(unchanged(closed, command)).toEqual({ ok: false, refusal: expect.objectContaining({ rule: 'dispute_closed', field: 'status' }) });
    }
  });

  it('refers to Cafcass straight from the informal alert', () => {
    const referred = value(closeDispute(raised, { outcome: 'referred_to_cafcass', date: '2026-12-11', summary: 'Referred' }));
    expect(highestStage(referred)).toBe(0);
    expect(referred.status).toBe('referred_to_cafcass');
  });

  it('uses the LA’s own chain and deadlines', () => {
    const twoStage = { informalWorkingDays: 5, stages: [{ title: 'Head of service', workingDays: 3 }, { title: 'DCS', workingDays: 10 }], totalWorkingDays: 15 };
    const d = raiseDispute({ id: 'x2', child: 'C1', iro: 'iro1', theme: 'contact', raised: '2025-06-02', alertRecipient: 'TM' }, twoStage);
    expect(d.steps[0]!.due).toBe('2025-06-09'); // Mon 2 June + 5 working days = Mon 9 June
    const s1 = value(escalateDispute(d, { stage: 1, recipient: 'HoS', date: '2025-06-10' }, twoStage));
    expect(s1.steps[1]!.due).toBe('2025-06-13'); // Tue 10 + 3 = Fri 13
    expect(unchanged(s1, (x) => escalateDispute(x, { stage: 3, recipient: 'CE', date: '2025-06-16' }, twoStage)).ok).toBe(false);
  });
});
