import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createLocalJWKSet, exportJWK, generateKeyPair, importJWK, SignJWT, type JSONWebKeySet, type JWK } from 'jose';
import type { Role } from '../../shared/platform/auth/principal.ts';
import type { VerifierOptions } from '../../shared/platform/auth/verifier.ts';

/** The local stand-in for Cognito: same claims, RS256, its JWKS served by the local API. */
export const DEV_ISSUER = 'urn:iro-platform:local-dev-issuer';
export const DEV_AUDIENCE = 'iro-platform-local';

export interface TokenClaims {
  role: Role;
  tenant?: string;
  region?: string;
  sub?: string;
}

export interface DevIssuer {
  jwks: JSONWebKeySet;
  verifierOptions: VerifierOptions;
  mint(claims: TokenClaims, options?: { expiresIn?: string; issuedAt?: number }): Promise<string>;
}

/** Loads the key pair from `file`, or makes one at first start and keeps it there (under .data/). */
export async function loadDevIssuer(file: string): Promise<DevIssuer> {
  let stored: { privateJwk: JWK; publicJwk: JWK };
  try {
    stored = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const kid = `dev-${Date.now().toString(36)}`;
    stored = {
      privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'RS256' },
      publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
    };
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(stored), { mode: 0o600 });
  }
  const privateKey = await importJWK(stored.privateJwk, 'RS256');
  const jwks: JSONWebKeySet = { keys: [stored.publicJwk] };
  return {
    jwks,
    verifierOptions: { keys: createLocalJWKSet(jwks), issuer: DEV_ISSUER, audience: DEV_AUDIENCE },
    async mint(claims, options = {}) {
      const { sub, ...rest } = claims;
      return new SignJWT({ ...rest })
        .setProtectedHeader({ alg: 'RS256', kid: stored.publicJwk.kid! })
        .setSubject(sub ?? devSubject(claims))
        .setIssuer(DEV_ISSUER)
        .setAudience(DEV_AUDIENCE)
        .setIssuedAt(options.issuedAt)
        .setExpirationTime(options.expiresIn ?? '12h')
        .sign(privateKey);
    },
  };
}

/** The subject of a dev user who has none given: one per role (and LA), so the demo IRO is a roster entry. */
export function devSubject(claims: Pick<TokenClaims, 'role' | 'tenant'>): string {
  return `dev-${claims.role}${claims.tenant ? `-${claims.tenant}` : ''}`;
}
