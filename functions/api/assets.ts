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
export const ASSET_FILES = {
  'swagger-ui.css': 'swagger-ui-dist/swagger-ui.css',
  'swagger-ui-bundle.js': 'swagger-ui-dist/swagger-ui-bundle.js',
} as const;

export type AssetName = keyof typeof ASSET_FILES;

const TYPES: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

interface Asset { body: Uint8Array<ArrayBuffer>; hash: string; type: string }
const loaded = new Map<AssetName, Asset>();

function sourcePath(name: AssetName): string {
  const beside = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets', name);
  if (existsSync(beside)) return beside;
  return createRequire(import.meta.url).resolve(ASSET_FILES[name]);
}

export function asset(name: AssetName): Asset {
  let found = loaded.get(name);
  if (!found) {
    const body = new Uint8Array(readFileSync(sourcePath(name)));
    found = { body, hash: createHash('sha256').update(body).digest('base64url').slice(0, 12), type: TYPES[path.extname(name)] ?? 'application/octet-stream' };
    loaded.set(name, found);
  }
  return found;
}

export const assetUrl = (name: AssetName) => `/assets/${asset(name).hash}/${name}`;

export const isAssetName = (name: string): name is AssetName => Object.hasOwn(ASSET_FILES, name);
