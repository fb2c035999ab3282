import type { JSONWebKeySet } from 'jose';
import type { DataLayer } from '../../shared/data/data-layer.ts';
import type { TenantDirectory } from '../../shared/platform/auth/tenant-directory.ts';
import type { TokenVerifier } from '../../shared/platform/auth/verifier.ts';
import type { QueueDepth } from '../../shared/platform/queue/depths.ts';
import type { QueueSender } from '../../shared/platform/queue/sender.ts';
import type { WebDeps } from './web/sign-in.tsx';

/** Everything the API needs, injected: AWS wiring in ./handler.ts, local wiring in functions/local. */
export interface ApiDeps {
  data: DataLayer;
  verifier: TokenVerifier;
  queue: QueueSender;
  planQueueUrl: string;
  queueDepths: () => Promise<QueueDepth[]>;
  /** Served at /.well-known/jwks.json by the local dev issuer; absent in AWS (Cognito publishes its own). */
  jwks?: JSONWebKeySet;
  /** Registered tenants, cached; built from the registry when absent. */
  tenants?: TenantDirectory;
  /** The pages' session cookies and sign-in (Cognito in AWS, the dev issuer's demo users locally). */
  web?: WebDeps;
}
