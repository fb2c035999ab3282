import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundle } from './bundle.ts';
import { ENTRIES, REPO_ROOT, type EntryName } from './paths.ts';

/** Budget from ARCHITECTURE.md §4 (cold starts): < 500 KB minified per entry. */
export const BUNDLE_BUDGET_BYTES = 500 * 1024;

export interface BundleSize {
  readonly name: EntryName;
  readonly entry: string;
  /** Minified JS bytes (the .mjs Lambda loads; the source map is a separate file and not counted). */
  readonly bytes: number | null;
  readonly ms: number;
  /** The five largest inputs by bytes in the output, to see what to trim. */
  readonly top: { readonly input: string; readonly bytes: number }[];
}

/**
 * esbuild-bundles each Lambda entry with the options NodeFunction uses (infra/constructs/node-function.ts:
 * ESM, node24, minify, SDK bundled, module-first mainFields, createRequire banner) in memory, and reports sizes.
 * For `npm run bench`; entries that do not exist yet are reported with bytes = null.
 */
export async function measureBundles(root = REPO_ROOT): Promise<BundleSize[]> {
  const results: BundleSize[] = [];
  for (const [name, entry] of Object.entries(ENTRIES) as [EntryName, string][]) {
    const file = path.join(root, entry);
    if (!existsSync(file)) {
      results.push({ name, entry, bytes: null, ms: 0, top: [] });
      continue;
    }
    const started = performance.now();
    const out = await bundle(entry, path.join(root, 'cdk.out', 'bundle-sizes', name), { write: false });
    const js = out.outputFiles?.find((f) => f.path.endsWith('.mjs'));
    const output = Object.values(out.metafile.outputs).find((o) => o.entryPoint);
    const top = Object.entries(output?.inputs ?? {})
      .map(([input, { bytesInOutput }]) => ({ input, bytes: bytesInOutput }))
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 5);
    results.push({ name, entry, bytes: js?.contents.byteLength ?? null, ms: Math.round(performance.now() - started), top });
  }
  return results;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

// `npx tsx infra/bundle-sizes.ts [--json]`
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const results = await measureBundles();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(results, null, 2));
  } else {
    for (const r of results) {
      if (r.bytes === null) {
        console.log(`${r.name.padEnd(15)} missing (${r.entry})`);
        continue;
      }
      const flag = r.bytes > BUNDLE_BUDGET_BYTES ? '  OVER BUDGET' : '';
      console.log(`${r.name.padEnd(15)} ${kb(r.bytes).padStart(10)}  (${r.ms} ms)${flag}`);
      for (const t of r.top) console.log(`${''.padEnd(17)}${kb(t.bytes).padStart(10)}  ${t.input}`);
    }
  }
  if (results.some((r) => r.bytes !== null && r.bytes > BUNDLE_BUDGET_BYTES)) process.exitCode = 1;
}
