import type { Context } from 'hono';
import { getLaSnapshot, getNationalSnapshot, getRegionalSnapshot, type StoredSnapshot } from '../../../shared/data/repositories/snapshots.ts';
import type { ScopedTable } from '../../../shared/data/scoped-table.ts';
import { NATIONAL_SCOPE, type TenantScope } from '../../../shared/data/scopes.ts';
import type { NationalSnapshot, PublishedMetrics, PublishedValue } from '../../../shared/domain/rollup/types.ts';
import type { RegionName } from '../../../shared/domain/tenancy/regions.ts';
import { YearQuery } from '../../../shared/contracts/api/common.ts';
import { LaDashboard, NationalDashboard, RegionalDashboard } from '../../../shared/contracts/api/dashboards.ts';
import { createOpenApiApp, defineRoute, json, problems } from '../openapi.ts';
import type { ApiDeps } from '../deps.ts';
import { ApiError } from '../problems.ts';

/**
 * Dashboards read precomputed snapshots (one GetItem, or one Query for the latest year), scoped by the
 * capability: an LA role reads its own LA, a regional chair its own region, a national user the national one.
 * Cacheable privately for a minute, revalidated with the snapshot's ETag.
 */
function respond<T>(c: Context, stored: StoredSnapshot<T> | undefined, what: string, extra: { etag: string; body: object } = { etag: '', body: {} }) {
  if (!stored) throw new ApiError('no_snapshot', `no ${what} snapshot has been computed yet`);
  const etag = `"${stored.etag}${extra.etag}"`;
  c.header('ETag', etag);
  c.header('Cache-Control', 'private, max-age=60');
  if (c.req.header('if-none-match') === etag) return c.body(null, 304);
  return c.json({ computedAt: stored.computedAt, ...stored.snapshot, ...extra.body }, 200);
}

const cached = { 304: { description: 'not modified since the ETag sent in If-None-Match' }, ...problems('no_snapshot') };

const la = defineRoute('dashboard.la.read', {
  method: 'get', path: '/dashboards/la', tags: ['Dashboards'], summary: "Your LA's metrics beside its region and England",
  request: { query: YearQuery },
  responses: { 200: json(LaDashboard, "the LA's metrics 1–8 and its comparators"), ...cached },
});
const region = defineRoute('dashboard.region.read', {
  method: 'get', path: '/dashboards/region', tags: ['Dashboards'], summary: "Your region's LAs side by side",
  request: { query: YearQuery },
  responses: { 200: json(RegionalDashboard, 'disclosure-controlled regional figures, LAs named'), ...cached },
});
const national = defineRoute('dashboard.national.read', {
  method: 'get', path: '/dashboards/national', tags: ['Dashboards'], summary: 'Regions and England',
  request: { query: YearQuery },
  responses: { 200: json(NationalDashboard, 'disclosure-controlled national figures, no LA named'), ...cached },
});

/** The LA's published comparators of a year: its region's total and England, from the national snapshot. */
export interface LaComparators {
  region: { name: RegionName; cla: PublishedValue; metrics: PublishedMetrics } | null;
  england: { cla: PublishedValue; metrics: PublishedMetrics } | null;
}

/** The region's and England's published figures of one year's national snapshot, for an LA of `region`. */
export function comparatorsOf(national: NationalSnapshot | undefined, region: RegionName): LaComparators {
  const regionFigures = national?.regions.find((r) => r.region === region);
  return {
    region: regionFigures ? { name: regionFigures.region, cla: regionFigures.cla, metrics: regionFigures.metrics } : null,
    england: national?.england ?? null,
  };
}

/**
 * The LA dashboard's reads (the JSON route and the page): the LA's snapshot of `year` (the latest when absent),
 * and its region and England as published (disclosure-controlled). The national snapshot carries both, and a
 * region's total there comes from the same joint suppression as the regional snapshot: one small read, not two.
 * Figures only: the overdue children (child ids, an audited read) are on the IRO worklist, not here.
 */
export async function loadLaDashboard(data: ScopedTable<TenantScope>, deps: ApiDeps, year: number | undefined) {
  const own = await getLaSnapshot(data, year);
  if (!own) return undefined;
  const national = await getNationalSnapshot(deps.data.for(NATIONAL_SCOPE), own.snapshot.yearEnding);
  return { own, national, comparators: comparatorsOf(national?.snapshot, own.snapshot.region) };
}

export const dashboardRoutes = createOpenApiApp()
  .openapi(la, async (c) => {
    const loaded = await loadLaDashboard(c.var.data, c.var.deps, c.req.valid('query').year);
    if (!loaded) return respond(c, undefined, 'LA');
    return respond(c, loaded.own, 'LA', { etag: loaded.national?.etag ?? '', body: { comparators: loaded.comparators } });
  })
  .openapi(region, async (c) => respond(c, await getRegionalSnapshot(c.var.data, c.req.valid('query').year), 'regional'))
  .openapi(national, async (c) => respond(c, await getNationalSnapshot(c.var.data, c.req.valid('query').year), 'national'));
