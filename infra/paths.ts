import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { JOBS } from '../shared/platform/queue/jobs-manifest.ts';

/** Repository root, resolved from this file so the app works from any cwd (cdk, vitest, tsx). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Lambda entry points (each exports `handler`); the only files NodeFunction bundles. Jobs: from the manifest. */
export const ENTRIES = {
  api: 'functions/api/handler.ts',
  plan: JOBS.plan.handler,
  tenantSnapshot: JOBS.tenant.handler,
  rollup: JOBS.rollup.handler,
} as const;

export type EntryName = keyof typeof ENTRIES;

