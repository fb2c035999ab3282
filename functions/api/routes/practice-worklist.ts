import { listAllRecords, practiceCollections } from '../../../shared/data/repositories/practice-collections.ts';
import { loadWorklistInputs } from '../../../shared/data/repositories/worklist.ts';
import { buildWorklist, type WorklistRow } from '../../../shared/domain/practice/worklist.ts';
import { Worklist, WorklistQuery } from '../../../shared/contracts/api/practice.ts';
import { createOpenApiApp, defineRoute, json, problems } from '../openapi.ts';
import { ApiError } from '../problems.ts';
import { today, type TenantTable } from './practice-support.ts';

const worklist = defineRoute('worklist.read', {
  method: 'get', path: '/worklist', tags: ['Worklist'], summary: 'What needs attention, and why',
  description: "An IRO gets the rows of their own children (the roster entry whose `sub` is the caller's); an IRO manager the whole LA, or one IRO's with ?iro=. Built from every stored year's 903 return and the practice records (through the basis the tenant job stores, with records changed since re-read); each row says why it is there and links to its record",
  request: { query: WorklistQuery },
  responses: { 200: json(Worklist, 'the rows, earliest date first'), ...problems('no_dataset', 'not_on_roster') },
});

/** The API path of the record a row concerns (Rate My Review cards have their own routes, elsewhere). */
export function href(row: WorklistRow): string | null {
  switch (row.record.type) {
    case 'decision': return `/decisions/${row.record.id}`;
    case 'dispute': return `/disputes/${row.record.id}`;
    case 'card': return null;
    default: return `/children/${row.child}`;
  }
}

/** Whose rows the caller may see: an IRO only their own (found by the token's subject on the roster). */
export async function worklistOwner(table: TenantTable, principal: { role: string; subject: string }, asked: string | undefined): Promise<string | undefined> {
  if (principal.role !== 'iro') return asked;
  const me = (await listAllRecords(table, practiceCollections.iros)).find((r) => r.fields.sub === principal.subject);
  if (!me) throw new ApiError('not_on_roster', 'your sign-in is not on your LA\'s IRO roster: ask your IRO manager to add it to your entry');
  if (asked !== undefined && asked !== me.id) throw new ApiError('forbidden', 'an IRO sees only their own worklist');
  return me.id;
}

/**
 * The worklist as GET /worklist answers it, for the route and the pages: whose rows the caller may see, then the
 * rows of `date` (default today), each with the path of its record.
 */
export async function loadWorklist(table: TenantTable, principal: { role: string; subject: string }, query: { iro?: string | undefined; date?: string | undefined }) {
  const date = query.date ?? today();
  const iro = await worklistOwner(table, principal, query.iro);
  const inputs = await loadWorklistInputs(table, date);
  if (!inputs) throw new ApiError('no_dataset', 'no 903 return has been uploaded for your LA yet');
  const rows = buildWorklist(inputs.dataset, inputs.records, date, iro === undefined ? {} : { iro }).map((row) => ({ ...row, href: href(row) }));
  return { date, iro: iro ?? null, count: rows.length, rows };
}

export const practiceWorklistRoutes = createOpenApiApp().openapi(worklist, async (c) => c.json(await loadWorklist(c.var.data, c.var.principal, c.req.valid('query')), 200));
