import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../paths.ts';

/**
 * Lambda runtime. cdk-nag AwsSolutions-L1 flags anything older than the newest Node runtime, so we deploy
 * nodejs24.x while local dev and tests run Node 20 (the engines floor). The code targets ES2022 and uses no
 * Node 22+/24-only API, so the newer runtime is a superset; esbuild targets node24 to match what runs
 * (infra/bundle.ts).
 */
export const NODE_RUNTIME = lambda.Runtime.NODEJS_24_X;

export const METRICS_NAMESPACE = 'IroPlatform';

export interface NodeFunctionProps {
  /** Entry file, relative to `sourceRoot`. */
  readonly entry: string;
  /** Powertools service name (log `service` key, metrics dimension). */
  readonly serviceName: string;
  readonly description: string;
  readonly timeout: Duration;
  /** @default 512 (more memory = more CPU on Lambda; 512 keeps the API's cold start low) */
  readonly memorySize?: number;
  readonly environment?: Record<string, string>;
  /** Unset by default: reserving concurrency on a fresh account (limit 10) fails deployment; jobs cap concurrency on the event source instead. */
  readonly reservedConcurrentExecutions?: number;
  /** @default RetentionDays.THREE_MONTHS */
  readonly logRetention?: logs.RetentionDays;
  /** Where the entry lives; tests point this at stubs while the real handlers are being written. @default repo root */
  readonly sourceRoot?: string;
}

/**
 * The one opinionated Lambda function (bundled by infra/bundle.ts): arm64, ESM, minified, SDK bundled, JSON logs into its own log group with
 * retention, Powertools env. It creates its own role with write access to that log group only, so no AWS managed
 * policy (cdk-nag IAM4) and no `logs:*` on `*`.
 */
export class NodeFunction extends Construct {
  readonly fn: lambda.Function;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: NodeFunctionProps) {
    super(scope, id);
    const sourceRoot = props.sourceRoot ?? REPO_ROOT;

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.THREE_MONTHS,
      // Logs of a system handling children's social care data are evidence: keep them if the stack goes.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${props.serviceName}`,
    });
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );

    this.fn = new lambda.Function(this, 'Fn', {
      // `cdk synth --exclude`-style runs and the infra tests set aws:cdk:bundling-stacks to [] to skip bundling.
      code: Stack.of(this).bundlingRequired ? bundled(path.join(sourceRoot, props.entry)) : lambda.Code.fromInline('// not bundled in this synthesis'),
      handler: 'index.handler',
      runtime: NODE_RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      description: props.description,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        POWERTOOLS_LOG_LEVEL: 'INFO',
        ...props.environment,
      },
    });
  }
}

/** One bundle per entry per process: the tests synthesise the app several times. */
const bundles = new Map<string, lambda.Code>();

/** esbuild at synth time (offline, no Docker), through the same step infra/bundle-sizes.ts measures. */
function bundled(entry: string): lambda.Code {
  let code = bundles.get(entry);
  if (!code) {
    const outdir = mkdtempSync(path.join(os.tmpdir(), 'iro-bundle-'));
    code = lambda.Code.fromCustomCommand(outdir, [process.execPath, '--import', 'tsx', path.join(REPO_ROOT, 'infra/bundle.ts'), entry, outdir], { commandOptions: { cwd: REPO_ROOT, stdio: 'inherit' } });
    bundles.set(entry, code);
  }
  return code;
}
