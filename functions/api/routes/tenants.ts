import { createTenant, DuplicateTenant, listTenants } from '../../../shared/data/repositories/registry.ts';
import { NewTenant, Tenant, TenantList } from '../../../shared/contracts/api/platform.ts';
import { createOpenApiApp, defineRoute, json, problems } from '../openapi.ts';
import { ApiError } from '../problems.ts';

const list = defineRoute('tenants.read', {
  method: 'get', path: '/tenants', tags: ['Platform'], summary: 'The tenant registry',
  responses: { 200: json(TenantList, 'every registered LA (all 153 English LAs are pre-loaded)') },
});
const create = defineRoute('tenants.create', {
  method: 'post', path: '/tenants', tags: ['Platform'], summary: 'Onboard a tenant',
  request: { body: { required: true, content: { 'application/json': { schema: NewTenant } } } },
  responses: { 201: json(Tenant, 'registered'), ...problems('tenant_exists', 'unsupported_media_type') },
});

/** The tenant registry (platform_admin): every English LA pre-loaded; onboarding is a conditional put. */
export const tenantRoutes = createOpenApiApp()
  .openapi(list, async (c) => c.json({ tenants: await listTenants(c.var.data) }, 200))
  .openapi(create, async (c) => {
    const la = c.req.valid('json');
    try {
      await createTenant(c.var.data, la);
    } catch (error) {
      if (error instanceof DuplicateTenant) throw new ApiError('tenant_exists', error.message);
      throw error;
    }
    c.var.tenants.invalidate();
    return c.json(la, 201);
  });
