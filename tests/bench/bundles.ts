/**
 * Bundle sizes: infra/bundle-sizes.ts measureBundles() (esbuild with the options NodeFunction uses, in memory)
 * for every Lambda entry, minified, against the 500 KB budget; the largest inputs are printed while running.
 */
import './env.ts';
import { BUNDLE_BUDGET_BYTES, measureBundles } from '../../infra/bundle-sizes.ts';
import { type Bench, figure, fmtKB } from './lib.ts';

const NAME = 'bundles';

export const bench: Bench = {
  name: NAME,
  title: 'Lambda bundle sizes (esbuild, minified)',
  async run(ctx) {
    const results = await measureBundles();
    return results.map((r) => {
      if (r.bytes === null) return figure(NAME, `${r.name} (${r.entry})`, 'entry missing');
      ctx.log(`${r.name}: ${fmtKB(r.bytes)} in ${r.ms} ms; largest inputs: ${r.top.map((t) => `${t.input.replace(/^node_modules\//, '')} ${fmtKB(t.bytes)}`).join(', ')}`);
      return figure(NAME, `${r.name} (${r.entry})`, fmtKB(r.bytes), {
        target: `< ${BUNDLE_BUDGET_BYTES / 1024} KB`, met: r.bytes < BUNDLE_BUDGET_BYTES,
        note: `largest input ${r.top[0] ? `${r.top[0].input.replace(/^node_modules\//, '')} ${fmtKB(r.top[0].bytes)}` : '-'}`,
      });
    });
  },
};
