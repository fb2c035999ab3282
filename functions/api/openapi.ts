import { createRoute, OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import { CAPABILITIES, rolesOf, type Capability } from '../../shared/platform/auth/capabilities.ts';
import { Problem } from '../../shared/contracts/api/common.ts';
import type { AppEnv } from './env.ts';
import { authorize } from './middleware/auth.ts';
import { ApiError, PROBLEM_CONTENT_TYPE, PROBLEMS, type ProblemCode } from './problems.ts';

/** A problem response in the document: `responses: { ...problems('not_found') }`. */
export function problems(...codes: ProblemCode[]) {
  const out: Record<number, { description: string; content: { [PROBLEM_CONTENT_TYPE]: { schema: typeof Problem } } }> = {};
  for (const code of codes) {
    const [status, title] = PROBLEMS[code];
    const seen = out[status];
    out[status] = { description: seen ? `${seen.description}; ${title}` : title, content: { [PROBLEM_CONTENT_TYPE]: { schema: Problem } } };
  }
  return out;
}

export const json = <S>(schema: S, description: string) => ({ description, content: { 'application/json': { schema } } });

type Config = Omit<RouteConfig, 'middleware' | 'security'>;

/**
 * A route that needs a capability: the capability is declared here once, and from it come the gate (authorize),
 * the scoped data the handler receives (`c.var.data`), the security requirement and the 401/403 problems in the
 * document, and `x-capability`, which the isolation matrix reads to attack every route.
 */
export function defineRoute<C extends Capability, R extends Config>(capability: C, config: R) {
  const roles = rolesOf(capability).join(', ');
  return createRoute({
    ...config,
    middleware: [authorize(capability)] as const,
    security: [{ bearer: [] }],
    'x-capability': capability,
    description: `${config.description ?? CAPABILITIES[capability].description}.\n\nCapability \`${capability}\`: ${roles}.`,
    responses: { ...problems('unauthenticated', 'forbidden', 'internal'), ...(config.request && problems('invalid_request')), ...config.responses },
  });
}

/** A route anyone may call, with the reason it is public (also acknowledged in API Gateway's config). */
export function definePublicRoute<R extends Config>(reason: string, config: R) {
  return createRoute({ ...config, security: [], 'x-public': reason, responses: { ...problems('internal'), ...config.responses } });
}

/** Request validation failures become a 400 problem naming each field. */
export function createOpenApiApp() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      const errors = result.error.issues.map((i) => ({ field: i.path.join('.') || null, message: i.message }));
      const where = result.target === 'json' || result.target === 'form' ? 'body' : result.target;
      throw new ApiError('invalid_request', `the ${where} is not valid: ${errors.map((e) => `${e.field ?? where}: ${e.message}`).join('; ')}`, { errors });
    },
  });
}
