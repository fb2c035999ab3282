/**
 * Issue 4: end-to-end importReturn into local dynalite (the real platform: LocalPlatform.start({})).
 * - the largest LA's return (its previous year stored first, so continuity validation runs as in production):
 *   median of 3 imports, target < 3 s; with parse+validate measured separately in memory for the split;
 * - every LA's return of one year into a fresh store, one LA after another, with the write capacity units each
 *   LA's import consumed (CapacityMeter on the LA's ScopedTable).
 * The national store is handed to the recompute/dashboard benchmarks when they run next.
 */
import './env.ts';
import { tenantScope } from '../../shared/data/scopes.ts';
import { CapacityMeter } from '../../shared/data/scoped-table.ts';
import { parse903Files } from '../../shared/domain/ssda903/parse.ts';
import { validate903Upload } from '../../shared/domain/ssda903/validate/index.ts';
import { importReturn } from '../../shared/imports/import-return.ts';
import { generateLaReturns } from '../../shared/synthetic/generate-la.ts';
import {
  type Bench, type Figure, SEED, YEAR, figure, fmtInt, fmtMs, handOver, importNationalYear, largestLa, median,
  nationalReturns, releaseNationalReturns, startPlatform, toFiles,
} from './lib.ts';

const NAME = 'import';

async function largest(ctx: Parameters<Bench['run']>[0]): Promise<Figure[]> {
  const { la, cla } = largestLa();
  const returns = generateLaReturns(la, { seed: SEED, yearsEnding: [YEAR - 1, YEAR] });
  const previous = toFiles(returns.get(YEAR - 1)!);
  const files = toFiles(returns.get(YEAR)!);
  const platform = await startPlatform();
  try {
    const table = () => platform.data.for(tenantScope(la.code));
    const first = await importReturn(table(), previous, { yearEnding: YEAR - 1 });
    if (!first.accepted) throw new Error(`${la.name} ${YEAR - 1} rejected`);
    const runs: { ms: number; wcu: number; rcu: number }[] = [];
    let rows = 0;
    for (let i = 0; i < 3; i++) {
      const meter = new CapacityMeter();
      const started = performance.now();
      const outcome = await importReturn(platform.data.for(tenantScope(la.code), { meter }), files, { yearEnding: YEAR });
      const ms = performance.now() - started;
      if (!outcome.accepted) throw new Error(`${la.name} ${YEAR} rejected`);
      rows = Object.values(outcome.pointer.counts).reduce((n, c) => n + c, 0);
      runs.push({ ms, wcu: meter.write, rcu: meter.read });
    }
    // The in-memory share: parse + validate with the same previous year (loaded the way importReturn loads it).
    const { loadDataset } = await import('../../shared/data/repositories/datasets.ts');
    const prev = await loadDataset(table(), YEAR - 1);
    const t = performance.now();
    validate903Upload(parse903Files(files), { yearEnding: YEAR, ...(prev && { previous: prev.dataset }) });
    const cpuMs = performance.now() - t;

    const ms = median(runs.map((r) => r.ms));
    ctx.log(`${la.name} (${la.code}), ${cla} CLA: ${YEAR} imports ${runs.map((r) => fmtMs(r.ms)).join(', ')}; parse+validate alone ${fmtMs(cpuMs)}`);
    return [
      figure(NAME, `largest LA (${la.name}, ${fmtInt(rows)} rows): importReturn, median of 3`, fmtMs(ms),
        { target: '< 3 s', met: ms < 3000, note: `parse+validate ${fmtMs(cpuMs)} of it; runs ${runs.map((r) => fmtMs(r.ms)).join(' / ')}` }),
      figure(NAME, 'largest LA: capacity per import', `${fmtInt(runs[0]!.wcu)} WCU, ${fmtInt(runs[0]!.rcu)} RCU (previous-year load + pointer)`),
    ];
  } finally {
    await platform.stop();
  }
}

async function national(ctx: Parameters<Bench['run']>[0]): Promise<Figure[]> {
  const { returns, generateMs } = nationalReturns(YEAR);
  ctx.log(`national ${YEAR} returns ready (generated in ${fmtMs(generateMs)} if not already by parse)`);
  const platform = await startPlatform();
  let handed = false;
  try {
    const started = performance.now();
    let lastLog = started;
    const las = await importNationalYear(platform, YEAR, (done, total) => {
      if (performance.now() - lastLog > 15_000) {
        lastLog = performance.now();
        ctx.log(`  ${done}/${total} LAs imported (${fmtMs(lastLog - started)})`);
      }
    });
    const totalMs = performance.now() - started;
    const rows = las.reduce((n, l) => n + l.rows, 0);
    const wcu = las.map((l) => l.wcu).sort((a, b) => a - b);
    const totalWcu = wcu.reduce((n, w) => n + w, 0);
    const children = las.reduce((n, l) => n + l.children, 0);
    const max = las.reduce((a, b) => (b.wcu > a.wcu ? b : a));
    const min = las.reduce((a, b) => (b.wcu < a.wcu ? b : a));
    const slowest = las.reduce((a, b) => (b.ms > a.ms ? b : a));
    ctx.log(`top WCU: ${[...las].sort((a, b) => b.wcu - a.wcu).slice(0, 5).map((l) => `${l.la.name} ${fmtInt(l.wcu)}`).join(', ')}`);
    const figures = [
      figure(NAME, `all ${las.length} LAs, ${YEAR} only (no previous year stored): importReturn one after another`, fmtMs(totalMs),
        { note: `${fmtInt(rows)} rows, ${fmtInt(rows / (totalMs / 1000))} rows/s; slowest LA ${slowest.la.name} ${fmtMs(slowest.ms)}` }),
      figure(NAME, 'write capacity per LA import', `median ${fmtInt(median(wcu))} WCU, max ${fmtInt(max.wcu)} (${max.la.name}), min ${fmtInt(min.wcu)} (${min.la.name})`,
        { note: `national total ${fmtInt(totalWcu)} WCU for ${fmtInt(children)} children = ${(totalWcu / children).toFixed(2)} WCU/child` }),
    ];
    await handOver({ platform, years: new Set([YEAR]), recomputed: false }, ctx, ['recompute', 'practice', 'dashboards']);
    handed = true;
    return figures;
  } finally {
    if (!handed) await platform.stop();
    if (!ctx.later.has('parse')) releaseNationalReturns();
  }
}

export const bench: Bench = {
  name: NAME,
  title: 'importReturn into local dynalite (largest LA; every LA, one year) with write capacity',
  async run(ctx) {
    const out: Figure[] = [];
    try {
      out.push(...(await largest(ctx)));
    } catch (error) {
      out.push(figure(NAME, 'largest LA', `FAILED: ${(error as Error).message}`));
    }
    out.push(...(await national(ctx)));
    return out;
  },
};
