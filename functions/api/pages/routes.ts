import * as z from 'zod';
import type { Context } from 'hono';
import { createOpenApiApp, definePublicRoute } from '../openapi.ts';
import { APP_JS } from './client.ts';
import { APP_CSS, APP_HTML } from './shell.ts';

/**
 * The web dashboards: a public page shell and its static script and stylesheet. They hold no data; the script
 * calls the JSON API with the bearer token, so authorisation stays with the capability policy.
 */
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function page(c: Context, body: string, contentType: string) {
  return c.body(body, 200, {
    'content-type': contentType,
    'content-security-policy': CSP,
    'referrer-policy': 'no-referrer',
    // The shell is tiny and changes with each deploy: revalidate rather than serve a stale script.
    'cache-control': 'no-cache',
  });
}

const REASON = 'the page shell holds no data; its script calls the API with the signed-in user\'s token';
const file = (path: string, summary: string, type: string) => definePublicRoute(REASON, {
  method: 'get', path, tags: ['Pages'], summary,
  responses: { 200: { description: summary, content: { [type]: { schema: z.string() } } } },
});

export const pageRoutes = createOpenApiApp()
  .openapi(file('/app', 'The web dashboards', 'text/html'), (c) => page(c, APP_HTML, 'text/html; charset=utf-8'))
  .openapi(file('/app/app.js', 'Their script', 'text/javascript'), (c) => page(c, APP_JS, 'text/javascript; charset=utf-8'))
  .openapi(file('/app/app.css', 'Their stylesheet', 'text/css'), (c) => page(c, APP_CSS, 'text/css; charset=utf-8'));
