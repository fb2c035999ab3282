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
  return { status: res.status, body: await res.json() as { error?: { code: string; message: string } } & Record<string, unknown> };
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
    expect(body.error?.code).toBe('unauthenticated');
  });

  it('rejects a correctly signed token from the wrong issuer or for the wrong audience', async () => {
    // Signed with the verifier's own trusted key, so only the iss/aud checks can reject these.
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' };
    const verifier = createVerifier({ keys: createLocalJWKSet({ keys: [jwk] }), issuer: DEV_ISSUER, audience: DEV_AUDIENCE });
    const sign = (iss: string, aud: string) => new SignJWT({ role: 'national' }).setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('x').setIssuer(iss).setAudience(aud).setExpirationTime('1h').sign(privateKey);
    await expect(verifier.verify(await sign(DEV_ISSUER, DEV_AUDIENCE))).resolves.toMatchObject({ role: 'national' });
    await expect(verifier.verify(await sign('https://evil.example', DEV_AUDIENCE))).rejects.toThrow(/iss/);
    await expect(verifier.verify(await sign(DEV_ISSUER, 'another-app'))).rejects.toThrow(/aud/);
  });

  it('gives 403 with a JSON error when the role may not use the route', async () => {
    const { status, body } = await call(await ctx.token({ role: 'iro', tenant: '886' }), '/tenants');
    expect(status).toBe(403);
    expect(body.error?.code).toBe('forbidden');
  });

  it('answers unknown routes and oversized bodies with JSON errors', async () => {
    expect((await call(await ctx.token({ role: 'national' }), '/nope')).status).toBe(404);
    const res = await fetch(`${ctx.platform.url}/tenants`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await ctx.token({ role: 'platform_admin' })}`, 'content-type': 'application/json' },
      body: 'x'.repeat(10 * 1024 * 1024 + 1),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
  });
});
