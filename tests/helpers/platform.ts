import { afterAll, beforeAll } from 'vitest';
import { replaceDataset, getPointer } from '../../shared/data/repositories/datasets.ts';
import { tenantScope } from '../../shared/data/scopes.ts';
import type { LaDataset } from '../../shared/domain/ssda903/records.ts';
import { LocalPlatform, type LocalPlatformOptions } from '../../functions/local/platform.ts';
import type { TokenClaims } from '../../functions/local/dev-issuer.ts';
import { rawHeader } from './records.ts';

/**
 * Starts a real local platform (dynalite, fauxqs, HTTP API, pollers) for one test file and stops it after.
 * Each test file gets its own, on free ports, so files run in parallel.
 */
export function usePlatform(options: LocalPlatformOptions = {}) {
  const ref: { current?: LocalPlatform } = {};
  beforeAll(async () => {
    ref.current = await LocalPlatform.start({ visibilityTimeoutSeconds: 1, pollWaitSeconds: 0, ...options });
  });
  afterAll(async () => {
    await ref.current?.stop();
  });
  return {
    get platform(): LocalPlatform {
      if (!ref.current) throw new Error('platform not started');
      return ref.current;
    },
    token(claims: TokenClaims, expiresIn?: string) {
      return this.platform.issuer.mint(claims, expiresIn ? { expiresIn } : {});
    },
    /** Real HTTP with a bearer token for the given claims. */
    async get(path: string, claims: TokenClaims | null, init: RequestInit = {}) {
      const headers = new Headers(init.headers);
      if (claims) headers.set('authorization', `Bearer ${await this.token(claims)}`);
      return fetch(`${this.platform.url}${path}`, { ...init, headers });
    },
    /** Stores a dataset the way an accepted upload does (new version + pointer flip). */
    async seed(la: string, data: LaDataset) {
      const table = this.platform.data.for(tenantScope(la));
      const current = await getPointer(table, data.yearEnding);
      return replaceDataset(table, data, rawHeader(data.children), { expectedVersion: current?.version ?? null });
    },
  };
}
