import { listAllRecords, practiceCollections } from '../../../shared/data/repositories/practice-collections.ts';
import { siblingGroupSchema } from '../../../shared/domain/practice/records.ts';
import { classifySiblingPlacements, summariseSiblingPlacements } from '../../../shared/domain/practice/siblings.ts';
import { DateQuery, ListQuery, NewSiblingGroup, SiblingGroupPage, SiblingGroupRecord, SiblingPlacementReport } from '../../../shared/contracts/api/practice.ts';
import { createOpenApiApp, defineRoute, json, problems } from '../openapi.ts';
import { body, childIn903, createNew, listPage, mergedDataset, parseBody, today, type TenantTable } from './practice-support.ts';

const { siblingGroups } = practiceCollections;

const listGroups = defineRoute('practice.read', {
  method: 'get', path: '/sibling-groups', tags: ['Siblings'], summary: 'Sibling groups recorded for your LA',
  request: { query: ListQuery },
  responses: { 200: json(SiblingGroupPage, 'one page of the groups, or every group the child is in') },
});
const recordGroup = defineRoute('siblings.write', {
  method: 'post', path: '/sibling-groups', tags: ['Siblings'], summary: 'Record a sibling group (every child must be in your 903 returns)',
  request: { body: body(NewSiblingGroup) },
  responses: { 201: json(SiblingGroupRecord, 'the group at revision 1'), ...problems('record_exists', 'unknown_child') },
});
const report = defineRoute('practice.read', {
  method: 'get', path: '/sibling-groups/report', tags: ['Siblings'], summary: 'Siblings placed together: children placed with all, some or none of their looked-after siblings',
  request: { query: DateQuery },
  responses: { 200: json(SiblingPlacementReport, 'each child with a looked-after sibling on the date, and the counts'), ...problems('no_dataset') },
});

/** Records a sibling group: every child must be in the LA's 903 returns (the unknown one is named by its position). */
export async function recordSiblingGroup(table: TenantTable, input: unknown) {
  const group = parseBody(siblingGroupSchema, input);
  for (const [i, child] of group.children.entries()) await childIn903(table, child, `children.${i}`);
  return createNew(table, siblingGroups, group.id, group);
}

/** The children looked after on `date` who have a looked-after sibling: placed with all, some or none of them. */
export async function siblingPlacementReport(table: TenantTable, date: string) {
  const [dataset, groups] = await Promise.all([mergedDataset(table), listAllRecords(table, siblingGroups)]);
  const children = classifySiblingPlacements(dataset, groups.map((g) => g.fields), date);
  return { date, summary: summariseSiblingPlacements(children), children };
}

export const practiceSiblingRoutes = createOpenApiApp()
  .openapi(listGroups, async (c) => {
    return c.json(await listPage(c.var.data, siblingGroups, c.req.valid('query')), 200);
  })
  .openapi(recordGroup, async (c) => c.json(await recordSiblingGroup(c.var.data, c.req.valid('json')), 201))
  .openapi(report, async (c) => c.json(await siblingPlacementReport(c.var.data, c.req.valid('query').date ?? today()), 200));
