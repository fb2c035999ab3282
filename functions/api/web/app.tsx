import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { csrf } from 'hono/csrf';
import type { AppEnv } from '../env.ts';
import { knownError } from '../errors.ts';
import { errorPage, type PageEntry, type Pages } from './kit.tsx';
import { signInPages } from './sign-in.tsx';
import { adminPages } from './pages/admin.tsx';
import { iroPages } from './pages/iro.tsx';
import { laPages } from './pages/la.tsx';
import { managerPageSets } from './pages/manager.tsx';
import { nationalPages } from './pages/national.tsx';
import { regionPages } from './pages/region.tsx';
import { reportPages } from './pages/report.tsx';
import { uploadPages } from './pages/upload.tsx';

/** Every set of pages; each declares its own addresses and capabilities (kit.tsx `Pages`). */
const PAGE_SETS: Pages[] = [adminPages, laPages, ...iroPages, ...managerPageSets, reportPages, uploadPages, regionPages, nationalPages];

/** Every page under /app with its capability: the isolation tests attack each (like the API's routeTable). */
export function pageTable(): PageEntry[] {
  return PAGE_SETS.flatMap((set) => set.table);
}

const TITLES: Partial<Record<number, string>> = {
  400: 'There is a problem with what was sent', 401: 'Sign in to continue', 403: 'You cannot see this page', 404: 'Page not found',
  409: 'Someone else changed this', 413: 'The file is too large', 422: 'This could not be saved', 429: 'Too many requests',
};

/** The pages, mounted at /app: HTML answers everywhere, even for errors (a person never sees a JSON problem). */
export function webRoutes(): Hono<AppEnv> {
  const web = new Hono<AppEnv>();
  // Origin / Sec-Fetch-Site check on every form post, before the session's own token is compared (kit.tsx).
  web.use(csrf());
  web.route('/', signInPages);
  for (const set of PAGE_SETS) web.route('/', set.app as unknown as Hono<AppEnv>);
  web.notFound((c) => errorPage(c, 404, 'Page not found', 'If you typed the web address, check it is correct.'));
  web.onError((error, c) => {
    const known = knownError(error);
    const status = known?.status ?? (error instanceof HTTPException ? error.status : 500);
    if (status === 500) {
      c.var.log.error('unhandled error', { error });
      return errorPage(c, 500, 'Sorry, there is a problem with the service', `Try again later. If it happens again, quote request id ${c.var.requestId}.`);
    }
    if (status === 401) return c.redirect('/app/sign-in', 303);
    return errorPage(c, status, TITLES[status] ?? 'There is a problem', (known ?? error).message || 'The request could not be completed.');
  });
  return web;
}
