import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Role } from '../../../shared/platform/auth/principal.ts';
import { Unauthenticated } from '../../../shared/platform/auth/verifier.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../problems.ts';
import { CSRF_FIELD, errorPage, htmlPage, Layout, NAV, whoIs } from './kit.tsx';
import { PAGES_PATH, safeReturnPath, type SessionCookies } from './session.ts';
import { holds } from '../../../shared/platform/auth/capabilities.ts';

/**
 * Signing in and out of the pages. In AWS the identity provider is Cognito's managed login, reached with the OAuth 2
 * authorisation-code flow and PKCE (S256); locally it is the dev issuer, whose demo users are listed on the sign-in
 * page. Either way an ID token is verified by the same verifier as an API bearer token before a session exists.
 */
export interface DevUser {
  /** What the sign-in page shows, e.g. "IRO manager, Gateshead". */
  label: string;
  claims: { role: Role; tenant?: string; region?: string; sub?: string };
}

export type WebIdentity =
  | { kind: 'dev'; users: DevUser[]; mint(claims: DevUser['claims']): Promise<string> }
  /** `domain` is the managed login's origin, e.g. https://iro-platform-dev.auth.eu-west-2.amazoncognito.com. */
  | { kind: 'cognito'; domain: string; clientId: string };

export interface WebDeps {
  cookies: SessionCookies;
  identity: WebIdentity;
}

const callbackUrl = (c: Context) => new URL(`${PAGES_PATH}/auth/callback`, c.req.url).toString();

function web(c: Context<AppEnv>): WebDeps {
  const deps = c.var.deps.web;
  if (!deps) throw new ApiError('not_found', 'the web pages are not configured on this deployment');
  return deps;
}

/** Where a signed-in user starts: the first page of the navigation their role may see. */
function homeOf(c: Context<AppEnv>, principal: Parameters<typeof holds>[0]): string {
  const first = NAV.find((n) => holds(principal, n.capability));
  return first ? `${PAGES_PATH}${first.href}` : `${PAGES_PATH}/sign-in`;
}

async function startSession(c: Context<AppEnv>, idToken: string, returnTo: string): Promise<Response> {
  let principal;
  try {
    principal = await c.var.deps.verifier.verify(idToken);
  } catch (error) {
    if (error instanceof Unauthenticated) return errorPage(c, 401, 'Sign-in failed', `The identity provider's answer was not accepted (${error.message}). Try again.`);
    throw error;
  }
  if ('tenant' in principal && !(await c.var.tenants.isRegistered(principal.tenant))) {
    return errorPage(c, 403, 'Your council is not set up yet', `LA ${principal.tenant} is not a registered tenant of this platform. Ask your platform administrator.`);
  }
  await web(c).cookies.start(c, principal);
  c.var.log.info('signed in', { role: principal.role });
  return c.redirect(returnTo === PAGES_PATH ? homeOf(c, principal) : returnTo, 303);
}

const base64url = (bytes: Buffer) => bytes.toString('base64url');

export const signInPages = new Hono<AppEnv>()
  .get('/', async (c) => {
    const session = await c.var.deps.web?.cookies.read(c);
    return c.redirect(session ? homeOf(c, session.principal) : `${PAGES_PATH}/sign-in`, 303);
  })
  .get('/sign-in', async (c) => {
    const { identity, cookies } = web(c);
    const returnTo = safeReturnPath(c.req.query('return'));
    if (identity.kind === 'cognito') {
      const state = base64url(randomBytes(24));
      const verifier = base64url(randomBytes(48));
      await cookies.beginSignIn(c, { state, verifier, returnTo });
      const authorize = new URL('/oauth2/authorize', identity.domain);
      authorize.search = new URLSearchParams({
        response_type: 'code', client_id: identity.clientId, redirect_uri: callbackUrl(c), scope: 'openid email',
        state, code_challenge: base64url(createHash('sha256').update(verifier).digest()), code_challenge_method: 'S256',
      }).toString();
      return c.redirect(authorize.toString(), 303);
    }
    return htmlPage(c, (
      <Layout title="Sign in">
        <h1 class="govuk-heading-l">Sign in</h1>
        <div class="govuk-warning-text">
          <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
          <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>This is the local platform: choose a demo user. In AWS you sign in with your council account.</strong>
        </div>
        <form method="post" action={`${PAGES_PATH}/sign-in`} novalidate>
          <input type="hidden" name="return" value={returnTo} />
          <div class="govuk-form-group">
            <fieldset class="govuk-fieldset">
              <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Who are you?</legend>
              <div class="govuk-radios" data-module="govuk-radios">
                {identity.users.map((u, i) => (
                  <div class="govuk-radios__item">
                    <input class="govuk-radios__input" id={`user-${i}`} name="user" type="radio" value={String(i)} checked={i === 0} />
                    <label class="govuk-label govuk-radios__label" for={`user-${i}`}>{u.label}</label>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
          <button type="submit" class="govuk-button" data-module="govuk-button">Sign in</button>
        </form>
      </Layout>
    ));
  })
  // Local only: the dev issuer mints the chosen demo user's ID token, which is then verified like Cognito's.
  .post('/sign-in', async (c) => {
    const { identity } = web(c);
    if (identity.kind !== 'dev') throw new ApiError('method_not_allowed', 'sign in through your identity provider');
    const body = await c.req.parseBody();
    const user = identity.users[Number(body.user)];
    if (typeof body.user !== 'string' || !user) return errorPage(c, 400, 'Choose a user', 'Go back and choose one of the demo users.');
    return startSession(c, await identity.mint(user.claims), safeReturnPath(typeof body.return === 'string' ? body.return : undefined));
  })
  .get('/auth/callback', async (c) => {
    const { identity, cookies } = web(c);
    if (identity.kind !== 'cognito') throw new ApiError('not_found', 'there is no identity provider callback locally');
    const pending = await cookies.finishSignIn(c);
    const { code, state, error } = c.req.query();
    if (error) return errorPage(c, 401, 'Sign-in was not completed', 'The identity provider did not sign you in. Try again.');
    if (!pending || !code || state !== pending.state) {
      return errorPage(c, 400, 'Sign-in expired', 'This sign-in link is out of date or was not started here. Start again from the sign-in page.');
    }
    const response = await fetch(new URL('/oauth2/token', identity.domain), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', client_id: identity.clientId, code, redirect_uri: callbackUrl(c), code_verifier: pending.verifier }),
    });
    const tokens = (response.ok ? await response.json() : {}) as { id_token?: string };
    if (!tokens.id_token) return errorPage(c, 401, 'Sign-in failed', 'The identity provider did not confirm the sign-in. Start again from the sign-in page.');
    return startSession(c, tokens.id_token, pending.returnTo);
  })
  .post('/sign-out', async (c) => {
    const { identity, cookies } = web(c);
    const session = await cookies.read(c);
    const body = await c.req.parseBody();
    // Only this session's own form may sign it out (no forced sign-out from another site).
    if (session && body[CSRF_FIELD] !== session.csrf) throw new ApiError('forbidden', 'this form did not come from this site');
    cookies.end(c);
    if (session) c.var.log.info('signed out', { role: session.principal.role, who: whoIs(session.principal) });
    if (identity.kind === 'cognito') {
      const logout = new URL('/logout', identity.domain);
      logout.search = new URLSearchParams({ client_id: identity.clientId, logout_uri: new URL(`${PAGES_PATH}/signed-out`, c.req.url).toString() }).toString();
      return c.redirect(logout.toString(), 303);
    }
    return c.redirect(`${PAGES_PATH}/signed-out`, 303);
  })
  .get('/signed-out', (c) => htmlPage(c, (
    <Layout title="Signed out">
      <h1 class="govuk-heading-l">You have signed out</h1>
      <p class="govuk-body"><a class="govuk-link" href={`${PAGES_PATH}/sign-in`}>Sign in again</a></p>
    </Layout>
  )));

