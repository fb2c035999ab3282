import * as z from 'zod';

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
} as const;

const configSchema = z.object({
  tableName: z.string().min(1).default('iro-platform'),
  dynamodbEndpoint: z.string().url().optional(),
  sqsEndpoint: z.string().url().optional(),
  planQueueUrl: z.string().optional(),
  tenantQueueUrl: z.string().optional(),
  rollupQueueUrl: z.string().optional(),
  planDlqUrl: z.string().optional(),
  tenantDlqUrl: z.string().optional(),
  rollupDlqUrl: z.string().optional(),
  tenantDataRoleArn: z.string().optional(),
  regionDataRoleArn: z.string().optional(),
  nationalDataRoleArn: z.string().optional(),
  jwtIssuer: z.string().optional(),
  jwtAudience: z.string().optional(),
  jwksUrl: z.string().optional(),
});

export type PlatformConfig = z.infer<typeof configSchema>;

export function readConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const raw = Object.fromEntries(Object.entries(ENV).map(([key, name]) => [key, env[name] || undefined]));
  return configSchema.parse(raw);
}
