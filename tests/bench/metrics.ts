/**
 * Issue 5: computeLaMetrics for the largest LA, in memory (median of N runs after 3 warm-ups; target < 100 ms).
 * Two calls: the CLI's (the year alone) and the tenant job's (the year with the two earlier years as history,
 * as tenant-snapshot-job passes them). Datasets are built with parse903Files + toDataset, as import does.
 */
import './env.ts';
import { toDataset } from '../../shared/domain/ssda903/dataset.ts';
import { parse903Files } from '../../shared/domain/ssda903/parse.ts';
import { computeLaMetrics } from '../../shared/domain/metrics/index.ts';
import { generateLaReturns } from '../../shared/synthetic/generate-la.ts';
import { type Bench, SEED, YEAR, figure, fmtInt, fmtMs, largestLa, median, percentile, profileTop, toFiles } from './lib.ts';

const NAME = 'metrics';

export const bench: Bench = {
  name: NAME,
  title: 'computeLaMetrics, largest LA, in memory',
  async run(ctx) {
    const { la } = largestLa();
    const years = [YEAR - 2, YEAR - 1, YEAR];
    const returns = generateLaReturns(la, { seed: SEED, yearsEnding: years });
    const datasets = years.map((y) => toDataset(parse903Files(toFiles(returns.get(y)!)).tables, y));
    const dataset = datasets.at(-1)!;
    const history = datasets.slice(0, -1);
    const n = ctx.options.metricsRuns;

    const measure = (withHistory: boolean) => {
      const call = () => computeLaMetrics(dataset, { yearEnding: YEAR, ...(withHistory && { history }) });
      for (let i = 0; i < 3; i++) call();
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        call();
        times.push(performance.now() - t);
      }
      return times.sort((a, b) => a - b);
    };
    const alone = measure(false);
    const withHistory = measure(true);
    ctx.log(`${la.name}: ${fmtInt(dataset.children.length)} children in ${YEAR}, history ${history.map((d) => fmtInt(d.children.length)).join(' + ')}`);
    if (ctx.options.profile) {
      const top = await profileTop(() => { for (let i = 0; i < 10; i++) computeLaMetrics(dataset, { yearEnding: YEAR, history }); });
      ctx.log('profile (self time, 10 runs with history):');
      for (const line of top) ctx.log(`  ${line}`);
    }
    const spread = (t: number[]) => `min ${fmtMs(t[0]!)}, p90 ${fmtMs(percentile(t, 90))}, max ${fmtMs(t.at(-1)!)}`;
    const a = median(alone);
    const h = median(withHistory);
    return [
      figure(NAME, `largest LA (${la.name}, ${fmtInt(dataset.children.length)} children), ${YEAR} alone: median of ${n}`, fmtMs(a),
        { target: '< 100 ms', met: a < 100, note: spread(alone) }),
      figure(NAME, `same, with ${YEAR - 2}–${YEAR - 1} as history (the tenant job's call): median of ${n}`, fmtMs(h),
        { target: '< 100 ms', met: h < 100, note: spread(withHistory) }),
    ];
  },
};
