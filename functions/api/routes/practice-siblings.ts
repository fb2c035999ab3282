import { listAllRecords, practiceCollections } from '../../../shared/data/repositories/practice-collections.ts';
import { siblingGroupSchema } from '../../../shared/domain/practice/records.ts';
import { classifySiblingPlacements, summariseSiblingPlacements } from '../../../shared/domain/practice/siblings.ts';
import { DateQuery, NewSiblingGroup, SiblingGroupList, SiblingGroupRecord, SiblingPlacementReport } from '../../../shared/contracts/api/practice.ts';
import { createOpenApiApp, defineRoute, json, problems } from '../openapi.ts';
import { body, childIn903, createNew, mergedDataset, parseBody, today } from './practice-support.ts';

const { siblingGroups } = practiceCollections;

const listGroups = defineRoute('practice.read', {
  method: 'get', path: '/sibling-groups', tags: ['Siblings'], summary: 'Sibling groups recorded for your LA',
  responses: { 200: json(SiblingGroupList, 'the groups') },
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

export const practiceSiblingRoutes = createOpenApiApp()
  .openapi(listGroups, async (c) => {
    const items = await listAllRecords(c.var.data, siblingGroups);
    return c.json({ count: items.length, items }, 200);
  })
  .openapi(recordGroup, async (c) => {
    const group = parseBody(siblingGroupSchema, c.req.valid('json'));
    for (const [i, child] of group.children.entries()) await childIn903(c.var.data, child, `children.${i}`);
    return c.json(await createNew(c.var.data, siblingGroups, group.id, group), 201);
  })
  .openapi(report, async (c) => {
    const date = c.req.valid('query').date ?? today();
    const [dataset, groups] = await Promise.all([mergedDataset(c.var.data), listAllRecords(c.var.data, siblingGroups)]);
    const children = classifySiblingPlacements(dataset, groups.map((g) => g.fields), date);
    return c.json({ date, summary: summariseSiblingPlacements(children), children }, 200);
  });
