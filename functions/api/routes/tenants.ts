import { Hono } from 'hono';
import * as z from 'zod/mini';
import { createTenant, DuplicateTenant, listTenants } from '../../../shared/data/repositories/registry.ts';
import { PLATFORM_SCOPE } from '../../../shared/data/scopes.ts';
import { REGIONS } from '../../../shared/domain/tenancy/regions.ts';
import { allow } from '../middleware/auth.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { parseJsonBody } from '../validation.ts';

const newTenant = z.strictObject({
  code: z.string().check(z.regex(/^\d{3}$/, 'a three-digit DfE LA code')),
  name: z.string().check(z.trim(), z.minLength(2), z.maxLength(100)),
  region: z.enum(REGIONS),
});

/** The tenant registry (platform_admin): every English LA pre-loaded; onboarding is a conditional put. */
export const tenantRoutes = new Hono<AppEnv>()
  .use(allow('platform_admin'))
  .get('/', async (c) => c.json({ tenants: await listTenants(c.var.deps.data.for(PLATFORM_SCOPE)) }))
  .post('/', async (c) => {
    const la = await parseJsonBody(c, newTenant);
    try {
      await createTenant(c.var.deps.data.for(PLATFORM_SCOPE), la);
    } catch (error) {
      if (error instanceof DuplicateTenant) throw new ApiError(409, 'tenant_exists', error.message);
      throw error;
    }
    return c.json(la, 201);
  });
