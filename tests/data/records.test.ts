import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { Actor } from '../../shared/data/audit.ts';
import { recordKeys } from '../../shared/data/keys.ts';
import { getPointer, replaceDataset, sweepVersions } from '../../shared/data/repositories/datasets.ts';
import {
  createRecord, getRecord, historyOf, InvalidRecord, listRecords, recordCollection, updateRecord, type HistoryEntry,
} from '../../shared/data/repositories/records.ts';
import { InvalidCursor, ScopedTable, StaleRevision, WriteRefused } from '../../shared/data/scoped-table.ts';
import { tenantScope } from '../../shared/data/scopes.ts';
import { child, dataset, rawHeader } from '../helpers/records.ts';
import { useStore } from './store.ts';

const store = useStore();
const KENT = tenantScope('886');
const alice: Actor = { sub: 'alice', role: 'iro', capability: 'disputes.write' };
const bob: Actor = { sub: 'bob', role: 'iro_manager', capability: 'disputes.write' };

/** A practice-record collection as the next issues will declare one: a dispute about a child's care plan. */
const disputes = recordCollection({
  name: 'disputes',
  fields: z.object({ child: z.string(), stage: z.enum(['informal', 'formal', 'resolved']), summary: z.string().check(z.maxLength(200)) }),
  child: (f) => f.child,
});

const as = (actor: Actor) => store.data.for(KENT, { actor });

async function storedHistory(id: string) {
  const { pk, skPrefix } = recordKeys.historyPrefix(KENT, disputes.name, id);
  const out = await store.raw.send(new QueryCommand({
    TableName: store.tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)', ExpressionAttributeValues: { ':pk': pk, ':sk': skPrefix },
  }));
  return (out.Items ?? []).map((i) => i.rev as number);
}

/** Replaying every history entry from nothing must give the record's fields: history neither lost nor invented. */
function replay(history: HistoryEntry[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  history.forEach((h, i) => {
    expect(h.rev).toBe(i + 1);
    for (const c of h.changes) {
      expect(fields[c.field]).toEqual(c.before);
      if (c.after === undefined) delete fields[c.field];
      else fields[c.field] = c.after;
    }
  });
  return fields;
}

/**
 * A ScopedTable on its own client whose Nth PutItem into the records' partition (a history claim or a record
 * write, not the change log) fails as a lost connection would, before reaching the store.
 */
function crashingTable(actor: Actor, failOnPut: number): { table: ScopedTable<typeof KENT>; doc: DynamoDBDocumentClient } {
  const doc = store.client();
  let puts = 0;
  doc.middlewareStack.add((next, context) => async (args) => {
    const pk = String((args.input as { Item?: { pk?: unknown } }).Item?.pk ?? '');
    if (/^Put/.test(String(context.commandName)) && pk.includes('#REC#') && ++puts === failOnPut) throw Object.assign(new Error('socket hang up'), { name: 'NetworkingError' });
    return next(args);
  }, { step: 'initialize', name: 'crashOnNthPut' });
  return { table: new ScopedTable(doc, store.tableName, KENT, { actor }), doc };
}

describe('revisioned records', () => {
  it('create then update: revisions 1 and 2, each with who, when and which fields went from what to what', async () => {
    const created = await createRecord(as(alice), disputes, 'd1', { child: 'A1', stage: 'informal', summary: 'placement move without review' });
    expect(created).toMatchObject({ id: 'd1', rev: 1, child: 'A1', createdBy: 'alice', updatedBy: 'alice' });
    const updated = await updateRecord(as(bob), disputes, 'd1', 1, { stage: 'formal' });
    expect(updated).toMatchObject({ rev: 2, createdBy: 'alice', updatedBy: 'bob', fields: { child: 'A1', stage: 'formal', summary: 'placement move without review' } });
    expect(await getRecord(as(alice), disputes, 'd1')).toEqual(updated);

    const history = await historyOf(as(alice), disputes, 'd1');
    expect(history.map((h) => [h.rev, h.actor.sub])).toEqual([[1, 'alice'], [2, 'bob']]);
    expect(history[0]!.changes).toEqual([
      { field: 'child', after: 'A1' }, { field: 'stage', after: 'informal' }, { field: 'summary', after: 'placement move without review' },
    ]);
    expect(history[1]!.changes).toEqual([{ field: 'stage', before: 'informal', after: 'formal' }]);
    expect(history[1]!.actor).toEqual(bob);
    expect(replay(history)).toEqual(updated.fields);
  });

  it('an update that changes nothing writes no revision', async () => {
    await createRecord(as(alice), disputes, 'd2', { child: 'A1', stage: 'informal', summary: 's' });
    expect((await updateRecord(as(bob), disputes, 'd2', 1, { stage: 'informal' })).rev).toBe(1);
    expect(await storedHistory('d2')).toEqual([1]);
  });

  it('a stale revision is refused with the current revision, and changes nothing', async () => {
    await createRecord(as(alice), disputes, 'd3', { child: 'A1', stage: 'informal', summary: 's' });
    await updateRecord(as(alice), disputes, 'd3', 1, { stage: 'formal' });
    const error = await updateRecord(as(bob), disputes, 'd3', 1, { summary: 'bob was not looking' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StaleRevision);
    expect((error as StaleRevision).currentRev).toBe(2);
    expect((await getRecord(as(alice), disputes, 'd3'))!.fields.summary).toBe('s');
    expect(await storedHistory('d3')).toEqual([1, 2]);
    // Creating a record that exists is the same conflict.
    await expect(createRecord(as(bob), disputes, 'd3', { child: 'A1', stage: 'informal', summary: 'again' })).rejects.toMatchObject({ name: 'StaleRevision', currentRev: 2 });
  });

  it('of concurrent writers from the same revision exactly one wins; the others get the winner\'s revision', async () => {
    for (let round = 0; round < 10; round++) {
      const id = `race${round}`;
      await createRecord(as(alice), disputes, id, { child: 'A1', stage: 'informal', summary: 'start' });
      const writers = ['w1', 'w2', 'w3'].map((sub) => ({ sub, role: 'iro', capability: 'disputes.write' }));
      const outcomes = await Promise.allSettled(writers.map((w) => updateRecord(as(w), disputes, id, 1, { summary: `by ${w.sub}` })));
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(won, `round ${round}`).toHaveLength(1);
      for (const l of lost) expect(l.reason).toMatchObject({ name: 'StaleRevision', currentRev: 2 });
      const record = await getRecord(as(alice), disputes, id);
      expect(record).toMatchObject({ rev: 2, fields: { summary: (won[0] as PromiseFulfilledResult<{ fields: { summary: string } }>).value.fields.summary } });
      const history = await historyOf(as(alice), disputes, id);
      expect(history).toHaveLength(2);
      expect(replay(history)).toEqual(record!.fields);
    }
  });

  it('a writer that dies between its history claim and its record write loses nothing: the next writer rolls it forward', async () => {
    await createRecord(as(alice), disputes, 'd4', { child: 'A1', stage: 'informal', summary: 's' });
    // Put 1 is the history claim for rev 2, put 2 the record write: the second never reaches the store.
    const { table: dying, doc } = crashingTable(alice, 2);
    await expect(updateRecord(dying, disputes, 'd4', 1, { stage: 'formal' })).rejects.toThrow('socket hang up');
    doc.destroy();

    // The claim is stored but not applied: readers still see rev 1, and history shows only applied revisions.
    expect(await storedHistory('d4')).toEqual([1, 2]);
    expect(await getRecord(as(bob), disputes, 'd4')).toMatchObject({ rev: 1, fields: { stage: 'informal' } });
    expect((await historyOf(as(bob), disputes, 'd4')).map((h) => h.rev)).toEqual([1]);

    // Bob, from rev 1, cannot claim rev 2: he applies Alice's claim and is told the record is now at rev 2.
    await expect(updateRecord(as(bob), disputes, 'd4', 1, { summary: 'bob' })).rejects.toMatchObject({ name: 'StaleRevision', currentRev: 2 });
    expect(await getRecord(as(bob), disputes, 'd4')).toMatchObject({ rev: 2, updatedBy: 'alice', fields: { stage: 'formal', summary: 's' } });

    // Reloaded, Bob writes rev 3. Three revisions, none lost or invented.
    await updateRecord(as(bob), disputes, 'd4', 2, { summary: 'bob' });
    const history = await historyOf(as(bob), disputes, 'd4');
    expect(history.map((h) => [h.rev, h.actor.sub])).toEqual([[1, 'alice'], [2, 'alice'], [3, 'bob']]);
    expect(replay(history)).toEqual({ child: 'A1', stage: 'formal', summary: 'bob' });
  });

  it('a create that dies after its claim is rolled forward by the next create, which is told the record exists', async () => {
    const { table: dying, doc } = crashingTable(alice, 2);
    await expect(createRecord(dying, disputes, 'd5', { child: 'A2', stage: 'informal', summary: 'first' })).rejects.toThrow('socket hang up');
    doc.destroy();
    expect(await getRecord(as(bob), disputes, 'd5')).toBeUndefined();
    await expect(createRecord(as(bob), disputes, 'd5', { child: 'A2', stage: 'formal', summary: 'second' })).rejects.toMatchObject({ name: 'StaleRevision', currentRev: 1 });
    expect(await getRecord(as(bob), disputes, 'd5')).toMatchObject({ rev: 1, createdBy: 'alice', fields: { summary: 'first' } });
  });

  it('a writer whose claim fails to store has changed nothing and may simply retry', async () => {
    await createRecord(as(alice), disputes, 'd6', { child: 'A1', stage: 'informal', summary: 's' });
    const { table: failing, doc } = crashingTable(alice, 1);
    await expect(updateRecord(failing, disputes, 'd6', 1, { stage: 'formal' })).rejects.toThrow('socket hang up');
    doc.destroy();
    expect(await storedHistory('d6')).toEqual([1]);
    expect((await updateRecord(as(alice), disputes, 'd6', 1, { stage: 'formal' })).rev).toBe(2);
  });
});

describe('bad input and refused paths change nothing', () => {
  it('fields failing the collection schema are an InvalidRecord naming each field', async () => {
    const error = await createRecord(as(alice), disputes, 'bad1', { child: 'A1', stage: 'escalated' as 'formal', summary: 'x'.repeat(201) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRecord);
    expect((error as InvalidRecord).issues.map((i) => i.field).sort()).toEqual(['stage', 'summary']);
    expect(await getRecord(as(alice), disputes, 'bad1')).toBeUndefined();
    expect(await storedHistory('bad1')).toEqual([]);

    await createRecord(as(alice), disputes, 'ok1', { child: 'A1', stage: 'informal', summary: 's' });
    await expect(updateRecord(as(alice), disputes, 'ok1', 1, { stage: 'closed' as 'formal' })).rejects.toMatchObject({ issues: [{ field: 'stage' }] });
    await expect(updateRecord(as(alice), disputes, 'ok1', 0, { stage: 'formal' })).rejects.toMatchObject({ issues: [{ field: 'rev' }] });
    await expect(getRecord(as(alice), disputes, 'no#such')).rejects.toMatchObject({ issues: [{ field: 'id' }] });
    expect(await storedHistory('ok1')).toEqual([1]);
  });

  it('a record change needs an actor, and a record is never put or deleted directly', async () => {
    await expect(createRecord(store.data.for(KENT), disputes, 'anon', { child: 'A1', stage: 'informal', summary: 's' })).rejects.toBeInstanceOf(WriteRefused);
    await createRecord(as(alice), disputes, 'keep', { child: 'A1', stage: 'informal', summary: 's' });
    const table = as(alice);
    await expect(table.delete(recordKeys.record(KENT, disputes.name, 'keep'))).rejects.toBeInstanceOf(WriteRefused);
    await expect(table.delete(recordKeys.history(KENT, disputes.name, 'keep', 1))).rejects.toBeInstanceOf(WriteRefused);
    await expect(table.batchDelete([recordKeys.history(KENT, disputes.name, 'keep', 1)])).rejects.toBeInstanceOf(WriteRefused);
    expect(await getRecord(table, disputes, 'keep')).toMatchObject({ rev: 1 });
    expect(await storedHistory('keep')).toEqual([1]);
  });
});

describe('listing and keeping records', () => {
  it('listRecords pages with a cursor that only this listing accepts', async () => {
    const notes = recordCollection({ name: 'notes', fields: z.object({ text: z.string() }) });
    for (const id of ['n1', 'n2', 'n3', 'n4', 'n5']) await createRecord(as(alice), notes, id, { text: id });
    const first = await listRecords(as(alice), notes, { limit: 2 });
    expect(first.items.map((r) => r.id)).toEqual(['n1', 'n2']);
    const second = await listRecords(as(alice), notes, { limit: 2, cursor: first.cursor! });
    expect(second.items.map((r) => r.id)).toEqual(['n3', 'n4']);
    const last = await listRecords(as(alice), notes, { limit: 2, cursor: second.cursor! });
    expect(last.items.map((r) => r.id)).toEqual(['n5']);
    // A cursor from another collection, or made up, is refused rather than steering the Query.
    const other = await listRecords(as(alice), disputes, { limit: 1 });
    await expect(listRecords(as(alice), notes, { limit: 2, cursor: other.cursor! })).rejects.toBeInstanceOf(InvalidCursor);
    await expect(listRecords(as(alice), notes, { limit: 2, cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(InvalidCursor);
  });

  it('records outlive every dataset version the sweep deletes', async () => {
    const table = as(alice);
    for (const ids of [['A1'], ['A1', 'A2']]) {
      const children = ids.map((id) => child(id));
      const current = await getPointer(table, 2025);
      await replaceDataset(table, dataset(2025, children), rawHeader(children), { expectedVersion: current?.version ?? null });
    }
    await createRecord(table, disputes, 'survivor', { child: 'A1', stage: 'informal', summary: 's' });
    expect(await sweepVersions(table, 0)).toHaveLength(1);
    expect(await getRecord(table, disputes, 'survivor')).toMatchObject({ rev: 1 });
    expect(await storedHistory('survivor')).toEqual([1]);
  });
});
