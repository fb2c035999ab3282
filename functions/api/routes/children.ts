import { Hono } from 'hono';
import * as z from 'zod/mini';
import { getChildAt, getPointer, listPointers, loadDatasetAt, type DatasetPointer } from '../../../shared/data/repositories/datasets.ts';
import { isLookedAfterOn } from '../../../shared/domain/metrics/looked-after.ts';
import { yearEnd } from '../../../shared/domain/metrics/index.ts';
import type { ChildRecords } from '../../../shared/domain/ssda903/records.ts';
import { allow, ownTenantData, tenantOf } from '../middleware/auth.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { parseQuery, yearQuery } from '../validation.ts';

/** The caller's own LA's children: the tenant comes from the token; there is no LA in the path or query. */
const lookedAfter = allow('iro', 'iro_manager');

/** The live dataset pointer of the asked year, or of the latest year uploaded. */
async function livePointer(table: ReturnType<typeof ownTenantData>, year: number | undefined): Promise<DatasetPointer> {
  const pointer = year !== undefined
    ? await getPointer(table, year)
    : (await listPointers(table)).reduce<DatasetPointer | undefined>((latest, p) => (latest && latest.yearEnding > p.yearEnding ? latest : p), undefined);
  if (!pointer) throw new ApiError(404, 'no_dataset', `no 903 return${year ? ` for ${year}` : ''} has been uploaded for your LA yet`);
  return pointer;
}


function summary(child: ChildRecords, onDate: string) {
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

export const childRoutes = new Hono<AppEnv>()
  .use(lookedAfter)
  .get('/', async (c) => {
    const { year } = parseQuery(c, yearQuery);
    const table = ownTenantData(c);
    const pointer = await livePointer(table, year);
    const dataset = await loadDatasetAt(table, pointer);
    const children = dataset.children.map((child) => summary(child, yearEnd(pointer.yearEnding)));
    return c.json({ la: tenantOf(c.var.principal), yearEnding: pointer.yearEnding, datasetVersion: pointer.version, count: children.length, children });
  })
  .get('/:child', async (c) => {
    const { year } = parseQuery(c, yearQuery);
    const id = z.string().check(z.minLength(1), z.maxLength(20), z.regex(/^[\w-]+$/)).safeParse(c.req.param('child'));
    if (!id.success) throw new ApiError(400, 'invalid_child', 'a child id is letters, digits, - and _ (at most 20)');
    const table = ownTenantData(c);
    const pointer = await livePointer(table, year);
    const child = await getChildAt(table, pointer, id.data);
    if (!child) throw new ApiError(404, 'not_found', `no child ${id.data} in your LA's ${pointer.yearEnding} return`);
    return c.json({ yearEnding: pointer.yearEnding, ...child });
  });
