/**
 * The CLI ships as an esbuild bundle in dist/cli (git-ignored), so a command starts in plain Node instead of
 * compiling TypeScript on every run (tsx start-up was most of `cli validate`'s 0.6 s). ensureCliBundle() rebuilds
 * it when it is missing or any source it was built from is newer, so `npm run cli` works on a clean clone and
 * right after an edit. Plain JavaScript: it runs before anything can compile TypeScript.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = `${ROOT}dist/cli`;
export const CLI_MAIN = `${OUT}/main.mjs`;
const MANIFEST = `${OUT}/inputs.json`;

/** True when the bundle is missing or older than any of its inputs (a stat per input: a few milliseconds). */
function stale() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  } catch {
    return true;
  }
  for (const input of manifest.inputs) {
    const s = statSync(`${ROOT}${input}`, { throwIfNoEntry: false });
    if (!s || s.mtimeMs > manifest.builtAt) return true;
  }
  return false;
}

/**
 * The packages the pure domain uses (csv-parse, fast-xml-parser and theirs) are bundled: `validate` then loads a
 * few files instead of dozens. Every other package (AWS SDK, dynalite, ...) is left in node_modules.
 */
const domainPackagesOnly = {
  name: 'domain-packages-only',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, ({ path, importer }) => {
      const fromDomainOrPackage = importer.includes('/shared/domain/') || importer.includes('/node_modules/');
      return fromDomainOrPackage && !path.startsWith('node:') ? undefined : { path, external: true };
    });
  },
};

async function build() {
  const { build: esbuild } = await import('esbuild');
  const builtAt = Date.now();
  // Built beside the live bundle and swapped in, so a command running meanwhile never sees half a bundle.
  const tmp = `${OUT}.${process.pid}`;
  const result = await esbuild({
    absWorkingDir: ROOT,
    entryPoints: ['functions/cli/main.ts'],
    outdir: tmp,
    bundle: true,
    splitting: true, // each command is its own chunk, loaded only when run (validate never loads the AWS SDK)
    platform: 'node',
    format: 'esm',
    target: 'node20',
    plugins: [domainPackagesOnly],
    outExtension: { '.js': '.mjs' },
    metafile: true,
    minify: true, // less to parse at start-up
    keepNames: true,
    logLevel: 'warning',
  });
  // The build's own settings and the locked package versions are inputs too: a change to either rebuilds.
  const inputs = [...Object.keys(result.metafile.inputs).filter((i) => !i.startsWith('node_modules/')), 'functions/cli/bundle.mjs', 'package-lock.json'];
  writeFileSync(`${tmp}/inputs.json`, JSON.stringify({ builtAt, inputs }));
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(`${ROOT}dist`, { recursive: true });
  try {
    renameSync(tmp, OUT);
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // another process swapped its identical build in first
  }
}

export async function ensureCliBundle() {
  if (stale()) await build();
  return CLI_MAIN;
}
