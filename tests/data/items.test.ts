import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { CorruptItem } from '../../shared/data/items.ts';
import { tenantKeys } from '../../shared/data/keys.ts';
import { getChildAt, getPointer, replaceDataset, type DatasetPointer } from '../../shared/data/repositories/datasets.ts';
import { createTenant, getTenant } from '../../shared/data/repositories/registry.ts';
import { recordJobRun } from '../../shared/data/repositories/jobs.ts';
import { WriteRefused } from '../../shared/data/scoped-table.ts';
import { PLATFORM_SCOPE, tenantScope } from '../../shared/data/scopes.ts';
import { child, dataset, rawHeader } from '../helpers/records.ts';
import { useStore } from './store.ts';

const store = useStore();
const KENT = tenantScope('886');

async function seed(la = KENT, ids = ['A1', 'A2']): Promise<DatasetPointer> {
  const table = store.data.for(la);
  const current = await getPointer(table, 2025);
  const children = ids.map((id) => child(id));
  return replaceDataset(table, dataset(2025, children), rawHeader(children), { expectedVersion: current?.version ?? null });
}

async function rawItems(pk: string) {
  return (await store.raw.send(new QueryCommand({ TableName: store.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } }))).Items ?? [];
}

async function plant(item: Record<string, unknown>) {
  await store.raw.send(new PutCommand({ TableName: store.tableName, Item: item }));
}

describe('every stored item carries its kind and schema version', () => {
  it('an upload, the registry and a job run write type and v on every item', async () => {
    const pointer = await seed();
    await createTenant(store.data.for(PLATFORM_SCOPE), { code: '886', name: 'Kent', region: 'South East' });
    const now = new Date().toISOString();
    await recordJobRun(store.data.for(PLATFORM_SCOPE), { job: 'plan', startedAt: now, finishedAt: now, messages: 1, failed: 0 });
    const items = [
      ...await rawItems(`TENANT#886`),
      ...await rawItems(tenantKeys.datasetPartition(KENT, 2025, pointer.version)),
      ...await rawItems('REGISTRY'),
      ...await rawItems('JOBS'),
    ];
    // pointer + manifest, 2 children + 1 raw chunk, 1 registry entry, 1 job run.
    expect(items).toHaveLength(7);
    for (const item of items) expect({ sk: item.sk, type: typeof item.type, v: item.v }).toEqual({ sk: item.sk, type: 'string', v: 1 });
    expect(items.filter((i) => i.type === 'child').map((i) => i.child).sort()).toEqual(['A1', 'A2']);
  });
});

describe('items are parsed on read', () => {
  it('a corrupt child item is a CorruptItem naming pk, sk and type, never a cast', async () => {
    const pointer = await seed();
    const key = tenantKeys.child(KENT, 2025, pointer.version, 'BROKEN');
    await plant({ ...key, type: 'child', v: 1, child: 'BROKEN', data: 42 });
    const error = await getChildAt(store.data.for(KENT), pointer, 'BROKEN').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorruptItem);
    expect(error).toMatchObject({ pk: key.pk, sk: key.sk, type: 'child' });
    expect((error as Error).message).toMatch(/data/);
  });

  it('an unknown type, a missing type and a future schema version are each a CorruptItem', async () => {
    const table = store.data.for(KENT);
    const cases = [
      { sk: 'ODD#1', type: 'mystery', v: 1 },
      { sk: 'ODD#2', v: 1 },
      { sk: 'ODD#3', type: 'dataset-pointer', v: 2, yearEnding: 2025, version: 'x', uploadedAt: '2025-04-01T00:00:00Z', counts: {} },
    ];
    for (const c of cases) {
      await plant({ pk: 'TENANT#886', ...c });
      await expect(table.get({ pk: 'TENANT#886', sk: c.sk }), c.sk).rejects.toBeInstanceOf(CorruptItem);
    }
    // A query meets the same check: one bad item fails the read instead of being passed along.
    await expect(table.query('TENANT#886', { skPrefix: 'ODD#' })).rejects.toThrow(/corrupt item pk=TENANT#886 sk=ODD#1 type=mystery/);
  });

  it('an item of another kind where a kind is expected is a CorruptItem', async () => {
    await seed();
    const table = store.data.for(KENT);
    const error = await table.get(tenantKeys.datasetPointer(KENT, 2025), 'tenant').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorruptItem);
    expect((error as Error).message).toMatch(/expected a tenant item/);
  });

  it('items stored before schema versions (type, no v) are read through the legacy mapping', async () => {
    const pointer = await seed();
    const medway = tenantScope('887');
    // As an upload stored them before issue 9: type but no v, and a child item without its `child` attribute.
    const legacyPointer = { ...tenantKeys.datasetPointer(medway, 2025), type: 'dataset-pointer', yearEnding: 2025, version: pointer.version, uploadedAt: pointer.uploadedAt, counts: { Header: 1 } };
    const legacyChild = { ...tenantKeys.child(medway, 2025, pointer.version, 'OLD1'), type: 'child', data: JSON.stringify(child('OLD1')) };
    await plant(legacyPointer);
    await plant(legacyChild);
    await plant({ pk: 'REGISTRY', sk: 'LA#887', type: 'tenant', code: '887', name: 'Medway', region: 'South East' });

    const table = store.data.for(medway, { actor: { sub: 'u1', role: 'iro', capability: 'children.read' } });
    const read = await getPointer(table, 2025);
    expect(read).toEqual({ yearEnding: 2025, version: pointer.version, uploadedAt: pointer.uploadedAt, counts: { Header: 1 } });
    expect((await getChildAt(table, read!, 'OLD1'))?.header.dob).toBe('2012-05-01');
    expect(await getTenant(store.data.for(PLATFORM_SCOPE), '887')).toEqual({ code: '887', name: 'Medway', region: 'South East' });
    // The child id for the audit came from the sort key.
    expect(table.pendingAudit).toBe(1);
  });
});

describe('writes are checked against their kind', () => {
  it('put refuses an item without a schema version or with a bad field, and writes nothing', async () => {
    const table = store.data.for(KENT);
    const key = tenantKeys.snapshot(KENT, 1999);
    await expect(table.put({ ...key, type: 'dataset-pointer', yearEnding: 1999 })).rejects.toBeInstanceOf(CorruptItem);
    await expect(table.put({ ...key, type: 'dataset-pointer', v: 1, yearEnding: '1999', version: 'x', uploadedAt: '2025-04-01T00:00:00Z', counts: {} })).rejects.toThrow(/yearEnding/);
    expect((await store.raw.send(new GetCommand({ TableName: store.tableName, Key: key }))).Item).toBeUndefined();
  });

  it('put refuses audit, history and record items: only the data layer writes them, by their own paths', async () => {
    const table = store.data.for(KENT);
    const actor = { sub: 'u1', role: 'iro', capability: 'x' };
    const at = '2025-06-01T10:00:00.000Z';
    const attempts = [
      { pk: 'TENANT#886#AUDIT#CHILD#A1', sk: `AT#${at}#forged`, type: 'audit', v: 1, at, actor, read: 'child', child: 'A1' },
      { pk: 'TENANT#886#REC#disputes', sk: 'HIST#d1#0000000001', type: 'history', v: 1, collection: 'disputes', id: 'd1', rev: 1, at, actor, changes: [] },
      { pk: 'TENANT#886#REC#disputes', sk: 'REC#d1', type: 'record', v: 1, collection: 'disputes', id: 'd1', rev: 7, fields: {}, createdAt: at, createdBy: 'u1', updatedAt: at, updatedBy: 'u1' },
    ];
    for (const item of attempts) {
      await expect(table.put(item), item.sk).rejects.toBeInstanceOf(WriteRefused);
      await expect(table.batchPut([item]), item.sk).rejects.toBeInstanceOf(WriteRefused);
      expect((await store.raw.send(new GetCommand({ TableName: store.tableName, Key: { pk: item.pk, sk: item.sk } }))).Item).toBeUndefined();
    }
  });
});
