import { createRemoteJWKSet } from 'jose';
import { handle } from 'hono/aws-lambda';
import { dataLayerFromConfig, readConfig } from '../../shared/platform/config.ts';
import { createVerifier } from '../../shared/platform/auth/verifier.ts';
import { queueDepths } from '../../shared/platform/queue/depths.ts';
import { createSqsClient, sqsSender } from '../../shared/platform/queue/sender.ts';
import { createApp } from './app.ts';

/** AWS composition root: Cognito's JWKS, scoped data roles, SQS; the same app as locally. */
const config = readConfig();
const sqs = createSqsClient(config.sqsEndpoint);

export const handler = handle(createApp({
  data: dataLayerFromConfig(config),
  verifier: createVerifier({
    keys: createRemoteJWKSet(new URL(config.jwksUrl ?? `${config.jwtIssuer}/.well-known/jwks.json`)),
    issuer: config.jwtIssuer ?? '',
    audience: config.jwtAudience ?? '',
  }),
  queue: sqsSender(sqs),
  planQueueUrl: config.planQueueUrl ?? '',
  queueDepths: () => queueDepths(sqs, [
    { name: 'plan', url: config.planQueueUrl ?? '', dlqUrl: config.planDlqUrl ?? '' },
    { name: 'tenant', url: config.tenantQueueUrl ?? '', dlqUrl: config.tenantDlqUrl ?? '' },
    { name: 'rollup', url: config.rollupQueueUrl ?? '', dlqUrl: config.rollupDlqUrl ?? '' },
  ]),
}));
