import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { createApp, routeTable } from '../../functions/api/app.ts';
import { TenantDirectory } from '../../shared/platform/auth/tenant-directory.ts';
import { CAPABILITIES } from '../../shared/platform/auth/capabilities.ts';
import { usePlatform } from '../helpers/platform.ts';

/** Issue 9: /openapi.json documents every route of the app with its responses and validates as OpenAPI 3.1. */
const ctx = usePlatform();

type Operation = { responses: Record<string, { content?: Record<string, unknown> }>; 'x-capability'?: string; 'x-public'?: string; security?: unknown[] };
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

async function openapi(): Promise<Document> {
  const res = await fetch(`${ctx.platform.url}/openapi.json`);
  expect(res.status).toBe(200);
  return res.json() as Promise<Document>;
}

/** Every route the app answers, as OpenAPI paths: Hono's `:param` becomes `{param}`. */
function appRoutes(): string[] {
  // Only the route table is read: no dependency is called.
  const app = createApp({ tenants: new TenantDirectory(async () => []) } as never);
  const seen = new Set<string>();
  for (const r of app.routes) {
    if (r.method === 'ALL' || r.path.endsWith('*')) continue; // middleware
    if (r.path === '/app' || r.path.startsWith('/app/')) continue; // the HTML pages (functions/api/web), not the API
    seen.add(`${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
  }
  return [...seen].sort();
}

describe('OpenAPI document', () => {
  it('validates against the OpenAPI 3.1 schema', async () => {
    const doc = await openapi();
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('lists every route of the app, and nothing the app does not answer', async () => {
    const doc = await openapi();
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`)).sort();
    const routes = appRoutes();
    expect(routes.length).toBeGreaterThan(10);
    expect(documented).toEqual(routes.filter((r) => r !== 'get /openapi.json'));
    expect(routeTable().map((r) => `${r.method.toLowerCase()} ${r.path}`).sort()).toEqual(routes);
  });

  it('every operation is public with a reason, or names a capability from the policy and documents 401 and 403 problems', async () => {
    const doc = await openapi();
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method} ${path}`;
        expect(op.responses['200'] ?? op.responses['201'] ?? op.responses['202'], where).toBeDefined();
        if (op['x-public']) {
          expect(op.security, where).toEqual([]);
          continue;
        }
        expect(Object.keys(CAPABILITIES), where).toContain(op['x-capability']);
        for (const status of ['401', '403', '500']) {
          expect(Object.keys(op.responses[status]?.content ?? {}), `${where} ${status}`).toEqual(['application/problem+json']);
        }
      }
    }
  });

  it('serves an interactive explorer whose assets come from this origin only', async () => {
    const page = await fetch(`${ctx.platform.url}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(sources.length).toBeGreaterThanOrEqual(3);
    for (const src of sources) {
      expect(src.startsWith('/'), src).toBe(true);
      const asset = await fetch(`${ctx.platform.url}${src}`);
      expect(asset.status, src).toBe(200);
      if (src.startsWith('/assets/')) expect(asset.headers.get('cache-control')).toContain('immutable');
    }
    expect((await fetch(`${ctx.platform.url}/assets/wronghash/swagger-ui.css`)).status).toBe(404);
  });
});
