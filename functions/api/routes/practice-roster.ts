import { listAllRecords, practiceCollections } from '../../../shared/data/repositories/practice-collections.ts';
import { getRecord, listChildRecords, updateRecord } from '../../../shared/data/repositories/records.ts';
import { addWorkingDays } from '../../../shared/domain/calendar/working-days.ts';
import { periodOn, timelineOf } from '../../../shared/domain/metrics/timeline.ts';
import { allocateIro, allocationsByChild, isAllocatedOn, iroOn } from '../../../shared/domain/practice/allocations.ts';
import { ALLOCATION_WORKING_DAYS } from '../../../shared/domain/practice/working-days.ts';
import { allocationCommandSchema, iroSchema } from '../../../shared/domain/practice/records.ts';
import { ChildParam } from '../../../shared/contracts/api/children.ts';
import {
  AllocationList, AllocationPage, ChildAllocation, IfMatch, IroList, IroParam, IroRecord, ListQuery, NewAllocation, NewIro, RecordHistory,
} from '../../../shared/contracts/api/practice.ts';
import { createOpenApiApp, defineRoute, json, problems } from '../openapi.ts';
import { ApiError } from '../problems.ts';
import { accepted, atRevision, body, childIn903, createNew, historyResponse, listPage, mergedDataset, parseBody, today, type TenantTable } from './practice-support.ts';

const { iros, allocations } = practiceCollections;

const listIros = defineRoute('roster.read', {
  method: 'get', path: '/iros', tags: ['Roster'], summary: "Your LA's IRO roster",
  responses: { 200: json(IroList, 'every IRO on the roster') },
});
const addIro = defineRoute('roster.write', {
  method: 'post', path: '/iros', tags: ['Roster'], summary: 'Add an IRO to the roster',
  request: { body: body(NewIro) },
  responses: { 201: json(IroRecord, 'the IRO at revision 1'), ...problems('record_exists') },
});
const changeIro = defineRoute('roster.write', {
  method: 'put', path: '/iros/{iro}', tags: ['Roster'], summary: "Change an IRO's roster entry (FTE, dates, sign-in)",
  request: { params: IroParam, headers: IfMatch, body: body(NewIro) },
  responses: { 200: json(IroRecord, 'the IRO at its next revision'), ...problems('not_found', 'conflict') },
});
const iroHistory = defineRoute('roster.read', {
  method: 'get', path: '/iros/{iro}/history', tags: ['Roster'], summary: "Every change to an IRO's roster entry",
  request: { params: IroParam },
  responses: { 200: json(RecordHistory, 'the revisions, oldest first'), ...problems('not_found') },
});
const listAllocations = defineRoute('practice.read', {
  method: 'get', path: '/allocations', tags: ['Allocations'], summary: 'IRO allocation spells, current and past',
  request: { query: ListQuery },
  responses: { 200: json(AllocationPage, 'one page of the spells, or every spell of the child') },
});
const allocate = defineRoute('allocations.write', {
  method: 'post', path: '/allocations', tags: ['Allocations'], summary: 'Allocate an IRO to a child',
  description: "Opens a spell from `from`; the child's current spell, if any, is closed that day. Refused (409) when the IRO is not on the roster or not active that day, is already the child's IRO, or `from` is not after the latest spell began; 422 when the child is not in your LA's 903 returns",
  request: { body: body(NewAllocation) },
  responses: { 201: json(AllocationList, 'the spells written: the one closed (if any) and the one opened'), ...problems('illegal_transition', 'record_exists', 'unknown_child', 'conflict') },
});
const childAllocation = defineRoute('practice.read', {
  method: 'get', path: '/children/{child}/allocation', tags: ['Allocations'], summary: "A child's IRO today and their allocation history",
  request: { params: ChildParam },
  responses: { 200: json(ChildAllocation, "the child's spells"), ...problems('not_found') },
});

/** Adds an IRO to the roster (revision 1); an id already taken is 409. */
export async function addIroToRoster(table: TenantTable, input: unknown) {
  const iro = parseBody(iroSchema, input);
  return createNew(table, iros, iro.id, iro);
}

/** Changes IRO `id`'s entry at the revision the caller read. */
export async function changeIroEntry(table: TenantTable, id: string, ifMatch: string, input: unknown) {
  const iro = parseBody(iroSchema, input);
  if (iro.id !== id) throw new ApiError('invalid_request', 'the body id must be the id in the path', { errors: [{ field: 'id', message: 'differs from the path' }] });
  const current = await atRevision(table, iros, id, ifMatch);
  return updateRecord(table, iros, id, current.rev, iro);
}

/** Allocates an IRO to a child: the spells written (the current one closed, if any, and the new one). */
export async function allocateChild(table: TenantTable, input: unknown) {
  const command = parseBody(allocationCommandSchema, input);
  await childIn903(table, command.child);
  const [roster, spells, taken] = await Promise.all([
    listAllRecords(table, iros), listChildRecords(table, allocations, command.child), getRecord(table, allocations, command.id),
  ]);
  if (taken) {
    throw new ApiError('record_exists', `there is already an allocation with id ${command.id}`, { field: 'id', errors: [{ field: 'id', message: 'already exists' }] });
  }
  const changed = accepted(allocateIro(spells.map((s) => s.fields), roster.map((r) => r.fields), command));
  // Close the current spell first, at the revision read: a concurrent allocation of the same child is a 409 here.
  const written = [];
  for (const spell of changed) {
    const before = spells.find((s) => s.id === spell.id);
    written.push(before
      ? await updateRecord(table, allocations, spell.id, before.rev, { to: spell.to })
      : await createNew(table, allocations, spell.id, spell));
  }
  return written;
}

/** A child's allocation spells, oldest first, and the one current on `on` (a child not in the 903 returns is 404). */
export async function childAllocationSpells(table: TenantTable, child: string, on = today()) {
  await childIn903(table, child, 'child', 'not_found');
  const spells = (await listChildRecords(table, allocations, child)).sort((a, b) => (a.fields.from < b.fields.from ? -1 : 1));
  return { child, current: spells.find((s) => isAllocatedOn(s.fields, on)) ?? null, spells };
}

export interface ChildAllocationRow {
  child: string;
  /** The IRO allocated on the day, null when none. */
  iro: string | null;
  /** The start of the child's current period of care. */
  periodStart: string;
  /** IRO Handbook: an IRO allocated within 5 working days of the period starting. */
  deadline: string;
  /** The first day of the period an IRO was allocated (a spell running into the period counts from its start). */
  allocated: string | null;
}

/** Every child looked after on `on` with their IRO and when one was first allocated in the current period of care. */
export async function allocationOverview(table: TenantTable, on: string): Promise<ChildAllocationRow[]> {
  const [dataset, stored] = await Promise.all([mergedDataset(table), listAllRecords(table, allocations)]);
  const byChild = allocationsByChild(stored.map((a) => a.fields));
  const rows: ChildAllocationRow[] = [];
  for (const records of dataset.children) {
    const period = periodOn(timelineOf(records), on);
    if (!period) continue;
    const spells = byChild.get(records.child) ?? [];
    const starts = spells.filter((a) => a.from <= on && (a.to === null || a.to > period.start)).map((a) => (a.from > period.start ? a.from : period.start));
    rows.push({
      child: records.child, iro: iroOn(spells, on), periodStart: period.start,
      deadline: addWorkingDays(period.start, ALLOCATION_WORKING_DAYS), allocated: starts.sort()[0] ?? null,
    });
  }
  return rows;
}

export const practiceRosterRoutes = createOpenApiApp()
  .openapi(listIros, async (c) => {
    const items = await listAllRecords(c.var.data, iros);
    return c.json({ count: items.length, items }, 200);
  })
  .openapi(addIro, async (c) => c.json(await addIroToRoster(c.var.data, c.req.valid('json')), 201))
  .openapi(changeIro, async (c) => c.json(await changeIroEntry(c.var.data, c.req.valid('param').iro, c.req.valid('header')['if-match'], c.req.valid('json')), 200))
  .openapi(iroHistory, async (c) => c.json(await historyResponse(c.var.data, iros, c.req.valid('param').iro), 200))
  .openapi(listAllocations, async (c) => {
    return c.json(await listPage(c.var.data, allocations, c.req.valid('query')), 200);
  })
  .openapi(allocate, async (c) => {
    const written = await allocateChild(c.var.data, c.req.valid('json'));
    return c.json({ count: written.length, items: written }, 201);
  })
  .openapi(childAllocation, async (c) => c.json(await childAllocationSpells(c.var.data, c.req.valid('param').child), 200));
