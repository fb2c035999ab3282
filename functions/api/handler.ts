import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createRemoteJWKSet } from 'jose';
import { handle } from 'hono/aws-lambda';
import { dataLayerFromConfig, readConfig, type PlatformConfig } from '../../shared/platform/config.ts';
import { createVerifier } from '../../shared/platform/auth/verifier.ts';
import { queueDepths } from '../../shared/platform/queue/depths.ts';
import { createSqsClient, sqsSender } from '../../shared/platform/queue/sender.ts';
import { createApp } from './app.ts';
import { SessionCookies } from './web/session.ts';
import type { WebDeps } from './web/sign-in.tsx';

/** AWS composition root: Cognito's JWKS, scoped data roles, SQS, the pages' sign-in; the same app as locally. */
const config = readConfig();
const sqs = createSqsClient(config.sqsEndpoint);

/** The pages' session key, read from Secrets Manager once per cold start (never from the environment). */
async function webDeps({ sessionSecretArn, signInDomain, pagesClientId }: PlatformConfig): Promise<WebDeps> {
  if (!sessionSecretArn || !signInDomain || !pagesClientId) throw new Error('the pages need SESSION_SECRET_ARN, SIGN_IN_DOMAIN and PAGES_CLIENT_ID');
  const secrets = new SecretsManagerClient({});
  const { SecretString } = await secrets.send(new GetSecretValueCommand({ SecretId: sessionSecretArn }));
  secrets.destroy();
  if (!SecretString) throw new Error('the session secret has no string value');
  return {
    cookies: new SessionCookies(SessionCookies.keyFromSecret(SecretString), true),
    identity: { kind: 'cognito', domain: signInDomain, clientId: pagesClientId },
  };
}

export const handler = handle(createApp({
  data: dataLayerFromConfig(config),
  verifier: createVerifier({
    keys: createRemoteJWKSet(new URL(config.jwksUrl ?? `${config.jwtIssuer}/.well-known/jwks.json`)),
    issuer: config.jwtIssuer ?? '',
    // ID tokens of the API's client (bearer callers) and of the pages' client (the sign-in callback).
    audience: [config.jwtAudience, config.pagesClientId].filter((id): id is string => Boolean(id)),
  }),
  queue: sqsSender(sqs),
  planQueueUrl: config.planQueueUrl ?? '',
  queueDepths: () => queueDepths(sqs, [
    { name: 'plan', url: config.planQueueUrl ?? '', dlqUrl: config.planDlqUrl ?? '' },
    { name: 'tenant', url: config.tenantQueueUrl ?? '', dlqUrl: config.tenantDlqUrl ?? '' },
    { name: 'rollup', url: config.rollupQueueUrl ?? '', dlqUrl: config.rollupDlqUrl ?? '' },
  ]),
  web: await webDeps(config),
}));
