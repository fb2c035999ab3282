import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { systemActor, type Actor } from '../../shared/data/audit.ts';
import { auditKeys } from '../../shared/data/keys.ts';
import { listAuditForChild, listBulkAudit } from '../../shared/data/repositories/audit.ts';
import { getChildAt, getPointer, loadDatasetAt, replaceDataset, type DatasetPointer } from '../../shared/data/repositories/datasets.ts';
import { createRecord, getRecord, historyOf, recordCollection } from '../../shared/data/repositories/records.ts';
import { getLaSnapshot } from '../../shared/data/repositories/snapshots.ts';
import { CapacityMeter, ScopedTable, WriteRefused } from '../../shared/data/scoped-table.ts';
import { tenantScope } from '../../shared/data/scopes.ts';
import { dataset, lookedAfterChildren, rawHeader } from '../helpers/records.ts';
import { useStore } from './store.ts';

const store = useStore();
const KENT = tenantScope('886');
const iro: Actor = { sub: 'iro-1', role: 'iro', capability: 'children.read' };
const manager: Actor = { sub: 'mgr-1', role: 'iro_manager', capability: 'audit.read' };
const CHILDREN = lookedAfterChildren('K', 30);
let pointer: DatasetPointer;

beforeAll(async () => {
  const table = store.data.for(KENT);
  pointer = await replaceDataset(table, dataset(2025, CHILDREN), rawHeader(CHILDREN), { expectedVersion: (await getPointer(table, 2025))?.version ?? null });
});

const auditOf = async (child: string) => (await listAuditForChild(store.data.for(KENT, { actor: manager }), child, { limit: 100 })).items;
const tick = () => new Promise((r) => setTimeout(r, 3));

describe('reads of a child are audited', () => {
  it('a child read is buffered, costs no write until flush, then is one entry: who, when, which child, which capability', async () => {
    const table = store.data.for(KENT, { actor: iro });
    const before = new Date().toISOString();
    expect((await getChildAt(table, pointer, 'K001'))?.child).toBe('K001');
    expect(table.meter.write).toBe(0);
    expect(table.pendingAudit).toBe(1);
    expect(await auditOf('K001')).toEqual([]);

    await table.flush();
    const [entry, ...rest] = await auditOf('K001');
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ actor: iro, read: 'child' });
    expect(entry!.at >= before && entry!.at <= new Date().toISOString()).toBe(true);
    // One small audit item is 1 WCU.
    expect(table.meter.write).toBe(1);
    expect(table.pendingAudit).toBe(0);
  });

  it('several children read in one request are written by ONE BatchWrite; the same child twice is one entry', async () => {
    const doc = store.client();
    const commands: string[] = [];
    doc.middlewareStack.add((next, context) => async (args) => {
      commands.push(String(context.commandName));
      return next(args);
    }, { step: 'initialize', name: 'countCommands' });
    const table = new ScopedTable(doc, store.tableName, KENT, { actor: iro });
    for (const id of ['K002', 'K003', 'K004', 'K002']) await getChildAt(table, pointer, id);
    expect(table.pendingAudit).toBe(3);
    commands.length = 0;
    await table.flush();
    expect(commands.filter((c) => /BatchWrite/.test(c))).toHaveLength(1);
    expect(commands).toHaveLength(1);
    doc.destroy();
    for (const id of ['K002', 'K003', 'K004']) expect((await auditOf(id)).map((e) => e.actor.sub)).toEqual(['iro-1']);
  });

  it('listAuditForChild is newest first and paged', async () => {
    const readers = ['r1', 'r2', 'r3'].map((sub) => ({ sub, role: 'iro', capability: 'children.read' }));
    for (const actor of readers) {
      const table = store.data.for(KENT, { actor });
      await getChildAt(table, pointer, 'K005');
      await table.flush();
      await tick();
    }
    const reader = store.data.for(KENT, { actor: manager });
    const first = await listAuditForChild(reader, 'K005', { limit: 2 });
    expect(first.items.map((e) => e.actor.sub)).toEqual(['r3', 'r2']);
    const second = await listAuditForChild(reader, 'K005', { limit: 2, cursor: first.cursor! });
    expect(second.items.map((e) => e.actor.sub)).toEqual(['r1']);
    // Reading the trail is not itself a read of the child's records.
    expect(reader.pendingAudit).toBe(0);
  });

  it('a read of many children (the children list, a job loading an LA-year) is one bulk entry naming the count', async () => {
    const job = store.data.for(KENT, { actor: systemActor('tenant-snapshot') });
    expect((await loadDatasetAt(job, pointer)).children).toHaveLength(30);
    expect(job.pendingAudit).toBe(1);
    await job.flush();
    const bulk = (await listBulkAudit(store.data.for(KENT, { actor: manager }))).items;
    expect(bulk).toHaveLength(1);
    expect(bulk[0]).toMatchObject({ actor: { sub: 'system:tenant-snapshot', role: 'system', capability: 'tenant-snapshot' }, read: 'child', count: 30 });
    // No per-child entries for the bulk read: K030 was never read alone.
    expect(await auditOf('K030')).toEqual([]);
  });

  it('records about a child are audited when read, with their history; reads of non-child items are not', async () => {
    const reviews = recordCollection({ name: 'review-decisions', fields: z.object({ child: z.string(), decision: z.string() }), child: (f) => f.child });
    await createRecord(store.data.for(KENT, { actor: iro }), reviews, 'rd1', { child: 'K006', decision: 'placement to continue' });
    const table = store.data.for(KENT, { actor: manager });
    await getPointer(table, 2025);
    await getLaSnapshot(table);
    expect(table.pendingAudit).toBe(0);
    await getRecord(table, reviews, 'rd1');
    await historyOf(table, reviews, 'rd1');
    await table.flush();
    expect((await auditOf('K006')).map((e) => e.read).sort()).toEqual(['history', 'record']);
  });

  it('a DataSession flushes the tables of one request together', async () => {
    const session = store.data.session(iro);
    await getChildAt(session.for(KENT), pointer, 'K007');
    await getChildAt(session.for(KENT), pointer, 'K008');
    await session.flush();
    expect((await auditOf('K007')).length + (await auditOf('K008')).length).toBe(2);
  });

  it('a table opened without an actor still records the read, as unattributed', async () => {
    const table = store.data.for(KENT);
    await getChildAt(table, pointer, 'K009');
    await table.flush();
    expect((await auditOf('K009'))[0]?.actor).toEqual({ sub: 'unattributed', role: 'unknown', capability: 'unknown' });
  });
});

describe('the audit trail is append-only', () => {
  it('an audit entry cannot be overwritten or deleted through the data layer', async () => {
    const table = store.data.for(KENT, { actor: iro });
    await getChildAt(table, pointer, 'K010');
    await table.flush();
    const { items } = await table.queryPage(auditKeys.childPartition(KENT, 'K010'), { type: 'audit', limit: 1 });
    const entry = items[0]!;
    const key = { pk: entry.pk, sk: entry.sk };
    await expect(table.delete(key)).rejects.toBeInstanceOf(WriteRefused);
    await expect(table.batchDelete([key])).rejects.toBeInstanceOf(WriteRefused);
    await expect(table.put({ ...entry, actor: { sub: 'someone-else', role: 'iro', capability: 'x' } })).rejects.toBeInstanceOf(WriteRefused);
    expect((await store.raw.send(new GetCommand({ TableName: store.tableName, Key: key }))).Item).toMatchObject({ actor: iro });
  });
});

describe('what auditing costs a child read', () => {
  it('a child read costs the same reads with auditing; the entries add 1 WCU each at flush, off the read path', async () => {
    const plain = new CapacityMeter();
    const reads = store.data.for(KENT, { actor: iro, meter: plain });
    for (const c of CHILDREN.slice(10, 20)) await getChildAt(reads, pointer, c.child);
    // GetItem of a child item under 4 KB, eventually consistent: 0.5 RCU each; no write before flush.
    expect(plain).toMatchObject({ read: 5, write: 0 });
    await reads.flush();
    // Ten entries, each under 1 KB: 10 WCU, in one BatchWrite.
    expect(plain).toMatchObject({ read: 5, write: 10 });
  });
});
