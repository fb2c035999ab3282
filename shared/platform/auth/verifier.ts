import { errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { principalFromClaims, type Principal } from './principal.ts';

/** Any reason a bearer token is not accepted; the API turns it into 401 without echoing token contents. */
export class Unauthenticated extends Error {}

export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
}

export interface VerifierOptions {
  /** The issuer's key set: Cognito's JWKS in AWS (createRemoteJWKSet), the dev issuer's locally. */
  keys: JWTVerifyGetKey;
  issuer: string;
  /** The app clients whose ID tokens are accepted (in AWS: the API's client and the pages' sign-in client). */
  audience: string | string[];
}

/** Cognito ID tokens live at most a day; a token issued longer ago, or in the future, is refused. */
const MAX_TOKEN_AGE = '24h';
/** Clock skew between the issuer and us that we accept on exp, iat and nbf. */
const CLOCK_TOLERANCE_SECONDS = 30;

/**
 * One verification path for AWS and local: signature against the JWKS (RS256 only, so `alg: none` and HMAC
 * confusion are refused), issuer, audience, expiry, issued-at (not in the future, at most a day old), then the claims schema.
 */
export function createVerifier({ keys, issuer, audience }: VerifierOptions): TokenVerifier {
  return {
    async verify(token) {
      let payload;
      try {
        ({ payload } = await jwtVerify(token, keys, { issuer, audience, algorithms: ['RS256'], requiredClaims: ['exp', 'iat', 'sub'], maxTokenAge: MAX_TOKEN_AGE, clockTolerance: CLOCK_TOLERANCE_SECONDS }));
      } catch (error) {
        if (error instanceof errors.JWTExpired) throw new Unauthenticated('token expired');
        if (error instanceof errors.JWTClaimValidationFailed) throw new Unauthenticated(`token claim "${error.claim}" is not valid`);
        if (error instanceof errors.JOSEError) throw new Unauthenticated('token is not valid');
        throw error;
      }
      try {
        return principalFromClaims(payload as Record<string, unknown>);
      } catch (error) {
        throw new Unauthenticated((error as Error).message);
      }
    },
  };
}
