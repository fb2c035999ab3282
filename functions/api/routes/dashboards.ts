import type { Context } from 'hono';
import { getLaSnapshot, getNationalSnapshot, getRegionalSnapshot, type StoredSnapshot } from '../../../shared/data/repositories/snapshots.ts';
import { NATIONAL_SCOPE } from '../../../shared/data/scopes.ts';
import { YearQuery } from '../../../shared/contracts/api/common.ts';
import { LaDashboard, NationalDashboard, RegionalDashboard } from '../../../shared/contracts/api/dashboards.ts';
import { createOpenApiApp, defineRoute, json, problems } from '../openapi.ts';
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

export const dashboardRoutes = createOpenApiApp()
  .openapi(la, async (c) => {
    const { year } = c.req.valid('query');
    // Figures only: the overdue children (child ids, an audited read) are on the IRO worklist, not here.
    const own = await getLaSnapshot(c.var.data, year);
    if (!own) return respond(c, own, 'LA');
    // Its region and England as published (disclosure-controlled). The national snapshot carries both, and a
    // region's total there comes from the same joint suppression as the regional snapshot: one small read, not two.
    const nationalStored = await getNationalSnapshot(c.var.deps.data.for(NATIONAL_SCOPE), own.snapshot.yearEnding);
    const regionFigures = nationalStored?.snapshot.regions.find((r) => r.region === own.snapshot.region);
    return respond(c, own, 'LA', {
      etag: nationalStored?.etag ?? '',
      body: { comparators: { region: regionFigures ? { name: regionFigures.region, cla: regionFigures.cla, metrics: regionFigures.metrics } : null, england: nationalStored?.snapshot.england ?? null } },
    });
  })
  .openapi(region, async (c) => respond(c, await getRegionalSnapshot(c.var.data, c.req.valid('query').year), 'regional'))
  .openapi(national, async (c) => respond(c, await getNationalSnapshot(c.var.data, c.req.valid('query').year), 'national'));
