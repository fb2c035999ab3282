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

export interface Statement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action: string[];
  Resource: unknown[];
  Condition?: Record<string, Record<string, unknown>>;
  Principal?: unknown;
}

const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

function normalise(raw: Record<string, unknown>): Statement {
  return {
    ...(raw as unknown as Statement),
    Action: asArray(raw.Action as string | string[]),
    Resource: asArray(raw.Resource),
  };
}

/** Every statement of every AWS::IAM::Policy attached to the role with this logical id (inline identity policies). */
export function identityStatements(template: Template, roleLogicalId: string): Statement[] {
  const policies = template.findResources('AWS::IAM::Policy');
  return Object.values(policies)
    .filter((p) => asArray(p.Properties.Roles).some((r) => JSON.stringify(r) === JSON.stringify({ Ref: roleLogicalId })))
    .flatMap((p) => (p.Properties.PolicyDocument.Statement as Record<string, unknown>[]).map(normalise));
}

export function trustStatements(template: Template, roleLogicalId: string): Statement[] {
  const role = template.toJSON().Resources[roleLogicalId];
  if (!role) throw new Error(`no role ${roleLogicalId}`);
  return (role.Properties.AssumeRolePolicyDocument.Statement as Record<string, unknown>[]).map(normalise);
}

export function managedPolicies(template: Template, roleLogicalId: string): unknown[] {
  return asArray(template.toJSON().Resources[roleLogicalId]?.Properties?.ManagedPolicyArns);
}
