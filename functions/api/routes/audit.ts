import { listAuditForChild } from '../../../shared/data/repositories/audit.ts';
import { AuditPage, AuditQuery } from '../../../shared/contracts/api/audit.ts';
import { createOpenApiApp, defineRoute, json } from '../openapi.ts';

const trail = defineRoute('audit.read', {
  method: 'get', path: '/audit', tags: ['Audit'], summary: "Who read a child's records",
  description: "Every read of a child-level record, append-only: who, when, and through which capability. Reads of many children at once (lists, jobs) are kept as one entry with a count, not here",
  request: { query: AuditQuery },
  responses: { 200: json(AuditPage, 'one page of entries, newest first') },
});

export const auditRoutes = createOpenApiApp().openapi(trail, async (c) => {
  const { child, limit, cursor } = c.req.valid('query');
  const page = await listAuditForChild(c.var.data, child, { ...(limit !== undefined && { limit }), ...(cursor !== undefined && { cursor }) });
  return c.json({ entries: page.items, ...(page.cursor !== undefined && { cursor: page.cursor }) }, 200);
});
