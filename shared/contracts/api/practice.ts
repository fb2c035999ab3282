/**
 * IRO practice record contracts. Each body and record schema is declared once, in the domain
 * (shared/domain/practice/records.ts, zod/mini); here it is turned into the classic zod the OpenAPI layer reads,
 * through its JSON Schema. Refinements across fields (a due date before the review) do not survive that trip:
 * the routes check every body against the domain schema again before anything is written.
 */
import * as z from 'zod';
import type * as zc from 'zod/v4/core';
import * as domain from '../../domain/practice/records.ts';
import { ChildId } from './children.ts';
import { IsoDate, Timestamp } from './common.ts';

function fromDomain(schema: zc.$ZodType, id: string, io: 'input' | 'output' = 'input') {
  return z.fromJSONSchema(z.toJSONSchema(schema, { io })).meta({ id });
}

const RecordId = z.string().regex(/^[\w-]{1,64}$/, 'a record id is 1–64 letters, digits, - or _');
const param = (name: string, description: string) => RecordId.meta({ param: { name, in: 'path' }, description });

export const IroParam = z.object({ iro: param('iro', 'the IRO id on the roster') });
export const ReviewParam = z.object({ review: param('review', 'the practice review id') });
export const DecisionParam = z.object({ decision: param('decision', 'the decision id') });
export const DisputeParam = z.object({ dispute: param('dispute', 'the dispute id') });

/** Every change to an existing record names the revision the client read (optimistic concurrency). */
export const IfMatch = z.object({
  'if-match': z.string().regex(/^"?\d{1,10}"?$/, 'the record revision you read, e.g. "3"')
    .meta({ param: { name: 'if-match', in: 'header' }, description: 'the `rev` of the record as you read it (0 for settings never saved); a stale one is 409 with `currentRev`' }),
});

/** A whole-LA list is paged (26,000 decisions of a large LA would not fit in one response); a child's is not. */
export const LIST_PAGE = { default: 100, max: 500 } as const;

export const ListQuery = z.strictObject({
  child: ChildId.optional().meta({ param: { name: 'child', in: 'query' }, description: "only this child's records, every one in one page (through the child index)" }),
  limit: z.coerce.number().int().min(1).max(LIST_PAGE.max).optional()
    .meta({ param: { name: 'limit', in: 'query' }, description: `records a page (default ${LIST_PAGE.default}, at most ${LIST_PAGE.max}); not with child` }),
  cursor: z.string().max(2000).optional().meta({ param: { name: 'cursor', in: 'query' }, description: 'from the previous page; not with child' }),
});

export const NewIro = fromDomain(domain.iroSchema, 'NewIro');
export const NewAllocation = fromDomain(domain.allocationCommandSchema, 'NewAllocation');
export const NewPracticeReview = fromDomain(domain.practiceReviewSchema, 'NewPracticeReview');
export const NewContact = fromDomain(domain.contactSchema, 'NewContact');
export const NewDecision = fromDomain(domain.newDecisionSchema, 'NewDecision');
export const DecisionImplemented = fromDomain(domain.decisionImplementedSchema, 'DecisionImplemented');
export const DecisionNotImplemented = fromDomain(domain.decisionNotImplementedSchema, 'DecisionNotImplemented');
export const DecisionReopen = fromDomain(domain.decisionReopenSchema, 'DecisionReopen');
export const NewDispute = fromDomain(domain.newDisputeSchema, 'NewDispute');
export const DisputeEscalation = fromDomain(domain.escalationSchema, 'DisputeEscalation');
export const DisputeResponse = fromDomain(domain.disputeResponseSchema, 'DisputeResponse');
export const DisputeClosure = fromDomain(domain.disputeClosureSchema, 'DisputeClosure');
export const DisputeChain = fromDomain(domain.disputeChainSchema, 'DisputeChain');
export const NewSiblingGroup = fromDomain(domain.siblingGroupSchema, 'NewSiblingGroup');

/** A stored practice record: its fields, revision and who created and last changed it. */
function stored(fields: z.ZodType, id: string) {
  return z.object({
    id: RecordId,
    rev: z.number().int().meta({ description: 'send it back in If-Match to change the record' }),
    child: ChildId.optional(),
    createdAt: Timestamp,
    createdBy: z.string(),
    updatedAt: Timestamp,
    updatedBy: z.string(),
    fields,
  }).meta({ id });
}
const listOf = (item: z.ZodType, id: string) => z.object({ count: z.number().int(), items: z.array(item) }).meta({ id });
/** One page of a list (the audit trail's shape): in id order, `cursor` present while records follow. */
const pageOf = (item: z.ZodType, id: string) => z.object({
  items: z.array(item),
  cursor: z.string().optional().meta({ description: 'present when more records follow: send it back as ?cursor=' }),
}).meta({ id });

export const IroRecord = stored(fromDomain(domain.iroSchema, 'Iro', 'output'), 'IroRecord');
export const IroList = listOf(IroRecord, 'IroList');
export const AllocationRecord = stored(fromDomain(domain.allocationSchema, 'Allocation', 'output'), 'AllocationRecord');
export const AllocationList = listOf(AllocationRecord, 'AllocationList');
export const AllocationPage = pageOf(AllocationRecord, 'AllocationPage');
export const ChildAllocation = z.object({
  child: ChildId,
  current: AllocationRecord.nullable().meta({ description: "today's spell, null when the child has no IRO" }),
  spells: z.array(AllocationRecord).meta({ description: 'every spell, oldest first: the allocation history' }),
}).meta({ id: 'ChildAllocation' });

export const Linked903Review = z.object({ yearEnding: z.number().int(), review: IsoDate, reviewCode: z.string() })
  .meta({ id: 'Linked903Review', description: "the 903 Reviews row of the same child and date, in the latest return holding it" });
export const PracticeReviewRecord = stored(fromDomain(domain.practiceReviewSchema, 'PracticeReview', 'output'), 'PracticeReviewRecord')
  .extend({ linked903: Linked903Review.nullable() }).meta({ id: 'PracticeReviewRecord' });
export const PracticeReviewPage = pageOf(PracticeReviewRecord, 'PracticeReviewPage');
export const ContactRecord = stored(fromDomain(domain.contactSchema, 'Contact', 'output'), 'ContactRecord');
export const ContactPage = pageOf(ContactRecord, 'ContactPage');
export const DecisionRecord = stored(fromDomain(domain.decisionSchema, 'Decision', 'output'), 'DecisionRecord');
export const DecisionPage = pageOf(DecisionRecord, 'DecisionPage');
export const DisputeRecord = stored(fromDomain(domain.disputeSchema, 'Dispute', 'output'), 'DisputeRecord');
export const DisputePage = pageOf(DisputeRecord, 'DisputePage');
export const SiblingGroupRecord = stored(fromDomain(domain.siblingGroupSchema, 'SiblingGroup', 'output'), 'SiblingGroupRecord');
export const SiblingGroupPage = pageOf(SiblingGroupRecord, 'SiblingGroupPage');

export const DisputeSettings = z.object({
  rev: z.number().int().meta({ description: '0 while the LA uses the default chain' }),
  chain: fromDomain(domain.disputeChainSchema, 'DisputeChainSettings', 'output'),
}).meta({ id: 'DisputeSettings' });

export const RecordHistory = z.object({
  id: RecordId,
  history: z.array(z.object({
    rev: z.number().int(),
    at: Timestamp,
    actor: z.object({ sub: z.string(), role: z.string(), capability: z.string() }),
    changes: z.array(z.object({ field: z.string(), before: z.unknown().optional(), after: z.unknown().optional() })),
  })),
}).meta({ id: 'RecordHistory', description: 'every applied revision, oldest first: who changed which fields, before and after' });

export const DateQuery = z.strictObject({
  date: IsoDate.optional().meta({ param: { name: 'date', in: 'query' }, description: 'the day to report on; default today (UTC)' }),
});

export const SiblingPlacementReport = z.object({
  date: IsoDate,
  summary: z.object({
    all: z.number().int(), some: z.number().int(), none: z.number().int(),
    foster: z.object({ all: z.number().int(), some: z.number().int(), none: z.number().int() }),
  }),
  children: z.array(z.object({
    child: ChildId,
    placement: z.enum(['all', 'some', 'none']),
    foster: z.boolean(),
    siblings: z.number().int(),
    together: z.number().int(),
  })),
}).meta({ id: 'SiblingPlacementReport', description: 'children looked after on the date with a looked-after sibling: placed with all, some or none of them (Children Act 1989 s.22C)' });

export const WorklistQuery = z.strictObject({
  iro: RecordId.optional().meta({ param: { name: 'iro', in: 'query' }, description: "IRO managers: one IRO's rows (an IRO sees only their own)" }),
  date: IsoDate.optional().meta({ param: { name: 'date', in: 'query' }, description: 'the day of the worklist; default today (UTC)' }),
});

export const Worklist = z.object({
  date: IsoDate,
  iro: RecordId.nullable().meta({ description: 'whose worklist; null for the whole LA' }),
  count: z.number().int(),
  rows: z.array(z.object({
    reason: z.enum([
      'review_overdue', 'review_due_soon', 'decision_overdue', 'dispute_step_overdue', 'feedback_follow_up',
      'no_iro_allocated', 'temporary_placement_too_long', 'three_or_more_placements', 'no_permanence_decision',
    ]),
    detail: z.string(),
    child: ChildId,
    iro: RecordId.nullable(),
    date: IsoDate,
    record: z.object({ type: z.enum(['review_sequence', 'decision', 'dispute', 'card', 'child', 'episode']), id: z.string() }),
    href: z.string().nullable().meta({ description: 'the API path of the record to open' }),
  })),
}).meta({ id: 'Worklist' });
