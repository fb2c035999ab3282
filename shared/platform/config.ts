import * as z from 'zod/mini';
import { DataLayer } from '../data/data-layer.ts';

/**
 * Environment read once, validated. The same names are set by CDK (infra) on every Lambda and by the local
 * launcher; `DYNAMODB_ENDPOINT`/`SQS_ENDPOINT` are set only locally (dynalite/fauxqs).
 */
export const ENV = {
  tableName: 'TABLE_NAME',
  dynamodbEndpoint: 'DYNAMODB_ENDPOINT',
  sqsEndpoint: 'SQS_ENDPOINT',
  planQueueUrl: 'PLAN_QUEUE_URL',
  tenantQueueUrl: 'TENANT_QUEUE_URL',
  rollupQueueUrl: 'ROLLUP_QUEUE_URL',
  planDlqUrl: 'PLAN_DLQ_URL',
  tenantDlqUrl: 'TENANT_DLQ_URL',
  rollupDlqUrl: 'ROLLUP_DLQ_URL',
  /** ARNs of the scoped data roles the functions assume with session tags (absent locally: plain credentials). */
  tenantDataRoleArn: 'TENANT_DATA_ROLE_ARN',
  regionDataRoleArn: 'REGION_DATA_ROLE_ARN',
  nationalDataRoleArn: 'NATIONAL_DATA_ROLE_ARN',
  jwtIssuer: 'JWT_ISSUER',
  jwtAudience: 'JWT_AUDIENCE',
  jwksUrl: 'JWKS_URL',
  /** The pages' sign-in (AWS only): Cognito's managed-login origin and the pages' app client, whose ID tokens are also accepted. */
  signInDomain: 'SIGN_IN_DOMAIN',
  pagesClientId: 'PAGES_CLIENT_ID',
  /** ARN of the Secrets Manager secret the session-cookie key is derived from (the key itself is never in the environment). */
  sessionSecretArn: 'SESSION_SECRET_ARN',
} as const;

const configSchema = z.object({
  tableName: z._default(z.string().check(z.minLength(1)), 'iro-platform'),
  dynamodbEndpoint: z.optional(z.url()),
  sqsEndpoint: z.optional(z.url()),
  planQueueUrl: z.optional(z.string()),
  tenantQueueUrl: z.optional(z.string()),
  rollupQueueUrl: z.optional(z.string()),
  planDlqUrl: z.optional(z.string()),
  tenantDlqUrl: z.optional(z.string()),
  rollupDlqUrl: z.optional(z.string()),
  tenantDataRoleArn: z.optional(z.string()),
  regionDataRoleArn: z.optional(z.string()),
  nationalDataRoleArn: z.optional(z.string()),
  jwtIssuer: z.optional(z.string()),
  jwtAudience: z.optional(z.string()),
  jwksUrl: z.optional(z.string()),
  signInDomain: z.optional(z.url()),
  pagesClientId: z.optional(z.string()),
  sessionSecretArn: z.optional(z.string()),
});

export type PlatformConfig = z.infer<typeof configSchema>;

export function readConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const raw = Object.fromEntries(Object.entries(ENV).map(([key, name]) => [key, env[name] || undefined]));
  return configSchema.parse(raw);
}

/** The data layer a Lambda builds from its environment: the table, the scoped roles, a local endpoint if set. */
export function dataLayerFromConfig(config: PlatformConfig): DataLayer {
  return new DataLayer({
    tableName: config.tableName,
    ...(config.dynamodbEndpoint && { endpoint: config.dynamodbEndpoint }),
    roles: { tenant: config.tenantDataRoleArn, region: config.regionDataRoleArn, national: config.nationalDataRoleArn },
  });
}
