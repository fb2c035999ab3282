import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Repository root, resolved from this file so the app works from any cwd (cdk, vitest, tsx). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Lambda entry points (each exports `handler`); the only files NodeFunction bundles. */
export const ENTRIES = {
  api: 'functions/api/handler.ts',
  plan: 'functions/jobs/plan/handler.ts',
  tenantSnapshot: 'functions/jobs/tenant-snapshot/handler.ts',
  rollup: 'functions/jobs/rollup/handler.ts',
} as const;

export type EntryName = keyof typeof ENTRIES;

export function entryPath(name: EntryName): string {
  return path.join(REPO_ROOT, ENTRIES[name]);
}
