import { describe, expect, it } from 'vitest';
import { systemActor } from '../../shared/data/audit.ts';
import { recordKeys, tenantKeys } from '../../shared/data/keys.ts';
import { loadDataset } from '../../shared/data/repositories/datasets.ts';
import { loadPracticeRecords, practiceCollections } from '../../shared/data/repositories/practice-collections.ts';
import { createRecord, seedRecords } from '../../shared/data/repositories/records.ts';
import { loadWorklistInputs } from '../../shared/data/repositories/worklist.ts';
import { tenantScope } from '../../shared/data/scopes.ts';
import { makeDecision } from '../../shared/domain/practice/decisions.ts';
import { raiseDispute } from '../../shared/domain/practice/disputes.ts';
import { DEFAULT_DISPUTE_CHAIN } from '../../shared/domain/practice/records.ts';
import { buildWorklist } from '../../shared/domain/practice/worklist.ts';
import type { TokenClaims } from '../../functions/local/dev-issuer.ts';
import { child, dataset, lookedAfterChildren } from '../helpers/records.ts';
import { usePlatform } from '../helpers/platform.ts';

/**
 * The worklist through the basis the tenant job stores (pipeline on dynalite and fauxqs, the job's "today" 10 June
 * 2025), read over real HTTP: the same rows as a build from everything, and a record changed after the job is
 * seen at once. Kent holds 30 children looked after since 10 January 2024 and 10 who left care in 2024.
 */
const ctx = usePlatform({ now: () => new Date('2025-06-10T02:00:00Z') });
const LA = '886';
const MANAGER: TokenClaims = { role: 'iro_manager', tenant: LA, sub: 'mgr-1' };
const DATE = '2025-06-10';
const table = () => ctx.platform.data.for(tenantScope(LA), { actor: systemActor('test-setup') });
const c = practiceCollections;
/** The pipeline runs several jobs per test; the box is shared. */
const SLOW = { timeout: 180_000 };
const left = Array.from({ length: 10 }, (_, i) => child(`L${String(i + 1).padStart(3, '0')}`, [{ dec: '2024-09-30', rec: 'E11' }]));

type Json = Record<string, any>;
async function send(method: string, path: string, body?: unknown, rev?: number): Promise<{ status: number; body: Json }> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (rev !== undefined) headers['if-match'] = `"${rev}"`;
  const res = await ctx.get(path, MANAGER, { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) });
  return { status: res.status, body: await res.json() as Json };
}

/** The worklist built from everything stored, without the route or the basis: what the route must answer. */
async function fromEverything(date: string) {
  const stored = await loadDataset(table(), 2025);
  const rows = buildWorklist(stored!.dataset, await loadPracticeRecords(table()), date);
  return rows.map((r) => ({ ...r, href: expect.anything() as unknown }));
}

const routeRows = async (date: string) => {
  const res = await send('GET', `/worklist?date=${date}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.rows as Json[];
};

describe('the worklist from the stored basis', () => {
  it('setup: returns, an IRO with 20 of the children, an overdue decision, and one run of the pipeline', SLOW, async () => {
    await ctx.seed(LA, dataset(2025, [...lookedAfterChildren('K', 30), ...left]));
    const t = table();
    await createRecord(t, c.iros, 'i1', { id: 'i1', name: 'Ada Lovelace', fte: 1, activeFrom: '2020-01-01', activeTo: null });
    for (const k of lookedAfterChildren('K', 20)) await createRecord(t, c.allocations, `a-${k.child}`, { id: `a-${k.child}`, child: k.child, iro: 'i1', from: '2024-01-12', to: null });
    await createRecord(t, c.allocations, 'a-L001', { id: 'a-L001', child: 'L001', iro: 'i1', from: '2024-01-12', to: '2024-09-30' });
    await createRecord(t, c.decisions, 'dec-1', makeDecision({
      id: 'dec-1', child: 'K001', review: 'rev-1', made: '2025-01-15', text: 'Arrange weekly contact with grandmother', topic: 'contact',
      owner: { role: 'Social worker', name: 'Sam Smith' }, due: '2025-02-14',
    }));
    await ctx.platform.tick();
    await ctx.platform.drain();
    const chunks = await t.query(tenantKeys.worklistBasisPrefix(t.scope).pk, { skPrefix: 'WORKLIST#', type: 'worklist-basis' });
    expect(chunks.map((x) => [x.from, x.chunk, x.chunks])).toEqual([[DATE, 0, 1]]);
    // The children who left care and the closed spell are not in it.
    const basis = JSON.parse(chunks[0]!.data) as { dataset: { children: { child: string }[] }; records: { allocations: unknown[] } };
    expect(basis.dataset.children).toHaveLength(30);
    expect(basis.records.allocations).toHaveLength(20);
  });

  it('serves the same rows as a build from everything, on its date and later', SLOW, async () => {
    for (const date of [DATE, '2025-07-01']) {
      expect((await loadWorklistInputs(table(), date))?.source).toBe('basis');
      const rows = await routeRows(date);
      expect(rows.filter((r) => r.reason === 'no_iro_allocated')).toHaveLength(10);
      expect(rows).toContainEqual(expect.objectContaining({ reason: 'decision_overdue', record: { type: 'decision', id: 'dec-1' }, href: '/decisions/dec-1' }));
      expect(rows).toEqual(await fromEverything(date));
    }
  });

  it('shows a record changed after the job at once: an implemented decision leaves, an allocation removes a no-IRO row, a dispute arrives', SLOW, async () => {
    // Revision 2: the nightly run marked it overdue.
    expect((await send('POST', '/decisions/dec-1/implemented', { date: DATE }, 2)).status).toBe(200);
    expect((await send('POST', '/allocations', { id: 'a-K021', child: 'K021', iro: 'i1', from: '2025-06-01' })).status).toBe(201);
    const dispute = raiseDispute({ id: 'ds-1', child: 'K002', iro: 'i1', theme: 'contact', raised: '2025-05-01', alertRecipient: 'Team manager' }, DEFAULT_DISPUTE_CHAIN);
    await createRecord(table(), c.disputes, 'ds-1', dispute);
    expect((await loadWorklistInputs(table(), DATE))?.source).toBe('basis');
    const rows = await routeRows(DATE);
    expect(rows.filter((r) => r.record.id === 'dec-1')).toEqual([]);
    expect(rows.filter((r) => r.reason === 'no_iro_allocated').map((r) => r.child)).not.toContain('K021');
    // The informal alert of 1 May (10 working days) was due 15 May and is unanswered.
    expect(rows).toContainEqual(expect.objectContaining({ reason: 'dispute_step_overdue', child: 'K002', record: { type: 'dispute', id: 'ds-1' } }));
    expect(rows).toEqual(await fromEverything(DATE));
  });

  it('is not used for a date before it, for other dataset versions, or after a collection was seeded in bulk', SLOW, async () => {
    expect((await loadWorklistInputs(table(), '2025-03-31'))?.source).toBe('everything');
    expect(await routeRows('2025-03-31')).toEqual(await fromEverything('2025-03-31'));

    await ctx.seed(LA, dataset(2025, [...lookedAfterChildren('K', 30), ...left, child('K031')]));
    expect((await loadWorklistInputs(table(), DATE))?.source).toBe('everything');
    expect(await routeRows(DATE)).toContainEqual(expect.objectContaining({ reason: 'no_iro_allocated', child: 'K031' }));
    await ctx.platform.tick();
    await ctx.platform.drain();
    expect((await loadWorklistInputs(table(), DATE))?.source).toBe('basis');
    expect(await routeRows(DATE)).toEqual(await fromEverything(DATE));

    await seedRecords(table(), c.feedbackCards, [{ id: 'card-1', fields: {
      id: 'card-1', review: 'rev-1', child: 'K003', iro: 'i1', answer: 'not_happy', comment: null, received: '2025-06-02', source: 'paper', followedUp: null,
    } }]);
    expect((await loadWorklistInputs(table(), DATE))?.source).toBe('everything');
    expect(await routeRows(DATE)).toContainEqual(expect.objectContaining({ reason: 'feedback_follow_up', child: 'K003' }));
  });
});

describe("a child's decisions (GET /decisions?child=) from the child index", () => {
  it('lists exactly the child’s decisions, in id order, and audits the read under the child', SLOW, async () => {
    const t = table();
    for (const [id, kid] of [['dec-3', 'K004'], ['dec-2', 'K004'], ['dec-4', 'K005']] as const) {
      await createRecord(t, c.decisions, id, makeDecision({
        id, child: kid, review: 'rev-9', made: '2025-05-01', text: 'Review the care plan', topic: 'care_plan', owner: { role: 'Social worker', name: 'Sam Smith' }, due: '2025-07-01',
      }));
    }
    const list = await send('GET', '/decisions?child=K004');
    expect(list.body.items.map((d: Json) => [d.id, d.fields.child])).toEqual([['dec-2', 'K004'], ['dec-3', 'K004']]);
    expect((await send('GET', '/decisions?child=K999')).body).toEqual({ items: [] });
    const trail = await send('GET', '/audit?child=K004');
    expect(trail.body.entries).toContainEqual(expect.objectContaining({ actor: expect.objectContaining({ sub: 'mgr-1' }), read: 'record-child' }));
  });

  it('a decision stored before the index existed is indexed by the next run of the tenant job', SLOW, async () => {
    const t = table();
    await t.batchDelete([recordKeys.childIndex(t.scope, c.decisions.name, 'K005', 'dec-4')]);
    expect((await send('GET', '/decisions?child=K005')).body.items).toEqual([]);
    await ctx.platform.tick();
    await ctx.platform.drain();
    expect((await send('GET', '/decisions?child=K005')).body.items.map((d: Json) => d.id)).toEqual(['dec-4']);
  });
});

