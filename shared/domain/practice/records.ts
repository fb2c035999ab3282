/**
 * IRO practice records (IRO-PRACTICE.md; DESIGN §4 metric 9): what the platform records beyond the 903 return.
 * Each record type is declared once, as a zod/mini schema (bounded text, real dates in order, codes from lists),
 * and its TypeScript type is inferred from it. Dates are ISO `YYYY-MM-DD`, as in the 903 records.
 */
import * as z from 'zod/mini';
import { PARTICIPATION_CODES } from '../metrics/types.ts';

const id = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only'));
/** A 903 CHILD id (the DfE allows up to 10 characters; some systems pad, so allow a little more). */
const childId = z.string().check(z.minLength(1), z.maxLength(20), z.regex(/^[A-Za-z0-9_-]+$/, 'a 903 CHILD id'));
const date = z.iso.date();
const personName = z.string().check(z.trim(), z.minLength(1), z.maxLength(100));
const shortText = z.string().check(z.trim(), z.minLength(1), z.maxLength(500));
const longText = z.string().check(z.trim(), z.minLength(1), z.maxLength(2000));

function notBefore<T>(later: (v: T) => string | null, earlier: (v: T) => string, field: string, what: string) {
  return z.refine<T>((v) => {
    const l = later(v);
    return l === null || l >= earlier(v);
  }, { message: what, path: [field] });
}

export const iroSchema = z.object({
  id,
  name: personName,
  /** Full-time equivalent, 0.1–1. */
  fte: z.number().check(z.minimum(0.1), z.maximum(1)),
  activeFrom: date,
  activeTo: z.nullable(date),
  /** The IRO's sign-in subject (the token's `sub`): how the worklist knows which IRO is asking. */
  sub: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
}).check(notBefore((v) => v.activeTo, (v) => v.activeFrom, 'activeTo', 'activeTo is before activeFrom'));
export type Iro = z.infer<typeof iroSchema>;

/** One spell of a child's IRO allocation; a change of IRO closes one spell and opens the next (the history). */
export const allocationSchema = z.object({
  id,
  child: childId,
  iro: id,
  /** The day the IRO was allocated (IRO Handbook: within 5 working days of the period of care starting). */
  from: date,
  /** The day the spell ended (the next IRO's `from`), null while current: allocated on d = from ≤ d < to. */
  to: z.nullable(date),
}).check(notBefore((v) => v.to, (v) => v.from, 'to', 'to is before from'));
export type Allocation = z.infer<typeof allocationSchema>;

/** A new allocation: the current spell, if any, is closed on `from` (allocations.ts). */
export const allocationCommandSchema = z.object({ id, child: childId, iro: id, from: date });
export type AllocationCommand = z.infer<typeof allocationCommandSchema>;

export const siblingGroupSchema = z.object({
  id,
  children: z.array(childId).check(
    z.minLength(2), z.maxLength(12),
    z.refine((c) => new Set(c).size === c.length, 'a child is listed twice'),
  ),
  recorded: date,
});
export type SiblingGroup = z.infer<typeof siblingGroupSchema>;

/** A review chaired in the platform; one review with the 903 review of the same child and date. */
export const practiceReviewSchema = z.object({
  id,
  child: childId,
  iro: id,
  date,
  participation: z.enum(PARTICIPATION_CODES),
  /** Reg. 36: the IRO speaks to the child privately before the review. */
  spokeToChildBefore: z.boolean(),
});
export type PracticeReview = z.infer<typeof practiceReviewSchema>;

export const CONTACT_KINDS = ['midway_review', 'visit', 'call', 'message'] as const;
export const contactSchema = z.object({
  id,
  child: childId,
  iro: id,
  date,
  kind: z.enum(CONTACT_KINDS),
  with: z.enum(['child', 'carer']),
});
export type Contact = z.infer<typeof contactSchema>;

export const DECISION_TOPICS = [
  'permanence', 'placement', 'contact', 'education', 'health', 'care_plan', 'participation', 'other',
] as const;
export type DecisionTopic = (typeof DECISION_TOPICS)[number];
export const NOT_IMPLEMENTED_REASONS = [
  'resources', 'placement_availability', 'change_of_circumstances', 'child_wishes', 'court_direction',
  'la_disagrees', 'other',
] as const;
export const DECISION_STATUSES = ['open', 'implemented', 'not_implemented', 'reopened'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** A decision as the review makes it (reg. 36: the person responsible for implementing it is identified). */
export const newDecisionSchema = z.object({
  id,
  child: childId,
  review: id,
  /** The review date. */
  made: date,
  text: longText,
  topic: z.enum(DECISION_TOPICS),
  owner: z.object({ role: personName, name: personName }),
  due: date,
}).check(notBefore((v) => v.due, (v) => v.made, 'due', 'due is before the review date'));
export type NewDecision = z.infer<typeof newDecisionSchema>;

export const notImplementedReasonSchema = z.object({
  category: z.enum(NOT_IMPLEMENTED_REASONS),
  /** The LA's stated reason (seed 001: recorded and part of the data given to Ofsted). */
  text: longText,
});
export type NotImplementedReason = z.infer<typeof notImplementedReasonSchema>;

/*
 * The stored states below (decision, dispute, feedback card and link) are declared as schemas, as the inputs are,
 * so the store can check what it reads back; the state machines (decisions.ts, disputes.ts, …) build them.
 */
const version = z.int().check(z.minimum(1));

export const decisionEventSchema = z.object({
  date,
  action: z.enum(['made', 'implemented', 'not_implemented', 'reopened', 'overdue']),
  status: z.enum(DECISION_STATUSES),
  reason: z.optional(notImplementedReasonSchema),
});
export type DecisionEvent = z.infer<typeof decisionEventSchema>;

export const decisionSchema = z.extend(newDecisionSchema, {
  status: z.enum(DECISION_STATUSES),
  /** Set while not implemented; cleared on reopening (the history keeps it). */
  reason: z.nullable(notImplementedReasonSchema),
  /** The date of the last implemented / not implemented outcome. */
  closed: z.nullable(date),
  /** Marked by the nightly deadlines run the day after `due` passes while open; cleared by an outcome. */
  overdueSince: z.nullable(date),
  /** Bumped by every change of the decision itself (the store keeps its own revision for concurrency). */
  version,
  history: z.array(decisionEventSchema).check(z.minLength(1)),
});
export type Decision = z.infer<typeof decisionSchema>;

export const DISPUTE_THEMES = [
  'placement_stability', 'permanence', 'drift_and_delay', 'contact', 'education', 'health',
  'care_plan_not_implemented', 'social_worker_not_allocated', 'child_participation', 'other',
] as const;
export type DisputeTheme = (typeof DISPUTE_THEMES)[number];
export const DISPUTE_OUTCOMES = ['resolved', 'withdrawn', 'referred_to_cafcass'] as const;
export type DisputeOutcome = (typeof DISPUTE_OUTCOMES)[number];

/** An LA's escalation chain (IRO-PRACTICE.md §2): configurable, default below. */
export const disputeChainSchema = z.object({
  /** Days for the informal alert to be answered before the IRO considers the formal process (Nottinghamshire: 10). */
  informalWorkingDays: z.int().check(z.minimum(1), z.maximum(60)),
  stages: z.array(z.object({ title: personName, workingDays: z.int().check(z.minimum(1), z.maximum(60)) }))
    .check(z.minLength(1), z.maxLength(8)),
  /** Handbook ch. 6: the formal process takes no more than 20 working days in total. */
  totalWorkingDays: z.int().check(z.minimum(1), z.maximum(120)),
});
export type DisputeChain = z.infer<typeof disputeChainSchema>;

export const DEFAULT_DISPUTE_CHAIN: DisputeChain = {
  informalWorkingDays: 10,
  stages: [
    { title: 'Team manager', workingDays: 5 },
    { title: 'Service manager / head of service', workingDays: 5 },
    { title: 'Assistant director / Director of Children’s Services', workingDays: 5 },
    { title: 'Chief Executive', workingDays: 5 },
  ],
  totalWorkingDays: 20,
};

export const newDisputeSchema = z.object({
  id,
  child: childId,
  iro: id,
  theme: z.enum(DISPUTE_THEMES),
  /** The informal alert: its date and who received it (social worker / team manager). */
  raised: date,
  alertRecipient: personName,
});
export type NewDispute = z.infer<typeof newDisputeSchema>;

/** The response to the current step (informal alert or formal stage). */
export const disputeResponseSchema = z.object({ date, text: longText });
export type DisputeResponse = z.infer<typeof disputeResponseSchema>;

/** Escalation to a formal stage of the LA's chain (1 = its first); the IRO may skip stages. */
export const escalationSchema = z.object({
  stage: z.int().check(z.minimum(1), z.maximum(8)),
  recipient: personName,
  date,
});
export type Escalation = z.infer<typeof escalationSchema>;

export const disputeClosureSchema = z.object({ outcome: z.enum(DISPUTE_OUTCOMES), date, summary: longText });
export type DisputeClosure = z.infer<typeof disputeClosureSchema>;

const stage = z.int().check(z.minimum(0), z.maximum(8));

/** The informal alert (stage 0) or a formal stage (1 = the chain's first). */
export const disputeStepSchema = z.object({
  stage,
  date,
  recipient: personName,
  due: date,
  response: z.nullable(disputeResponseSchema),
  /** Marked by the nightly run once `due` has passed with no response. */
  overdueSince: z.nullable(date),
});
export type DisputeStep = z.infer<typeof disputeStepSchema>;

export const disputeEventSchema = z.object({
  date,
  action: z.enum(['raised', 'escalated', 'responded', 'overdue', ...DISPUTE_OUTCOMES]),
  stage,
});
export type DisputeEvent = z.infer<typeof disputeEventSchema>;

export const disputeSchema = z.extend(newDisputeSchema, {
  status: z.enum(['open', ...DISPUTE_OUTCOMES]),
  /** Informal alert first, then each formal stage reached, in order (stages may be skipped). */
  steps: z.array(disputeStepSchema).check(z.minLength(1)),
  /** The whole formal process's deadline (totalWorkingDays after the first formal stage), null while informal. */
  formalDue: z.nullable(date),
  closure: z.nullable(disputeClosureSchema),
  version,
  history: z.array(disputeEventSchema).check(z.minLength(1)),
});
export type Dispute = z.infer<typeof disputeSchema>;

export const FEEDBACK_ANSWERS = ['good', 'ok', 'not_happy'] as const;
export type FeedbackAnswer = (typeof FEEDBACK_ANSWERS)[number];

export const feedbackAnswerSchema = z.object({
  answer: z.enum(FEEDBACK_ANSWERS),
  comment: z.nullable(shortText),
});

/** A Rate My Review card, returned through its one-time link or entered from paper. */
export const feedbackCardSchema = z.object({
  id,
  review: id,
  child: childId,
  iro: id,
  answer: z.enum(FEEDBACK_ANSWERS),
  comment: z.nullable(shortText),
  received: date,
  source: z.enum(['link', 'paper']),
  /** Set when the IRO has followed up a not-happy card or a comment. */
  followedUp: z.nullable(date),
});
export type FeedbackCard = z.infer<typeof feedbackCardSchema>;

/** A one-time Rate My Review link (feedback.ts): stored under its token's hash, never the token itself. */
export const feedbackLinkSchema = z.object({
  review: id,
  child: childId,
  iro: id,
  /** SHA-256 of the token, hex. */
  tokenHash: z.string().check(z.regex(/^[0-9a-f]{64}$/, 'a SHA-256 hex digest')),
  issued: date,
  /** Last day the link works. */
  expires: date,
  used: z.nullable(date),
});
export type FeedbackLink = z.infer<typeof feedbackLinkSchema>;

/** Command bodies for the decision transitions and the paper card entry. */
export const decisionImplementedSchema = z.object({ date });
export const decisionNotImplementedSchema = z.object({ date, reason: notImplementedReasonSchema });
export const decisionReopenSchema = z.object({ date, due: z.optional(date) });
export const paperCardSchema = z.object({ received: date, answer: z.enum(FEEDBACK_ANSWERS), comment: z.nullable(shortText) });

/** Every practice record of one LA, as the worklist, the nightly run and metric 9 read them. */
export interface PracticeRecords {
  iros: readonly Iro[];
  allocations: readonly Allocation[];
  reviews: readonly PracticeReview[];
  contacts: readonly Contact[];
  decisions: readonly Decision[];
  disputes: readonly Dispute[];
  cards: readonly FeedbackCard[];
  siblingGroups: readonly SiblingGroup[];
  disputeChain: DisputeChain;
}
