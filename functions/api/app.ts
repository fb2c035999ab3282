import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ScopeViolation } from '../../shared/data/scoped-table.ts';
import { logger } from '../../shared/platform/observability/logger.ts';
import type { ApiDeps } from './deps.ts';
import type { AppEnv } from './env.ts';
import { ApiError, errorBody } from './errors.ts';
import { authenticate } from './middleware/auth.ts';
import { observability } from './middleware/observability.ts';
import { pageRoutes } from './pages/routes.ts';
import { adminJobRoutes } from './routes/admin-jobs.ts';
import { childRoutes } from './routes/children.ts';
import { dashboardRoutes } from './routes/dashboards.ts';
import { tenantRoutes } from './routes/tenants.ts';
import { uploadRoutes } from './routes/uploads.ts';

/** API Gateway's HTTP API payload limit; larger bodies get 413 here too, so local behaves like AWS. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** The one Hono app: served by @hono/node-server locally and by the Lambda adapter in AWS. */
export function createApp(deps: ApiDeps) {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use(observability);
  app.use(bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => c.json(errorBody('payload_too_large', `the body is over ${MAX_BODY_BYTES / 1024 / 1024} MB`), 413),
  }));

  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.route('/app', pageRoutes); // public web dashboards; before `secured`, whose middleware matches every path
  app.get('/.well-known/jwks.json', (c) => (deps.jwks ? c.json(deps.jwks) : c.json(errorBody('not_found', 'JWKS is published by the identity provider'), 404)));

  const secured = new Hono<AppEnv>();
  secured.use(authenticate);
  secured.get('/me', (c) => c.json(c.var.principal));
  secured.route('/tenants', tenantRoutes);
  secured.route('/children', childRoutes);
  secured.route('/dashboards', dashboardRoutes);
  secured.route('/admin/jobs', adminJobRoutes);
  secured.route('/uploads', uploadRoutes);
  app.route('/', secured);

  app.notFound((c) => c.json(errorBody('not_found', `no route for ${c.req.method} ${c.req.path}`), 404));
  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(errorBody(error.code, error.message, error.details), error.status);
    if (error instanceof ScopeViolation) logger.error('scope violation', { error });
    else logger.error('unhandled error', { error });
    return c.json(errorBody('internal', 'something went wrong; the request id is in x-request-id'), 500);
  });
  return app;
}
