import { beforeAll, describe, expect, it } from 'vitest';
import type { TokenClaims } from '../../functions/local/dev-issuer.ts';
import { child, dataset } from '../helpers/records.ts';
import { usePlatform } from '../helpers/platform.ts';

/**
 * Issue 10: IRO practice records over real HTTP against the real local platform (dynalite, real tokens).
 * Kent (886) holds five children in its 2025 return, looked after since 2024-01-10; K001 has a 903 review on
 * 2024-02-01; K004 is placed elsewhere (another postcode), so it is not with its sibling K003.
 */
const ctx = usePlatform();
const LA = '886';
const MANAGER: TokenClaims = { role: 'iro_manager', tenant: LA, sub: 'mgr-1' };
const ALICE: TokenClaims = { role: 'iro', tenant: LA, sub: 'sub-alice' };
const BOB: TokenClaims = { role: 'iro', tenant: LA, sub: 'sub-bob' };
const STRANGER: TokenClaims = { role: 'iro', tenant: LA, sub: 'sub-nobody' };

type Json = Record<string, any>;

async function send(method: string, path: string, claims: TokenClaims, body?: unknown, rev?: number): Promise<{ status: number; body: Json }> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (rev !== undefined) headers['if-match'] = `"${rev}"`;
  const res = await ctx.get(path, claims, { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) as Json : {} };
}
const get = (path: string, claims: TokenClaims = MANAGER) => send('GET', path, claims);

beforeAll(async () => {
  const k001 = child('K001');
  k001.reviews = [{ child: 'K001', dob: '2012-05-01', review: '2024-02-01', reviewCode: 'PN1' }];
  await ctx.seed(LA, dataset(2025, [k001, child('K002'), child('K003'), child('K004', [{ plPost: 'ZZ9' }]), child('K005')]));
  for (const [id, name, sub] of [['alice', 'Alice Adams', 'sub-alice'], ['bob', 'Bob Brown', 'sub-bob']] as const) {
    expect((await send('POST', '/iros', MANAGER, { id, name, fte: 1, activeFrom: '2020-01-01', activeTo: null, sub })).status).toBe(201);
  }
});

describe('roster and allocations', () => {
  it('only an IRO manager changes the roster; a bad entry is 400 naming the field and stores nothing', async () => {
    expect((await send('POST', '/iros', ALICE, { id: 'carol', name: 'Carol', fte: 1, activeFrom: '2020-01-01', activeTo: null })).status).toBe(403);
    const bad = await send('POST', '/iros', MANAGER, { id: 'carol', name: 'Carol', fte: 2, activeFrom: '2020-01-01', activeTo: '2019-01-01' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: Json) => e.field)).toEqual(expect.arrayContaining(['fte']));
    const dates = await send('POST', '/iros', MANAGER, { id: 'carol', name: 'Carol', fte: 0.5, activeFrom: '2020-01-01', activeTo: '2019-01-01' });
    expect(dates).toMatchObject({ status: 400, body: { errors: [{ field: 'activeTo' }] } });
    expect((await get('/iros')).body.items.map((i: Json) => i.id)).toEqual(['alice', 'bob']);

    const changed = await send('PUT', '/iros/bob', MANAGER, { id: 'bob', name: 'Bob Brown', fte: 0.8, activeFrom: '2020-01-01', activeTo: null, sub: 'sub-bob' }, 1);
    expect(changed).toMatchObject({ status: 200, body: { rev: 2, fields: { fte: 0.8 } } });
    const history = await get('/iros/bob/history');
    expect(history.body.history.map((h: Json) => [h.rev, h.actor.sub, h.changes.map((c: Json) => c.field)])).toEqual([[1, 'mgr-1', expect.any(Array)], [2, 'mgr-1', ['fte']]]);
  });

  it('a change of IRO closes the current spell on the day the next begins: the history is kept', async () => {
    const first = await send('POST', '/allocations', MANAGER, { id: 'a-k001-1', child: 'K001', iro: 'alice', from: '2025-01-06' });
    expect(first).toMatchObject({ status: 201, body: { count: 1 } });
    const second = await send('POST', '/allocations', MANAGER, { id: 'a-k001-2', child: 'K001', iro: 'bob', from: '2025-03-03' });
    expect(second.status).toBe(201);
    expect(second.body.items.map((s: Json) => [s.id, s.fields.iro, s.fields.from, s.fields.to, s.rev])).toEqual([
      ['a-k001-1', 'alice', '2025-01-06', '2025-03-03', 2],
      ['a-k001-2', 'bob', '2025-03-03', null, 1],
    ]);
    const view = await get('/children/K001/allocation', ALICE);
    expect(view.status).toBe(200);
    expect(view.body.current.fields.iro).toBe('bob');
    expect(view.body.spells.map((s: Json) => s.fields.iro)).toEqual(['alice', 'bob']);
    for (const [id, c, iro] of [['a-k002', 'K002', 'alice'], ['a-k003', 'K003', 'bob']]) {
      expect((await send('POST', '/allocations', MANAGER, { id, child: c, iro, from: '2025-01-06' })).status).toBe(201);
    }
  });

  it('refuses an allocation for a child not in the 903 returns (422), an earlier date or an IRO off the roster (409), changing nothing', async () => {
    const before = (await get('/allocations')).body.items.length as number;
    const unknown = await send('POST', '/allocations', MANAGER, { id: 'a-x', child: 'M001', iro: 'alice', from: '2025-01-06' });
    expect(unknown).toMatchObject({ status: 422, body: { code: 'unknown_child', field: 'child' } });
    expect(JSON.stringify(unknown.body)).not.toContain('M001');
    const earlier = await send('POST', '/allocations', MANAGER, { id: 'a-y', child: 'K001', iro: 'alice', from: '2025-02-01' });
    expect(earlier).toMatchObject({ status: 409, body: { code: 'illegal_transition', rule: 'date_before_previous', field: 'from' } });
    const offRoster = await send('POST', '/allocations', MANAGER, { id: 'a-z', child: 'K004', iro: 'zed', from: '2025-02-01' });
    expect(offRoster).toMatchObject({ status: 409, body: { rule: 'unknown_iro', field: 'iro' } });
    expect((await send('POST', '/allocations', ALICE, { id: 'a-w', child: 'K004', iro: 'alice', from: '2025-02-01' })).status).toBe(403);
    expect((await get('/allocations')).body.items).toHaveLength(before);
    expect((await get('/children/M001/allocation')).status).toBe(404);
  });
});

describe('reviews and contacts', () => {
  it('a review chaired here is linked to the 903 review of the same date; another date has no link', async () => {
    const linked = await send('POST', '/reviews', ALICE, { id: 'r-k001-1', child: 'K001', iro: 'alice', date: '2024-02-01', participation: 'PN1', spokeToChildBefore: true });
    expect(linked).toMatchObject({ status: 201, body: { rev: 1, child: 'K001', linked903: { yearEnding: 2025, review: '2024-02-01', reviewCode: 'PN1' } } });
    const unlinked = await send('POST', '/reviews', ALICE, { id: 'r-k002-1', child: 'K002', iro: 'alice', date: '2025-02-10', participation: 'PN3', spokeToChildBefore: false });
    expect(unlinked).toMatchObject({ status: 201, body: { linked903: null } });
    expect((await get('/reviews/r-k001-1', BOB)).body.linked903.review).toBe('2024-02-01');
    expect((await get('/reviews?child=K002')).body.items.map((r: Json) => r.id)).toEqual(['r-k002-1']);
  });

  it('records contacts between reviews, and refuses an unknown IRO or child', async () => {
    expect((await send('POST', '/contacts', ALICE, { id: 'c1', child: 'K002', iro: 'alice', date: '2025-03-01', kind: 'midway_review', with: 'child' })).status).toBe(201);
    expect(await send('POST', '/contacts', ALICE, { id: 'c2', child: 'K002', iro: 'nobody', date: '2025-03-01', kind: 'visit', with: 'child' }))
      .toMatchObject({ status: 409, body: { rule: 'unknown_iro', field: 'iro' } });
    expect(await send('POST', '/contacts', ALICE, { id: 'c3', child: 'K999', iro: 'alice', date: '2025-03-01', kind: 'visit', with: 'child' }))
      .toMatchObject({ status: 422, body: { field: 'child' } });
    expect(await send('POST', '/contacts', ALICE, { id: 'c4', child: 'K002', iro: 'alice', date: '2025-03-01', kind: 'telepathy', with: 'child' }))
      .toMatchObject({ status: 400, body: { errors: [{ field: 'kind' }] } });
    expect((await get('/contacts?child=K002')).body.items.map((c: Json) => c.id)).toEqual(['c1']);
  });
});

const DECISION = {
  id: 'd1', child: 'K001', review: 'r-k001-1', made: '2024-02-01', text: 'Explore a permanent placement with the maternal aunt',
  topic: 'permanence', owner: { role: 'Team manager', name: 'Tess Manning' }, due: '2024-03-01',
};

describe('review decisions', () => {
  it('not implemented with the LA\'s reason, reopened, then implemented: every change in the history', async () => {
    const made = await send('POST', '/decisions', ALICE, DECISION);
    expect(made).toMatchObject({ status: 201, body: { rev: 1, fields: { status: 'open', version: 1 } } });
    const reason = { category: 'placement_availability', text: 'No foster placement near school' };
    const notDone = await send('POST', '/decisions/d1/not-implemented', ALICE, { date: '2024-03-05', reason }, 1);
    expect(notDone).toMatchObject({ status: 200, body: { rev: 2, fields: { status: 'not_implemented', reason, closed: '2024-03-05' } } });
    const reopened = await send('POST', '/decisions/d1/reopen', ALICE, { date: '2024-04-01', due: '2024-05-01' }, 2);
    expect(reopened).toMatchObject({ status: 200, body: { rev: 3, fields: { status: 'reopened', reason: null, due: '2024-05-01' } } });
    const done = await send('POST', '/decisions/d1/implemented', BOB, { date: '2024-04-20' }, 3);
    expect(done).toMatchObject({ status: 200, body: { rev: 4, fields: { status: 'implemented', closed: '2024-04-20' } } });
    expect(done.body.fields.history.map((e: Json) => e.action)).toEqual(['made', 'not_implemented', 'reopened', 'implemented']);

    const history = await get('/decisions/d1/history', ALICE);
    expect(history.status).toBe(200);
    expect(history.body.history.map((h: Json) => [h.rev, h.actor.sub, h.actor.capability])).toEqual([
      [1, 'sub-alice', 'decisions.write'], [2, 'sub-alice', 'decisions.write'], [3, 'sub-alice', 'decisions.write'], [4, 'sub-bob', 'decisions.write'],
    ]);
    const statusChange = history.body.history[1].changes.find((c: Json) => c.field === 'status');
    expect(statusChange).toEqual({ field: 'status', before: 'open', after: 'not_implemented' });
  });

  it('every illegal transition is 409 naming the rule and field, and the decision is unchanged', async () => {
    const before = (await get('/decisions/d1')).body;
    const attempts: [string, unknown, string, string][] = [
      ['implemented', { date: '2024-05-01' }, 'decision_not_awaiting', 'status'],
      ['not-implemented', { date: '2024-05-01', reason: { category: 'other', text: 'x' } }, 'decision_not_awaiting', 'status'],
      ['reopen', { date: '2024-04-19' }, 'date_before_previous', 'date'],
      ['reopen', { date: '2024-05-01', due: '2024-01-01' }, 'due_before_review', 'due'],
    ];
    for (const [action, body, rule, field] of attempts) {
      const res = await send('POST', `/decisions/d1/${action}`, ALICE, body, before.rev);
      expect(res, action).toMatchObject({ status: 409, body: { code: 'illegal_transition', rule, field } });
      expect(res.body.type).toBe('urn:iro-platform:problem:illegal_transition');
    }
    expect((await get('/decisions/d1')).body).toEqual(before);
    expect((await get('/decisions/d1/history')).body.history).toHaveLength(4);
  });

  it('bad input is 400 naming each field; a stale or missing revision changes nothing', async () => {
    const early = await send('POST', '/decisions', ALICE, { ...DECISION, id: 'd2', due: '2024-01-01' });
    expect(early).toMatchObject({ status: 400, body: { code: 'invalid_request', errors: [{ field: 'due' }] } });
    const wrong = await send('POST', '/decisions', ALICE, { ...DECISION, id: 'd2', topic: 'astrology', owner: { role: 'TM' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.map((e: Json) => e.field)).toEqual(expect.arrayContaining(['topic', 'owner.name']));
    expect((await get('/decisions/d2')).status).toBe(404);
    expect(await send('POST', '/decisions', ALICE, { ...DECISION, id: 'd3', child: 'K404' })).toMatchObject({ status: 422, body: { code: 'unknown_child', field: 'child' } });
    expect(await send('POST', '/decisions', ALICE, DECISION)).toMatchObject({ status: 409, body: { code: 'record_exists' } });

    expect((await send('POST', '/decisions', ALICE, { ...DECISION, id: 'd4' })).status).toBe(201);
    expect(await send('POST', '/decisions/d4/implemented', ALICE, { date: '2024-02-10' }, 7)).toMatchObject({ status: 409, body: { code: 'conflict', currentRev: 1 } });
    expect(await send('POST', '/decisions/d4/implemented', ALICE, { date: '2024-02-10' })).toMatchObject({ status: 400, body: { errors: [{ field: 'if-match' }] } });
    expect((await get('/decisions/d4')).body).toMatchObject({ rev: 1, fields: { status: 'open' } });
  });

  it('two concurrent edits from the same revision: exactly one succeeds, the other is 409', async () => {
    expect((await send('POST', '/decisions', ALICE, { ...DECISION, id: 'd5' })).status).toBe(201);
    const results = await Promise.all([
      send('POST', '/decisions/d5/implemented', ALICE, { date: '2024-02-10' }, 1),
      send('POST', '/decisions/d5/not-implemented', BOB, { date: '2024-02-11', reason: { category: 'resources', text: 'No budget' } }, 1),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.body.code).toBe('conflict');
    const after = (await get('/decisions/d5')).body;
    expect(after.rev).toBe(2);
    expect(after.fields.status).toBe(results.find((r) => r.status === 200)!.body.fields.status);
    expect((await get('/decisions/d5/history')).body.history).toHaveLength(2);
  });
});

const DISPUTE = { child: 'K002', iro: 'alice', theme: 'permanence', raised: '2025-01-06', alertRecipient: 'Sam Social (social worker)' };

describe('disputes', () => {
  it('alerted informally, escalated to the team manager, then (skipping a stage) the DCS and the Chief Executive, resolved', async () => {
    const raised = await send('POST', '/disputes', ALICE, { ...DISPUTE, id: 'p1' });
    // Default chain: the informal alert is answered within 10 working days: Mon 6 Jan 2025 + 10 = Mon 20 Jan.
    expect(raised).toMatchObject({ status: 201, body: { rev: 1, fields: { status: 'open', steps: [{ stage: 0, due: '2025-01-20', response: null }], formalDue: null } } });
    const tm = await send('POST', '/disputes/p1/escalate', ALICE, { stage: 1, recipient: 'Tina (team manager)', date: '2025-01-21' }, 1);
    // Tue 21 Jan + 5 working days = Tue 28 Jan; the whole formal process 20 working days = Tue 18 Feb.
    expect(tm).toMatchObject({ status: 200, body: { rev: 2, fields: { formalDue: '2025-02-18' } } });
    expect(tm.body.fields.steps[1]).toMatchObject({ stage: 1, due: '2025-01-28' });
    const dcs = await send('POST', '/disputes/p1/escalate', ALICE, { stage: 3, recipient: 'Dana (DCS)', date: '2025-01-29' }, 2);
    expect(dcs.status).toBe(200);
    expect(dcs.body.fields.steps.map((s: Json) => s.stage)).toEqual([0, 1, 3]);
    expect(dcs.body.fields.formalDue).toBe('2025-02-18');
    const chief = await send('POST', '/disputes/p1/escalate', ALICE, { stage: 4, recipient: 'Chris (Chief Executive)', date: '2025-02-05' }, 3);
    expect(chief.body.fields.steps.at(-1)).toMatchObject({ stage: 4, due: '2025-02-12' });
    const answer = await send('POST', '/disputes/p1/respond', ALICE, { date: '2025-02-10', text: 'Funding agreed for a placement for both brothers' }, 4);
    expect(answer.body.fields.steps.at(-1).response).toEqual({ date: '2025-02-10', text: 'Funding agreed for a placement for both brothers' });
    const closed = await send('POST', '/disputes/p1/close', ALICE, { outcome: 'resolved', date: '2025-02-14', summary: 'Two brothers placed together' }, 5);
    expect(closed).toMatchObject({ status: 200, body: { rev: 6, fields: { status: 'resolved', closure: { outcome: 'resolved' } } } });
    expect(closed.body.fields.history.map((e: Json) => [e.action, e.stage])).toEqual([
      ['raised', 0], ['escalated', 1], ['escalated', 3], ['escalated', 4], ['responded', 4], ['resolved', 4],
    ]);
    expect((await get('/disputes/p1/history')).body.history).toHaveLength(6);
  });

  it('every illegal step is 409 naming the rule and field, and the dispute is unchanged', async () => {
    expect((await send('POST', '/disputes', ALICE, { ...DISPUTE, id: 'p2' })).status).toBe(201);
    expect((await send('POST', '/disputes/p2/escalate', ALICE, { stage: 2, recipient: 'Sol (service manager)', date: '2025-01-22' }, 1)).status).toBe(200);
    const before = (await get('/disputes/p2')).body;
    const attempts: [string, unknown, string, string][] = [
      ['escalate', { stage: 1, recipient: 'Tina', date: '2025-01-23' }, 'stage_not_forward', 'stage'],
      ['escalate', { stage: 2, recipient: 'Sol', date: '2025-01-23' }, 'stage_not_forward', 'stage'],
      ['escalate', { stage: 5, recipient: 'Nobody', date: '2025-01-23' }, 'unknown_stage', 'stage'],
      ['escalate', { stage: 3, recipient: 'Dana', date: '2025-01-21' }, 'date_before_previous', 'date'],
      ['close', { outcome: 'withdrawn', date: '2025-01-10', summary: 'x' }, 'date_before_previous', 'date'],
    ];
    for (const [action, body, rule, field] of attempts) {
      expect(await send('POST', `/disputes/p2/${action}`, ALICE, body, before.rev), `${action} ${rule}`)
        .toMatchObject({ status: 409, body: { code: 'illegal_transition', rule, field } });
    }
    expect((await send('POST', '/disputes/p2/respond', ALICE, { date: '2025-01-24', text: 'Considering it' }, before.rev)).status).toBe(200);
    expect(await send('POST', '/disputes/p2/respond', ALICE, { date: '2025-01-25', text: 'Again' }, before.rev + 1))
      .toMatchObject({ status: 409, body: { rule: 'already_responded', field: 'response' } });
    expect((await send('POST', '/disputes/p2/close', ALICE, { outcome: 'withdrawn', date: '2025-01-27', summary: 'Plan changed' }, before.rev + 1)).status).toBe(200);
    const closed = (await get('/disputes/p2')).body;
    for (const [action, body] of [['escalate', { stage: 3, recipient: 'Dana', date: '2025-02-01' }], ['respond', { date: '2025-02-01', text: 'late' }], ['close', { outcome: 'resolved', date: '2025-02-01', summary: 'x' }]] as const) {
      expect(await send('POST', `/disputes/p2/${action}`, ALICE, body, closed.rev)).toMatchObject({ status: 409, body: { rule: 'dispute_closed', field: 'status' } });
    }
    expect((await get('/disputes/p2')).body).toEqual(closed);
  });

  it('a referral to Cafcass closes a dispute straight from the informal stage', async () => {
    expect((await send('POST', '/disputes', BOB, { ...DISPUTE, id: 'p3', child: 'K003', iro: 'bob', theme: 'drift_and_delay' })).status).toBe(201);
    const referred = await send('POST', '/disputes/p3/close', BOB, { outcome: 'referred_to_cafcass', date: '2025-01-08', summary: 'Care plan drift; referred under s.25B(3)' }, 1);
    expect(referred).toMatchObject({ status: 200, body: { fields: { status: 'referred_to_cafcass', steps: [{ stage: 0 }] } } });
  });

  it("an IRO manager sets the LA's chain; new disputes use it; a stale revision or an IRO is refused", async () => {
    expect(await get('/settings/disputes', ALICE)).toMatchObject({ status: 200, body: { rev: 0, chain: { informalWorkingDays: 10 } } });
    const chain = { informalWorkingDays: 5, stages: [{ title: 'Head of service', workingDays: 5 }, { title: 'DCS', workingDays: 10 }], totalWorkingDays: 20 };
    expect((await send('PUT', '/settings/disputes', ALICE, chain, 0)).status).toBe(403);
    expect(await send('PUT', '/settings/disputes', MANAGER, { ...chain, stages: [] }, 0)).toMatchObject({ status: 400, body: { errors: [{ field: 'stages' }] } });
    expect(await send('PUT', '/settings/disputes', MANAGER, chain, 0)).toMatchObject({ status: 200, body: { rev: 1, chain } });
    expect(await send('PUT', '/settings/disputes', MANAGER, chain, 0)).toMatchObject({ status: 409, body: { code: 'conflict', currentRev: 1 } });
    const raised = await send('POST', '/disputes', ALICE, { ...DISPUTE, id: 'p4' });
    // Mon 6 Jan + 5 working days = Mon 13 Jan.
    expect(raised.body.fields.steps[0].due).toBe('2025-01-13');
    expect(await send('POST', '/disputes/p4/escalate', ALICE, { stage: 3, recipient: 'x', date: '2025-01-14' }, 1)).toMatchObject({ status: 409, body: { rule: 'unknown_stage' } });
    expect((await send('POST', '/disputes/p4/escalate', ALICE, { stage: 2, recipient: 'Dana (DCS)', date: '2025-01-14' }, 1)).body.fields.steps[1].due).toBe('2025-01-28');
  });
});

describe('sibling groups', () => {
  it('records groups of known children and reports who is placed with all, some or none of their siblings', async () => {
    expect((await send('POST', '/sibling-groups', ALICE, { id: 's1', children: ['K001', 'K002'], recorded: '2025-01-06' })).status).toBe(403);
    expect(await send('POST', '/sibling-groups', MANAGER, { id: 's0', children: ['K003', 'M001'], recorded: '2025-01-06' }))
      .toMatchObject({ status: 422, body: { field: 'children.1' } });
    expect(await send('POST', '/sibling-groups', MANAGER, { id: 's0', children: ['K003', 'K003'], recorded: '2025-01-06' })).toMatchObject({ status: 400 });
    expect((await send('POST', '/sibling-groups', MANAGER, { id: 's1', children: ['K001', 'K002'], recorded: '2025-01-06' })).status).toBe(201);
    expect((await send('POST', '/sibling-groups', MANAGER, { id: 's2', children: ['K003', 'K004'], recorded: '2025-01-06' })).status).toBe(201);
    expect((await get('/sibling-groups', ALICE)).body.items.map((g: Json) => g.id)).toEqual(['s1', 's2']);
    // K001/K002 share postcode CD2, URN and provider: together. K004 is at ZZ9: K003 and K004 are apart. All are U4 (foster).
    const report = await get('/sibling-groups/report?date=2025-03-31', ALICE);
    expect(report.body.summary).toEqual({ all: 2, some: 0, none: 2, foster: { all: 2, some: 0, none: 2 } });
    expect(report.body.children.find((c: Json) => c.child === 'K003')).toEqual({ child: 'K003', placement: 'none', foster: true, siblings: 1, together: 0 });
  });
});

describe('worklist', () => {
  type Row = { reason: string; child: string; iro: string | null; record: { type: string; id: string }; href: string | null };
  const rows = async (path: string, claims: TokenClaims) => {
    const res = await get(path, claims);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.rows as Row[];
  };

  it("an IRO sees only their own children's rows, each saying why and linking to its record", async () => {
    // On 2025-03-31 Alice has K002 (K001 moved to Bob on 2025-03-03); Bob has K001 and K003; K004 and K005 have no IRO.
    const alice = await rows('/worklist?date=2025-03-31', ALICE);
    expect(alice.length).toBeGreaterThan(0);
    expect(new Set(alice.map((r) => r.iro))).toEqual(new Set(['alice']));
    expect(new Set(alice.map((r) => r.child))).toEqual(new Set(['K002']));
    // Dispute p4 escalated to stage 2 on 2025-01-14, due 2025-01-28, is unanswered on 2025-03-31.
    expect(alice).toContainEqual(expect.objectContaining({ reason: 'dispute_step_overdue', child: 'K002', record: { type: 'dispute', id: 'p4' }, href: '/disputes/p4' }));
    const bob = await rows('/worklist?date=2025-03-31', BOB);
    expect(new Set(bob.map((r) => r.child))).toEqual(new Set(['K001', 'K003']));
    // K003, in care since 2024-01-10, has had no review at all: its first review (20 working days in) is overdue.
    expect(bob).toContainEqual(expect.objectContaining({ reason: 'review_overdue', child: 'K003', record: { type: 'review_sequence', id: 'K003' }, href: '/children/K003' }));
  });

  it("an IRO cannot read another IRO's worklist; a caller not on the roster gets none", async () => {
    expect(await get('/worklist?iro=bob', ALICE)).toMatchObject({ status: 403, body: { code: 'forbidden' } });
    expect(await get('/worklist', STRANGER)).toMatchObject({ status: 403, body: { code: 'not_on_roster' } });
  });

  it('an IRO manager sees the whole LA, including children with no IRO, or one IRO with ?iro=', async () => {
    const all = await rows('/worklist?date=2025-03-31', MANAGER);
    expect(all.filter((r) => r.reason === 'no_iro_allocated').map((r) => r.child).sort()).toEqual(['K004', 'K005']);
    expect(new Set(all.map((r) => r.child))).toEqual(new Set(['K001', 'K002', 'K003', 'K004', 'K005']));
    const bobs = await rows('/worklist?date=2025-03-31&iro=bob', MANAGER);
    expect(bobs).toEqual(await rows('/worklist?date=2025-03-31', BOB));
    // An overdue decision links to the decision: d4 (due 2024-03-01) is still open.
    expect(all).toContainEqual(expect.objectContaining({ reason: 'decision_overdue', child: 'K001', record: { type: 'decision', id: 'd4' }, href: '/decisions/d4' }));
  });
});

describe('audit', () => {
  it("holds every read of a child's practice records: who, when and through which capability", async () => {
    expect((await get('/disputes/p3', { role: 'iro', tenant: LA, sub: 'sub-reader' })).status).toBe(200);
    const trail = await get('/audit?child=K003', MANAGER);
    expect(trail.body.entries).toContainEqual(expect.objectContaining({ actor: { sub: 'sub-reader', role: 'iro', capability: 'practice.read' }, read: 'record' }));
  });
});
