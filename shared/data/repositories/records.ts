import * as z from 'zod/mini';
import { corrupt, type ItemOf } from '../items.ts';
import { recordKeys } from '../keys.ts';
import type { Page, ScopedTable } from '../scoped-table.ts';
import type { TenantScope } from '../scopes.ts';

/**
 * Generic mutable practice records (allocations, review decisions, disputes, children's feedback): the helpers the
 * practice-record repositories build on. A collection declares its name, the zod schema of its fields and, when
 * its records are about a child, how to find the child (then every read of them is audited, by construction).
 *
 *   TENANT#<la>#REC#<collection>  REC#<id>             the record: fields, rev, created/updated by and at
 *   TENANT#<la>#REC#<collection>  HIST#<id>#<rev>      one append-only history item per revision
 *
 * These partitions are never under `TENANT#<la>#DS#`, so no upload or sweep deletes them.
 */
type TenantTable = ScopedTable<TenantScope>;

export interface RecordCollection<F extends z.ZodMiniType<Record<string, unknown>>> {
  name: string;
  fields: F;
  /** The child a record is about: its reads are audited under this child. */
  child?: (fields: z.infer<F>) => string;
  /** Every child a record concerns, when more than `child` (a sibling group's members): the child index lists it under each. */
  children?: (fields: z.infer<F>) => readonly string[];
  /** The lists a record is in, each at its place (e.g. its due date): the order index holds an entry for each. */
  listings?: (fields: z.infer<F>) => readonly Listing[];
}

/** A list a record is in (`list`, e.g. its status) and what orders it there (`sortable`, compared as a string). */
export interface Listing {
  list: string;
  sortable: string;
}

/** The children the child index lists a record under. */
function indexedChildren<F extends z.ZodMiniType<Record<string, unknown>>>(collection: RecordCollection<F>, fields: z.infer<F>): readonly string[] {
  if (collection.children) return collection.children(fields);
  return collection.child ? [collection.child(fields)] : [];
}

const COLLECTION_NAME = /^[a-z][a-z0-9-]{0,39}$/;
const RECORD_ID = z.string().check(z.regex(/^[\w-]{1,64}$/, 'a record id is 1–64 letters, digits, - or _'));

export function recordCollection<F extends z.ZodMiniType<Record<string, unknown>>>(spec: RecordCollection<F>): RecordCollection<F> {
  if (!COLLECTION_NAME.test(spec.name)) throw new Error(`not a collection name: ${JSON.stringify(spec.name)}`);
  return spec;
}

export interface PracticeRecord<F> {
  id: string;
  rev: number;
  child?: string;
  fields: F;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export interface HistoryEntry {
  rev: number;
  at: string;
  actor: { sub: string; role: string; capability: string };
  changes: { field: string; before?: unknown; after?: unknown }[];
}

/** Input that fails a collection's schema: nothing is written. `issues` name each field (HTTP 400). */
export class InvalidRecord extends Error {
  constructor(readonly issues: { field: string; message: string }[]) {
    super(`invalid record: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`);
    this.name = 'InvalidRecord';
  }
}

function check<S extends z.ZodMiniType>(schema: S, value: unknown, prefix = ''): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data as z.infer<S>;
  throw new InvalidRecord(parsed.error.issues.map((i) => ({ field: [prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(record)', message: i.message })));
}

function fromItem<F extends z.ZodMiniType<Record<string, unknown>>>(collection: RecordCollection<F>, item: ItemOf<'record'>): PracticeRecord<z.infer<F>> {
  // A stored record that no longer fits its schema is data damage, reported like any corrupt item.
  const fields = collection.fields.safeParse(item.fields);
  if (!fields.success) throw corrupt(item, `fields do not match collection ${collection.name}: ${fields.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  const { id, rev, child, createdAt, createdBy, updatedAt, updatedBy } = item;
  return { id, rev, ...(child !== undefined && { child }), fields: fields.data, createdAt, createdBy, updatedAt, updatedBy };
}

/** Creates a record at revision 1 (with its history item). A record already there is StaleRevision (HTTP 409). */
export async function createRecord<F extends z.ZodMiniType<Record<string, unknown>>>(
  table: TenantTable, collection: RecordCollection<F>, id: string, fields: z.input<F>,
): Promise<PracticeRecord<z.infer<F>>> {
  check(RECORD_ID, id, 'id');
  const valid = check(collection.fields, fields);
  await Promise.all([logChange(table, collection.name, id), indexByChild(table, collection, [{ id, fields: valid }]), indexByOrder(table, collection, [{ id, fields: valid }])]);
  const item = await table.update({ collection: collection.name, id, ...childOf(collection, valid), expectedRev: 0, set: valid });
  return fromItem(collection, item);
}

export async function getRecord<F extends z.ZodMiniType<Record<string, unknown>>>(
  table: TenantTable, collection: RecordCollection<F>, id: string,
): Promise<PracticeRecord<z.infer<F>> | undefined> {
  check(RECORD_ID, id, 'id');
  const item = await table.get(recordKeys.record(table.scope, collection.name, id), 'record');
  return item && fromItem(collection, item);
}

/**
 * Changes some fields of the record the caller read at `expectedRev`. The merged record is checked against the
 * collection's schema before anything is written; a stale `expectedRev` is StaleRevision carrying the current one.
 */
export async function updateRecord<F extends z.ZodMiniType<Record<string, unknown>>>(
  table: TenantTable, collection: RecordCollection<F>, id: string, expectedRev: number, changes: Partial<z.input<F>>,
  /** `changeLog: false` only for a change no worklist row depends on (the nightly overdue marks: rows read due dates). */
  options: { changeLog?: boolean } = {},
): Promise<PracticeRecord<z.infer<F>>> {
  check(RECORD_ID, id, 'id');
  check(z.int().check(z.minimum(1)), expectedRev, 'rev');
  const current = await getRecord(table, collection, id);
  const valid = check(collection.fields, { ...current?.fields, ...changes });
  const set = Object.fromEntries(Object.keys(changes).map((field) => [field, (valid as Record<string, unknown>)[field]]));
  const moved = current !== undefined && indexedChildren(collection, current.fields).join() !== indexedChildren(collection, valid).join();
  const placesBefore = current === undefined ? [] : orderEntries(table, collection, id, current.fields).map((e) => e.sk);
  const placesAfter = orderEntries(table, collection, id, valid).map((e) => e.sk);
  const newPlaces = placesAfter.some((sk) => !placesBefore.includes(sk));
  await Promise.all([
    options.changeLog !== false && logChange(table, collection.name, id),
    moved && indexByChild(table, collection, [{ id, fields: valid }]),
    newPlaces && indexByOrder(table, collection, [{ id, fields: valid }]),
  ]);
  const item = await table.update({ collection: collection.name, id, ...childOf(collection, valid), expectedRev, set });
  // The places it left, deleted once the change is in (the reader skips them until then). A concurrent writer moving
  // it back meanwhile may lose its entry to this delete: the tenant job's indexing (indexUnindexed) puts it back.
  const left = placesBefore.filter((sk) => !placesAfter.includes(sk));
  if (left.length > 0) await table.batchDelete(left.map((sk) => ({ pk: recordKeys.orderIndexPartition(table.scope, collection.name), sk })));
  return fromItem(collection, item);
}

/**
 * Seeding only: creates every record at revision 1 with its history item in BatchWrites (ScopedTable.seedRecords),
 * into a collection that holds nothing yet. Every record is checked against the collection's schema first, and
 * ids must be unique: an invalid batch writes nothing.
 */
export async function seedRecords<F extends z.ZodMiniType<Record<string, unknown>>>(
  table: TenantTable, collection: RecordCollection<F>, records: readonly { id: string; fields: z.input<F> }[],
): Promise<void> {
  const seen = new Set<string>();
  const changes = records.map(({ id, fields }, i) => {
    check(RECORD_ID, id, `${i}.id`);
    if (seen.has(id)) throw new InvalidRecord([{ field: `${i}.id`, message: `id ${id} is listed twice` }]);
    seen.add(id);
    const valid = check(collection.fields, fields, String(i));
    return { id, ...childOf(collection, valid), set: valid };
  });
  if (changes.length === 0) return;
  const seeded = changes.map(({ id, set }) => ({ id, fields: set }));
  await Promise.all([indexByChild(table, collection, seeded), indexByOrder(table, collection, seeded)]);
  await table.seedRecords(collection.name, changes);
  // Logged after: a reader whose basis was read before this entry's time may have missed part of the seed.
  await logChange(table, collection.name, WHOLE_COLLECTION);
}

/**
 * Indexes records under each child they concern, before the records are written (an index entry whose record is
 * missing, or no longer about that child, is skipped by the reader). Nothing to do for a collection about no child.
 */
export async function indexByChild<F extends z.ZodMiniType<Record<string, unknown>>>(
  table: TenantTable, collection: RecordCollection<F>, records: readonly { id: string; fields: z.infer<F> }[],
): Promise<void> {
  const entries = records.flatMap(({ id, fields }) => indexedChildren(collection, fields).map((child) => (
    { ...recordKeys.childIndex(table.scope, collection.name, child, id), type: 'record-child' as const, v: 1, collection: collection.name, id, child }
  )));
  if (entries.length > 0) await table.batchPut(entries);
}

/** The order-index entries of a record: one per list it is in. */
function orderEntries<F extends z.ZodMiniType<Record<string, unknown>>>(table: TenantTable, collection: RecordCollection<F>, id: string, fields: z.infer<F>) {
  return (collection.listings?.(fields) ?? []).map(({ list, sortable }) => (
    { ...recordKeys.orderIndex(table.scope, collection.name, list, sortable, id), type: 'record-order' as const, v: 1, collection: collection.name, id }
  ));
}

/**
 * Places records in each list they are in, before the records are written (an entry whose record is missing, or no
 * longer at that place, is skipped by the reader). Nothing to do for a collection with no listings.
 */
async function indexByOrder<F extends z.ZodMiniType<Record<string, unknown>>>(
  table: TenantTable, collection: RecordCollection<F>, records: readonly { id: string; fields: z.infer<F> }[],
): Promise<void> {
  const entries = records.flatMap(({ id, fields }) => orderEntries(table, collection, id, fields));
  if (entries.length > 0) await table.batchPut(entries);
}

/**
 * Indexes the records missing from the child index under any of their children, or from the order index at any of
 * their places (records written before an index existed, a sibling group indexed under its first child only, a place
 * lost to a concurrent change); returns how many records.
 */
export async function indexUnindexed<F extends z.ZodMiniType<Record<string, unknown>>>(
  table: TenantTable, collection: RecordCollection<F>, records: readonly { id: string; fields: z.infer<F> }[],
): Promise<number> {
  const keysOf = async (pk: string) => new Set((await table.queryKeys(pk)).map((k) => k.sk));
  const byChild = collection.child !== undefined || collection.children !== undefined;
  const [children, places] = await Promise.all([
    byChild ? keysOf(recordKeys.childIndexPartition(table.scope, collection.name)) : new Set<string>(),
    collection.listings ? keysOf(recordKeys.orderIndexPartition(table.scope, collection.name)) : new Set<string>(),
  ]);
  const missingChild = records.filter(({ id, fields }) => indexedChildren(collection, fields).some((child) => !children.has(recordKeys.childIndex(table.scope, collection.name, child, id).sk)));
  const missingPlace = records.filter(({ id, fields }) => orderEntries(table, collection, id, fields).some((e) => !places.has(e.sk)));
  await Promise.all([indexByChild(table, collection, missingChild), indexByOrder(table, collection, missingPlace)]);
  return new Set([...missingChild, ...missingPlace]).size;
}

/** One page of a list: its records in list order, and the cursors of the pages before and after it, if any. */
export interface ListedPage<R> {
  records: R[];
  previous?: string;
  next?: string;
}

/**
 * One page of a list of the order index (optionally only its part sorting before `below`), in list order: a Query
 * of about a page of entries and a GetItem a record, never the whole collection. `after` pages on from a page's
 * `next`; `before` back from a page's `previous`. Entries whose record is no longer at that place are skipped.
 */
export async function listOrderedRecords<F extends z.ZodMiniType<Record<string, unknown>>>(
  table: TenantTable, collection: RecordCollection<F>, list: { list: string; below?: string }, page: { size: number; after?: string; before?: string },
): Promise<ListedPage<PracticeRecord<z.infer<F>>>> {
  const { pk, skBetween } = recordKeys.orderIndexRange(table.scope, collection.name, list.list, list.below);
  const back = page.after === undefined && page.before !== undefined;
  const cursor = page.after ?? page.before;
  // One more than a page: whether another page follows (or, going back, precedes) this one.
  const found: { sk: string; record: PracticeRecord<z.infer<F>> }[] = [];
  let from = cursor;
  do {
    const entries = await table.queryPage(pk, { skBetween, type: 'record-order', descending: back, limit: page.size + 1 - found.length, ...(from !== undefined && { cursor: from }) });
    const records = await Promise.all(entries.items.map((e) => getRecord(table, collection, e.id)));
    entries.items.forEach((entry, i) => {
      const record = records[i];
      if (record && orderEntries(table, collection, record.id, record.fields).some((e) => e.sk === entry.sk)) found.push({ sk: entry.sk, record });
    });
    from = entries.cursor;
  } while (from !== undefined && found.length <= page.size);
  const more = found.length > page.size;
  const shown = found.slice(0, page.size);
  // Back at the start: the first page, whole (records may have left the list since the page after it was read);
  // and past the end (every record after the cursor has left the list) too.
  if ((back && !more) || (cursor !== undefined && shown.length === 0)) return listOrderedRecords(table, collection, list, { size: page.size });
  if (back) shown.reverse();
  const cursorOf = (at: { sk: string } | undefined) => (at === undefined ? undefined : table.cursorAt({ pk, sk: at.sk }));
  const previous = back || cursor !== undefined ? cursorOf(shown[0]) : undefined;
  const next = back || more ? cursorOf(shown.at(-1)) : undefined;
  return { records: shown.map((f) => f.record), ...(previous !== undefined && { previous }), ...(next !== undefined && { next }) };
}

/** A child's records of a collection, in id order: one Query of the child index and a GetItem a record. */
export async function listChildRecords<F extends z.ZodMiniType<Record<string, unknown>>>(
  table: TenantTable, collection: RecordCollection<F>, child: string,
): Promise<PracticeRecord<z.infer<F>>[]> {
  const { pk, skPrefix } = recordKeys.childIndexPrefix(table.scope, collection.name, child);
  const entries = await table.query(pk, { skPrefix, type: 'record-child' });
  const records = await Promise.all(entries.map((e) => getRecord(table, collection, e.id)));
  return records
    .filter((r): r is PracticeRecord<z.infer<F>> => r !== undefined && indexedChildren(collection, r.fields).includes(child))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The change-log id of a collection seeded in bulk: a reader must take the whole collection afresh. */
export const WHOLE_COLLECTION = '*';
/** Change-log entries outlive any worklist basis (rebuilt nightly and after every upload); DynamoDB's TTL drops them after. */
const CHANGE_LOG_DAYS = 7;

/**
 * Notes in the LA's change log that a record is about to be written. Logged BEFORE the write, so a reader that
 * finds no entry since a time (less the longest a write can be in flight) knows the record is as it was then (a
 * write that then fails leaves an entry for a record that did not change: harmless, the reader re-reads it).
 */
async function logChange(table: TenantTable, collection: string, id: string): Promise<void> {
  const at = new Date().toISOString();
  const expiresAt = Math.floor(Date.now() / 1000) + CHANGE_LOG_DAYS * 86_400;
  await table.put({ ...recordKeys.change(table.scope, at, collection, id), type: 'record-change', v: 1, collection, id, at, expiresAt });
}

/** The records written (or about to be) at or after `at` (ISO time), oldest first; repeats removed. */
export async function recordsChangedSince(table: TenantTable, at: string): Promise<{ collection: string; id: string; at: string }[]> {
  const { pk, skFrom } = recordKeys.changesFrom(table.scope, at);
  const latest = new Map<string, { collection: string; id: string; at: string }>();
  for (const c of await table.query(pk, { skFrom, type: 'record-change' })) latest.set(`${c.collection}\u0000${c.id}`, { collection: c.collection, id: c.id, at: c.at });
  return [...latest.values()];
}

/** One page of a collection's records, in id order. */
export async function listRecords<F extends z.ZodMiniType<Record<string, unknown>>>(
  table: TenantTable, collection: RecordCollection<F>, page: { limit?: number; cursor?: string } = {},
): Promise<Page<PracticeRecord<z.infer<F>>>> {
  const { pk, skPrefix } = recordKeys.recordPrefix(table.scope, collection.name);
  const out = await table.queryPage(pk, { skPrefix, type: 'record', limit: page.limit ?? 50, ...(page.cursor !== undefined && { cursor: page.cursor }) });
  return { items: out.items.map((i) => fromItem(collection, i)), ...(out.cursor !== undefined && { cursor: out.cursor }) };
}

/**
 * Every applied revision of a record, oldest first. A history item above the record's revision is a claim whose
 * writer has not applied it yet (or died; the next writer rolls it forward): it is not history yet, so it is hidden.
 */
export async function historyOf(table: TenantTable, collection: RecordCollection<z.ZodMiniType<Record<string, unknown>>>, id: string): Promise<HistoryEntry[]> {
  check(RECORD_ID, id, 'id');
  const { pk, skPrefix } = recordKeys.historyPrefix(table.scope, collection.name, id);
  const [items, record] = await Promise.all([
    table.query(pk, { skPrefix, type: 'history' }),
    table.get(recordKeys.record(table.scope, collection.name, id), 'record'),
  ]);
  const applied = record?.rev ?? 0;
  return items.filter((i) => i.rev <= applied).map(({ rev, at, actor, changes }) => ({ rev, at, actor, changes }));
}

function childOf<F extends z.ZodMiniType<Record<string, unknown>>>(collection: RecordCollection<F>, fields: z.infer<F>): { child?: string } {
  return collection.child ? { child: collection.child(fields) } : {};
}
