import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { DEV_AUDIENCE, DEV_ISSUER } from '../../functions/local/dev-issuer.ts';
import { createVerifier } from '../../shared/platform/auth/verifier.ts';
import { usePlatform } from '../helpers/platform.ts';

/** Every way a bearer token can be wrong gets 401 with a JSON error; a valid token of the wrong role gets 403. */
const ctx = usePlatform();

async function call(token: string | null, path = '/me', scheme = 'Bearer') {
  const headers: Record<string, string> = token === null ? {} : { authorization: `${scheme} ${token}` };
  const res = await fetch(`${ctx.platform.url}${path}`, { headers });
  return { status: res.status, headers: res.headers, body: await res.json() as { code?: string; type?: string; title?: string; detail?: string } & Record<string, unknown> };
}

/** A token signed by an attacker's own key, claiming the dev issuer's kid. */
async function forged(claims: Record<string, unknown>, options: { issuer?: string; audience?: string; expires?: string | number } = {}) {
  const { privateKey } = await generateKeyPair('RS256');
  const kid = ctx.platform.issuer.jwks.keys[0]!.kid!;
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).setSubject('attacker')
    .setIssuer(options.issuer ?? DEV_ISSUER).setAudience(options.audience ?? DEV_AUDIENCE)
    .setIssuedAt().setExpirationTime(options.expires ?? '1h').sign(privateKey);
}

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('authentication', () => {
  it('accepts a valid dev token and reports the caller', async () => {
    const { status, body } = await call(await ctx.token({ role: 'iro', tenant: '886' }));
    expect(status).toBe(200);
    expect(body).toMatchObject({ role: 'iro', tenant: '886' });
  });

  it('publishes the dev JWKS without a token, and health', async () => {
    expect((await fetch(`${ctx.platform.url}/.well-known/jwks.json`)).status).toBe(200);
    expect((await call(null, '/health')).status).toBe(200);
  });

  const cases: [string, () => Promise<string | null>, string?][] = [
    ['no token', async () => null],
    ['a malformed token', async () => 'not.a.jwt!'],
    ['a Basic scheme', async () => 'dXNlcjpwYXNz', 'Basic'],
    ['a forged signature', () => forged({ role: 'platform_admin' })],
    ['alg: none', async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ role: 'platform_admin', sub: 'x', iss: DEV_ISSUER, aud: DEV_AUDIENCE, exp: Math.floor(Date.now() / 1000) + 3600 })}.`],
    ['an HS256 token keyed with the public JWK', async () => {
      const pub = ctx.platform.issuer.jwks.keys[0]!;
      return new SignJWT({ role: 'platform_admin' }).setProtectedHeader({ alg: 'HS256', kid: pub.kid! }).setSubject('x')
        .setIssuer(DEV_ISSUER).setAudience(DEV_AUDIENCE).setExpirationTime('1h').sign(new TextEncoder().encode(JSON.stringify(pub)));
    }],
    ['an expired token', () => ctx.token({ role: 'iro', tenant: '886' }, '-1m')],
    ['a missing role claim', () => ctx.platform.issuer.mint({ role: undefined as never })],
    ['an unknown role', () => ctx.platform.issuer.mint({ role: 'superuser' as never })],
    ['an iro without a tenant claim', () => ctx.platform.issuer.mint({ role: 'iro' })],
    ['a tenant that is not an LA code', () => ctx.platform.issuer.mint({ role: 'iro', tenant: '886#' })],
    ['a regional chair without a region', () => ctx.platform.issuer.mint({ role: 'regional_chair' })],
    ['a region that does not exist', () => ctx.platform.issuer.mint({ role: 'regional_chair', region: 'Atlantis' })],
  ];
  it.each(cases)('rejects %s with 401', async (_name, make, scheme) => {
    const { status, body } = await call(await make(), '/me', scheme);
    expect(status).toBe(401);
    expect(body).toMatchObject({ code: 'unauthenticated', status: 401, type: 'urn:iro-platform:problem:unauthenticated' });
  });

  it('rejects a correctly signed token from the wrong issuer or for the wrong audience', async () => {
    // Signed with the verifier's own trusted key, so only the iss/aud checks can reject these.
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' };
    const verifier = createVerifier({ keys: createLocalJWKSet({ keys: [jwk] }), issuer: DEV_ISSUER, audience: DEV_AUDIENCE });
    const sign = (iss: string, aud: string) => new SignJWT({ role: 'national' }).setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('x').setIssuer(iss).setAudience(aud).setIssuedAt().setExpirationTime('1h').sign(privateKey);
    await expect(verifier.verify(await sign(DEV_ISSUER, DEV_AUDIENCE))).resolves.toMatchObject({ role: 'national' });
    await expect(verifier.verify(await sign('https://evil.example', DEV_AUDIENCE))).rejects.toThrow(/iss/);
    await expect(verifier.verify(await sign(DEV_ISSUER, 'another-app'))).rejects.toThrow(/aud/);
  });

  it('gives 403 with a problem when the role may not use the route', async () => {
    const { status, body, headers } = await call(await ctx.token({ role: 'iro', tenant: '886' }), '/tenants');
    expect(status).toBe(403);
    expect(headers.get('content-type')).toBe('application/problem+json');
    expect(body).toMatchObject({ code: 'forbidden', status: 403, title: expect.any(String), detail: expect.stringContaining('tenants.read') });
  });

  // Issue 8, defect 3: a well-signed token naming an LA that is not a registered tenant got data and could upload.
  it('refuses a valid token whose tenant is not a registered LA, and still serves a registered one', async () => {
    for (const path of ['/me', '/children', '/dashboards/la']) {
      const { status, body } = await call(await ctx.token({ role: 'iro_manager', tenant: '999' }), path);
      expect(status, path).toBe(403);
      expect(body.code).toBe('unknown_tenant');
    }
    const upload = await fetch(`${ctx.platform.url}/uploads`, { method: 'POST', headers: { authorization: `Bearer ${await ctx.token({ role: 'iro_manager', tenant: '999' })}` }, body: new FormData() });
    expect(upload.status).toBe(403);
    expect((await call(await ctx.token({ role: 'iro_manager', tenant: '886' }), '/me')).status).toBe(200);
  });

  // Issue 8, defect 7: smaller token and header defects.
  it('refuses a token issued in the future or more than a day ago', async () => {
    const now = Math.floor(Date.now() / 1000);
    const future = await ctx.platform.issuer.mint({ role: 'national' }, { issuedAt: now + 3600 });
    expect((await call(future)).status).toBe(401);
    const old = await ctx.platform.issuer.mint({ role: 'national' }, { issuedAt: now - 25 * 3600 });
    expect((await call(old)).status).toBe(401);
    const fresh = await ctx.platform.issuer.mint({ role: 'national' }, { issuedAt: now - 60 });
    expect((await call(fresh)).status).toBe(200);
  });

  it('accepts the bearer scheme in any case', async () => {
    const token = await ctx.token({ role: 'national' });
    expect((await call(token, '/me', 'bearer')).status).toBe(200);
    expect((await call(token, '/me', 'BEARER')).status).toBe(200);
  });

  it('says how to authenticate on every 401 (WWW-Authenticate)', async () => {
    expect((await call(null)).headers.get('www-authenticate')).toBe('Bearer realm="iro-platform"');
    expect((await call('not.a.jwt!')).headers.get('www-authenticate')).toMatch(/^Bearer realm="iro-platform", error="invalid_token"$/);
    expect((await call(await ctx.token({ role: 'iro', tenant: '886' }, '-1m'))).headers.get('www-authenticate')).toContain('invalid_token');
  });

  it('answers a 100 KB token with a 431 problem, not an empty body', async () => {
    const res = await fetch(`${ctx.platform.url}/me`, { headers: { authorization: `Bearer ${'a'.repeat(100 * 1024)}.b.c` } });
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ code: 'headers_too_large', status: 431 });
  });

  it('sends nosniff everywhere, Vary: Authorization on token-dependent responses, HSTS, and no-store by default', async () => {
    const health = await fetch(`${ctx.platform.url}/health`);
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    expect(health.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    const me = await call(await ctx.token({ role: 'national' }));
    expect(me.headers.get('x-content-type-options')).toBe('nosniff');
    expect(me.headers.get('vary')).toMatch(/Authorization/i);
    expect(me.headers.get('cache-control')).toBe('no-store');
  });

  it('never echoes the requested path in a 404', async () => {
    const res = await fetch(`${ctx.platform.url}/%3Cscript%3Ealert(1)%3C%2Fscript%3E`);
    expect(res.status).toBe(404);
    const text = await res.text();
    expect(text).not.toMatch(/script|alert/i);
    expect(JSON.parse(text)).toMatchObject({ code: 'not_found' });
  });

  it('answers unknown routes and oversized bodies with JSON errors', async () => {
    expect((await call(await ctx.token({ role: 'national' }), '/nope')).status).toBe(404);
    const res = await fetch(`${ctx.platform.url}/tenants`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await ctx.token({ role: 'platform_admin' })}`, 'content-type': 'application/json' },
      body: 'x'.repeat(10 * 1024 * 1024 + 1),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(((await res.json()) as { code: string }).code).toBe('payload_too_large');
  });
});
