import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { listTenants } from '../../shared/data/repositories/registry.ts';
import { PLATFORM_SCOPE } from '../../shared/data/scopes.ts';
import { ScopeViolation } from '../../shared/data/scoped-table.ts';
import { TenantDirectory } from '../../shared/platform/auth/tenant-directory.ts';
import type { Capability } from '../../shared/platform/auth/capabilities.ts';
import type { ApiDeps } from './deps.ts';
import { observability } from './middleware/observability.ts';
import { createOpenApiApp } from './openapi.ts';
import { knownError } from './errors.ts';
import { ApiError, problem, PROBLEM_CONTENT_TYPE } from './problems.ts';
import { adminJobRoutes } from './routes/admin-jobs.ts';
import { auditRoutes } from './routes/audit.ts';
import { childRoutes } from './routes/children.ts';
import { dashboardRoutes } from './routes/dashboards.ts';
import { feedbackRoutes } from './routes/feedback.ts';
import { practiceDecisionRoutes } from './routes/practice-decisions.ts';
import { practiceDisputeRoutes } from './routes/practice-disputes.ts';
import { practiceReviewRoutes } from './routes/practice-reviews.ts';
import { practiceRosterRoutes } from './routes/practice-roster.ts';
import { practiceSiblingRoutes } from './routes/practice-siblings.ts';
import { practiceWorklistRoutes } from './routes/practice-worklist.ts';
import { publicRoutes } from './routes/public.ts';
import { rateRoutes } from './routes/rate.ts';
import { tenantRoutes } from './routes/tenants.ts';
import { uploadRoutes } from './routes/uploads.ts';
import { webRoutes } from './web/app.tsx';
import { PAGES_PATH } from './web/session.ts';

/** API Gateway's HTTP API payload limit; larger bodies get 413 here too, so local behaves like AWS. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** The one Hono app: served by @hono/node-server locally and by the Lambda adapter in AWS. */
export function createApp(deps: ApiDeps) {
  const tenants = deps.tenants ?? new TenantDirectory(async () => (await listTenants(deps.data.for(PLATFORM_SCOPE))).map((t) => t.code));
  const app = createOpenApiApp();
  app.use(async (c, next) => {
    c.set('deps', deps);
    c.set('tenants', tenants);
    await next();
  });
  app.use(observability);
  // nosniff, no framing, no referrer, HSTS (ignored by browsers over plain http, so harmless locally); pages set their own CSP.
  app.use(secureHeaders({ contentSecurityPolicy: undefined, crossOriginEmbedderPolicy: false, xFrameOptions: 'DENY', referrerPolicy: 'no-referrer', strictTransportSecurity: 'max-age=31536000; includeSubDomains' }));
  app.use(async (c, next) => {
    await next();
    // Responses depend on the caller's token: no shared cache may reuse one for another user.
    if (c.req.header('authorization')) c.res.headers.append('vary', 'Authorization');
    if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'no-store');
  });
  app.use(bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => { throw new ApiError('payload_too_large', `the body is over ${MAX_BODY_BYTES / 1024 / 1024} MB`); },
  }));

  app.route('/', publicRoutes);
  app.route(PAGES_PATH, webRoutes());
  app.route('/', tenantRoutes);
  app.route('/', childRoutes);
  app.route('/', dashboardRoutes);
  app.route('/', adminJobRoutes);
  app.route('/', uploadRoutes);
  app.route('/', auditRoutes);
  app.route('/', feedbackRoutes);
  app.route('/', rateRoutes);
  app.route('/', practiceRosterRoutes);
  app.route('/', practiceReviewRoutes);
  app.route('/', practiceDecisionRoutes);
  app.route('/', practiceDisputeRoutes);
  app.route('/', practiceSiblingRoutes);
  app.route('/', practiceWorklistRoutes);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'an ID token from the identity provider (Cognito in AWS, the dev issuer locally)' });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'IRO Partnership Platform API', version: '1.0.0', description: 'Every error is an RFC 9457 problem (application/problem+json). The tenant, region and role come only from the verified token.' },
  });

  // Never echo the path: it may carry whatever the caller typed.
  app.notFound((c) => c.json(problem('not_found', 'there is no such route; the routes are listed at /openapi.json'), 404, { 'content-type': PROBLEM_CONTENT_TYPE }));
  app.onError((error, c) => {
    const known = knownError(error);
    if (known) return c.json(known.toProblem(), known.status, { 'content-type': PROBLEM_CONTENT_TYPE, ...known.headers });
    (c.get('log') ?? console).error(error instanceof ScopeViolation ? 'scope violation' : 'unhandled error', { error });
    return c.json(problem('internal', `something went wrong; quote request id ${c.get('requestId') ?? 'unknown'}`), 500, { 'content-type': PROBLEM_CONTENT_TYPE });
  });
  return app;
}

export type App = ReturnType<typeof createApp>;

export interface RouteEntry {
  method: string;
  /** OpenAPI path syntax (`/children/{child}`), which API Gateway shares. */
  path: string;
  capability?: Capability;
  /** Why a public route may be called without a token. */
  public?: string;
  /** Names of the query parameters the route requires. */
  requiredQuery: string[];
}

/**
 * Every route of the app with its capability or its reason to be public, read from the app's own OpenAPI
 * document (building the app calls no dependency). API Gateway's public routes, the isolation matrix and the
 * OpenAPI tests all read this, so a route is declared once.
 */
export function routeTable(): RouteEntry[] {
  const app = createApp({ tenants: new TenantDirectory(async () => []) } as unknown as ApiDeps);
  const doc = app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'routes', version: '1' } });
  const routes = Object.entries(doc.paths ?? {}).flatMap(([path, ops]) => Object.entries(ops as Record<string, Record<string, unknown>>).map(([method, op]) => ({
    method: method.toUpperCase(),
    path,
    requiredQuery: ((op.parameters ?? []) as { in: string; name: string; required?: boolean }[]).filter((p) => p.in === 'query' && p.required).map((p) => p.name),
    ...(typeof op['x-capability'] === 'string' && { capability: op['x-capability'] as Capability }),
    ...(typeof op['x-public'] === 'string' && { public: op['x-public'] }),
  })));
  return [...routes, { method: 'GET', path: '/openapi.json', public: 'the API description is documentation: it holds no data', requiredQuery: [] }];
}
