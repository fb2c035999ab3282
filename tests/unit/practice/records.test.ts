/** Record schemas, allocations, Rate My Review links and the nightly deadlines run. */
import { describe, expect, it } from 'vitest';
import { allocateIro, iroOn } from '../../../shared/domain/practice/allocations.ts';
import { markOverdue } from '../../../shared/domain/practice/deadlines.ts';
import { implementDecision, makeDecision } from '../../../shared/domain/practice/decisions.ts';
import { escalateDispute, raiseDispute, respondToDispute } from '../../../shared/domain/practice/disputes.ts';
import { followUpCard, hashToken, issueFeedbackLink, needsFollowUp, paperCard, redeemFeedbackLink } from '../../../shared/domain/practice/feedback.ts';
import { refuseUnknownChild } from '../../../shared/domain/practice/outcome.ts';
import {
  DEFAULT_DISPUTE_CHAIN, allocationSchema, decisionNotImplementedSchema, decisionReopenSchema, disputeChainSchema, disputeClosureSchema,
  escalationSchema, paperCardSchema, iroSchema, newDecisionSchema, newDisputeSchema, practiceReviewSchema,
  siblingGroupSchema, type Iro, type PracticeReview,
} from '../../../shared/domain/practice/records.ts';
import { workingDaysBetween } from '../../../shared/domain/practice/working-days.ts';

function fields(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }): string[] {
  return (result.error?.issues ?? []).map((i) => i.path.join('.'));
}

describe('record schemas name the field at fault', () => {
  it('refuses impossible dates, dates out of order, unknown codes and over-long text', () => {
    expect(fields(iroSchema.safeParse({ id: 'i1', name: 'A', fte: 1.2, activeFrom: '2025-02-30', activeTo: null }))).toEqual(['fte', 'activeFrom']);
    expect(fields(allocationSchema.safeParse({ id: 'a1', child: 'C1', iro: 'i1', from: '2025-05-01', to: '2025-04-01' }))).toEqual(['to']);
    expect(fields(practiceReviewSchema.safeParse({ id: 'r1', child: 'C1', iro: 'i1', date: '2025-05-01', participation: 'PN9', spokeToChildBefore: true }))).toEqual(['participation']);
    expect(fields(newDisputeSchema.safeParse({ id: 'x', child: 'C1', iro: 'i', theme: 'money', raised: '2025-05-01', alertRecipient: 'TM' }))).toEqual(['theme']);
    const decision = { id: 'd', child: 'C1', review: 'r', made: '2025-05-01', text: 'x'.repeat(2001), topic: 'contact', owner: { role: 'SW', name: '' }, due: '2025-04-01' };
    // Every fault is reported at once, the date order included.
    expect(fields(newDecisionSchema.safeParse(decision)).sort()).toEqual(['due', 'owner.name', 'text']);
    expect(fields(newDecisionSchema.safeParse({ ...decision, text: 'ok', owner: { role: 'SW', name: 'B' } }))).toEqual(['due']);
    expect(fields(siblingGroupSchema.safeParse({ id: 'g', children: ['C1', 'C1'], recorded: '2025-01-01' }))).toEqual(['children']);
    expect(fields(siblingGroupSchema.safeParse({ id: 'g', children: ['C1'], recorded: '2025-01-01' }))).toEqual(['children']);
    expect(fields(disputeChainSchema.safeParse({ ...DEFAULT_DISPUTE_CHAIN, stages: [] }))).toEqual(['stages']);
    expect(disputeChainSchema.safeParse(DEFAULT_DISPUTE_CHAIN).success).toBe(true);
  });

  it('parses command bodies the same way', () => {
    expect(fields(escalationSchema.safeParse({ stage: 0, recipient: 'DCS', date: '2025-05-01' }))).toEqual(['stage']);
    expect(fields(disputeClosureSchema.safeParse({ outcome: 'settled', date: '2025-05-01', summary: 'x' }))).toEqual(['outcome']);
    expect(fields(disputeClosureSchema.safeParse({ outcome: 'resolved', date: '2025-05-01', summary: '   ' }))).toEqual(['summary']);
    expect(fields(decisionReopenSchema.safeParse({ date: '2025-05-01', due: '01/06/2025' }))).toEqual(['due']);
    expect(fields(decisionNotImplementedSchema.safeParse({ date: '2025-05-01', reason: { category: 'money', text: 'x' } }))).toEqual(['reason.category']);
    expect(fields(paperCardSchema.safeParse({ received: '2025-05-01', answer: 'great', comment: 'x'.repeat(501) }))).toEqual(['answer', 'comment']);
    expect(paperCardSchema.safeParse({ received: '2025-05-01', answer: 'ok', comment: null }).success).toBe(true);
  });

  it('refuses a record about a child who is not in the LA’s 903 returns', () => {
    const known = new Set(['C1', 'C2']);
    expect(refuseUnknownChild(known, 'C1')).toBeNull();
    expect(refuseUnknownChild(known, 'C9')).toMatchObject({ rule: 'unknown_child', field: 'child' });
  });
});

describe('IRO allocation history', () => {
  const roster: Iro[] = [
    { id: 'i1', name: 'A', fte: 1, activeFrom: '2020-01-01', activeTo: null },
    { id: 'i2', name: 'B', fte: 0.5, activeFrom: '2020-01-01', activeTo: '2025-06-30' },
  ];
  const first = allocateIro([], roster, { id: 'a1', child: 'C1', iro: 'i1', from: '2025-04-03' });

  it('opens a spell, and a change of IRO closes the current one on the day the next starts', () => {
    expect(first).toEqual({ ok: true, value: [{ id: 'a1', child: 'C1', iro: 'i1', from: '2025-04-03', to: null }] });
    const change = allocateIro(first.ok ? first.value : [], roster, { id: 'a2', child: 'C1', iro: 'i2', from: '2025-05-01' });
    expect(change.ok && change.value.map((a) => [a.id, a.to])).toEqual([['a1', '2025-05-01'], ['a2', null]]);
    const history = change.ok ? change.value : [];
    expect(iroOn(history, '2025-04-30')).toBe('i1');
    expect(iroOn(history, '2025-05-01')).toBe('i2');
    expect(iroOn(history, '2025-04-02')).toBeNull();
  });

  it('refuses an unknown or inactive IRO, the same IRO again, and a date not after the latest spell', () => {
    const spells = first.ok ? first.value : [];
    expect(allocateIro(spells, roster, { id: 'a', child: 'C1', iro: 'i9', from: '2025-05-01' })).toMatchObject({ ok: false, refusal: { rule: 'unknown_iro', field: 'iro' } });
    expect(allocateIro(spells, roster, { id: 'a', child: 'C1', iro: 'i2', from: '2025-07-01' })).toMatchObject({ ok: false, refusal: { rule: 'iro_not_active', field: 'iro' } });
    expect(allocateIro(spells, roster, { id: 'a', child: 'C1', iro: 'i1', from: '2025-05-01' })).toMatchObject({ ok: false, refusal: { rule: 'already_allocated' } });
    expect(allocateIro(spells, roster, { id: 'a', child: 'C1', iro: 'i2', from: '2025-04-03' })).toMatchObject({ ok: false, refusal: { rule: 'date_before_previous', field: 'from' } });
  });
});

describe('Rate My Review', () => {
  const review: PracticeReview = { id: 'r1', child: 'C1', iro: 'i1', date: '2025-05-01', participation: 'PN1', spokeToChildBefore: true };
  const bytes = Uint8Array.from({ length: 16 }, (_, i) => i * 17);
  const { token, link } = issueFeedbackLink(review, '2025-05-01', bytes);

  it('issues a 128-bit token stored only as its hash, expiring after 30 days', () => {
    expect(Buffer.from(token, 'base64url')).toHaveLength(16);
    expect(link.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(link)).not.toContain(token);
    expect(link.expires).toBe('2025-05-31');
    expect(() => issueFeedbackLink(review, '2025-05-01', new Uint8Array(15))).toThrow(RangeError);
  });

  it('works once, on or before its last day, with the right token only', () => {
    const used = redeemFeedbackLink(link, token, '2025-05-31', { answer: 'not_happy', comment: null }, 'card1');
    expect(used.ok).toBe(true);
    if (!used.ok) return;
    expect(used.value.card).toMatchObject({ review: 'r1', iro: 'i1', answer: 'not_happy', source: 'link', received: '2025-05-31' });
    expect(redeemFeedbackLink(used.value.link, token, '2025-05-31', { answer: 'good', comment: null }, 'c2')).toMatchObject({ ok: false, refusal: { rule: 'link_used' } });
    expect(redeemFeedbackLink(link, token, '2025-06-01', { answer: 'good', comment: null }, 'c2')).toMatchObject({ ok: false, refusal: { rule: 'link_expired' } });
    expect(redeemFeedbackLink(link, `${token}x`, '2025-05-02', { answer: 'good', comment: null }, 'c2')).toMatchObject({ ok: false, refusal: { rule: 'token_mismatch', field: 'token' } });
  });

  it('puts not-happy cards and cards with a comment on the worklist until followed up; paper cards too', () => {
    const happy = paperCard(review, '2025-05-03', { answer: 'good', comment: null }, 'p1');
    const commented = paperCard(review, '2025-05-03', { answer: 'ok', comment: 'I want to see my sister more' }, 'p2');
    expect(happy.ok && needsFollowUp(happy.value)).toBe(false);
    expect(commented.ok && needsFollowUp(commented.value)).toBe(true);
    const done = commented.ok ? followUpCard(commented.value, '2025-05-04') : null;
    expect(done?.ok && needsFollowUp(done.value)).toBe(false);
    expect(paperCard(review, '2025-04-30', { answer: 'good', comment: null }, 'p3')).toMatchObject({ ok: false, refusal: { field: 'received' } });
  });
});

describe('nightly deadlines', () => {
  const decision = makeDecision({ id: 'd1', child: 'C1', review: 'r1', made: '2025-05-01', text: 't', topic: 'health', owner: { role: 'SW', name: 'B' }, due: '2025-06-02' });
  const done = implementDecision(decision, '2025-05-10');
  const dispute = raiseDispute({ id: 'x1', child: 'C1', iro: 'i1', theme: 'health', raised: '2025-05-01', alertRecipient: 'TM' }, DEFAULT_DISPUTE_CHAIN);
  // Thu 1 May + 10 working days: Fri 2 (1), Mon 5 May is the early May bank holiday, 6–9 (5), 12–16 (10) → Fri 16 May.
  it('works out the informal deadline over the May bank holiday', () => {
    expect(dispute.steps[0]!.due).toBe('2025-05-16');
    expect(workingDaysBetween('2025-05-01', '2025-05-16')).toBe(10);
  });

  it('marks an overdue decision and an unanswered step once, from the day after the due date', () => {
    const records = { decisions: [decision, done.ok ? done.value : decision], disputes: [dispute] };
    expect(markOverdue(records, '2025-06-02')).toEqual({ decisions: [], disputes: [expect.objectContaining({ id: 'x1' })] });
    const changes = markOverdue(records, '2025-06-05');
    expect(changes.decisions.map((d) => [d.id, d.overdueSince, d.version])).toEqual([['d1', '2025-06-03', 2]]);
    expect(changes.decisions[0]!.history.at(-1)).toEqual({ date: '2025-06-05', action: 'overdue', status: 'open' });
    expect(changes.disputes[0]!.steps[0]!.overdueSince).toBe('2025-05-17');
    // Running again over the stored changes finds nothing new.
    expect(markOverdue({ decisions: changes.decisions, disputes: changes.disputes }, '2025-06-06')).toEqual({ decisions: [], disputes: [] });
  });

  it('leaves answered steps alone and watches the new stage after an escalation', () => {
    const answered = respondToDispute(dispute, '2025-05-20', 'reply');
    expect(answered.ok && markOverdue({ decisions: [], disputes: [answered.value] }, '2025-07-01').disputes).toEqual([]);
    const escalated = escalateDispute(dispute, { stage: 2, recipient: 'HoS', date: '2025-05-19' }, DEFAULT_DISPUTE_CHAIN);
    if (!escalated.ok) throw new Error('escalation refused');
    // Mon 19 May + 5 working days = Mon 26 May is the spring bank holiday, so Tue 27 May; overdue from the 28th.
    expect(escalated.value.steps[1]!.due).toBe('2025-05-27');
    expect(markOverdue({ decisions: [], disputes: [escalated.value] }, '2025-05-27').disputes).toEqual([]);
    expect(markOverdue({ decisions: [], disputes: [escalated.value] }, '2025-05-28').disputes[0]!.steps[1]!.overdueSince).toBe('2025-05-28');
  });
});
