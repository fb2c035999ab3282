import type { Context, Next } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { ScopedTable } from '../../../shared/data/scoped-table.ts';
import { holds, rolesOf, scopeFor, type Capability, type ScopeOf } from '../../../shared/platform/auth/capabilities.ts';
import type { Principal } from '../../../shared/platform/auth/principal.ts';
import { Unauthenticated } from '../../../shared/platform/auth/verifier.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../problems.ts';

/** RFC 6750 §2.1: the scheme is case-insensitive; the token is a compact JWS. */
const BEARER = /^bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/i;

/** RFC 6750 §3: every 401 says how to authenticate; `error` only when a token was sent and refused. */
function unauthenticated(detail: string, tokenSent: boolean): ApiError {
  const challenge = tokenSent ? `Bearer realm="iro-platform", error="invalid_token"` : `Bearer realm="iro-platform"`;
  return new ApiError('unauthenticated', detail, {}, { 'www-authenticate': challenge });
}

/** The verified caller (the token verified here even behind API Gateway's authorizer: one code path). */
async function principalOf(header: string | undefined, { deps }: AppEnv['Variables']): Promise<Principal> {
  const match = header?.match(BEARER);
  if (!match) throw unauthenticated('a Bearer token is required', header !== undefined);
  try {
    return await deps.verifier.verify(match[1]!);
  } catch (error) {
    if (error instanceof Unauthenticated) throw unauthenticated(error.message, true);
    throw error;
  }
}

export type ScopedEnv<C extends Capability> = AppEnv & {
  Variables: { principal: Principal; data: ScopeOf<C> extends null ? undefined : ScopedTable<NonNullable<ScopeOf<C>>> };
};

/**
 * The one gate of every non-public route: authenticates, checks the capability policy, and hands the route its
 * data, opened for the scope the capability grants to this principal (never from the path, query or body).
 */
export function authorize<C extends Capability>(capability: C) {
  return createMiddleware<ScopedEnv<C>>(async (c, next) => {
    await admit(c, await principalOf(c.req.header('authorization'), c.var), capability, next);
  });
}

/**
 * What every gate does once it has a verified principal (from a bearer token here, from the pages' session cookie
 * in functions/api/web/kit.tsx): the tenant must be registered, the capability held; then the route gets its
 * data, opened for the scope the capability grants, and the audit entries of its reads are written after it.
 */
export async function admit<C extends Capability>(c: Context<ScopedEnv<C>>, principal: Principal, capability: C, next: Next): Promise<void> {
  c.set('principal', principal);
  c.var.log.appendKeys({
    role: principal.role,
    tenant: 'tenant' in principal ? principal.tenant : undefined,
    region: 'region' in principal ? principal.region : undefined,
    capability,
  });
  if ('tenant' in principal && !(await c.var.tenants.isRegistered(principal.tenant))) {
    throw new ApiError('unknown_tenant', `LA ${principal.tenant} is not a registered tenant of this platform`);
  }
  if (!holds(principal, capability)) {
    throw new ApiError('forbidden', `${capability} is for ${rolesOf(capability).join(', ')}; you are ${principal.role}`);
  }
  const scope = scopeFor(capability, principal);
  // The data layer knows who reads and why: child-level reads are audited, and written after the handler.
  const session = c.var.deps.data.session({ sub: principal.subject, role: principal.role, capability });
  c.set('data', (scope === null ? undefined : session.for(scope)) as ScopedEnv<C>['Variables']['data']);
  await next();
  await session.flush();
}
