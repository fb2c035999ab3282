/**
 * What every practice-record route shares: checking a body against its domain schema, turning a domain refusal
 * into a 409 naming the rule and field, refusing records about a child the LA's 903 returns do not hold, and
 * loading a record at the revision the client read. A refused request writes nothing.
 */
import * as z from 'zod/mini';
import type { infer as Infer, ZodType } from 'zod';
import { getChildAt, listPointers, loadLiveYears } from '../../../shared/data/repositories/datasets.ts';
import { LIST_PAGE, type ListQuery } from '../../../shared/contracts/api/practice.ts';
import { createRecord, getRecord, historyOf, listChildRecords, listRecords, type PracticeRecord, type RecordCollection } from '../../../shared/data/repositories/records.ts';
import { StaleRevision, type ScopedTable } from '../../../shared/data/scoped-table.ts';
import type { TenantScope } from '../../../shared/data/scopes.ts';
import { mergeDatasets } from '../../../shared/domain/metrics/history.ts';
import type { Outcome, Refusal } from '../../../shared/domain/practice/outcome.ts';
import type { ChildRecords, LaDataset } from '../../../shared/domain/ssda903/records.ts';
import { ApiError } from '../problems.ts';

export type TenantTable = ScopedTable<TenantScope>;

/** A required JSON body with its contract schema. */
export const body = (schema: ZodType) => ({ content: { 'application/json': { schema } }, required: true });
type Fields = z.ZodMiniType<Record<string, unknown>>;

/** The body against its domain schema: the cross-field rules (a due date before the review) live only there. */
export function parseBody<S extends z.ZodMiniType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data as z.infer<S>;
  const errors = parsed.error.issues.map((i) => ({ field: i.path.join('.') || null, message: i.message }));
  throw new ApiError('invalid_request', `the body is not valid: ${errors.map((e) => `${e.field ?? 'body'}: ${e.message}`).join('; ')}`, { errors });
}

export function refusalError(refusal: Refusal): ApiError {
  return new ApiError('illegal_transition', refusal.message, {
    rule: refusal.rule, field: refusal.field, errors: [{ field: refusal.field, message: refusal.message }],
  });
}

/** The new state, or the domain's refusal as a 409 (the record is left as it was). */
export function accepted<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw refusalError(outcome.refusal);
  return outcome.value;
}

export interface Child903 {
  yearEnding: number;
  records: ChildRecords;
}

/** The child's records in each stored 903 return, oldest year first (none when no return holds the child). */
export async function childYears(table: TenantTable, child: string): Promise<Child903[]> {
  const pointers = await listPointers(table);
  const found = await Promise.all(pointers.map(async (p) => {
    const records = await getChildAt(table, p, child);
    return records && { yearEnding: p.yearEnding, records };
  }));
  return found.filter((f): f is Child903 => f !== undefined);
}

/**
 * As childYears, but a child in none of the returns is refused (422 for a write naming `field`, 404 for a read).
 * The message never echoes the id: it may be another LA's child the caller typed.
 */
export async function childIn903(table: TenantTable, child: string, field = 'child', code: 'unknown_child' | 'not_found' = 'unknown_child'): Promise<Child903[]> {
  const years = await childYears(table, child);
  if (years.length === 0) {
    const message = "the child is not in your LA's stored 903 returns";
    throw new ApiError(code, message, { rule: 'unknown_child', field, errors: [{ field, message }] });
  }
  return years;
}

/** The live 903 datasets of every stored year, merged (the review sequence and drift look back across years). */
export async function mergedDataset(table: TenantTable): Promise<LaDataset> {
  const years = await loadLiveYears(table);
  if (years.length === 0) throw new ApiError('no_dataset', 'no 903 return has been uploaded for your LA yet');
  return mergeDatasets(years.map((y) => y.dataset));
}

/**
 * A list route's answer: with `child`, every record of the child through the child index (a child has a handful);
 * otherwise one page of the LA's, in id order. A cursor the listing did not hand out (another partition, another
 * LA's) is a 400 naming `cursor` (InvalidCursor) and reads nothing.
 */
export async function listPage<F extends Fields>(table: TenantTable, collection: RecordCollection<F>, query: Infer<typeof ListQuery>): Promise<{ items: PracticeRecord<z.infer<F>>[]; cursor?: string }> {
  if (query.child !== undefined) {
    const paging = (['limit', 'cursor'] as const).filter((field) => query[field] !== undefined);
    if (paging.length > 0) {
      const message = "a child's records come in one page: send child without limit or cursor";
      throw new ApiError('invalid_request', message, { errors: paging.map((field) => ({ field, message })) });
    }
    return { items: await listChildRecords(table, collection, query.child) };
  }
  return listRecords(table, collection, { limit: query.limit ?? LIST_PAGE.default, ...(query.cursor !== undefined && { cursor: query.cursor }) });
}

/** Creates a record; an id already taken is a 409 naming `id`. */
export async function createNew<F extends Fields>(table: TenantTable, collection: RecordCollection<F>, id: string, fields: z.input<F>): Promise<PracticeRecord<z.infer<F>>> {
  try {
    return await createRecord(table, collection, id, fields);
  } catch (error) {
    if (!(error instanceof StaleRevision)) throw error;
    throw new ApiError('record_exists', `there is already a record with id ${id}`, { field: 'id', errors: [{ field: 'id', message: 'already exists' }] });
  }
}

export async function found<F extends Fields>(table: TenantTable, collection: RecordCollection<F>, id: string): Promise<PracticeRecord<z.infer<F>>> {
  const record = await getRecord(table, collection, id);
  if (!record) throw new ApiError('not_found', 'there is no record with that id in your LA');
  return record;
}

/** The `If-Match` revision (`3` or `"3"`). */
export function revisionOf(ifMatch: string): number {
  return Number(ifMatch.replaceAll('"', ''));
}

/** The record as the client read it: a different current revision is 409 with `currentRev`, before any rule runs. */
export async function atRevision<F extends Fields>(table: TenantTable, collection: RecordCollection<F>, id: string, ifMatch: string): Promise<PracticeRecord<z.infer<F>>> {
  const record = await found(table, collection, id);
  const expected = revisionOf(ifMatch);
  if (record.rev !== expected) {
    throw new ApiError('conflict', `the record is at revision ${record.rev}, not ${expected}: reload it and apply your change again`, { currentRev: record.rev });
  }
  return record;
}

export async function historyResponse(table: TenantTable, collection: RecordCollection<Fields>, id: string) {
  await found(table, collection, id);
  return { id, history: await historyOf(table, collection, id) };
}

/** Today in UTC: the default day of the worklist and the reports. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
