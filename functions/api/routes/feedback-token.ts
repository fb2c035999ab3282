/**
 * The public Rate My Review token: `<la>.<secret>`, the LA's three-digit code and the base64url of at least 128
 * random bits (issueFeedbackLink). Why this is safe:
 *  - the public route has no tenant, so the token must lead to one without a scan; the LA code does, and it is not
 *    secret (the child's own LA gave the child the link), while the secret carries all the security;
 *  - the route opens only the LA named, with that LA's scoped table, and looks the link up by the secret's SHA-256
 *    (the record's id): a guessed or altered secret finds nothing (2^128 guesses), and changing the LA code only
 *    moves the lookup to another LA where the hash is just as unknown;
 *  - only the hash is stored, so a copy of the table holds no working link.
 */
import { tenantScope, type TenantScope } from '../../../shared/data/scopes.ts';
import { hashToken } from '../../../shared/domain/practice/feedback.ts';

const PUBLIC_TOKEN = /^(\d{3})\.([A-Za-z0-9_-]{22,86})$/;

export const publicToken = (la: string, secret: string) => `${la}.${secret}`;

/**
 * The LA's scope and the stored link's id (the secret's hash), or undefined for anything not shaped like a token.
 * The one scope in the API not made from a verified principal (tests/architecture allows this file only).
 */
export function parsePublicToken(token: string): { scope: TenantScope; secret: string; linkId: string } | undefined {
  const match = PUBLIC_TOKEN.exec(token);
  if (!match) return undefined;
  return { scope: tenantScope(match[1]!), secret: match[2]!, linkId: hashToken(match[2]!) };
}

/** The card a link returns has an id derived from the link, so a second submission collides and writes nothing. */
export const linkCardId = (linkId: string) => `rmr-${linkId.slice(0, 40)}`;
