/**
 * Where each kind of IRO practice record is stored (IRO-PRACTICE.md): one record collection per kind, its
 * fields the domain's schema of the stored state (shared/domain/practice/records.ts). A collection about a child
 * names it, so every read of its records is audited by construction (records.ts). Record ids are the domain's
 * ids, except a feedback link, stored under its token's SHA-256 (so redeeming looks it up in one read) and the
 * LA's one dispute-settings record, `DISPUTE_SETTINGS_ID`.
 */
import * as z from 'zod/mini';
import {
  DEFAULT_DISPUTE_CHAIN, allocationSchema, contactSchema, decisionSchema, disputeChainSchema, disputeSchema,
  feedbackCardSchema, feedbackLinkSchema, iroSchema, practiceReviewSchema, siblingGroupSchema,
  type Decision, type DecisionStatus, type PracticeRecords,
} from '../../domain/practice/records.ts';
import { AWAITING_STATUSES, isAwaiting } from '../../domain/practice/decisions.ts';
import type { ScopedTable } from '../scoped-table.ts';
import type { TenantScope } from '../scopes.ts';
import { getRecord, indexUnindexed, listRecords, recordCollection, type Listing, type PracticeRecord, type RecordCollection } from './records.ts';

const aboutChild = (fields: { child: string }) => fields.child;

/** Every decision's list; `awaiting` holds the open and reopened, whose part due before today is the overdue. */
const ANY_STATUS = 'any';
const AWAITING = 'awaiting';

/** The decisions page's lists, each by due date: the decision's status's, every decision's and, while it awaits implementation, the awaiting. */
const decisionListings = (d: Decision): Listing[] => [d.status, ANY_STATUS, ...(isAwaiting(d) ? [AWAITING] : [])].map((list) => ({ list, sortable: d.due }));

/**
 * The list (and its part) of the decisions page's filters, for `listOrderedRecords`; undefined when no decision can
 * match (overdue, yet implemented or not implemented). Overdue is isDecisionOverdue: awaiting and due before `today`.
 */
export function decisionList(status: DecisionStatus | undefined, overdue: boolean, today: string): { list: string; below?: string } | undefined {
  if (!overdue) return { list: status ?? ANY_STATUS };
  if (status === undefined) return { list: AWAITING, below: today };
  return AWAITING_STATUSES.includes(status) ? { list: status, below: today } : undefined;
}

export const practiceCollections = {
  iros: recordCollection({ name: 'iros', fields: iroSchema }),
  allocations: recordCollection({ name: 'allocations', fields: allocationSchema, child: aboutChild }),
  reviews: recordCollection({ name: 'reviews', fields: practiceReviewSchema, child: aboutChild }),
  contacts: recordCollection({ name: 'contacts', fields: contactSchema, child: aboutChild }),
  decisions: recordCollection({ name: 'decisions', fields: decisionSchema, child: aboutChild, listings: decisionListings }),
  disputes: recordCollection({ name: 'disputes', fields: disputeSchema, child: aboutChild }),
  // A record names one child for its audit entry (a group's reads are filed under its first-listed child), and is
  // indexed under every member, so each child's page and `?child=` find the group.
  siblingGroups: recordCollection({ name: 'sibling-groups', fields: siblingGroupSchema, child: (g) => g.children[0]!, children: (g) => g.children }),
  feedbackLinks: recordCollection({ name: 'feedback-links', fields: feedbackLinkSchema, child: aboutChild }),
  feedbackCards: recordCollection({ name: 'feedback-cards', fields: feedbackCardSchema, child: aboutChild }),
  disputeSettings: recordCollection({ name: 'dispute-settings', fields: disputeChainSchema }),
};

/** The id of the LA's single dispute-settings record (its escalation chain and deadlines). */
export const DISPUTE_SETTINGS_ID = 'chain';

type TenantTable = ScopedTable<TenantScope>;

/** Every record of a collection, following the listing's cursor to the end. */
export async function listAllRecords<F extends z.ZodMiniType<Record<string, unknown>>>(
  table: TenantTable, collection: RecordCollection<F>,
): Promise<PracticeRecord<z.infer<F>>[]> {
  const out: PracticeRecord<z.infer<F>>[] = [];
  let cursor: string | undefined;
  do {
    const page = await listRecords(table, collection, { limit: 500, ...(cursor !== undefined && { cursor }) });
    out.push(...page.items);
    cursor = page.cursor;
  } while (cursor !== undefined);
  return out;
}

/** The LA's dispute chain: its stored settings, or the default chain until an IRO manager sets one. */
export async function loadDisputeChain(table: TenantTable): Promise<z.infer<typeof disputeChainSchema>> {
  return (await getRecord(table, practiceCollections.disputeSettings, DISPUTE_SETTINGS_ID))?.fields ?? DEFAULT_DISPUTE_CHAIN;
}

/** Every practice record of the LA, as the worklist, the nightly deadlines run and metric 9 read them. */
export async function loadPracticeRecords(table: TenantTable): Promise<PracticeRecords> {
  const c = practiceCollections;
  const fieldsOf = async <F extends z.ZodMiniType<Record<string, unknown>>>(coll: RecordCollection<F>) =>
    (await listAllRecords(table, coll)).map((r) => r.fields);
  const [iros, allocations, reviews, contacts, decisions, disputes, cards, siblingGroups, disputeChain] = await Promise.all([
    fieldsOf(c.iros), fieldsOf(c.allocations), fieldsOf(c.reviews), fieldsOf(c.contacts), fieldsOf(c.decisions),
    fieldsOf(c.disputes), fieldsOf(c.feedbackCards), fieldsOf(c.siblingGroups), loadDisputeChain(table),
  ]);
  return { iros, allocations, reviews, contacts, decisions, disputes, cards, siblingGroups, disputeChain };
}

/**
 * Indexes the loaded records the child index misses (records written before it existed, sibling groups indexed
 * under their first child only), so a child's page and `?child=` find them, and the decisions the order index misses
 * (written before it existed), so the decisions page lists them; returns how many.
 */
export async function indexPracticeRecords(table: TenantTable, practice: PracticeRecords): Promise<number> {
  const c = practiceCollections;
  const each = <F extends z.ZodMiniType<Record<string, unknown>>>(coll: RecordCollection<F>, records: readonly (z.infer<F> & { id: string })[]) =>
    indexUnindexed(table, coll, records.map((fields) => ({ id: fields.id, fields })));
  const counts = await Promise.all([
    each(c.allocations, practice.allocations), each(c.reviews, practice.reviews), each(c.contacts, practice.contacts),
    each(c.decisions, practice.decisions), each(c.disputes, practice.disputes), each(c.feedbackCards, practice.cards),
    each(c.siblingGroups, practice.siblingGroups),
  ]);
  return counts.reduce((a, b) => a + b, 0);
}
