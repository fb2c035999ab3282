import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TokenClaims } from '../../functions/local/dev-issuer.ts';
import { SESSION_COOKIE, SIGN_IN_COOKIE } from '../../functions/api/web/session.ts';
import { usePlatform } from '../helpers/platform.ts';

/**
 * The Cognito code flow with PKCE, end to end over real HTTP, against a small stand-in of Cognito's managed login
 * (a test double of the external service only): `/oauth2/authorize` redirects back with a one-time code,
 * `/oauth2/token` checks the PKCE code_verifier against the code_challenge it was given and answers with an ID
 * token minted by the dev issuer, which the platform's verifier accepts as it would Cognito's.
 */
const CLIENT_ID = 'pages-client';

interface Grant { challenge: string; redirectUri: string; claims: TokenClaims; used: boolean }

class CognitoStandIn {
  url = '';
  /** Who signs in at the managed login next. */
  user: TokenClaims = { role: 'platform_admin' };
  mint: (claims: TokenClaims) => Promise<string> = () => Promise.reject(new Error('no issuer'));
  readonly refusals: string[] = [];
  tokenRequests = 0;
  private readonly grants = new Map<string, Grant>();
  private server?: Server;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        void this.answer(req.method ?? '', new URL(req.url ?? '/', this.url || 'http://x'), new URLSearchParams(body)).then(({ status, headers, json }) => {
          res.writeHead(status, headers);
          res.end(json === undefined ? undefined : JSON.stringify(json));
        });
      });
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private refuse(reason: string) {
    this.refusals.push(reason);
    return { status: 400, headers: { 'content-type': 'application/json' }, json: { error: 'invalid_grant', reason } };
  }

  private async answer(method: string, url: URL, form: URLSearchParams): Promise<{ status: number; headers: Record<string, string>; json?: unknown }> {
    if (method === 'GET' && url.pathname === '/oauth2/authorize') {
      const q = url.searchParams;
      if (q.get('response_type') !== 'code' || q.get('client_id') !== CLIENT_ID || q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge') || !q.get('state') || !q.get('scope')?.split(' ').includes('openid')) {
        return this.refuse('authorize request');
      }
      const code = randomBytes(16).toString('hex');
      this.grants.set(code, { challenge: q.get('code_challenge')!, redirectUri: q.get('redirect_uri')!, claims: this.user, used: false });
      const back = new URL(q.get('redirect_uri')!);
      back.search = new URLSearchParams({ code, state: q.get('state')! }).toString();
      return { status: 302, headers: { location: back.toString() } };
    }
    if (method === 'POST' && url.pathname === '/oauth2/token') {
      this.tokenRequests += 1;
      const grant = this.grants.get(form.get('code') ?? '');
      if (form.get('grant_type') !== 'authorization_code' || form.get('client_id') !== CLIENT_ID) return this.refuse('grant type or client');
      if (!grant) return this.refuse('unknown code');
      if (grant.used) return this.refuse('code already used');
      if (form.get('redirect_uri') !== grant.redirectUri) return this.refuse('redirect_uri');
      const verified = createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url') === grant.challenge;
      if (!verified) return this.refuse('code_verifier');
      grant.used = true;
      return { status: 200, headers: { 'content-type': 'application/json' }, json: { id_token: await this.mint(grant.claims), token_type: 'Bearer', expires_in: 3600 } };
    }
    return { status: 404, headers: {} };
  }
}

const cognito = new CognitoStandIn();
const ctx = usePlatform({
  // The stand-in's port is known only once it listens; the pages read the domain per request.
  identity: { kind: 'cognito', get domain() { return cognito.url; }, clientId: CLIENT_ID },
});

beforeAll(async () => {
  await cognito.start();
  cognito.mint = (claims) => ctx.platform.issuer.mint(claims);
});
afterAll(() => cognito.stop());
beforeEach(() => {
  cognito.user = { role: 'platform_admin' };
  cognito.refusals.length = 0;
});

const cookieOf = (res: Response, name: string) => res.headers.getSetCookie().find((h) => h.startsWith(`${name}=`));
const valueOf = (header: string | undefined) => header?.split(';')[0]!.split('=').slice(1).join('=');

async function get(url: string, cookies: Record<string, string | undefined> = {}): Promise<Response> {
  const cookie = Object.entries(cookies).filter(([, v]) => v).map(([k, v]) => `${k}=${v}`).join('; ');
  return fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
}

/** Starts a sign-in at the pages and passes the managed login: the callback address and the sign-in cookie. */
async function throughManagedLogin(returnTo = '/app/admin'): Promise<{ callback: URL; signInCookie: string }> {
  const start = await get(`${ctx.platform.url}/app/sign-in?return=${encodeURIComponent(returnTo)}`);
  expect(start.status).toBe(303);
  const signInCookie = valueOf(cookieOf(start, SIGN_IN_COOKIE))!;
  const login = await get(start.headers.get('location')!);
  expect(login.status).toBe(302);
  return { callback: new URL(login.headers.get('location')!), signInCookie };
}

describe('the Cognito callback', () => {
  it('sends the browser to the managed login with the code flow, PKCE S256 and a state, in a short-lived sign-in cookie', async () => {
    const start = await get(`${ctx.platform.url}/app/sign-in?return=%2Fapp%2Fadmin`);
    const authorize = new URL(start.headers.get('location')!);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${cognito.url}/oauth2/authorize`);
    expect(Object.fromEntries(authorize.searchParams)).toEqual({
      response_type: 'code', client_id: CLIENT_ID, redirect_uri: `${ctx.platform.url}/app/auth/callback`, scope: 'openid email',
      state: expect.stringMatching(/^[\w-]{32}$/), code_challenge: expect.stringMatching(/^[\w-]{43}$/), code_challenge_method: 'S256',
    });
    const cookie = cookieOf(start, SIGN_IN_COOKIE)!;
    expect(cookie.split(/;\s*/).slice(1)).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Path=/app', 'Max-Age=600']));
    // Neither the state nor the verifier is readable in the cookie (it is encrypted).
    expect(cookie).not.toContain(authorize.searchParams.get('state'));
  });

  it('a good callback exchanges the code (with the verifier) and makes a session that opens the page asked for', async () => {
    const { callback, signInCookie } = await throughManagedLogin('/app/admin');
    const res = await get(callback.toString(), { [SIGN_IN_COOKIE]: signInCookie });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/app/admin');
    expect(cognito.refusals).toEqual([]);
    expect(valueOf(cookieOf(res, SIGN_IN_COOKIE))).toBe('');
    const session = valueOf(cookieOf(res, SESSION_COOKIE));
    expect(session).toBeTruthy();
    const page = await get(`${ctx.platform.url}/app/admin`, { [SESSION_COOKIE]: session });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Tenants and jobs');
  });

  it('a wrong state is refused before any code is exchanged', async () => {
    const { callback, signInCookie } = await throughManagedLogin();
    callback.searchParams.set('state', 'forged-state');
    const before = cognito.tokenRequests;
    const res = await get(callback.toString(), { [SIGN_IN_COOKIE]: signInCookie });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Sign-in expired');
    expect(cookieOf(res, SESSION_COOKIE)).toBeUndefined();
    expect(cognito.tokenRequests).toBe(before);
  });

  it('a callback without the sign-in cookie (started elsewhere) is refused', async () => {
    const { callback } = await throughManagedLogin();
    const res = await get(callback.toString());
    expect(res.status).toBe(400);
    expect(cookieOf(res, SESSION_COOKIE)).toBeUndefined();
  });

  it('a replayed callback is refused: the code works once', async () => {
    const { callback, signInCookie } = await throughManagedLogin();
    expect((await get(callback.toString(), { [SIGN_IN_COOKIE]: signInCookie })).status).toBe(303);
    const replay = await get(callback.toString(), { [SIGN_IN_COOKIE]: signInCookie });
    expect(replay.status).toBe(401);
    expect(await replay.text()).toContain('Sign-in failed');
    expect(cookieOf(replay, SESSION_COOKIE)).toBeUndefined();
    expect(cognito.refusals).toEqual(['code already used']);
  });

  it('a code from another sign-in (injected with this browser\u2019s state) fails PKCE', async () => {
    const victim = await throughManagedLogin();
    const attacker = await throughManagedLogin();
    const injected = new URL(victim.callback);
    injected.searchParams.set('code', attacker.callback.searchParams.get('code')!);
    const res = await get(injected.toString(), { [SIGN_IN_COOKIE]: victim.signInCookie });
    expect(res.status).toBe(401);
    expect(cookieOf(res, SESSION_COOKIE)).toBeUndefined();
    expect(cognito.refusals).toEqual(['code_verifier']);
  });

  it('an error from the managed login (e.g. the user cancelled) makes no session', async () => {
    const { callback, signInCookie } = await throughManagedLogin();
    const res = await get(`${callback.origin}${callback.pathname}?error=access_denied&state=${callback.searchParams.get('state')}`, { [SIGN_IN_COOKIE]: signInCookie });
    expect(res.status).toBe(401);
    expect(cookieOf(res, SESSION_COOKIE)).toBeUndefined();
  });

  it('a user of an LA that is not a registered tenant gets no session', async () => {
    cognito.user = { role: 'iro_manager', tenant: '999' };
    const { callback, signInCookie } = await throughManagedLogin();
    const res = await get(callback.toString(), { [SIGN_IN_COOKIE]: signInCookie });
    expect(res.status).toBe(403);
    expect(cookieOf(res, SESSION_COOKIE)).toBeUndefined();
  });

  it('the local demo-user form is closed, and signing out goes through the managed login\u2019s logout', async () => {
    const dev = await fetch(`${ctx.platform.url}/app/sign-in`, { method: 'POST', redirect: 'manual', headers: { origin: ctx.platform.url }, body: new URLSearchParams({ user: '0' }) });
    expect(dev.status).toBe(405);
    expect(cookieOf(dev, SESSION_COOKIE)).toBeUndefined();

    const { callback, signInCookie } = await throughManagedLogin();
    const session = valueOf(cookieOf(await get(callback.toString(), { [SIGN_IN_COOKIE]: signInCookie }), SESSION_COOKIE))!;
    const html = await (await get(`${ctx.platform.url}/app/admin`, { [SESSION_COOKIE]: session })).text();
    const csrf = html.match(/name="_csrf" value="([^"]+)"/)![1]!;
    const out = await fetch(`${ctx.platform.url}/app/sign-out`, {
      method: 'POST', redirect: 'manual', body: new URLSearchParams({ _csrf: csrf }),
      headers: { origin: ctx.platform.url, cookie: `${SESSION_COOKIE}=${session}` },
    });
    expect(out.status).toBe(303);
    const logout = new URL(out.headers.get('location')!);
    expect(`${logout.origin}${logout.pathname}`).toBe(`${cognito.url}/logout`);
    expect(Object.fromEntries(logout.searchParams)).toEqual({ client_id: CLIENT_ID, logout_uri: `${ctx.platform.url}/app/signed-out` });
    expect(valueOf(cookieOf(out, SESSION_COOKIE))).toBe('');
  });
});
