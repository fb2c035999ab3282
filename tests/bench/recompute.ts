/**
 * Issue 5: national recompute through the local pipeline. With every LA's returns imported (the import
 * benchmark's store when it ran just before, else imported here as untimed set-up), time
 * `platform.tick(); platform.drain(600_000)`: plan → one tenant message per LA (metrics 1–8 per uploaded
 * year, LA snapshot) → rollups (9 regional + 1 national snapshot per year). Peak RSS sampled every 100 ms.
 * Writes are counted by wrapping the platform's DataLayer.for so every ScopedTable the jobs open gets a
 * counting CapacityMeter per scope kind (bench-side instrumentation only).
 */
import './env.ts';
import { readRollupInputs, getNationalSnapshot, getRegionalSnapshot } from '../../shared/data/repositories/snapshots.ts';
import { CapacityMeter, type TableContext } from '../../shared/data/scoped-table.ts';
import { NATIONAL_SCOPE, ROLLUP_SCOPE, regionScope, type DataScope } from '../../shared/data/scopes.ts';
import { REGIONS } from '../../shared/domain/tenancy/regions.ts';
import { type Bench, type NationalStore, ensureNationalStore, figure, fmtInt, fmtMB, fmtMs, handOver, profileTop, sampleRss } from './lib.ts';

const NAME = 'recompute';

class CountingMeter extends CapacityMeter {
  writes = 0;
  override add(kind: 'read' | 'write', consumed: Parameters<CapacityMeter['add']>[1]): void {
    super.add(kind, consumed);
    if (kind === 'write') this.writes++;
  }
}

/** Runs the nightly tick to completion on `store`; shared with the dashboard benchmark's set-up. */
export async function recompute(store: NationalStore) {
  const { platform } = store;
  const meters: Partial<Record<DataScope['kind'], CountingMeter>> = {};
  const data = platform.data as unknown as { for: (scope: DataScope, context?: TableContext) => unknown };
  const original = data.for;
  data.for = (scope, context = {}) => original.call(platform.data, scope, { ...context, meter: context.meter ?? (meters[scope.kind] ??= new CountingMeter()) });
  const rssBefore = process.memoryUsage().rss;
  const rss = sampleRss(100);
  const started = performance.now();
  try {
    await platform.tick();
    await platform.drain(600_000);
  } finally {
    data.for = original;
  }
  const ms = performance.now() - started;
  const { peak } = rss.stop();
  store.recomputed = true;
  return { ms, rssBefore, peak, meters };
}

export const bench: Bench = {
  name: NAME,
  title: 'National recompute through the local pipeline (tick → drain)',
  async run(ctx) {
    const years = ctx.options.recomputeYears;
    const store = await ensureNationalStore(years, ctx.log);
    let handed = false;
    try {
      const imported = [...store.years].sort();
      let r!: Awaited<ReturnType<typeof recompute>>;
      if (ctx.options.profile) {
        const top = await profileTop(async () => { r = await recompute(store); }, 10);
        ctx.log('profile of the pipeline (self time; the profiler slows it, so the time below is not comparable):');
        for (const line of top) ctx.log(`  ${line}`);
      } else {
        r = await recompute(store);
      }
      const { platform } = store;
      // What the store holds afterwards.
      const rollupTable = platform.data.for(ROLLUP_SCOPE);
      let la = 0, regional = 0, national = 0;
      for (const year of imported) {
        la += (await readRollupInputs(rollupTable, year)).snapshots.length;
        for (const region of REGIONS) if (await getRegionalSnapshot(platform.data.for(regionScope(region)), year)) regional++;
        if (await getNationalSnapshot(platform.data.for(NATIONAL_SCOPE), year)) national++;
      }
      const tenant = r.meters.tenant;
      const rollup = r.meters.rollup;
      ctx.log(`meters: ${Object.entries(r.meters).map(([k, m]) => `${k} ${fmtInt(m!.read)} RCU / ${fmtInt(m!.write)} WCU / ${m!.writes} writes`).join('; ')}`);
      const figures = [
        figure(NAME, `tick → drain, ${imported.length} year(s) (${imported.join(', ')}) × 153 LAs`, fmtMs(r.ms), { target: '< 60 s', met: r.ms < 60_000 }),
        figure(NAME, 'peak RSS during recompute (whole process: dynalite + fauxqs + jobs)', fmtMB(r.peak), { note: `${fmtMB(r.rssBefore)} before` }),
        figure(NAME, 'snapshots in the store afterwards (LA / regional / national)', `${la} / ${regional} / ${national}`,
          { note: `writes: ${tenant?.writes ?? 0} tenant-scope (LA snapshots), ${rollup?.writes ?? 0} aggregate puts (regional + national, one set per rollup message)` }),
        figure(NAME, 'capacity consumed by the recompute', `${fmtInt(tenant?.read ?? 0)} RCU + ${fmtInt(rollup?.read ?? 0)} RCU rollup; ${fmtInt((tenant?.write ?? 0) + (rollup?.write ?? 0))} WCU`),
      ];
      await handOver(store, ctx, ['practice', 'dashboards']);
      handed = true;
      return figures;
    } finally {
      if (!handed) await store.platform.stop();
    }
  },
};
