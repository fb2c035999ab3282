import { timingSafeEqual } from 'node:crypto';
import type { Context, Next } from 'hono';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Child, FC, PropsWithChildren } from 'hono/jsx';
import { holds, type Capability } from '../../../shared/platform/auth/capabilities.ts';
import type { Principal } from '../../../shared/platform/auth/principal.ts';
import { assetUrl } from '../assets.ts';
import { admit, type ScopedEnv } from '../middleware/auth.ts';
import { ApiError } from '../problems.ts';
import { PAGES_PATH, type Session } from './session.ts';

/**
 * The page kit: how a page is declared (its capability once, like an API route), the GOV.UK layout every page
 * shares, CSRF on every form, and HTML error pages. Pages are server-rendered with Hono's JSX and work without
 * JavaScript; they call the same repositories and domain functions as the JSON routes, through the same scoped
 * data handle (`c.var.data`).
 */

export type PageEnv<C extends Capability = Capability> = ScopedEnv<C> & { Variables: { session: Session } };
export type PageContext<C extends Capability = Capability> = Context<PageEnv<C>>;

/** Every page's address and capability: the isolation tests read this (like the API's route table). */
export interface PageEntry {
  method: 'GET' | 'POST';
  /** Under /app, in Hono's syntax (`/children/:child`). */
  path: string;
  capability: Capability;
}

/** The pages' strict policy: no inline script or style at all; forms post only here. */
export const PAGE_CSP = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
  "connect-src 'self'", "form-action 'self'", "base-uri 'none'", "frame-ancestors 'none'",
].join('; ');

/** The field every form posts back with the session's token (see `csrfField`). */
export const CSRF_FIELD = '_csrf';

/** A set of pages (one area of the site), mounted under /app by functions/api/web/app.ts. */
export class Pages {
  readonly app = new Hono<PageEnv>();
  readonly table: PageEntry[] = [];

  get<C extends Capability>(path: string, capability: C, handler: (c: PageContext<C>) => Response | Promise<Response>): this {
    this.table.push({ method: 'GET', path, capability });
    this.app.get(path, gate(capability), handler as never);
    return this;
  }

  post<C extends Capability>(path: string, capability: C, handler: (c: PageContext<C>) => Response | Promise<Response>): this {
    this.table.push({ method: 'POST', path, capability });
    this.app.post(path, gate(capability), checkCsrf, handler as never);
    return this;
  }
}

/** A page that needs `capability`: the session cookie's principal, then the same admission as an API route. */
function gate<C extends Capability>(capability: C) {
  return createMiddleware<PageEnv<C>>(async (c, next) => {
    const session = await c.var.deps.web?.cookies.read(c);
    if (!session) {
      if (c.req.method === 'GET') {
        const here = new URL(c.req.url);
        return c.redirect(`${PAGES_PATH}/sign-in?return=${encodeURIComponent(here.pathname + here.search)}`, 303);
      }
      throw new ApiError('unauthenticated', 'your session has ended: sign in again');
    }
    c.set('session', session);
    await admit(c as never, session.principal, capability, next);
  });
}

/** Synchronizer token: a form must carry this session's token (SameSite=Lax and the Origin check come first). */
const checkCsrf = createMiddleware<PageEnv>(async (c, next: Next) => {
  const body = await c.req.parseBody();
  const sent = Buffer.from(typeof body[CSRF_FIELD] === 'string' ? body[CSRF_FIELD] : '');
  const expected = Buffer.from(c.var.session.csrf);
  if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) {
    throw new ApiError('forbidden', 'this form is out of date or did not come from this site: go back, reload the page and try again');
  }
  await next();
});

export const CsrfField: FC<{ session: Session }> = ({ session }) => <input type="hidden" name={CSRF_FIELD} value={session.csrf} />;

/** The service navigation: each entry shows only to roles that hold its capability. */
export const NAV: { label: string; href: string; capability: Capability }[] = [
  { label: 'Dashboard', href: '/dashboard', capability: 'dashboard.la.read' },
  { label: 'Worklist', href: '/worklist', capability: 'worklist.read' },
  { label: 'Decisions', href: '/decisions', capability: 'practice.read' },
  { label: 'Children', href: '/children', capability: 'children.read' },
  { label: 'Disputes', href: '/disputes', capability: 'practice.read' },
  { label: 'Roster', href: '/roster', capability: 'roster.read' },
  { label: 'Upload', href: '/upload', capability: 'upload.create' },
  { label: 'Annual report', href: '/report', capability: 'dashboard.la.read' },
  { label: 'Region', href: '/region', capability: 'dashboard.region.read' },
  { label: 'England', href: '/national', capability: 'dashboard.national.read' },
  { label: 'Tenants and jobs', href: '/admin', capability: 'jobs.read' },
];

const ROLE_NAMES: Record<Principal['role'], string> = {
  iro: 'IRO', iro_manager: 'IRO manager', regional_chair: 'Regional chair', national: 'National analyst', platform_admin: 'Platform admin',
};

export function whoIs(principal: Principal): string {
  const where = 'tenant' in principal ? ` · LA ${principal.tenant}` : 'region' in principal ? ` · ${principal.region}` : '';
  return `${ROLE_NAMES[principal.role]}${where}`;
}

interface LayoutProps {
  title: string;
  /** The signed-in user (absent on the sign-in and error pages). */
  principal?: Principal;
  session?: Session;
  /** The current address, to mark the active navigation item. */
  path?: string;
  /** Breadcrumbs above the heading: [label, href] pairs. */
  crumbs?: [string, string][];
}

export const Layout: FC<PropsWithChildren<LayoutProps>> = ({ title, principal, session, path, crumbs, children }) => (
  <html lang="en" class="govuk-template govuk-template--rebranded">
    <head>
      <meta charset="utf-8" />
      <title>{`${title} – IRO Partnership Platform`}</title>
      <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
      <meta name="theme-color" content="#1d70b8" />
      <meta name="robots" content="noindex, nofollow" />
      <link rel="icon" sizes="48x48" href={assetUrl('favicon.ico')} />
      <link rel="icon" sizes="any" href={assetUrl('favicon.svg')} type="image/svg+xml" />
      <link rel="stylesheet" href={assetUrl('govuk-frontend.min.css')} />
      <link rel="stylesheet" href={assetUrl('app.css')} />
    </head>
    <body class="govuk-template__body">
      <a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>
      <ServiceNavigation principal={principal} session={session} path={path} />
      <div class="govuk-width-container">
        {crumbs && crumbs.length > 0 && (
          <nav class="govuk-breadcrumbs app-no-print" aria-label="Breadcrumb">
            <ol class="govuk-breadcrumbs__list">
              {crumbs.map(([label, href]) => <li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href={href}>{label}</a></li>)}
            </ol>
          </nav>
        )}
        <main class="govuk-main-wrapper" id="main-content">
          {children}
        </main>
      </div>
      <footer class="govuk-footer app-no-print">
        <div class="govuk-width-container">
          <div class="govuk-footer__meta">
            <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
              <h2 class="govuk-visually-hidden">Support links</h2>
              <ul class="govuk-footer__inline-list">
                <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/docs">API</a></li>
              </ul>
              <p class="govuk-body-s govuk-!-margin-bottom-0">IRO Partnership Platform. Figures for fewer than 5 children are shown as c.</p>
            </div>
          </div>
        </div>
      </footer>
      <script type="module" src={assetUrl('app.js')} data-govuk-frontend={assetUrl('govuk-frontend.min.js')}></script>
    </body>
  </html>
);

const ServiceNavigation: FC<Pick<LayoutProps, 'principal' | 'session' | 'path'>> = ({ principal, session, path }) => {
  const items = principal ? NAV.filter((n) => holds(principal, n.capability)) : [];
  return (
    <section aria-label="Service information" class="govuk-service-navigation" data-module="govuk-service-navigation">
      <div class="govuk-width-container">
        <div class="govuk-service-navigation__container">
          <span class="govuk-service-navigation__service-name">
            <a href={PAGES_PATH} class="govuk-service-navigation__link">IRO Partnership Platform</a>
          </span>
          {items.length > 0 && (
            <nav aria-label="Menu" class="govuk-service-navigation__wrapper">
              <button type="button" class="govuk-service-navigation__toggle govuk-js-service-navigation-toggle" aria-controls="navigation" hidden>Menu</button>
              <ul class="govuk-service-navigation__list" id="navigation">
                {items.map((n) => {
                  const href = `${PAGES_PATH}${n.href}`;
                  const active = path === href || path?.startsWith(`${href}/`);
                  return (
                    <li class={`govuk-service-navigation__item${active ? ' govuk-service-navigation__item--active' : ''}`}>
                      <a class="govuk-service-navigation__link" href={href} aria-current={active ? 'page' : undefined}>
                        {active ? <strong class="govuk-service-navigation__active-fallback">{n.label}</strong> : n.label}
                      </a>
                    </li>
                  );
                })}
              </ul>
            </nav>
          )}
        </div>
        {principal && session && (
          <form method="post" action={`${PAGES_PATH}/sign-out`} class="app-user app-no-print">
            <span class="govuk-body-s govuk-!-margin-right-2">{whoIs(principal)}</span>
            <CsrfField session={session} />
            <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">Sign out</button>
          </form>
        )}
      </div>
    </section>
  );
};

/** Renders a page of a signed-in user with the shared layout and the pages' headers. */
export function render<C extends Capability>(c: PageContext<C>, props: Omit<LayoutProps, 'principal' | 'session' | 'path'>, body: Child, status: 200 | 400 | 409 | 422 = 200): Response {
  return htmlPage(c, <Layout {...props} principal={c.var.principal} session={c.var.session} path={c.req.path}>{body}</Layout>, status);
}

export function htmlPage(c: Context, element: Child, status = 200): Response {
  return c.html(`<!DOCTYPE html>${String(element)}`, status as 200, { 'content-security-policy': PAGE_CSP, 'cache-control': 'no-store' });
}

/** An error as a page (the JSON routes answer problem+json instead). */
export function errorPage(c: Context, status: number, title: string, detail: string): Response {
  const principal = c.get('principal') as Principal | undefined;
  const session = c.get('session' as never) as Session | undefined;
  return htmlPage(c, (
    <Layout title={title} principal={principal} session={session}>
      <h1 class="govuk-heading-l">{title}</h1>
      <p class="govuk-body">{detail}</p>
      <p class="govuk-body"><a class="govuk-link" href={PAGES_PATH}>Go to your home page</a></p>
    </Layout>
  ), status);
}

/** GOV.UK error summary for a form: each error links to its field. */
export const ErrorSummary: FC<{ errors: { field: string; message: string }[] }> = ({ errors }) => errors.length === 0 ? null : (
  <div class="govuk-error-summary" data-module="govuk-error-summary">
    <div role="alert">
      <h2 class="govuk-error-summary__title">There is a problem</h2>
      <div class="govuk-error-summary__body">
        <ul class="govuk-list govuk-error-summary__list">
          {errors.map((e) => <li><a href={`#${e.field}`}>{e.message}</a></li>)}
        </ul>
      </div>
    </div>
  </div>
);

/** Rows a page of the pages' long lists (worklist, children, decisions, disputes, allocations). */
export const PAGE_ROWS = 50;

/** One page of `rows`: `asked` is the `?page=` value (1-based); anything else, or past the end, is the nearest page. */
export function pageOfRows<T>(rows: readonly T[], asked: string | number | undefined, size = PAGE_ROWS): { shown: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const wanted = typeof asked === 'number' ? asked : /^[1-9]\d{0,5}$/.test(asked ?? '') ? Number(asked) : 1;
  const page = Math.min(pages, Math.max(1, Math.floor(wanted)));
  return { shown: rows.slice((page - 1) * size, page * size), page, pages };
}

/**
 * GOV.UK pagination: previous, the page numbers (the first, the last and either side of the current, with gaps),
 * next. Each link is the current address with another page, so the page's filters are kept. Nothing for one page.
 */
export const Pagination: FC<{ url: string; page: number; pages: number; label: string; param?: string; anchor?: string }> = ({ url, page, pages, label, param = 'page', anchor }) => {
  if (pages <= 1) return null;
  const href = (n: number) => {
    const u = new URL(url);
    u.searchParams.set(param, String(n));
    return `${u.pathname}${u.search}${anchor === undefined ? '' : `#${anchor}`}`;
  };
  const numbers = [...new Set([1, page - 1, page, page + 1, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  return (
    <nav class="govuk-pagination app-no-print" aria-label={label}>
      {page > 1 && (
        <div class="govuk-pagination__prev">
          <a class="govuk-link govuk-pagination__link" href={href(page - 1)} rel="prev">
            <span class="govuk-pagination__link-title">Previous<span class="govuk-visually-hidden"> page</span></span>
          </a>
        </div>
      )}
      <ul class="govuk-pagination__list">
        {numbers.map((n, i) => <>
          {i > 0 && n - numbers[i - 1]! > 1 && <li class="govuk-pagination__item govuk-pagination__item--ellipses">&ctdot;</li>}
          <li class={`govuk-pagination__item${n === page ? ' govuk-pagination__item--current' : ''}`}>
            <a class="govuk-link govuk-pagination__link" href={href(n)} aria-label={`Page ${n}`} aria-current={n === page ? 'page' : undefined}>{n}</a>
          </li>
        </>)}
      </ul>
      {page < pages && (
        <div class="govuk-pagination__next">
          <a class="govuk-link govuk-pagination__link" href={href(page + 1)} rel="next">
            <span class="govuk-pagination__link-title">Next<span class="govuk-visually-hidden"> page</span></span>
          </a>
        </div>
      )}
    </nav>
  );
};

/**
 * GOV.UK pagination of a list read a page at a time from an index (no count, so no page numbers): Previous and Next,
 * each the current address with the page's cursor (`before` or `after`), so the page's filters are kept.
 */
export const CursorPagination: FC<{ url: string; previous?: string; next?: string; label: string }> = ({ url, previous, next, label }) => {
  if (previous === undefined && next === undefined) return null;
  const href = (param: 'before' | 'after', cursor: string) => {
    const u = new URL(url);
    u.searchParams.delete('before');
    u.searchParams.delete('after');
    u.searchParams.set(param, cursor);
    return `${u.pathname}${u.search}`;
  };
  return (
    <nav class="govuk-pagination app-no-print" aria-label={label}>
      {previous !== undefined && (
        <div class="govuk-pagination__prev">
          <a class="govuk-link govuk-pagination__link" href={href('before', previous)} rel="prev">
            <span class="govuk-pagination__link-title">Previous<span class="govuk-visually-hidden"> page</span></span>
          </a>
        </div>
      )}
      {next !== undefined && (
        <div class="govuk-pagination__next">
          <a class="govuk-link govuk-pagination__link" href={href('after', next)} rel="next">
            <span class="govuk-pagination__link-title">Next<span class="govuk-visually-hidden"> page</span></span>
          </a>
        </div>
      )}
    </nav>
  );
};
