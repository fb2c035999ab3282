import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Static files the pages use, taken from well-kept packages rather than copied into the repo. Each is served at
 * `/assets/<content hash>/<name>` with a year-long immutable cache; a new package version is a new URL.
 * Locally they are read from node_modules; in a Lambda bundle, CDK copies them beside the bundle into `assets/`
 * (infra/constructs/node-function.ts, `ASSET_FILES`), so they stay out of the JavaScript bundle.
 */
const GOVUK = 'govuk-frontend/dist/govuk';
export const ASSET_FILES = {
  'swagger-ui.css': 'swagger-ui-dist/swagger-ui.css',
  'swagger-ui-bundle.js': 'swagger-ui-dist/swagger-ui-bundle.js',
  'govuk-frontend.min.css': `${GOVUK}/govuk-frontend.min.css`,
  'govuk-frontend.min.js': `${GOVUK}/govuk-frontend.min.js`,
  'bold-affa96571d-v2.woff': `${GOVUK}/assets/fonts/bold-affa96571d-v2.woff`,
  'bold-b542beb274-v2.woff2': `${GOVUK}/assets/fonts/bold-b542beb274-v2.woff2`,
  'light-94a07e06a1-v2.woff2': `${GOVUK}/assets/fonts/light-94a07e06a1-v2.woff2`,
  'light-f591b13f7d-v2.woff': `${GOVUK}/assets/fonts/light-f591b13f7d-v2.woff`,
  'govuk-crest.svg': `${GOVUK}/assets/images/govuk-crest.svg`,
  'favicon.ico': `${GOVUK}/assets/images/favicon.ico`,
  'favicon.svg': `${GOVUK}/assets/images/favicon.svg`,
  // Our own: the pages' few extra styles (charts, print, timeline) and the progressive-enhancement script.
  'app.css': './web/static/app.css',
  'app.js': './web/static/app.js',
  // The upload page's progress bar (loaded by that page only).
  'upload.js': './web/static/upload.js',
} as const;

export type AssetName = keyof typeof ASSET_FILES;

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.woff': 'font/woff', '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml', '.ico': 'image/x-icon',
};

interface Asset { body: Uint8Array<ArrayBuffer>; hash: string; type: string }
const loaded = new Map<AssetName, Asset>();

/** Where an asset is read from in the repo (a package file, or ours beside this module); the bundler copies from here. */
export function assetSource(name: AssetName): string {
  return createRequire(import.meta.url).resolve(ASSET_FILES[name]);
}

function sourcePath(name: AssetName): string {
  const beside = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets', name);
  return existsSync(beside) ? beside : assetSource(name);
}

/**
 * govuk-frontend's stylesheet names its fonts and images at `/assets/fonts/…` and `/assets/images/…`; they are
 * rewritten to their hashed addresses here, so every file has one address and one cache rule.
 */
function rewriteUrls(name: AssetName, body: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  if (!name.endsWith('.css')) return body;
  const text = Buffer.from(body).toString('utf8').replace(/url\(\/assets\/(?:fonts|images)\/([\w.-]+)\)/g, (whole, file: string) =>
    isAssetName(file) ? `url(${assetUrl(file)})` : whole);
  return new Uint8Array(Buffer.from(text, 'utf8'));
}

export function asset(name: AssetName): Asset {
  let found = loaded.get(name);
  if (!found) {
    const body = rewriteUrls(name, new Uint8Array(readFileSync(sourcePath(name))));
    found = { body, hash: createHash('sha256').update(body).digest('base64url').slice(0, 12), type: TYPES[path.extname(name)] ?? 'application/octet-stream' };
    loaded.set(name, found);
  }
  return found;
}

export const assetUrl = (name: AssetName) => `/assets/${asset(name).hash}/${name}`;

export const isAssetName = (name: string): name is AssetName => Object.hasOwn(ASSET_FILES, name);
