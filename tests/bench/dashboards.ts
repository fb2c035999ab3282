/**
 * Issue 5: dashboard reads over the platform's real HTTP URL, after a national recompute (the recompute
 * benchmark's store when it ran just before; else import + recompute here as untimed set-up).
 * autocannon (in a worker thread, so it does not share the server's event loop; both still share the box)
 * drives each route with N connections for D seconds, with a bearer token minted by the dev issuer.
 * Read capacity per dashboard read is measured with a CapacityMeter on the same repository calls the route
 * makes (the default, no-?year path: a Query with limit 1, and the GetItem path with ?year), and explained
 * from the item size: eventually consistent reads cost ceil(S / 4 KB) / 2 RCU, strongly consistent ceil(S / 4 KB).
 */
import './env.ts';
import { aggregateKeys, tenantKeys } from '../../shared/data/keys.ts';
import { getLaSnapshot, getNationalSnapshot, getRegionalSnapshot } from '../../shared/data/repositories/snapshots.ts';
import { CapacityMeter, type Item } from '../../shared/data/scoped-table.ts';
import { NATIONAL_SCOPE, regionScope, tenantScope } from '../../shared/data/scopes.ts';
import type { TokenClaims } from '../../functions/local/dev-issuer.ts';
import type { LocalPlatform } from '../../functions/local/platform.ts';
import { type Bench, type Figure, type LoadResult, YEAR, ensureNationalStore, figure, fmtInt, fmtKB, hammer, largestLa, median, profileTop } from './lib.ts';
import { recompute } from './recompute.ts';

const NAME = 'dashboards';

/** DynamoDB item size: attribute name bytes + value bytes (strings UTF-8; numbers ~ 1 byte per 2 digits + 1). */
function itemBytes(item: Item): number {
  let n = 0;
  for (const [k, v] of Object.entries(item)) {
    n += Buffer.byteLength(k);
    if (typeof v === 'string') n += Buffer.byteLength(v);
    else if (typeof v === 'number') n += Math.ceil(String(Math.abs(v)).replace(/[.-]/g, '').length / 2) + 1;
    else n += Buffer.byteLength(JSON.stringify(v));
  }
  return n;
}

const rcu = (bytes: number) => ({ eventual: Math.ceil(bytes / 4096) / 2, strong: Math.ceil(bytes / 4096) });

export const bench: Bench = {
  name: NAME,
  title: 'Dashboard reads over HTTP (autocannon) and read capacity per read',
  async run(ctx) {
    const { connections, duration } = ctx.options;
    const store = await ensureNationalStore(ctx.options.recomputeYears, ctx.log);
    try {
      if (!store.recomputed) {
        const r = await recompute(store);
        ctx.log(`set-up: recompute in ${(r.ms / 1000).toFixed(1)} s`);
      }
      const { platform } = store;
      const { la } = largestLa();
      const year = Math.max(...store.years);
      const routes: { path: string; claims: TokenClaims; reads: (p: LocalPlatform, m: CapacityMeter, y?: number) => Promise<unknown>; items: (p: LocalPlatform) => Promise<Item[]>; calls: string }[] = [
        {
          path: '/dashboards/la',
          claims: { role: 'iro', tenant: la.code },
          // What the route reads: the LA's snapshot, then the national one (its region and England comparators).
          calls: 'getLaSnapshot + getNationalSnapshot',
          reads: async (p, m, y) => {
            await getLaSnapshot(p.data.for(tenantScope(la.code), { meter: m }), y);
            await getNationalSnapshot(p.data.for(NATIONAL_SCOPE, { meter: m }), year);
          },
          items: async (p) => [
            (await p.data.for(tenantScope(la.code)).get(tenantKeys.snapshot(tenantScope(la.code), year)))!,
            (await p.data.for(NATIONAL_SCOPE).get(aggregateKeys.national(year)))!,
          ],
        },
        {
          path: '/dashboards/region',
          claims: { role: 'regional_chair', region: la.region },
          calls: 'getRegionalSnapshot',
          reads: (p, m, y) => getRegionalSnapshot(p.data.for(regionScope(la.region), { meter: m }), y),
          items: async (p) => [(await p.data.for(regionScope(la.region)).get(aggregateKeys.region(regionScope(la.region), year)))!],
        },
        {
          path: '/dashboards/national',
          claims: { role: 'national' },
          calls: 'getNationalSnapshot',
          reads: (p, m, y) => getNationalSnapshot(p.data.for(NATIONAL_SCOPE, { meter: m }), y),
          items: async (p) => [(await p.data.for(NATIONAL_SCOPE).get(aggregateKeys.national(year)))!],
        },
      ];
      const out: Figure[] = [];
      for (const route of routes) {
        const token = await platform.issuer.mint(route.claims);
        const probe = await fetch(`${platform.url}${route.path}`, { headers: { authorization: `Bearer ${token}` } });
        const body = await probe.arrayBuffer();
        if (probe.status !== 200) throw new Error(`${route.path} answered ${probe.status}`);
        let r!: LoadResult;
        if (ctx.options.profile) {
          // The main thread only: the HTTP API, the data layer and dynalite (autocannon runs in its worker).
          const top = await profileTop(async () => { r = await hammer(`${platform.url}${route.path}`, token, { connections, duration }); });
          ctx.log(`profile of the server thread during ${route.path} (self time):`);
          for (const line of top) ctx.log(`  ${line}`);
        } else {
          r = await hammer(`${platform.url}${route.path}`, token, { connections, duration });
        }
        const ok = r.non2xx === 0 && r.errors === 0 && r.timeouts === 0;
        out.push(figure(NAME, `GET ${route.path} (${fmtKB(body.byteLength)} JSON), ${connections} connections × ${duration} s`,
          `p50 ${r.p50} ms, p99 ${r.p99} ms, ${fmtInt(r.rps)} req/s`,
          { target: 'p99 < 20 ms', met: r.p99 < 20, note: `mean ${r.mean.toFixed(1)} ms, max ${r.max} ms, ${fmtInt(r.total)} requests${ok ? '' : `, ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`}` }));

        // Decomposition: one connection (no queueing), and the repository calls alone (no HTTP, no JWT, no JSON out).
        const single = await hammer(`${platform.url}${route.path}`, token, { connections: 1, duration: 2 });
        const repo: number[] = [];
        for (let i = 0; i < 50; i++) {
          const t = performance.now();
          await route.reads(platform, new CapacityMeter());
          repo.push(performance.now() - t);
        }
        out.push(figure(NAME, `  ${route.path} unloaded: 1 connection × 2 s; repository calls alone (median of 50)`,
          `p50 ${single.p50} ms, p99 ${single.p99} ms (mean ${single.mean.toFixed(1)} ms, ${fmtInt(single.rps)} req/s); repository ${median(repo).toFixed(1)} ms`));

        const latest = new CapacityMeter();
        await route.reads(platform, latest);
        const byYear = new CapacityMeter();
        await route.reads(platform, byYear, year);
        const sizes = (await route.items(platform)).map(itemBytes);
        const explained = sizes.reduce((a, s) => ({ eventual: a.eventual + rcu(s).eventual, strong: a.strong + rcu(s).strong }), { eventual: 0, strong: 0 });
        out.push(figure(NAME, `read capacity per ${route.path} read (${route.calls})`,
          `metered ${latest.read} RCU (latest year: Query limit 1), ${byYear.read} RCU (?year=${year}: GetItem)`,
          { note: `explained: item${sizes.length > 1 ? 's' : ''} ${sizes.map(fmtKB).join(' + ')} → ${explained.eventual} RCU eventually consistent, ${explained.strong} strongly consistent` }));
      }
      return out;
    } finally {
      await store.platform.stop();
    }
  },
};
