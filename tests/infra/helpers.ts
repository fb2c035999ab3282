import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTRIES, REPO_ROOT } from '../../infra/paths.ts';
import { buildPlatform, type Platform } from '../../infra/platform.ts';

const STUB_ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'stub-functions');

/** Real handlers once they all exist; stubs before. Either way bundling is skipped, so only the entry path matters. */
export function sourceRoot(): string {
  return Object.values(ENTRIES).every((entry) => existsSync(path.join(REPO_ROOT, entry))) ? REPO_ROOT : STUB_ROOT;
}

export interface Built extends Platform {
  readonly app: App;
  template(stack: Stack): Template;
}

/** The deployed app, built exactly as infra/app.ts does, with asset bundling skipped (`aws:cdk:bundling-stacks: []`). */
export function buildTestPlatform(options: { nag?: boolean; outdir?: string } = {}): Built {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] }, outdir: options.outdir });
  const platform = buildPlatform(app, { stage: 'test', sourceRoot: sourceRoot(), nag: options.nag ?? false });
  const templates = new Map<Stack, Template>();
  return {
    ...platform,
    app,
    template(stack) {
      let t = templates.get(stack);
      if (!t) templates.set(stack, (t = Template.fromStack(stack)));
      return t;
    },
  };
}
