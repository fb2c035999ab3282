import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';

export interface DynamoConnection {
  /** Set only locally (dynalite); in AWS the SDK's regional endpoint is used. */
  endpoint?: string;
  region?: string;
  credentials?: AwsCredentialIdentityProvider;
}

/** The one DocumentClient factory. Locally it points at dynalite with dummy credentials: same SDK code path. */
export function createDocumentClient(connection: DynamoConnection): DynamoDBDocumentClient {
  const local = connection.endpoint !== undefined;
  const client = new DynamoDBClient({
    ...(local ? { endpoint: connection.endpoint, region: connection.region ?? 'local' } : {}),
    ...(connection.region && !local ? { region: connection.region } : {}),
    ...(connection.credentials
      ? { credentials: connection.credentials }
      : local ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    maxAttempts: 5,
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
}
