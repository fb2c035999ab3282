import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlanMessage } from '../../shared/contracts/jobs.ts';
import { principalFromClaims } from '../../shared/platform/auth/principal.ts';
import type { DevUser } from '../../functions/api/web/sign-in.tsx';
import { SESSION_COOKIE, SessionCookies } from '../../functions/api/web/session.ts';
import { usePlatform } from '../helpers/platform.ts';

/**
 * The pages' session over real HTTP: the cookie's attributes, what makes a cookie worthless (tampering, another key,
 * idle and absolute expiry on a clock the test moves), rotation, CSRF on form posts, no open redirect after sign-in,
 * signing out, and that a bearer token opens no page while the cookie opens no JSON route.
 */
const MINUTE = 60_000;
const clock = { offsetMs: 0 };
const plans: PlanMessage[] = [];

const USERS: DevUser[] = [
  { label: 'Platform administrator', claims: { role: 'platform_admin' } },
  { label: 'IRO manager, Kent', claims: { role: 'iro_manager', tenant: '886' } },
  { label: 'IRO manager, an LA not on the platform', claims: { role: 'iro_manager', tenant: '999' } },
];
const [ADMIN, KENT_MANAGER, UNREGISTERED] = [0, 1, 2];

const ctx = usePlatform({
  users: USERS,
  now: () => new Date(Date.now() + clock.offsetMs),
  // What the admin page's re-run form put on the (real) plan queue; the plan job itself is tested elsewhere.
  wrapHandler: (queue, handler) => (queue === 'plan'
    ? async (event) => { for (const r of event.Records) plans.push(JSON.parse(r.body) as PlanMessage); }
    : handler),
});

beforeEach(() => {
  clock.offsetMs = 0;
  plans.length = 0;
});
afterEach(() => {
  clock.offsetMs = 0;
});

const origin = () => ctx.platform.url;

/** The value a response sets for `name` ('' when it clears it), or undefined when it does not set it. */
function setCookie(res: Response, name: string): { value: string; header: string } | undefined {
  const header = res.headers.getSetCookie().find((h) => h.startsWith(`${name}=`));
  return header === undefined ? undefined : { value: header.slice(name.length + 1).split(';')[0]!, header };
}

async function request(path: string, session: string | undefined, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (session !== undefined) headers.set('cookie', `${SESSION_COOKIE}=${session}`);
  return fetch(`${ctx.platform.url}${path}`, { redirect: 'manual', ...init, headers });
}

async function post(path: string, session: string | undefined, fields: Record<string, string>, headers: Record<string, string> = { origin: origin() }) {
  return request(path, session, { method: 'POST', body: new URLSearchParams(fields), headers });
}

async function signIn(user: number, returnTo?: string): Promise<{ res: Response; session?: string }> {
  const res = await post('/app/sign-in', undefined, { user: String(user), ...(returnTo !== undefined && { return: returnTo }) });
  return { res, session: setCookie(res, SESSION_COOKIE)?.value };
}

async function session(user = ADMIN): Promise<string> {
  const { session: value } = await signIn(user);
  if (!value) throw new Error('no session');
  return value;
}

/** The CSRF token of a session, as its pages print it in every form. */
async function csrfOf(value: string): Promise<string> {
  const html = await (await request('/app/admin', value)).text();
  const token = html.match(/name="_csrf" value="([^"]+)"/)?.[1];
  if (!token) throw new Error('no CSRF field on the page');
  return token;
}

/** A session cookie made by the real codec, outside the platform (another key, or a principal no one signed in as). */
async function crafted(cookies: SessionCookies, claims: Record<string, unknown>): Promise<string> {
  const app = new Hono().get('/', async (c) => {
    await cookies.start(c, principalFromClaims(claims));
    return c.body(null, 204);
  });
  return setCookie(await app.request('/'), SESSION_COOKIE)!.value;
}

const expectSignInPage = (res: Response, path: string) => {
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toBe(`/app/sign-in?return=${encodeURIComponent(path)}`);
};

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Lax, Path=/app, an hour long; opens the page it was made for', async () => {
    const { res, session: value } = await signIn(ADMIN, '/app/admin');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/app/admin');
    const { header } = setCookie(res, SESSION_COOKIE)!;
    const attributes = header.split(/;\s*/).slice(1);
    expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Path=/app', 'Max-Age=3600']));
    // Locally on plain http; AWS builds it with secure = true (next test).
    expect(attributes).not.toContain('Secure');
    const page = await request('/app/admin', value);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Tenants and jobs');
  });

  it('is Secure when made as in AWS', async () => {
    const app = new Hono().get('/', async (c) => {
      await new SessionCookies(SessionCookies.newKey(), true).start(c, principalFromClaims({ sub: 'a', role: 'platform_admin' }));
      return c.body(null, 204);
    });
    expect(setCookie(await app.request('/'), SESSION_COOKIE)!.header.split(/;\s*/)).toContain('Secure');
  });

  it('tampered, truncated or made with another key, it leads to the sign-in page', async () => {
    const value = await session();
    const middle = Math.floor(value.length / 2);
    const flipped = `${value.slice(0, middle)}${value[middle] === 'A' ? 'B' : 'A'}${value.slice(middle + 1)}`;
    const otherKey = await crafted(new SessionCookies(SessionCookies.newKey(), false), { sub: 'dev-platform_admin', role: 'platform_admin' });
    for (const bad of [flipped, value.slice(0, -4), `${value}x`, 'garbage', otherKey]) {
      const res = await request('/app/admin', bad);
      expectSignInPage(res, '/app/admin');
      expect(setCookie(res, SESSION_COOKIE)).toBeUndefined();
    }
    expect((await request('/app/admin', value)).status).toBe(200);
  });

  it('expires after an hour without a request', async () => {
    const value = await session();
    clock.offsetMs = 59 * MINUTE;
    const late = await request('/app/admin', value);
    expect(late.status).toBe(200);
    const renewed = setCookie(late, SESSION_COOKIE)!.value;
    // The renewed cookie counts its hour from the last request; the old one from sign-in.
    clock.offsetMs = 61 * MINUTE;
    expectSignInPage(await request('/app/admin', value), '/app/admin');
    expect((await request('/app/admin', renewed)).status).toBe(200);
    clock.offsetMs = (59 + 61) * MINUTE;
    expectSignInPage(await request('/app/admin', renewed), '/app/admin');
  });

  it('expires eight hours after sign-in however busy the user is', async () => {
    let value = await session();
    // A request every 50 minutes keeps the idle limit away; each answer carries the rotated cookie.
    for (let minutes = 50; minutes < 8 * 60; minutes += 50) {
      clock.offsetMs = minutes * MINUTE;
      const res = await request('/app/admin', value);
      expect(res.status, `${minutes} min`).toBe(200);
      value = setCookie(res, SESSION_COOKIE)?.value ?? value;
    }
    clock.offsetMs = (8 * 60 + 1) * MINUTE;
    expectSignInPage(await request('/app/admin', value), '/app/admin');
  });

  it('is rotated (a new Set-Cookie, same session) once more than five minutes old', async () => {
    const value = await session();
    const token = await csrfOf(value);
    clock.offsetMs = 4 * MINUTE;
    expect(setCookie(await request('/app/admin', value), SESSION_COOKIE)).toBeUndefined();
    clock.offsetMs = 6 * MINUTE;
    const res = await request('/app/admin', value);
    const rotated = setCookie(res, SESSION_COOKIE);
    expect(rotated?.value).toBeTruthy();
    expect(rotated!.value).not.toBe(value);
    expect(rotated!.header).toContain('HttpOnly');
    // The same session: its CSRF token carries over.
    expect(await csrfOf(rotated!.value)).toBe(token);
  });
});

describe('form posts (the admin page\u2019s re-run form)', () => {
  const recompute = (value: string | undefined, fields: Record<string, string>, headers?: Record<string, string>) =>
    post('/app/admin/recompute', value, fields, headers);

  /** The plan messages on the queue once it has settled. */
  async function queued(): Promise<PlanMessage[]> {
    await ctx.platform.drain();
    return [...plans];
  }

  it('without the _csrf field, with another session\u2019s token, or from another Origin: 403 and nothing queued', async () => {
    const value = await session();
    const token = await csrfOf(value);
    const otherToken = await csrfOf(await session());
    expect(otherToken).not.toBe(token);
    const attempts: [string, Response][] = [
      ['no token', await recompute(value, {})],
      ['another session\u2019s token', await recompute(value, { _csrf: otherToken })],
      ['another Origin', await recompute(value, { _csrf: token }, { origin: 'https://evil.example' })],
      ['no Origin, cross-site fetch', await recompute(value, { _csrf: token }, { 'sec-fetch-site': 'cross-site' })],
    ];
    for (const [why, res] of attempts) {
      expect(res.status, why).toBe(403);
      expect(res.headers.get('content-type'), why).toMatch(/text\/html/);
    }
    expect(await queued()).toEqual([]);
    // Positive control: the same form, from this site with this session's token, queues the recompute.
    const good = await recompute(value, { _csrf: token });
    expect(good.status).toBe(303);
    expect(good.headers.get('location')).toBe('/app/admin?queued=1');
    expect((await queued()).map((m) => m.reason)).toEqual(['manual by dev-platform_admin']);
  });

  it('a bearer token opens no page and posts no form: only the session cookie does', async () => {
    const bearer = { authorization: `Bearer ${await ctx.token({ role: 'platform_admin' })}` };
    expectSignInPage(await request('/app/admin', undefined, { headers: bearer }), '/app/admin');
    const res = await recompute(undefined, {}, { ...bearer, origin: origin() });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/app/sign-in');
    expect(await queued()).toEqual([]);
  });
});

describe('after sign-in, only this site', () => {
  it.each([
    'https://evil.example', '//evil.example', '///evil.example', '/\\evil.example', '/app/\\evil.example', 'javascript:alert(1)',
    '/app@evil.example', ' /app/admin', 'https:/app/admin', '/app/../..//evil.example', '/app/%2e%2e/%2e%2e//evil.example',
  ])('return=%s stays on this site', async (returnTo) => {
    const { res } = await signIn(ADMIN, returnTo);
    expect(res.status).toBe(303);
    const target = new URL(res.headers.get('location')!, ctx.platform.url);
    expect(target.origin).toBe(ctx.platform.url);
    expect(target.pathname.startsWith('/app/')).toBe(true);
  });

  it('the sign-in page does not carry an off-site return into its form', async () => {
    const html = await (await request(`/app/sign-in?return=${encodeURIComponent('//evil.example')}`, undefined)).text();
    expect(html).toContain('name="return" value="/app"');
    expect(html).not.toContain('evil.example');
  });
});

describe('signing out', () => {
  it('needs this session\u2019s own form: without its token or from another Origin it is refused and the cookie stays', async () => {
    const value = await session();
    const token = await csrfOf(value);
    for (const res of [await post('/app/sign-out', value, {}), await post('/app/sign-out', value, { _csrf: token }, { origin: 'https://evil.example' })]) {
      expect(res.status).toBe(403);
      expect(setCookie(res, SESSION_COOKIE)).toBeUndefined();
    }
    expect((await request('/app/admin', value)).status).toBe(200);
  });

  it('clears the cookie; a browser that obeys is signed out, and the old token signs nothing out again', async () => {
    const value = await session();
    const token = await csrfOf(value);
    const res = await post('/app/sign-out', value, { _csrf: token });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/app/signed-out');
    const cleared = setCookie(res, SESSION_COOKIE)!;
    expect(cleared.value).toBe('');
    expect(cleared.header).toMatch(/Max-Age=0/);
    expect(cleared.header).toContain('Path=/app');
    // The browser no longer sends it: the pages ask for sign-in, and the old token alone is no session.
    expectSignInPage(await request('/app/admin', undefined), '/app/admin');
    const again = await post('/app/sign-out', undefined, { _csrf: token });
    expect(again.headers.get('location')).toBe('/app/signed-out');
    expect((await post('/app/admin/recompute', undefined, { _csrf: token })).headers.get('location')).toBe('/app/sign-in');
  });

  it('known limit: the cookie is stateless, so a copy taken before sign-out works until it expires (at most 1 h idle, 8 h in all)', async () => {
    const value = await session();
    await post('/app/sign-out', value, { _csrf: await csrfOf(value) });
    expect((await request('/app/admin', value)).status).toBe(200);
    clock.offsetMs = 61 * MINUTE;
    expectSignInPage(await request('/app/admin', value), '/app/admin');
  });
});

describe('the cookie and the JSON API', () => {
  it('a session cookie sent to the JSON API anyway is not a credential there (401)', async () => {
    const manager = await session(KENT_MANAGER);
    const admin = await session(ADMIN);
    for (const [path, value] of [['/children', manager], ['/dashboards/la', manager], ['/admin/jobs', admin]] as const) {
      const res = await request(path, value);
      expect(res.status, path).toBe(401);
      expect(res.headers.get('www-authenticate'), path).toBe('Bearer realm="iro-platform"');
    }
    // Positive control: the same callers with a bearer token get past authentication.
    expect((await ctx.get('/admin/jobs', { role: 'platform_admin' })).status).toBe(200);
    expect((await ctx.get('/children', { role: 'iro_manager', tenant: '886' })).status).not.toBe(401);
  });
});

describe('an LA that is not a registered tenant', () => {
  it('cannot sign in', async () => {
    const { res, session: value } = await signIn(UNREGISTERED);
    expect(res.status).toBe(403);
    expect(value).toBeUndefined();
    expect(await res.text()).toContain('999 is not a registered tenant');
  });

  it('a session for it (made with the platform\u2019s own key) is refused on every page: 403', async () => {
    const value = await crafted(ctx.platform.cookies, { sub: 'someone', role: 'iro_manager', tenant: '999' });
    const res = await request('/app/admin', value);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('LA 999 is not a registered tenant');
    // Control: the same crafting for a registered LA is a working session (refused here only for its role).
    const kent = await crafted(ctx.platform.cookies, { sub: 'someone', role: 'iro_manager', tenant: '886' });
    const forbidden = await request('/app/admin', kent);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.text()).toContain('jobs.read is for platform_admin');
  });
});
