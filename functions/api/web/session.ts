import { hkdfSync, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { EncryptJWT, jwtDecrypt } from 'jose';
import { principalFromClaims, type Principal } from '../../../shared/platform/auth/principal.ts';

/**
 * The web session: the verified principal in an encrypted cookie (JWE, dir + A256GCM, so it is both secret and
 * tamper-proof), HttpOnly, SameSite=Lax, Secure outside localhost, scoped to the pages (`Path=/app`) so it never
 * rides an API call. Stateless, so no table read per page: it expires after an hour idle and eight hours in all,
 * and is re-issued (rotated) when more than five minutes old. Signing out clears it; the sign-in itself is the
 * identity provider's (Cognito's code flow with PKCE, or the local dev issuer), verified by the same verifier as a
 * bearer token before a session is made.
 */
export const SESSION_COOKIE = 'iro_session';
/** The short-lived state of one sign-in (OAuth state, PKCE verifier, where to return), same protection. */
export const SIGN_IN_COOKIE = 'iro_sign_in';
export const PAGES_PATH = '/app';

const IDLE_SECONDS = 60 * 60;
const ABSOLUTE_SECONDS = 8 * 60 * 60;
const ROTATE_AFTER_SECONDS = 5 * 60;
const SIGN_IN_SECONDS = 10 * 60;

export interface Session {
  principal: Principal;
  /** Every form posts this back (functions/api/web/csrf.ts); random per session. */
  csrf: string;
  /** When the user signed in (seconds): bounds the session's whole life. */
  authTime: number;
}

export interface SignInState {
  state: string;
  verifier: string;
  returnTo: string;
}

/** Reads and writes the encrypted cookies with the deployment's 256-bit key. */
export class SessionCookies {
  /** `now` is the clock the cookies' lifetimes are measured on (tests move it to see a session expire or rotate). */
  constructor(private readonly key: Uint8Array, private readonly secure: boolean, private readonly now: () => Date = () => new Date()) {
    if (key.byteLength !== 32) throw new Error('the session key must be 32 bytes');
  }

  static newKey(): Uint8Array {
    return new Uint8Array(randomBytes(32));
  }

  /** The key in AWS: HKDF-SHA256 of the Secrets Manager secret string, so the secret's format does not matter. */
  static keyFromSecret(secret: string): Uint8Array {
    if (secret.length < 32) throw new Error('the session secret must be at least 32 characters');
    return new Uint8Array(hkdfSync('sha256', secret, '', 'iro-platform session cookie', 32));
  }

  async start(c: Context, principal: Principal): Promise<Session> {
    const session: Session = { principal, csrf: randomBytes(24).toString('base64url'), authTime: this.seconds() };
    await this.write(c, session);
    return session;
  }

  /** The session of this request, rotated when due; undefined when absent, expired or not ours. */
  async read(c: Context): Promise<Session | undefined> {
    const cookie = getCookie(c, SESSION_COOKIE);
    if (!cookie) return undefined;
    const payload = await this.open(cookie, 'session');
    if (!payload) return undefined;
    const authTime = Number(payload.auth_time);
    if (!Number.isFinite(authTime) || this.seconds() - authTime > ABSOLUTE_SECONDS) return undefined;
    let principal: Principal;
    try {
      principal = principalFromClaims(payload.principal as Record<string, unknown>);
    } catch {
      return undefined;
    }
    const session: Session = { principal, csrf: String(payload.csrf), authTime };
    if (this.seconds() - Number(payload.iat) > ROTATE_AFTER_SECONDS) await this.write(c, session);
    return session;
  }

  end(c: Context): void {
    deleteCookie(c, SESSION_COOKIE, { path: PAGES_PATH, secure: this.secure });
  }

  async beginSignIn(c: Context, state: SignInState): Promise<void> {
    const value = await new EncryptJWT({ ...state }).setProtectedHeader({ alg: 'dir', enc: 'A256GCM', typ: 'sign-in' })
      .setIssuedAt(this.now()).setExpirationTime(this.seconds() + SIGN_IN_SECONDS).encrypt(this.key);
    setCookie(c, SIGN_IN_COOKIE, value, { path: PAGES_PATH, httpOnly: true, secure: this.secure, sameSite: 'Lax', maxAge: SIGN_IN_SECONDS });
  }

  /** The pending sign-in (once: the cookie is cleared as it is read). */
  async finishSignIn(c: Context): Promise<SignInState | undefined> {
    const cookie = getCookie(c, SIGN_IN_COOKIE);
    deleteCookie(c, SIGN_IN_COOKIE, { path: PAGES_PATH, secure: this.secure });
    if (!cookie) return undefined;
    const payload = await this.open(cookie, 'sign-in');
    if (!payload || typeof payload.state !== 'string' || typeof payload.verifier !== 'string' || typeof payload.returnTo !== 'string') return undefined;
    return { state: payload.state, verifier: payload.verifier, returnTo: payload.returnTo };
  }

  private async write(c: Context, session: Session): Promise<void> {
    const { subject, ...scope } = session.principal;
    const value = await new EncryptJWT({ principal: { sub: subject, ...scope }, csrf: session.csrf, auth_time: session.authTime })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', typ: 'session' })
      .setIssuedAt(this.now())
      .setExpirationTime(Math.min(this.seconds() + IDLE_SECONDS, session.authTime + ABSOLUTE_SECONDS))
      .encrypt(this.key);
    setCookie(c, SESSION_COOKIE, value, { path: PAGES_PATH, httpOnly: true, secure: this.secure, sameSite: 'Lax', maxAge: IDLE_SECONDS });
  }

  private seconds(): number {
    return Math.floor(this.now().getTime() / 1000);
  }

  private async open(value: string, typ: string): Promise<Record<string, unknown> | undefined> {
    try {
      const { payload, protectedHeader } = await jwtDecrypt(value, this.key, { keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'], clockTolerance: 5, currentDate: this.now() });
      return protectedHeader.typ === typ ? payload : undefined;
    } catch {
      return undefined;
    }
  }
}

/**
 * Only a path of these pages may be returned to after sign-in (no open redirect to another site). The path is
 * resolved as a browser would (dot segments, %2e) and must still be under the pages.
 */
export function safeReturnPath(value: string | undefined): string {
  if (!value || !value.startsWith(`${PAGES_PATH}/`) || /[\\\s]/.test(value)) return PAGES_PATH;
  const base = 'http://pages.invalid';
  const resolved = new URL(value, base);
  return resolved.origin === base && resolved.pathname.startsWith(`${PAGES_PATH}/`) ? `${resolved.pathname}${resolved.search}` : PAGES_PATH;
}
