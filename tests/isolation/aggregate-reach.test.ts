import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../shared/data/client.ts';
import { systemActor } from '../../shared/data/audit.ts';
import { practiceCollections } from '../../shared/data/repositories/practice-collections.ts';
import { createRecord } from '../../shared/data/repositories/records.ts';
import { readRollupInputs } from '../../shared/data/repositories/snapshots.ts';
import { tenantKeys } from '../../shared/data/keys.ts';
import { makeDecision } from '../../shared/domain/practice/decisions.ts';
import { ROLLUP_SCOPE, tenantScope } from '../../shared/data/scopes.ts';
import { TABLE_SCHEMA } from '../../shared/data/table-schema.ts';
import type { ChildRecords } from '../../shared/domain/ssda903/records.ts';
import { child, dataset } from '../helpers/records.ts';
import { usePlatform } from '../helpers/platform.ts';

/**
 * Issue 9, item 5: no child id, date of birth or postcode within an aggregate role's reach. After a real
 * pipeline run over two LAs and two years, walk EVERYTHING the rollup and the regional and national scopes can
 * read (every gsi1 item of every year, found by scanning the index rather than trusting our own queries, and
 * every REGION# and NATIONAL item) and look for any child-level value seeded.
 */
const ctx = usePlatform();
const YEARS = [2024, 2025];
const LAS = ['886', '887'];

/** Children with distinctive ids, dates of birth and postcodes, none of which can occur by accident in a figure. */
function children(la: string, yearEnding: number): ChildRecords[] {
  return Array.from({ length: 9 }, (_, i) => {
    const id = `Q${la}X${yearEnding}N${i}`;
    const dob = `2010-0${1 + (i % 9)}-1${i}`;
    // Still looked after, so every one of them is in the LA's worklist basis: tenant-only items full of child ids.
    return child(id, [{ decom: `${yearEnding - 2}-06-0${1 + i}`, homePost: `ZX${i} 9QQ`, plPost: `QY${i} 8WW` }], dob);
  });
}

const seeded = LAS.flatMap((la) => YEARS.flatMap((y) => children(la, y)));

/** Practice records (metric 9) with an IRO name, record ids and free text that must stay in the LA. */
const IRO = { id: 'iroQZ7', name: 'Quentin Zebedee-Oddfellow' };
const DECISION_TEXT = 'Book the Zanzibar respite weekend before half term';
const CARD_COMMENT = 'I want to see my brother Xavier more often';
async function seedPractice(la: string): Promise<void> {
  const t = ctx.platform.data.for(tenantScope(la), { actor: systemActor('test-setup') });
  const c = practiceCollections;
  const kids = children(la, 2025);
  await createRecord(t, c.iros, IRO.id, { ...IRO, fte: 0.8, activeFrom: '2020-01-01', activeTo: null });
  for (const k of kids) await createRecord(t, c.allocations, `alQZ${k.child}`, { id: `alQZ${k.child}`, child: k.child, iro: IRO.id, from: '2023-07-01', to: null });
  const review = `rvQZ${la}`;
  await createRecord(t, c.reviews, review, { id: review, child: kids[0]!.child, iro: IRO.id, date: '2025-02-03', participation: 'PN1', spokeToChildBefore: true });
  await createRecord(t, c.decisions, `dcQZ${la}`, makeDecision({
    id: `dcQZ${la}`, child: kids[0]!.child, review, made: '2025-02-03', text: DECISION_TEXT, topic: 'contact', owner: { role: 'Social worker', name: 'Wilhelmina Quarrie' }, due: '2025-03-01',
  }));
  await createRecord(t, c.feedbackCards, `cdQZ${la}`, {
    id: `cdQZ${la}`, review, child: kids[0]!.child, iro: IRO.id, answer: 'not_happy', comment: CARD_COMMENT, received: '2025-02-05', source: 'link', followedUp: null,
  });
}

const needles = [
  IRO.id, IRO.name, DECISION_TEXT, CARD_COMMENT, 'Wilhelmina Quarrie', ...LAS.flatMap((la) => [`rvQZ${la}`, `dcQZ${la}`, `cdQZ${la}`]),
  ...seeded.map((c) => c.child),
  ...seeded.map((c) => c.header.dob),
  ...seeded.flatMap((c) => c.episodes.flatMap((e) => [e.homePost, e.plPost])),
].filter((n): n is string => typeof n === 'string');

const raw = { client: undefined as ReturnType<typeof createDocumentClient> | undefined };
afterAll(() => raw.client?.destroy());

/** Every item of the table or an index (test-only: the application has no Scan, and no role may use one). */
async function scanAll(indexName?: string): Promise<Record<string, unknown>[]> {
  raw.client ??= createDocumentClient({ endpoint: ctx.platform.data.endpoint });
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await raw.client.send(new ScanCommand({ TableName: ctx.platform.data.tableName, IndexName: indexName, ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

const found = (items: unknown[]) => {
  const text = JSON.stringify(items);
  return needles.filter((n) => text.includes(n));
};

describe('aggregate reach', () => {
  it('setup: two LAs, two years, through the real pipeline', async () => {
    for (const la of LAS) for (const y of YEARS) await ctx.seed(la, dataset(y, children(la, y)));
    for (const la of LAS) await seedPractice(la);
    await ctx.platform.tick();
    await ctx.platform.drain();
    // The control: the child-level values exist, in tenant-only items (else finding none below proves nothing).
    const kent = ctx.platform.data.for(tenantScope('886'));
    const { pk, skPrefix } = tenantKeys.worklistBasisPrefix(kent.scope);
    const basis = (await kent.query(pk, { skPrefix, type: 'worklist-basis' })).map((chunk) => chunk.data).join('');
    expect(children('886', 2025).map((c) => c.child).filter((id) => !basis.includes(id))).toEqual([]);
    expect(found(await scanAll()).length).toBeGreaterThan(needles.length / 2);
    // Metric 9 was computed from those practice records, and reached the aggregates as counts only.
    const inputs = await readRollupInputs(ctx.platform.data.for(ROLLUP_SCOPE), 2025);
    expect(inputs.snapshots.map((s) => s.metrics.iroPractice?.caseload.children)).toEqual([9, 9]);
  });

  it('gsi1 projects only its keys, the table keys and the aggregate attribute, and holds no child-level value', async () => {
    const indexed = await scanAll(TABLE_SCHEMA.globalIndexes[0].indexName);
    expect(indexed).toHaveLength(LAS.length * YEARS.length);
    const allowed = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', ...TABLE_SCHEMA.globalIndexes[0].projectedAttributes]);
    for (const item of indexed) expect(Object.keys(item).filter((k) => !allowed.has(k)), String(item.pk)).toEqual([]);
    expect(found(indexed)).toEqual([]);
  });

  it('what the rollup reads (every year) holds no child-level value', async () => {
    for (const y of YEARS) {
      const inputs = await readRollupInputs(ctx.platform.data.for(ROLLUP_SCOPE), y);
      expect(inputs.snapshots.map((s) => s.la).sort()).toEqual(LAS);
      expect(found(inputs.snapshots)).toEqual([]);
    }
  });

  it('every REGION# and NATIONAL item holds no child-level value', async () => {
    const aggregates = (await scanAll()).filter((item) => item.pk === 'NATIONAL' || String(item.pk).startsWith('REGION#'));
    // Nine regions and England per year.
    expect(aggregates).toHaveLength(10 * YEARS.length);
    expect(found(aggregates)).toEqual([]);
  });
});
