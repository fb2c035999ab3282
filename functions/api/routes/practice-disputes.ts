import type { ZodType } from 'zod';
import {
  DISPUTE_SETTINGS_ID, loadDisputeChain, practiceCollections,
} from '../../../shared/data/repositories/practice-collections.ts';
import { createRecord, getRecord, updateRecord } from '../../../shared/data/repositories/records.ts';
import { closeDispute, escalateDispute, raiseDispute, respondToDispute } from '../../../shared/domain/practice/disputes.ts';
import type { Outcome } from '../../../shared/domain/practice/outcome.ts';
import {
  DEFAULT_DISPUTE_CHAIN, disputeChainSchema, disputeClosureSchema, disputeResponseSchema, escalationSchema, newDisputeSchema, type Dispute,
} from '../../../shared/domain/practice/records.ts';
import {
  DisputeChain, DisputeClosure, DisputeEscalation, DisputePage, DisputeParam, DisputeRecord, DisputeResponse, DisputeSettings,
  IfMatch, ListQuery, NewDispute, RecordHistory,
} from '../../../shared/contracts/api/practice.ts';
import { createOpenApiApp, defineRoute, json, problems } from '../openapi.ts';
import { ApiError } from '../problems.ts';
import { accepted, atRevision, body, childIn903, createNew, found, historyResponse, listPage, parseBody, revisionOf, type TenantTable } from './practice-support.ts';

const { disputes, disputeSettings } = practiceCollections;

const listDisputes = defineRoute('practice.read', {
  method: 'get', path: '/disputes', tags: ['Disputes'], summary: 'Disputes (IRO Handbook ch. 6): informal alerts and formal escalations',
  request: { query: ListQuery },
  responses: { 200: json(DisputePage, 'one page of the disputes, or every dispute of the child') },
});
const raise = defineRoute('disputes.write', {
  method: 'post', path: '/disputes', tags: ['Disputes'], summary: 'Raise a dispute with an informal alert',
  description: "The alert's response deadline comes from your LA's dispute settings (informal working days)",
  request: { body: body(NewDispute) },
  responses: { 201: json(DisputeRecord, 'the dispute, open at the informal stage, revision 1'), ...problems('record_exists', 'unknown_child') },
});
const oneDispute = defineRoute('practice.read', {
  method: 'get', path: '/disputes/{dispute}', tags: ['Disputes'], summary: 'One dispute with its steps, deadlines and events',
  request: { params: DisputeParam },
  responses: { 200: json(DisputeRecord, 'the dispute'), ...problems('not_found') },
});
const disputeHistory = defineRoute('practice.read', {
  method: 'get', path: '/disputes/{dispute}/history', tags: ['Disputes'], summary: 'Every change to a dispute: who, when, which fields before and after',
  request: { params: DisputeParam },
  responses: { 200: json(RecordHistory, 'the revisions, oldest first'), ...problems('not_found') },
});

function action(path: string, summary: string, schema: ZodType) {
  return defineRoute('disputes.write', {
    method: 'post', path: `/disputes/{dispute}/${path}`, tags: ['Disputes'], summary,
    description: `${summary}. Send the revision you read in If-Match. A step the dispute's state does not allow (closed, a stage not after the current one, a date before the last step) is 409 \`illegal_transition\` naming the rule and field; nothing changes`,
    request: { params: DisputeParam, headers: IfMatch, body: body(schema) },
    responses: { 200: json(DisputeRecord, 'the dispute at its next revision'), ...problems('not_found', 'conflict', 'illegal_transition') },
  });
}
const escalate = action('escalate', "Escalate to a formal stage of your LA's chain (stages may be skipped, never repeated)", DisputeEscalation);
const respond = action('respond', 'Record the response to the current step', DisputeResponse);
const close = action('close', 'Close the dispute: resolved, withdrawn or referred to Cafcass (s.25B(3))', DisputeClosure);

const readSettings = defineRoute('practice.read', {
  method: 'get', path: '/settings/disputes', tags: ['Disputes'], summary: "Your LA's dispute chain and working-day deadlines",
  responses: { 200: json(DisputeSettings, 'the chain in force (the default until an IRO manager sets one)') },
});
const writeSettings = defineRoute('disputes.configure', {
  method: 'put', path: '/settings/disputes', tags: ['Disputes'], summary: "Set your LA's dispute chain and working-day deadlines",
  description: 'Applies to disputes raised or escalated from now on; deadlines already set stay. If-Match: the `rev` read (0 for the default chain)',
  request: { headers: IfMatch, body: body(DisputeChain) },
  responses: { 200: json(DisputeSettings, 'the chain at its next revision'), ...problems('conflict') },
});

/** Raises a dispute about a child of the LA: the body checked, the child in the 903 returns, the chain's informal deadline. */
export async function raiseNewDispute(table: TenantTable, input: unknown) {
  const command = parseBody(newDisputeSchema, input);
  await childIn903(table, command.child);
  const dispute = raiseDispute(command, await loadDisputeChain(table));
  return createNew(table, disputes, command.id, dispute);
}

async function apply(table: TenantTable, id: string, ifMatch: string, change: (d: Dispute) => Outcome<Dispute>) {
  const current = await atRevision(table, disputes, id, ifMatch);
  return updateRecord(table, disputes, id, current.rev, accepted(change(current.fields)));
}

/**
 * The three steps of an open dispute, each at the revision the caller read (`ifMatch`): a stale one is 409
 * `conflict`, a step the state machine refuses is 409 `illegal_transition`; either way nothing changes.
 */
export const disputeSteps = {
  async escalate(table: TenantTable, id: string, ifMatch: string, input: unknown) {
    const command = parseBody(escalationSchema, input);
    const chain = await loadDisputeChain(table);
    return apply(table, id, ifMatch, (d) => escalateDispute(d, command, chain));
  },
  async respond(table: TenantTable, id: string, ifMatch: string, input: unknown) {
    const { date, text } = parseBody(disputeResponseSchema, input);
    return apply(table, id, ifMatch, (d) => respondToDispute(d, date, text));
  },
  async close(table: TenantTable, id: string, ifMatch: string, input: unknown) {
    const closure = parseBody(disputeClosureSchema, input);
    return apply(table, id, ifMatch, (d) => closeDispute(d, closure));
  },
};

/** The LA's chain in force and its revision (0 while the default applies). */
export async function readDisputeSettings(table: TenantTable) {
  const stored = await getRecord(table, disputeSettings, DISPUTE_SETTINGS_ID);
  return { rev: stored?.rev ?? 0, chain: stored?.fields ?? DEFAULT_DISPUTE_CHAIN };
}

/** Sets the LA's chain at the revision the caller read (0 for the default chain); a stale one is 409. */
export async function saveDisputeSettings(table: TenantTable, ifMatch: string, input: unknown) {
  const chain = parseBody(disputeChainSchema, input);
  const expected = revisionOf(ifMatch);
  const { rev: current } = await readDisputeSettings(table);
  if (current !== expected) throw new ApiError('conflict', `the settings are at revision ${current}, not ${expected}: reload them and apply your change again`, { currentRev: current });
  const saved = expected === 0
    ? await createRecord(table, disputeSettings, DISPUTE_SETTINGS_ID, chain)
    : await updateRecord(table, disputeSettings, DISPUTE_SETTINGS_ID, expected, chain);
  return { rev: saved.rev, chain: saved.fields };
}

export const practiceDisputeRoutes = createOpenApiApp()
  .openapi(listDisputes, async (c) => {
    return c.json(await listPage(c.var.data, disputes, c.req.valid('query')), 200);
  })
  .openapi(raise, async (c) => c.json(await raiseNewDispute(c.var.data, c.req.valid('json')), 201))
  .openapi(oneDispute, async (c) => c.json(await found(c.var.data, disputes, c.req.valid('param').dispute), 200))
  .openapi(disputeHistory, async (c) => c.json(await historyResponse(c.var.data, disputes, c.req.valid('param').dispute), 200))
  .openapi(escalate, async (c) => c.json(await disputeSteps.escalate(c.var.data, c.req.valid('param').dispute, c.req.valid('header')['if-match'], c.req.valid('json')), 200))
  .openapi(respond, async (c) => c.json(await disputeSteps.respond(c.var.data, c.req.valid('param').dispute, c.req.valid('header')['if-match'], c.req.valid('json')), 200))
  .openapi(close, async (c) => c.json(await disputeSteps.close(c.var.data, c.req.valid('param').dispute, c.req.valid('header')['if-match'], c.req.valid('json')), 200))
  .openapi(readSettings, async (c) => c.json(await readDisputeSettings(c.var.data), 200))
  .openapi(writeSettings, async (c) => c.json(await saveDisputeSettings(c.var.data, c.req.valid('header')['if-match'], c.req.valid('json')), 200));
