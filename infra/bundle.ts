import { build, type BuildResult, type Plugin } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ASSET_FILES, assetSource, type AssetName } from '../functions/api/assets.ts';
import { REPO_ROOT } from './paths.ts';

/**
 * THE Lambda bundling step, used by CDK (NodeFunction, through Code.fromCustomCommand) and by
 * infra/bundle-sizes.ts, so the measured size is the deployed size.
 * - ESM + minify + SDK bundled: measured cold-start wins (aws-sdk-js-v3#5516, aws-cdk#25492).
 * - createRequire banner: some CJS dependencies call require() for node built-ins, which ESM output lacks.
 * - mainFields module-first so ESM builds of dependencies are picked and tree-shaken.
 * - zod without its message locales: @hono/zod-openapi hands the whole classic `z` namespace (and zod core and
 *   mini export theirs too) to extendZodWithOpenApi, which keeps `locales` (about 40 languages, 258 KB) alive; we never use it, and zod's
 *   default English messages come from locales/en.js, which stays.
 * - The STS, SSO-OIDC and sign-in clients nested in the credential providers stay out (about 45 KB a bundle): the
 *   shared-config role, web-identity, SSO-token and login providers load them with a dynamic import only; in Lambda
 *   the credentials come from the environment, first in the chain, so they are never loaded. (The SSO client is
 *   imported statically, so it stays in.)
 * - Static files the API serves (functions/api/assets.ts) are copied beside the bundle, not inlined into it.
 */
export const ESBUILD_TARGET = 'node24';
export const ESBUILD_BANNER =
  "import { createRequire as __iroCreateRequire } from 'node:module'; const require = __iroCreateRequire(import.meta.url);";

const withoutZodLocales: Plugin = {
  name: 'without-zod-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'stub' } : undefined);
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

export async function bundle(entry: string, outdir: string, options: { write?: boolean } = {}): Promise<BuildResult<{ metafile: true }>> {
  const result = await build({
    entryPoints: [path.resolve(REPO_ROOT, entry)],
    absWorkingDir: REPO_ROOT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: ESBUILD_TARGET,
    minify: true,
    sourcemap: 'external',
    sourcesContent: false,
    mainFields: ['module', 'main'],
    banner: { js: ESBUILD_BANNER },
    outfile: path.join(outdir, 'index.mjs'),
    write: options.write ?? true,
    metafile: true,
    logLevel: 'error',
    external: ['@aws-sdk/nested-clients/sts', '@aws-sdk/nested-clients/sso-oidc', '@aws-sdk/nested-clients/signin'],
    plugins: [withoutZodLocales],
  });
  if (options.write ?? true) {
    mkdirSync(path.join(outdir, 'assets'), { recursive: true });
    for (const name of Object.keys(ASSET_FILES) as AssetName[]) copyFileSync(assetSource(name), path.join(outdir, 'assets', name));
  }
  return result;
}

// `node --import tsx infra/bundle.ts ENTRY OUTDIR` (what Code.fromCustomCommand runs at synth)
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [entry, outdir] = process.argv.slice(2);
  if (!entry || !outdir) throw new Error('usage: infra/bundle.ts ENTRY OUTDIR');
  await bundle(entry, outdir);
}
