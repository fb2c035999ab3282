import { Hono, type Context } from 'hono';
import { getLaSnapshot, getNationalSnapshot, getRegionalSnapshot, type StoredSnapshot } from '../../../shared/data/repositories/snapshots.ts';
import { NATIONAL_SCOPE, regionScope } from '../../../shared/data/scopes.ts';
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
    const data = c.var.deps.data;
    const own = await getLaSnapshot(ownTenantData(c), year);
    if (!own) return respond(c, own, 'LA');
    // Its region's and England's published (disclosure-controlled) figures beside its own.
    const [region, national] = await Promise.all([
      getRegionalSnapshot(data.for(regionScope(own.snapshot.region)), own.snapshot.yearEnding),
      getNationalSnapshot(data.for(NATIONAL_SCOPE), own.snapshot.yearEnding),
    ]);
    return respond(c, own, 'LA', {
      etag: `${region?.etag ?? ''}${national?.etag ?? ''}`,
      body: { comparators: { region: region ? { name: region.snapshot.region, ...region.snapshot.total } : null, england: national?.snapshot.england ?? null } },
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
