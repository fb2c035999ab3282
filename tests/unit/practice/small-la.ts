/**
 * A small hand-built LA for the worklist and metric 9 tests (year ending 2026, looked at on Tue 31 March 2026).
 * Every figure the tests expect is worked out by hand from this file; the reasoning is in the tests.
 *
 *  child  period start  placement on 31/3/26          IRO spells                      903 reviews (+ platform)
 *  A      2023-01-10    U4 S1 1AA (with B)            i3 to 2025-06-01, then i1       …, 2024-11-01, 2025-05-01, 2025-11-01
 *  B      2023-01-10    U4 S1 1AA (with A)            i1 throughout                   same as A
 *  C      2024-06-03    U4 S2 2BB (apart)             i1 from 2024-06-05              2024-06-28, 2024-09-27, 2025-03-20, 2025-10-10
 *  D      2025-09-01    K2 SC123456 (with E)          i2 from 2025-09-05 (on time)    2025-09-25, 2025-12-20
 *  E      2025-09-01    K2 SC123456 (with D)          i2 from 2025-09-09 (late)       2025-09-25 (+ 2025-12-18 platform only)
 *  F      2025-04-01    T4 since 2026-03-10           none                            2025-04-25, 2025-07-20, 2026-01-15
 *  G      2025-04-10    left 2025-12-01 (E13)         i2 2025-04-17 to 2025-12-01     2025-05-05
 *  H      2025-12-01    U1                            i1 from 2025-12-03              none
 * Sibling groups: {A, B, C}, {D, E}, {F, G}.
 */
import { implementDecision, makeDecision, markNotImplemented, reopenDecision } from '../../../shared/domain/practice/decisions.ts';
import { closeDispute, escalateDispute, raiseDispute, respondToDispute } from '../../../shared/domain/practice/disputes.ts';
import type { Outcome } from '../../../shared/domain/practice/outcome.ts';
import {
  DEFAULT_DISPUTE_CHAIN, type Contact, type Decision, type Dispute, type FeedbackCard, type NewDecision, type PracticeRecords,
  type PracticeReview,
} from '../../../shared/domain/practice/records.ts';
import { chain, child, dataset } from '../metrics/factories.ts';

export function value<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`refused: ${outcome.refusal.message}`);
  return outcome.value;
}

const fosterAB = { place: 'U4', placeProvider: 'PR1', plPost: 'S1 1AA', urn: 'XXXXXXX' };
const home = { place: 'K2', placeProvider: 'PR4', plPost: 'NE1 1AA', urn: 'SC123456' };
const reviewsAB: [string, string][] = [
  ['2023-02-01', 'PN1'], ['2023-05-01', 'PN1'], ['2023-11-01', 'PN1'], ['2024-05-01', 'PN1'], ['2024-11-01', 'PN1'],
  ['2025-05-01', 'PN1'], ['2025-11-01', 'PN1'],
];

export const smallLa = {
  ...dataset(
    child('A', { dob: '2015-01-10', episodes: chain([{ decom: '2023-01-10', ...fosterAB }]), reviews: reviewsAB }),
    child('B', { dob: '2017-03-01', episodes: chain([{ decom: '2023-01-10', ...fosterAB }]), reviews: reviewsAB }),
    child('C', {
      dob: '2016-08-08', episodes: chain([{ decom: '2024-06-03', place: 'U4', plPost: 'S2 2BB' }]),
      reviews: [['2024-06-28', 'PN1'], ['2024-09-27', 'PN1'], ['2025-03-20', 'PN1'], ['2025-10-10', 'PN1']],
    }),
    child('D', { dob: '2010-05-05', episodes: chain([{ decom: '2025-09-01', ...home }]), reviews: [['2025-09-25', 'PN1'], ['2025-12-20', 'PN1']] }),
    child('E', { dob: '2012-02-02', episodes: chain([{ decom: '2025-09-01', ...home }]), reviews: [['2025-09-25', 'PN1']] }),
    child('F', {
      dob: '2008-01-01',
      episodes: chain([
        { decom: '2025-04-01', place: 'U4', reasonPlaceChange: 'CHILD' },
        { decom: '2025-06-01', place: 'U5' },
        { decom: '2025-10-01', place: 'U6' },
        { decom: '2026-03-10', place: 'T4' },
      ]),
      reviews: [['2025-04-25', 'PN1'], ['2025-07-20', 'PN1'], ['2026-01-15', 'PN1']],
    }),
    child('G', { dob: '2011-11-11', episodes: chain([{ decom: '2025-04-10' }], { dec: '2025-12-01', rec: 'E13' }), reviews: [['2025-05-05', 'PN1']] }),
    child('H', { dob: '2019-07-07', episodes: chain([{ decom: '2025-12-01', place: 'U1' }]) }),
  ),
  yearEnding: 2026,
};

const review = (id: string, c: string, iro: string, date: string, spokeToChildBefore: boolean): PracticeReview =>
  ({ id, child: c, iro, date, participation: 'PN1', spokeToChildBefore });
const reviews = [
  review('rA1', 'A', 'i3', '2025-05-01', true),
  review('rA2', 'A', 'i1', '2025-11-01', false),
  review('rD1', 'D', 'i2', '2025-09-25', true),
  review('rD2', 'D', 'i2', '2025-12-20', true),
  review('rE1', 'E', 'i2', '2025-12-18', false),
];

const contact = (id: string, c: string, date: string, kind: Contact['kind']): Contact => ({ id, child: c, iro: 'i1', date, kind, with: 'child' });
const contacts = [
  contact('k1', 'A', '2025-02-01', 'call'),
  contact('k2', 'A', '2025-08-01', 'visit'),
  contact('k3', 'C', '2025-06-15', 'midway_review'),
  contact('k4', 'D', '2025-12-20', 'visit'), // the review day itself: not between reviews
  contact('k5', 'E', '2025-10-10', 'message'),
];

const card = (id: string, r: PracticeReview, answer: FeedbackCard['answer'], comment: string | null, received: string, source: FeedbackCard['source']): FeedbackCard =>
  ({ id, review: r.id, child: r.child, iro: r.iro, answer, comment, received, source, followedUp: null });
const cards = [
  card('card1', reviews[0]!, 'good', null, '2025-05-02', 'link'),
  card('card2', reviews[2]!, 'not_happy', null, '2025-09-27', 'link'),
  card('card3', reviews[3]!, 'ok', 'I want to see my mum more', '2025-12-22', 'paper'),
  card('card4', reviews[4]!, 'good', null, '2026-04-02', 'link'), // returned after 31 March
];

const decision = (id: string, c: string, made: string, topic: NewDecision['topic'], due: string): Decision =>
  makeDecision({ id, child: c, review: `r-${c}`, made, text: `Decision ${id}`, topic, owner: { role: 'Social worker', name: 'S Worker' }, due });
const resources = { category: 'resources' as const, text: 'No tutor funding this term' };
const decisions = {
  dOld: decision('dOld', 'A', '2025-03-01', 'care_plan', '2025-03-31'),
  dA1: value(implementDecision(decision('dA1', 'A', '2025-05-01', 'permanence', '2025-07-01'), '2025-06-20')),
  dB1: decision('dB1', 'B', '2025-05-01', 'contact', '2025-06-01'),
  dD1: value(markNotImplemented(decision('dD1', 'D', '2025-09-25', 'education', '2025-10-25'), '2025-10-20', resources)),
  dD2: decision('dD2', 'D', '2025-12-20', 'health', '2026-04-30'),
  dE1: value(reopenDecision(value(markNotImplemented(decision('dE1', 'E', '2025-12-18', 'placement', '2026-01-31'), '2026-01-10', resources)), '2026-02-01', '2026-03-01')),
  /** Implemented after 31 March: open and overdue as at 31 March. */
  dLate: value(implementDecision(decision('dLate', 'B', '2025-11-01', 'contact', '2025-12-01'), '2026-04-10')),
};

const chainDefault = DEFAULT_DISPUTE_CHAIN;
const dispute = (id: string, c: string, theme: Dispute['theme'], raised: string, iro = 'i1'): Dispute =>
  raiseDispute({ id, child: c, iro, theme, raised, alertRecipient: 'Team manager' }, chainDefault);
const escalate = (d: Dispute, stage: number, date: string) => value(escalateDispute(d, { stage, recipient: `Stage ${stage}`, date }, chainDefault));
const close = (d: Dispute, outcome: Dispute['status'] & ('resolved' | 'withdrawn' | 'referred_to_cafcass'), date: string) =>
  value(closeDispute(d, { outcome, date, summary: 'What changed for the child' }));
const disputes = {
  x1: close(escalate(escalate(escalate(dispute('x1', 'A', 'permanence', '2025-05-06'), 1, '2025-05-20'), 3, '2025-06-02'), 4, '2025-06-16'), 'resolved', '2025-07-01'),
  x2: close(dispute('x2', 'B', 'contact', '2025-10-01'), 'resolved', '2025-10-08'),
  x3: close(escalate(dispute('x3', 'D', 'education', '2025-11-03', 'i2'), 2, '2025-11-20'), 'referred_to_cafcass', '2025-12-01'),
  x4: dispute('x4', 'E', 'placement_stability', '2026-03-02', 'i2'),
  x5: value(respondToDispute(escalate(dispute('x5', 'C', 'drift_and_delay', '2025-01-15'), 1, '2025-02-01'), '2025-02-05', 'Agreed plan')),
  x6: close(dispute('x6', 'F', 'health', '2025-06-02'), 'withdrawn', '2025-06-10'),
  /** Resolved after 31 March: open as at 31 March. */
  x7: close(dispute('x7', 'C', 'other', '2025-08-01'), 'resolved', '2026-04-05'),
};

export const smallRecords: PracticeRecords = {
  iros: [
    { id: 'i1', name: 'Iro One', fte: 1, activeFrom: '2020-01-01', activeTo: null },
    { id: 'i2', name: 'Iro Two', fte: 0.5, activeFrom: '2020-01-01', activeTo: null },
    { id: 'i3', name: 'Iro Three', fte: 0.8, activeFrom: '2020-01-01', activeTo: '2025-09-30' },
  ],
  allocations: [
    { id: 'a1', child: 'A', iro: 'i3', from: '2023-01-12', to: '2025-06-01' },
    { id: 'a2', child: 'A', iro: 'i1', from: '2025-06-01', to: null },
    { id: 'a3', child: 'B', iro: 'i1', from: '2023-01-12', to: null },
    { id: 'a4', child: 'C', iro: 'i1', from: '2024-06-05', to: null },
    { id: 'a5', child: 'D', iro: 'i2', from: '2025-09-05', to: null },
    { id: 'a6', child: 'E', iro: 'i2', from: '2025-09-09', to: null },
    { id: 'a7', child: 'G', iro: 'i2', from: '2025-04-17', to: '2025-12-01' },
    { id: 'a8', child: 'H', iro: 'i1', from: '2025-12-03', to: null },
  ],
  reviews,
  contacts,
  decisions: Object.values(decisions),
  disputes: Object.values(disputes),
  cards,
  siblingGroups: [
    { id: 'g1', children: ['A', 'B', 'C'], recorded: '2024-06-10' },
    { id: 'g2', children: ['D', 'E'], recorded: '2025-09-10' },
    { id: 'g3', children: ['F', 'G'], recorded: '2025-05-01' },
  ],
  disputeChain: chainDefault,
};

/** The records as they stood on 31 March 2026 for the worklist: without the changes made after that day. */
export const recordsOn31March: PracticeRecords = {
  ...smallRecords,
  decisions: smallRecords.decisions.filter((d) => d.id !== 'dLate'),
  disputes: smallRecords.disputes.filter((d) => d.id !== 'x7'),
  cards: smallRecords.cards.filter((c) => c.id !== 'card4'),
};
