import type { ZodType } from 'zod';
import { practiceCollections } from '../../../shared/data/repositories/practice-collections.ts';
import { updateRecord } from '../../../shared/data/repositories/records.ts';
import { implementDecision, makeDecision, markNotImplemented, reopenDecision } from '../../../shared/domain/practice/decisions.ts';
import type { Outcome } from '../../../shared/domain/practice/outcome.ts';
import {
  decisionImplementedSchema, decisionNotImplementedSchema, decisionReopenSchema, newDecisionSchema, type Decision,
} from '../../../shared/domain/practice/records.ts';
import {
  DecisionImplemented, DecisionNotImplemented, DecisionPage, DecisionParam, DecisionRecord, DecisionReopen, IfMatch, ListQuery, NewDecision, RecordHistory,
} from '../../../shared/contracts/api/practice.ts';
import { createOpenApiApp, defineRoute, json, problems } from '../openapi.ts';
import { accepted, atRevision, body, childIn903, createNew, found, historyResponse, listPage, parseBody, type TenantTable } from './practice-support.ts';

const { decisions } = practiceCollections;

const listDecisions = defineRoute('practice.read', {
  method: 'get', path: '/decisions', tags: ['Decisions'], summary: 'Review decisions and their implementation status',
  request: { query: ListQuery },
  responses: { 200: json(DecisionPage, 'one page of the decisions, or every decision of the child') },
});
const makeOne = defineRoute('decisions.write', {
  method: 'post', path: '/decisions', tags: ['Decisions'], summary: 'Record a decision of a review, with the person responsible for it (reg. 36)',
  request: { body: body(NewDecision) },
  responses: { 201: json(DecisionRecord, 'the decision, open, at revision 1'), ...problems('record_exists', 'unknown_child') },
});
const oneDecision = defineRoute('practice.read', {
  method: 'get', path: '/decisions/{decision}', tags: ['Decisions'], summary: 'One decision, with its status history',
  request: { params: DecisionParam },
  responses: { 200: json(DecisionRecord, 'the decision'), ...problems('not_found') },
});
const decisionHistory = defineRoute('practice.read', {
  method: 'get', path: '/decisions/{decision}/history', tags: ['Decisions'], summary: 'Every change to a decision: who, when, which fields before and after',
  request: { params: DecisionParam },
  responses: { 200: json(RecordHistory, 'the revisions, oldest first'), ...problems('not_found') },
});

/** One transition of the state machine: open → implemented | not implemented → reopened → … */
function transition(path: string, summary: string, schema: ZodType) {
  return defineRoute('decisions.write', {
    method: 'post', path: `/decisions/{decision}/${path}`, tags: ['Decisions'], summary,
    description: `${summary}. Send the revision you read in If-Match. A transition the decision's status does not allow, or a date before its last change, is 409 \`illegal_transition\` naming the rule and field; nothing changes`,
    request: { params: DecisionParam, headers: IfMatch, body: body(schema) },
    responses: { 200: json(DecisionRecord, 'the decision at its next revision'), ...problems('not_found', 'conflict', 'illegal_transition') },
  });
}
const implement = transition('implemented', 'Mark a decision implemented', DecisionImplemented);
const notImplemented = transition('not-implemented', "Mark a decision not implemented, with the LA's stated reason", DecisionNotImplemented);
const reopen = transition('reopen', 'Reopen an implemented or not implemented decision, optionally with a new due date', DecisionReopen);

/** A decision of a review, open at revision 1 (about a child of the LA's returns). */
export async function recordDecision(table: TenantTable, input: unknown) {
  const decision = parseBody(newDecisionSchema, input);
  await childIn903(table, decision.child);
  return createNew(table, decisions, decision.id, makeDecision(decision));
}

/** One transition on the revision the caller read: stale is 409 `conflict`, a refused one 409 `illegal_transition`. */
export async function applyDecisionChange(table: TenantTable, id: string, ifMatch: string, change: (d: Decision) => Outcome<Decision>) {
  const current = await atRevision(table, decisions, id, ifMatch);
  return updateRecord(table, decisions, id, current.rev, accepted(change(current.fields)));
}

export const practiceDecisionRoutes = createOpenApiApp()
  .openapi(listDecisions, async (c) => {
    return c.json(await listPage(c.var.data, decisions, c.req.valid('query')), 200);
  })
  .openapi(makeOne, async (c) => c.json(await recordDecision(c.var.data, c.req.valid('json')), 201))
  .openapi(oneDecision, async (c) => c.json(await found(c.var.data, decisions, c.req.valid('param').decision), 200))
  .openapi(decisionHistory, async (c) => c.json(await historyResponse(c.var.data, decisions, c.req.valid('param').decision), 200))
  .openapi(implement, async (c) => {
    const { date } = parseBody(decisionImplementedSchema, c.req.valid('json'));
    return c.json(await applyDecisionChange(c.var.data, c.req.valid('param').decision, c.req.valid('header')['if-match'], (d) => implementDecision(d, date)), 200);
  })
  .openapi(notImplemented, async (c) => {
    const { date, reason } = parseBody(decisionNotImplementedSchema, c.req.valid('json'));
    return c.json(await applyDecisionChange(c.var.data, c.req.valid('param').decision, c.req.valid('header')['if-match'], (d) => markNotImplemented(d, date, reason)), 200);
  })
  .openapi(reopen, async (c) => {
    const { date, due } = parseBody(decisionReopenSchema, c.req.valid('json'));
    return c.json(await applyDecisionChange(c.var.data, c.req.valid('param').decision, c.req.valid('header')['if-match'], (d) => reopenDecision(d, date, due)), 200);
  });
