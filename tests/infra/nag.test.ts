import { App, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTestPlatform } from './helpers.ts';

interface Report {
  pluginReports: { pluginName: string; conclusion: string; violations: { ruleName: string; violatingConstructs: { constructPath: string }[] }[] }[];
}

const dirs: string[] = [];
const outdir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'iro-nag-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function synthReport(app: App, dir: string): { error?: unknown; report: Report } {
  let error: unknown;
  try {
    app.synth();
  } catch (e) {
    error = e;
  }
  return { error, report: JSON.parse(readFileSync(path.join(dir, 'validation-report.json'), 'utf8')) as Report };
}

/** A full synthesis with every AwsSolutions rule takes ~10 s alone and several times that on a loaded 2-core box. */
const SYNTH_TIMEOUT_MS = 120_000;

const violations = (report: Report) => report.pluginReports.flatMap((p) => p.violations);

/** Every Validations.acknowledge() in the tree: construct path → { rule id → reason }. */
function acknowledgements(root: IConstruct): { path: string; id: string; reason: string }[] {
  return root.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) => Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({ path: c.node.path, id, reason }))),
  );
}

describe('cdk-nag AwsSolutions', () => {
  it('the platform synthesises with zero unacknowledged findings', () => {
    const dir = outdir();
    const built = buildTestPlatform({ nag: true, outdir: dir });
    const { error, report } = synthReport(built.app, dir);
    expect(violations(report)).toEqual([]);
    expect(error).toBeUndefined();
  }, SYNTH_TIMEOUT_MS);

  it('acknowledges only APIG4 on the public and page routes and SMG4 on the session secret, each with a specific reason', () => {
    const built = buildTestPlatform();
    const acks = acknowledgements(built.app);
    expect(acks.map((a) => `${a.path} ${a.id}`).sort()).toEqual([
      'Iro-test-Service/HttpApi/HttpApi/ANY--app Annotation::AwsSolutions-APIG4',
      'Iro-test-Service/HttpApi/HttpApi/ANY--app--{proxy+} Annotation::AwsSolutions-APIG4',
      'Iro-test-Service/HttpApi/HttpApi/GET--.well-known--jwks.json Annotation::AwsSolutions-APIG4',
      'Iro-test-Service/HttpApi/HttpApi/GET--assets--{hash}--{name} Annotation::AwsSolutions-APIG4',
      'Iro-test-Service/HttpApi/HttpApi/GET--docs Annotation::AwsSolutions-APIG4',
      'Iro-test-Service/HttpApi/HttpApi/GET--docs--explorer.js Annotation::AwsSolutions-APIG4',
      'Iro-test-Service/HttpApi/HttpApi/GET--health Annotation::AwsSolutions-APIG4',
      'Iro-test-Service/HttpApi/HttpApi/GET--openapi.json Annotation::AwsSolutions-APIG4',
      'Iro-test-Service/HttpApi/HttpApi/GET--rate--{token} Annotation::AwsSolutions-APIG4',
      'Iro-test-Service/HttpApi/HttpApi/POST--rate--{token} Annotation::AwsSolutions-APIG4',
      'Iro-test-Service/PagesSignIn/SessionSecret Annotation::AwsSolutions-SMG4',
    ]);
    for (const ack of acks) expect(ack.reason.length, ack.path).toBeGreaterThan(40);
  });

  it('negative control: nag is live on the platform app (a wildcard grant fails synthesis)', () => {
    const dir = outdir();
    const built = buildTestPlatform({ nag: true, outdir: dir });
    built.service.apiFn.role.addToPolicy(new iam.PolicyStatement({ actions: ['dynamodb:*'], resources: ['*'] }));
    const { error, report } = synthReport(built.app, dir);
    expect(error).toBeDefined();
    expect(violations(report).map((v) => v.ruleName)).toEqual(
      expect.arrayContaining(['AwsSolutions-IAM5[Action::dynamodb:*]', 'AwsSolutions-IAM5[Resource::*]']),
    );
  }, SYNTH_TIMEOUT_MS);

  it('negative control: a throwaway app with a bare S3 bucket fails', () => {
    const dir = outdir();
    const app = new App({ outdir: dir });
    new s3.Bucket(new Stack(app, 'Throwaway'), 'Bare');
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    const { error, report } = synthReport(app, dir);
    expect(String(error)).toMatch(/ValidationFailed/);
    expect(violations(report).map((v) => v.ruleName)).toEqual(expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']));
  });
});
