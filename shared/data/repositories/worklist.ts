/**
 * What the IRO worklist reads. Building it from everything means loading every stored year's 903 dataset and
 * every practice record (a Kent-size LA: 15,600 child items and 50,000 records, 8–12 s here). Instead the tenant
 * job, after every upload and nightly, stores the worklist basis of its date (worklistBasis: the children still in
 * care and the records that can still raise a row, about a tenth of that) in chunks beside the LA's snapshots, and
 * a request reads those chunks and re-reads only the records the change log says were written since the basis read
 * them. A date before the basis, a basis from other dataset versions, a collection seeded in bulk since, or more
 * changes than are worth re-reading one by one fall back to loading everything (same rows, slower).
 *
 *   TENANT#<la>         WORKLIST#<chunk>                 the basis as JSON, in chunks under 350 KB
 *   TENANT#<la>#RECLOG  AT#<time>#<collection>#<id>      the change log (records.ts), kept 7 days
 */
import { randomUUID } from 'node:crypto';
import { mergeDatasets } from '../../domain/metrics/history.ts';
import { worklistBasis, type WorklistRecords } from '../../domain/practice/worklist.ts';
import type { IsoDate, LaDataset } from '../../domain/ssda903/records.ts';
import { tenantKeys } from '../keys.ts';
import type { ItemOf } from '../items.ts';
import type { ScopedTable } from '../scoped-table.ts';
import type { TenantScope } from '../scopes.ts';
import { listPointers, loadLiveYears, type DatasetPointer } from './datasets.ts';
import { listAllRecords, practiceCollections } from './practice-collections.ts';
import { WHOLE_COLLECTION, getRecord, recordsChangedSince, type RecordCollection } from './records.ts';

type TenantTable = ScopedTable<TenantScope>;

export interface WorklistInputs {
  dataset: LaDataset;
  records: WorklistRecords;
  /** Which path served them: the stored basis (patched with later changes) or everything. */
  source: 'basis' | 'everything';
}

/** Chunk size in bytes: DynamoDB's item limit is 400 KB, the chunk's other attributes are small. */
const CHUNK_BYTES = 350_000;
/**
 * Changes are re-read from this long before the basis read its records: a write logged just before that read may
 * land after it (an API request lives at most 30 s), and the job's clock and the writer's may differ a little.
 */
const CHANGE_MARGIN_MS = 60_000;
/** Above this many changed records since the basis, loading everything is about as quick. */
const MAX_CHANGES = 1000;

/** The collections the worklist reads, by the field of WorklistRecords they fill. */
const WORKLIST_COLLECTIONS = {
  allocations: practiceCollections.allocations,
  reviews: practiceCollections.reviews,
  decisions: practiceCollections.decisions,
  disputes: practiceCollections.disputes,
  cards: practiceCollections.feedbackCards,
};

/** The dataset versions a basis was built from: it serves only while they are still live. */
function inputsOf(pointers: readonly DatasetPointer[]): string {
  return pointers.map((p) => `${p.yearEnding}:${p.version}`).join('|');
}

function chunksOf(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + CHUNK_BYTES);
    // Characters outside ASCII take more than a byte: shorten until the chunk fits.
    while (Buffer.byteLength(text.slice(start, end)) > CHUNK_BYTES) end = start + Math.floor((end - start) * 0.9);
    out.push(text.slice(start, end));
    start = end;
  }
  return out;
}

/**
 * Stores the worklist basis of `from` (the tenant job's date) for the live datasets `years` and the practice
 * records read at `readFrom` (ISO time, taken before the read). Chunks of an earlier, longer basis are deleted
 * after; a reader that meets a mix (a concurrent run) finds the chunk count or basis id wrong and loads everything.
 */
export async function putWorklistBasis(
  table: TenantTable, years: readonly { pointer: DatasetPointer; dataset: LaDataset }[], records: WorklistRecords, from: IsoDate, readFrom: string,
): Promise<{ chunks: number; bytes: number }> {
  const basis = worklistBasis(mergeDatasets(years.map((y) => y.dataset)), records, from);
  const text = JSON.stringify(basis);
  const chunks = chunksOf(text);
  const stamp = { basis: randomUUID().slice(0, 8), chunks: chunks.length, inputs: inputsOf(years.map((y) => y.pointer)), from, readFrom };
  await table.batchPut(chunks.map((data, chunk) => ({ ...tenantKeys.worklistBasis(table.scope, chunk), type: 'worklist-basis', v: 1, ...stamp, chunk, data })));
  const { pk, skPrefix } = tenantKeys.worklistBasisPrefix(table.scope);
  const current = new Set(chunks.map((_, chunk) => tenantKeys.worklistBasis(table.scope, chunk).sk));
  await table.batchDelete((await table.queryKeys(pk, skPrefix)).filter((k) => !current.has(k.sk)));
  return { chunks: chunks.length, bytes: Buffer.byteLength(text) };
}

/** The stored basis when it serves `date` for these dataset versions; undefined otherwise. */
function storedBasis(chunks: readonly ItemOf<'worklist-basis'>[], inputs: string, date: IsoDate) {
  const [first] = chunks;
  if (!first || first.inputs !== inputs || date < first.from) return undefined;
  if (chunks.length !== first.chunks || chunks.some((c, i) => c.basis !== first.basis || c.chunk !== i)) return undefined;
  const { dataset, records } = JSON.parse(chunks.map((c) => c.data).join('')) as { dataset: LaDataset; records: WorklistRecords };
  return { dataset, records, readFrom: first.readFrom };
}

/** The basis's records with every record written since it was read re-read; undefined when that is not worth it. */
async function patched(table: TenantTable, records: WorklistRecords, readFrom: string): Promise<WorklistRecords | undefined> {
  const since = new Date(Date.parse(readFrom) - CHANGE_MARGIN_MS).toISOString();
  const byName = new Map(Object.entries(WORKLIST_COLLECTIONS).map(([field, c]) => [c.name, field as keyof WorklistRecords]));
  const changes = (await recordsChangedSince(table, since)).filter((c) => byName.has(c.collection));
  // A bulk seed is logged when it has finished (seeding runs in one local process, one clock): one logged before the
  // basis read its records is in the basis.
  if (changes.length > MAX_CHANGES || changes.some((c) => c.id === WHOLE_COLLECTION && c.at >= readFrom)) return undefined;
  const fresh = await Promise.all(changes.filter((c) => c.id !== WHOLE_COLLECTION).map(async (c) => {
    const field = byName.get(c.collection)!;
    return { field, record: await getRecord(table, WORKLIST_COLLECTIONS[field] as RecordCollection<never>, c.id) };
  }));
  const out: Record<keyof WorklistRecords, readonly { id: string }[]> = { ...records };
  for (const { field, record } of fresh) {
    if (!record) continue;
    const fields = record.fields as { id: string };
    out[field] = [...out[field].filter((r) => r.id !== fields.id), fields];
  }
  return out as unknown as WorklistRecords;
}

/** Every stored year's dataset merged, and every practice record the worklist reads. */
async function everything(table: TenantTable): Promise<Omit<WorklistInputs, 'source'> | undefined> {
  const [years, ...lists] = await Promise.all([
    loadLiveYears(table),
    ...Object.values(WORKLIST_COLLECTIONS).map((c) => listAllRecords(table, c as RecordCollection<never>)),
  ]);
  if (years.length === 0) return undefined;
  const fields = Object.fromEntries(Object.keys(WORKLIST_COLLECTIONS).map((field, i) => [field, lists[i]!.map((r) => r.fields)]));
  return { dataset: mergeDatasets(years.map((y) => y.dataset)), records: fields as unknown as WorklistRecords };
}

/**
 * The 903 dataset and practice records the worklist of `date` is built from: the stored basis patched with the
 * records changed since, when it serves that date; everything otherwise. Undefined when the LA has no 903 return.
 */
export async function loadWorklistInputs(table: TenantTable, date: IsoDate): Promise<WorklistInputs | undefined> {
  const { pk, skPrefix } = tenantKeys.worklistBasisPrefix(table.scope);
  const [pointers, chunks] = await Promise.all([listPointers(table), table.query(pk, { skPrefix, type: 'worklist-basis' })]);
  if (pointers.length === 0) return undefined;
  const basis = storedBasis(chunks, inputsOf(pointers), date);
  const records = basis && (await patched(table, basis.records, basis.readFrom));
  if (basis && records) return { dataset: basis.dataset, records, source: 'basis' };
  const all = await everything(table);
  return all && { ...all, source: 'everything' };
}
