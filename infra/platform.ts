import { Tags, Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AuthStack } from './stacks/auth-stack.ts';
import { DataStack } from './stacks/data-stack.ts';
import { ServiceStack } from './stacks/service-stack.ts';

/**
 * London: children's social care data stays in the UK. Fixed here rather than taken from the shell, and needed
 * anyway: TableV2 cannot render a customer-managed key in a region-agnostic stack. The account stays agnostic
 * (CDK_DEFAULT_ACCOUNT when deploying), so synth needs no credentials.
 */
export const REGION = 'eu-west-2';

export interface PlatformOptions {
  /** Stage name (cdk.json context `stage`). */
  readonly stage: string;
  /** The managed login's domain prefix (context `domainPrefix`); it must be unique in the region. @default iro-platform-<stage> */
  readonly domainPrefix?: string;
  /** Where the Lambda entries live. @default repo root */
  readonly sourceRoot?: string;
  /** Register cdk-nag AwsSolutions as a validation plugin (synth fails on any unacknowledged finding). @default true */
  readonly nag?: boolean;
}

export interface Platform {
  readonly data: DataStack;
  readonly auth: AuthStack;
  readonly service: ServiceStack;
}

/**
 * Builds the three stacks into `app`; `cdk synth` works offline (see REGION). Shared by infra/app.ts and the tests, so the tests check what is deployed.
 */
export function buildPlatform(app: App, options: PlatformOptions): Platform {
  // Strong cross-stack references, explicitly: the data/auth stacks cannot drop an export the service still uses.
  app.node.setContext('@aws-cdk/core:defaultCrossStackReferences', 'strong');
  const prefix = `Iro-${options.stage}`;
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: REGION };
  const stateful = { env, stage: options.stage, terminationProtection: true };
  const data = new DataStack(app, `${prefix}-Data`, stateful);
  const auth = new AuthStack(app, `${prefix}-Auth`, { ...stateful, domainPrefix: options.domainPrefix ?? `iro-platform-${options.stage}` });
  const service = new ServiceStack(app, `${prefix}-Service`, {
    env,
    stage: options.stage,
    table: data.table,
    tableKey: data.tableKey,
    userPool: auth.userPool,
    userPoolClient: auth.client,
    jwtIssuer: auth.issuerUrl,
    signInDomain: auth.domain.baseUrl(),
    sourceRoot: options.sourceRoot,
  });

  for (const stack of [data, auth, service]) {
    Tags.of(stack).add('app', 'iro-platform');
    Tags.of(stack).add('stage', options.stage);
  }
  if (options.nag ?? true) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { data, auth, service };
}
