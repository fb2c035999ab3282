import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { tenantKeys } from '../../shared/data/keys.ts';
import { getLaSnapshot, readRollupInputs } from '../../shared/data/repositories/snapshots.ts';
import { ROLLUP_SCOPE, tenantScope } from '../../shared/data/scopes.ts';
import type { TokenClaims } from '../../functions/local/dev-issuer.ts';
import { dataset, lookedAfterChildren } from '../helpers/records.ts';
import { usePlatform } from '../helpers/platform.ts';

/**
 * Issue 8, defect 2: one LA's credentials rewriting another LA's row in the regional and national figures.
 * Three North East LAs: Gateshead (390, 12 children looked after), Newcastle upon Tyne (391, 30) and
 * Sunderland (394, 8). Gateshead writes what its credentials allow under its own partitions, with a raw
 * DynamoDB client (an attacker holding tenant credentials does not go through our typed data layer), claiming
 * to be 391; the real rollup handler must leave 391's row and the region's total alone.
 */
const ctx = usePlatform();
const YEAR = 2025;
const chair: TokenClaims = { role: 'regional_chair', region: 'North East' };
const london: TokenClaims = { role: 'regional_chair', region: 'London' };
const gatesheadScope = tenantScope('390');

interface RegionBody {
  las: { la: string; name: string; cla: unknown; metrics: unknown }[];
  total: { cla: unknown; metrics: unknown };
}

async function region(claims: TokenClaims): Promise<RegionBody> {
  const res = await ctx.get(`/dashboards/region?year=${YEAR}`, claims);
  expect(res.status).toBe(200);
  return res.json() as Promise<RegionBody>;
}

/** What the tenant job asks for after a change, through the real rollup handler and queue. */
async function rollup() {
  await ctx.platform.queue.send(ctx.platform.queues.rollup.url, [{ type: 'rollup', yearEnding: YEAR }]);
  await ctx.platform.drain();
}

let before: RegionBody;

/** Raw DynamoDB calls under Gateshead's partitions: what tenant credentials allow, bypassing our code. */
function rawClient() {
  const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: ctx.platform.data.endpoint, region: 'local', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }));
  const TableName = ctx.platform.data.tableName;
  const own = (pk: string) => { if (pk !== 'TENANT#390' && !pk.startsWith('TENANT#390#')) throw new Error(`not Gateshead's partition: ${pk}`); };
  return {
    put: async (item: Record<string, unknown> & { pk: string; sk: string }) => { own(item.pk); await doc.send(new PutCommand({ TableName, Item: item })); },
    get: async (key: { pk: string; sk: string }) => (await doc.send(new GetCommand({ TableName, Key: key }))).Item,
    delete: async (key: { pk: string; sk: string }) => { own(key.pk); await doc.send(new DeleteCommand({ TableName, Key: key })); },
  };
}

describe('forged aggregate rows', () => {
  it('setup: three North East LAs rolled up', async () => {
    await ctx.seed('390', dataset(YEAR, lookedAfterChildren('G', 12)));
    await ctx.seed('391', dataset(YEAR, lookedAfterChildren('N', 30)));
    await ctx.seed('394', dataset(YEAR, lookedAfterChildren('S', 8)));
    await ctx.platform.tick();
    await ctx.platform.drain();
    before = await region(chair);
    expect(before.las.map((l) => [l.la, l.name, l.cla])).toEqual([
      ['390', 'Gateshead', 12], ['391', 'Newcastle upon Tyne', 30], ['394', 'Sunderland', 8],
    ]);
    // 12 + 30 + 8 = 50, a multiple of 10, so rounding leaves it.
    expect(before.total.cla).toBe(50);
  });

  it("an item under TENANT#390 claiming to be 391 changes neither 391's row nor the region's total", async () => {
    const gateshead = rawClient();
    const newcastle = (await getLaSnapshot(ctx.platform.data.for(tenantScope('391')), YEAR))!.snapshot;
    const inflated = JSON.stringify({ ...newcastle, metrics: { ...newcastle.metrics, cla: { count: 900, duringYear: 900 } } });
    const index = { gsi1pk: `SNAPSHOTS#${YEAR}`, gsi1sk: 'LA#391', aggregate: inflated, computedAt: '2999-01-01T00:00:00.000Z' };
    // 1. Its own partition, a sort key that is not the snapshot's. 2. A sub-partition it may write, with the snapshot's sort key.
    await gateshead.put({ pk: 'TENANT#390', sk: 'SNAPSHOT#2025#391', ...index });
    await gateshead.put({ pk: 'TENANT#390#X', sk: `SNAPSHOT#${YEAR}`, ...index });
    // 3. Its own snapshot, rewritten to say it is Newcastle upon Tyne, in London.
    const ownKey = tenantKeys.snapshot(gatesheadScope, YEAR);
    const own = (await gateshead.get(ownKey))!;
    const ownBody = JSON.parse(own.aggregate as string) as object;
    await gateshead.put({ ...own, ...ownKey, aggregate: JSON.stringify({ ...ownBody, la: '391', name: 'Newcastle upon Tyne', region: 'London' }) });

    const inputs = await readRollupInputs(ctx.platform.data.for(ROLLUP_SCOPE), YEAR);
    expect(inputs.ignored.map((i) => `${i.pk} ${i.sk} ${i.reason}`).sort()).toEqual([
      'TENANT#390 SNAPSHOT#2025#391 keys disagree',
      'TENANT#390#X SNAPSHOT#2025 keys disagree',
    ]);
    expect(inputs.snapshots.map((s) => [s.la, s.name, s.region]).sort()).toEqual([
      ['390', 'Gateshead', 'North East'], ['391', 'Newcastle upon Tyne', 'North East'], ['394', 'Sunderland', 'North East'],
    ]);

    await rollup();
    const after = await region(chair);
    // The rebuild ran (Gateshead's stored body changed, so the input set did), and every figure is as before.
    expect(after.las).toEqual(before.las);
    expect(after.total).toEqual(before.total);
    expect((await region(london)).las).toEqual([]);
  });

  it('deleting an input changes the aggregate; recomputing it restores it', async () => {
    const gateshead = rawClient();
    await gateshead.delete({ pk: 'TENANT#390', sk: 'SNAPSHOT#2025#391' });
    await gateshead.delete({ pk: 'TENANT#390#X', sk: `SNAPSHOT#${YEAR}` });
    await gateshead.delete(tenantKeys.snapshot(gatesheadScope, YEAR));
    await rollup();
    const without = await region(chair);
    // The newest remaining input is no newer than before: only the input-set check notices that one went away.
    expect(without.las.map((l) => l.la)).toEqual(['391', '394']);
    // 30 + 8 = 38, rounded to the nearest 10.
    expect(without.total.cla).toBe(40);

    await ctx.platform.queue.send(ctx.platform.queues.tenant.url, [{ type: 'tenant', la: '390', reason: 'restore' }]);
    await ctx.platform.drain();
    const restored = await region(chair);
    expect(restored.las).toEqual(before.las);
    expect(restored.total).toEqual(before.total);
  });
});
