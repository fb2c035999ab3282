import { getChildAt, getPointer, listPointers, loadDatasetAt, type DatasetPointer } from '../../../shared/data/repositories/datasets.ts';
import type { ScopedTable } from '../../../shared/data/scoped-table.ts';
import type { TenantScope } from '../../../shared/data/scopes.ts';
import { isLookedAfterOn } from '../../../shared/domain/metrics/looked-after.ts';
import { yearEnd } from '../../../shared/domain/metrics/index.ts';
import type { ChildRecords } from '../../../shared/domain/ssda903/records.ts';
import { ChildList, ChildParam, ChildTimeline } from '../../../shared/contracts/api/children.ts';
import { YearQuery } from '../../../shared/contracts/api/common.ts';
import { createOpenApiApp, defineRoute, json, problems } from '../openapi.ts';
import { ApiError } from '../problems.ts';

/** The live dataset pointer of the asked year, or of the latest year uploaded. */
export async function livePointer(table: ScopedTable<TenantScope>, year: number | undefined): Promise<DatasetPointer> {
  const pointer = year !== undefined
    ? await getPointer(table, year)
    : (await listPointers(table)).reduce<DatasetPointer | undefined>((latest, p) => (latest && latest.yearEnding > p.yearEnding ? latest : p), undefined);
  if (!pointer) throw new ApiError('no_dataset', `no 903 return${year ? ` for ${year}` : ''} has been uploaded for your LA yet`);
  return pointer;
}

/** A child's line in the children list (the JSON route and the page): looked after on `onDate`, the current episode. */
export function childSummary(child: ChildRecords, onDate: string) {
  const current = child.episodes.at(-1);
  return {
    child: child.child,
    sex: child.header.sex,
    dob: child.header.dob,
    lookedAfter: child.episodes.some((e) => isLookedAfterOn(e, onDate)),
    legalStatus: current?.ls ?? null,
    placement: current?.place ?? null,
    episodes: child.episodes.length,
    reviews: child.reviews.length,
  };
}

const list = defineRoute('children.read', {
  method: 'get', path: '/children', tags: ['Children'], summary: "Your LA's children in a collection year's 903 return",
  request: { query: YearQuery },
  responses: { 200: json(ChildList, 'the children of the live dataset'), ...problems('no_dataset') },
});

const timeline = defineRoute('children.read', {
  method: 'get', path: '/children/{child}', tags: ['Children'], summary: "One child's 903 records",
  request: { params: ChildParam, query: YearQuery },
  responses: { 200: json(ChildTimeline, "the child's header, episodes, reviews, missing periods and UASC record"), ...problems('no_dataset', 'not_found') },
});

/** The caller's own LA's children: the tenant comes from the token; there is no LA in the path or query. */
export const childRoutes = createOpenApiApp()
  .openapi(list, async (c) => {
    const { year } = c.req.valid('query');
    const pointer = await livePointer(c.var.data, year);
    const dataset = await loadDatasetAt(c.var.data, pointer);
    const children = dataset.children.map((child) => childSummary(child, yearEnd(pointer.yearEnding)));
    return c.json({ la: c.var.data.scope.la, yearEnding: pointer.yearEnding, datasetVersion: pointer.version, count: children.length, children }, 200);
  })
  .openapi(timeline, async (c) => {
    const { year } = c.req.valid('query');
    const { child: id } = c.req.valid('param');
    const pointer = await livePointer(c.var.data, year);
    const child = await getChildAt(c.var.data, pointer, id);
    if (!child) throw new ApiError('not_found', `there is no child with that id in your LA's ${pointer.yearEnding} return`);
    return c.json({ yearEnding: pointer.yearEnding, ...child }, 200);
  });
