import { Hono } from 'hono';
import * as z from 'zod/mini';
import { getChild, listPointers, loadDataset } from '../../../shared/data/repositories/datasets.ts';
import { isLookedAfterOn } from '../../../shared/domain/metrics/looked-after.ts';
import { yearEnd } from '../../../shared/domain/metrics/index.ts';
import type { ChildRecords } from '../../../shared/domain/ssda903/records.ts';
import { allow, ownTenantData, tenantOf } from '../middleware/auth.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { parseQuery, yearQuery } from '../validation.ts';

/** The caller's own LA's children: the tenant comes from the token; there is no LA in the path or query. */
const lookedAfter = allow('iro', 'iro_manager');

async function resolveYear(table: ReturnType<typeof ownTenantData>, year: number | undefined): Promise<number> {
  if (year !== undefined) return year;
  const years = (await listPointers(table)).map((p) => p.yearEnding);
  if (years.length === 0) throw new ApiError(404, 'no_dataset', 'no 903 return has been uploaded for your LA yet');
  return Math.max(...years);
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
    const yearEnding = await resolveYear(table, year);
    const loaded = await loadDataset(table, yearEnding);
    if (!loaded) throw new ApiError(404, 'no_dataset', `no 903 return for ${yearEnding} has been uploaded for your LA`);
    const children = loaded.dataset.children.map((child) => summary(child, yearEnd(yearEnding)));
    return c.json({ la: tenantOf(c.var.principal), yearEnding, datasetVersion: loaded.pointer.version, count: children.length, children });
  })
  .get('/:child', async (c) => {
    const { year } = parseQuery(c, yearQuery);
    const id = z.string().check(z.minLength(1), z.maxLength(20), z.regex(/^[\w-]+$/)).safeParse(c.req.param('child'));
    if (!id.success) throw new ApiError(400, 'invalid_child', 'a child id is letters, digits, - and _ (at most 20)');
    const table = ownTenantData(c);
    const yearEnding = await resolveYear(table, year);
    const child = await getChild(table, yearEnding, id.data);
    if (!child) throw new ApiError(404, 'not_found', `no child ${id.data} in your LA's ${yearEnding} return`);
    return c.json({ yearEnding, ...child });
  });
