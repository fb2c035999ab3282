import { Hono, type Context } from 'hono';
import { getLaSnapshot, getNationalSnapshot, getOverdueReviews, getRegionalSnapshot, type StoredSnapshot } from '../../../shared/data/repositories/snapshots.ts';
import { NATIONAL_SCOPE } from '../../../shared/data/scopes.ts';
import { allow, ownRegionData, ownTenantData } from '../middleware/auth.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { parseQuery, yearQuery } from '../validation.ts';

/**
 * Dashboards read precomputed snapshots (one GetItem, or one Query for the latest year), scoped by the
 * token: an LA role reads its own LA, a regional chair its own region, a national user the national one.
 */
function respond<T>(c: Context, stored: StoredSnapshot<T> | undefined, what: string, extra: { etag: string; body: object } = { etag: '', body: {} }) {
  if (!stored) throw new ApiError(404, 'no_snapshot', `no ${what} snapshot has been computed yet`);
  const etag = `"${stored.etag}${extra.etag}"`;
  c.header('ETag', etag);
  c.header('Cache-Control', 'private, max-age=60');
  if (c.req.header('if-none-match') === etag) return c.body(null, 304);
  return c.json({ computedAt: stored.computedAt, ...stored.snapshot, ...extra.body });
}

export const dashboardRoutes = new Hono<AppEnv>()
  .get('/la', allow('iro', 'iro_manager'), async (c) => {
    const { year } = parseQuery(c, yearQuery);
    const tenant = ownTenantData(c);
    const own = await getLaSnapshot(tenant, year);
    if (!own) return respond(c, own, 'LA');
    // The overdue list (child ids) lives in a tenant-only item, out of the aggregate roles' reach; the LA sees it here.
    const overdue = await getOverdueReviews(tenant, own.snapshot.yearEnding);
    const { reviewTimeliness } = own.snapshot.metrics;
    const metrics = { ...own.snapshot.metrics, reviewTimeliness: { ...reviewTimeliness, overdue: { ...reviewTimeliness.overdue, children: overdue } } };
    // Its region and England as published (disclosure-controlled). The national snapshot carries both, and a
    // region's total there comes from the same joint suppression as the regional snapshot: one small read, not two.
    const national = await getNationalSnapshot(c.var.deps.data.for(NATIONAL_SCOPE), own.snapshot.yearEnding);
    const region = national?.snapshot.regions.find((r) => r.region === own.snapshot.region);
    return respond(c, own, 'LA', {
      etag: national?.etag ?? '',
      body: { metrics, comparators: { region: region ? { name: region.region, cla: region.cla, metrics: region.metrics } : null, england: national?.snapshot.england ?? null } },
    });
  })
  .get('/region', allow('regional_chair'), async (c) => {
    const { year } = parseQuery(c, yearQuery);
    return respond(c, await getRegionalSnapshot(ownRegionData(c), year), 'regional');
  })
  .get('/national', allow('national'), async (c) => {
    const { year } = parseQuery(c, yearQuery);
    return respond(c, await getNationalSnapshot(c.var.deps.data.for(NATIONAL_SCOPE), year), 'national');
  });
