import * as z from 'zod';
import { Health, Me } from '../../../shared/contracts/api/platform.ts';
import { asset, assetUrl, isAssetName } from '../assets.ts';
import { createOpenApiApp, definePublicRoute, defineRoute, json, problems } from '../openapi.ts';
import { ApiError } from '../problems.ts';

const health = definePublicRoute('load balancers and uptime checks call it without a token', {
  method: 'get', path: '/health', tags: ['Platform'], summary: 'Liveness',
  responses: { 200: json(Health, 'the API is up') },
});
const jwks = definePublicRoute('verifiers fetch the dev issuer\'s public keys without a token (local only)', {
  method: 'get', path: '/.well-known/jwks.json', tags: ['Platform'], summary: "The local dev issuer's public keys",
  responses: { 200: json(z.object({ keys: z.array(z.record(z.string(), z.unknown())) }), 'a JSON Web Key Set'), ...problems('not_found') },
});
const docs = definePublicRoute('the API explorer is documentation: it holds no data and calls the API with the user\'s own token', {
  method: 'get', path: '/docs', tags: ['Platform'], summary: 'Interactive API explorer',
  responses: { 200: { description: 'an HTML page', content: { 'text/html': { schema: z.string() } } } },
});
const docsScript = definePublicRoute('the explorer page loads it', {
  method: 'get', path: '/docs/explorer.js', tags: ['Platform'], summary: 'The explorer start-up script',
  responses: { 200: { description: 'JavaScript', content: { 'text/javascript': { schema: z.string() } } } },
});
const assets = definePublicRoute("static files (GOV.UK Frontend's styles, fonts and scripts, the explorer's, the pages' own); no data", {
  method: 'get', path: '/assets/{hash}/{name}', tags: ['Platform'], summary: 'Static files, cached for a year',
  request: { params: z.object({ hash: z.string().max(64), name: z.string().max(64) }) },
  responses: { 200: { description: 'the file', content: Object.fromEntries(['text/css', 'text/javascript', 'font/woff2', 'image/svg+xml'].map((type) => [type, { schema: z.string() }])) }, ...problems('not_found') },
});
const me = defineRoute('me.read', {
  method: 'get', path: '/me', tags: ['Platform'], summary: 'Who you are',
  responses: { 200: json(Me, 'the verified caller') },
});

/** The explorer: swagger-ui served from its package, no CDN and no inline script, so a strict CSP holds. */
const DOCS_CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const docsPage = () => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>IRO Partnership Platform API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${assetUrl('swagger-ui.css')}"></head>
<body><div id="explorer"></div>
<script src="${assetUrl('swagger-ui-bundle.js')}"></script>
<script src="/docs/explorer.js"></script></body></html>`;

const EXPLORER_JS = "window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#explorer', deepLinking: true, persistAuthorization: false });\n";

export const publicRoutes = createOpenApiApp()
  .openapi(health, (c) => c.json({ status: 'ok' as const }, 200))
  .openapi(jwks, (c) => {
    const keys = c.var.deps.jwks;
    if (!keys) throw new ApiError('not_found', 'the JWKS is published by the identity provider');
    return c.json(keys as { keys: Record<string, unknown>[] }, 200);
  })
  .openapi(docs, (c) => c.html(docsPage(), 200, { 'content-security-policy': DOCS_CSP, 'cache-control': 'no-cache' }))
  .openapi(docsScript, (c) => c.body(EXPLORER_JS, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' }))
  .openapi(assets, (c) => {
    const { hash, name } = c.req.valid('param');
    if (!isAssetName(name) || asset(name).hash !== hash) throw new ApiError('not_found', 'no such asset (a newer version may have a new address)');
    const file = asset(name);
    return c.body(file.body, 200, { 'content-type': file.type, 'cache-control': 'public, max-age=31536000, immutable' });
  })
  .openapi(me, (c) => c.json(c.var.principal, 200));
