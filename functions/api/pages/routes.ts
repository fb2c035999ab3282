import { Hono, type Context } from 'hono';
import type { AppEnv } from '../env.ts';
import { APP_JS } from './client.ts';
import { APP_CSS, APP_HTML } from './shell.ts';

/**
 * The web dashboards: a public page shell and its static script and stylesheet. They hold no data; the script
 * calls the JSON API with the bearer token, so authorisation stays in the one middleware. Mount BEFORE the
 * authenticated routes: their middleware matches every path.
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
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    // The shell is tiny and changes with each deploy: revalidate rather than serve a stale script.
    'cache-control': 'no-cache',
  });
}

export const pageRoutes = new Hono<AppEnv>()
  .get('/', (c) => page(c, APP_HTML, 'text/html; charset=utf-8'))
  .get('/app.js', (c) => page(c, APP_JS, 'text/javascript; charset=utf-8'))
  .get('/app.css', (c) => page(c, APP_CSS, 'text/css; charset=utf-8'));
