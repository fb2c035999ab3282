import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { regionId } from '../domain/tenancy/regions.ts';
import { describeScope, type DataScope } from './scopes.ts';

export interface ScopedRoleArns {
  tenant?: string;
  region?: string;
  national?: string;
}

/**
 * Credentials for a data scope. In AWS, tenant/region/national scopes assume the matching scoped data role
 * with the scope as a session tag; the role's static policy allows only `dynamodb:LeadingKeys` of that tag
 * (ABAC), so even a bug in key building cannot reach another tenant. System scopes (platform, rollup) and
 * local runs (no role ARNs) use the function's own credentials: the same code path, minus STS.
 */
export class ScopedCredentials {
  private readonly cache = new Map<string, { identity: AwsCredentialIdentity; refresh?: Promise<AwsCredentialIdentity> }>();
  private sts?: STSClient;

  constructor(private readonly roles: ScopedRoleArns) {}

  providerFor(scope: DataScope): AwsCredentialIdentityProvider | undefined {
    const assumption = this.assumptionFor(scope);
    if (!assumption) return undefined;
    const cacheKey = describeScope(scope);
    return () => this.get(cacheKey, assumption);
  }

  private assumptionFor(scope: DataScope): { roleArn: string; tags: { Key: string; Value: string }[] } | undefined {
    switch (scope.kind) {
      case 'tenant': return this.roles.tenant ? { roleArn: this.roles.tenant, tags: [{ Key: 'tenant', Value: scope.la }] } : undefined;
      case 'region': return this.roles.region ? { roleArn: this.roles.region, tags: [{ Key: 'region', Value: regionId(scope.region) }] } : undefined;
      case 'national': return this.roles.national ? { roleArn: this.roles.national, tags: [{ Key: 'scope', Value: 'national' }] } : undefined;
      default: return undefined;
    }
  }

  /** Cached until five minutes before expiry; concurrent callers share one STS call (avoids STS throttling). */
  private async get(cacheKey: string, assumption: { roleArn: string; tags: { Key: string; Value: string }[] }) {
    const entry = this.cache.get(cacheKey);
    const fresh = entry && (entry.identity.expiration?.getTime() ?? 0) - Date.now() > 5 * 60_000;
    if (entry && fresh) return entry.identity;
    if (entry?.refresh) return entry.refresh;
    const refresh = this.assume(assumption).then((identity) => {
      this.cache.set(cacheKey, { identity });
      return identity;
    });
    this.cache.set(cacheKey, { identity: entry?.identity ?? { accessKeyId: '', secretAccessKey: '' }, refresh });
    try {
      return await refresh;
    } catch (error) {
      this.cache.delete(cacheKey);
      throw error;
    }
  }

  private async assume({ roleArn, tags }: { roleArn: string; tags: { Key: string; Value: string }[] }): Promise<AwsCredentialIdentity> {
    this.sts ??= new STSClient({});
    const out = await this.sts.send(new AssumeRoleCommand({
      RoleArn: roleArn,
      RoleSessionName: `iro-${tags[0]?.Value ?? 'scope'}`.replace(/[^\w+=,.@-]/g, '-').slice(0, 64),
      Tags: tags,
      DurationSeconds: 3600,
    }));
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error('STS AssumeRole returned no credentials');
    return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration };
  }
}
