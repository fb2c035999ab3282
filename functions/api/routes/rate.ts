import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import * as z from 'zod';
import { practiceCollections } from '../../../shared/data/repositories/practice-collections.ts';
import type { DataSession } from '../../../shared/data/data-layer.ts';
import { createRecord, getRecord, updateRecord, type PracticeRecord } from '../../../shared/data/repositories/records.ts';
import { StaleRevision } from '../../../shared/data/scoped-table.ts';
import type { TenantScope } from '../../../shared/data/scopes.ts';
import { redeemFeedbackLink } from '../../../shared/domain/practice/feedback.ts';
import type { FeedbackLink } from '../../../shared/domain/practice/records.ts';
import { RateForm, RateParam } from '../../../shared/contracts/api/feedback.ts';
import type { AppEnv } from '../env.ts';
import { createOpenApiApp, definePublicRoute } from '../openapi.ts';
import { linkCardId, parsePublicToken } from './feedback-token.ts';
import { RateLimiter } from './rate-limit.ts';

/**
 * Rate My Review (IRO-PRACTICE.md §5), the child's side: a card with three faces and an optional comment, behind
 * the one-time link from `POST /reviews/{review}/feedback-link`. No sign-in, no JavaScript, no detail that
 * identifies the child, usable from 320 px. Every answer is an HTML page (a child never sees a JSON problem).
 */

/** Who writes a card through the link: recorded in the card's history and audit trail. */
const RESPONDENT = { sub: 'public:rate-my-review', role: 'public', capability: 'feedback.respond' } as const;

/** Per instance (see rate-limit.ts): a child needs two or three requests; a guesser needs 2^128. */
const perIp = new RateLimiter(60, 10 * 60_000);
const perToken = new RateLimiter(10, 10 * 60_000);

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;padding:1rem;background:#f3f2f1;color:#0b0c0c;font-size:1.125rem;line-height:1.4}
main{max-width:32rem;margin:0 auto;background:#fff;padding:1rem;border-radius:.5rem}
h1{font-size:1.6rem;margin:.2rem 0 1rem}
label{display:block;font-weight:600;margin-bottom:.4rem}
textarea{box-sizing:border-box;width:100%;min-height:5rem;font:inherit;padding:.5rem;border:2px solid #0b0c0c;border-radius:.25rem}
fieldset{border:0;padding:0;margin:1rem 0 0}
legend{font-weight:600;margin-bottom:.6rem}
button{display:flex;align-items:center;gap:.8rem;box-sizing:border-box;width:100%;min-height:4.5rem;margin:0 0 .8rem;padding:.6rem 1rem;font:inherit;font-size:1.4rem;font-weight:600;border:3px solid #0b0c0c;border-radius:.75rem;background:#fff;cursor:pointer}
button:focus,textarea:focus{outline:4px solid #fd0;outline-offset:0;box-shadow:inset 0 0 0 2px #0b0c0c}
.face{flex:none;width:3rem;height:3rem}
.good{background:#cce2d8}.ok{background:#fff7bf}.not_happy{background:#f4cdc6}
p.hint{color:#505a5f;font-size:1rem}`;
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');
/** No script at all; the one inline style by its hash; the form posts only to this same address. */
const CSP = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; img-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`;

/**
 * The faces are drawn, not emoji: a phone without an emoji font (or an older one) shows every face the same.
 * Presentation attributes only (no style attribute), so the strict policy holds.
 */
const MOUTHS = {
  good: 'M14 27 Q24 36 34 27',
  ok: 'M15 30 H33',
  not_happy: 'M14 33 Q24 24 34 33',
} as const;
const face = (value: keyof typeof MOUTHS) => `<svg class="face" viewBox="0 0 48 48" width="48" height="48" aria-hidden="true" focusable="false">`
  + `<circle cx="24" cy="24" r="21" fill="#fff" stroke="#0b0c0c" stroke-width="3"/>`
  + `<circle cx="17" cy="19" r="3" fill="#0b0c0c"/><circle cx="31" cy="19" r="3" fill="#0b0c0c"/>`
  + `<path d="${MOUTHS[value]}" fill="none" stroke="#0b0c0c" stroke-width="3" stroke-linecap="round"/></svg>`;

const FACES = [
  { value: 'good', label: 'Good' },
  { value: 'ok', label: 'OK' },
  { value: 'not_happy', label: 'Not happy' },
] as const;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${title}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

const cardPage = () => page('Rate My Review', `<h1>How was your review?</h1>
<form method="post">
<label for="comment">Anything you want to tell your IRO? <span class="hint">(you can leave this empty)</span></label>
<textarea id="comment" name="comment" maxlength="500"></textarea>
<fieldset><legend>Press the face that shows how you feel</legend>
${FACES.map((f) => `<button type="submit" name="answer" value="${f.value}" class="${f.value}">${face(f.value)}${f.label}</button>`).join('\n')}
</fieldset></form>`);

const MESSAGES = {
  thanks: [200, 'Thank you', '<h1>Thank you</h1><p>Your IRO will read what you said.</p><p>You can close this page now.</p>'],
  used: [410, 'Already sent', '<h1>This card has already been sent</h1><p>Thank you, we already have your answer. Each link works once.</p><p>If you want to say something else, ask your IRO.</p>'],
  expired: [410, 'Link out of date', '<h1>This link is out of date</h1><p>Links work for 30 days after a review. Ask your IRO for a new one.</p>'],
  unknown: [404, 'Link not found', '<h1>We could not find this link</h1><p>Check that you typed it exactly, or ask your IRO for a new one.</p>'],
  invalid: [400, 'Please try again', '<h1>Please try again</h1><p>Press one of the three faces. A comment can be up to 500 letters.</p>'],
  slow: [429, 'Please wait', '<h1>Please wait a few minutes</h1><p>There have been too many tries from here. Try again later.</p>'],
} as const;

function answer(c: Context<AppEnv>, kind: keyof typeof MESSAGES, extraHeaders: Record<string, string> = {}) {
  const [status, title, body] = MESSAGES[kind];
  return c.html(page(title, body), status, { 'content-security-policy': CSP, 'cache-control': 'no-store', ...extraHeaders });
}

/** The client's address as API Gateway saw it (the last X-Forwarded-For entry; earlier ones are the client's own claim). */
function clientAddress(c: Context<AppEnv>): string {
  return c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim() || 'direct';
}

const today = () => new Date().toISOString().slice(0, 10);

type Found =
  | { kind: 'unknown' | 'used' | 'expired' | 'slow'; retryAfter?: number }
  | { kind: 'open'; scope: TenantScope; secret: string; linkId: string; link: PracticeRecord<FeedbackLink> };

/** Rate limits, then the link the token names, from the LA the token names (tokens of unregistered LAs find nothing). */
async function findLink(c: Context<AppEnv>, token: string): Promise<{ found: Found; data?: DataSession }> {
  const wait = Math.max(perIp.take(clientAddress(c)), perToken.take(token));
  if (wait > 0) return { found: { kind: 'slow', retryAfter: wait } };
  const parsed = parsePublicToken(token);
  if (!parsed || !(await c.var.tenants.isRegistered(parsed.scope.la))) return { found: { kind: 'unknown' } };
  const data = c.var.deps.data.session(RESPONDENT);
  const link = await getRecord(data.for(parsed.scope), practiceCollections.feedbackLinks, parsed.linkId);
  if (!link) return { found: { kind: 'unknown' }, data };
  if (link.fields.used !== null) return { found: { kind: 'used' }, data };
  if (today() > link.fields.expires) return { found: { kind: 'expired' }, data };
  return { found: { kind: 'open', ...parsed, link }, data };
}

/** The domain's refusals of a redemption, as pages (a token mismatch cannot happen after the lookup by its hash). */
const REFUSALS: Partial<Record<string, keyof typeof MESSAGES>> = { link_used: 'used', link_expired: 'expired' };

function refusal(c: Context<AppEnv>, found: Exclude<Found, { kind: 'open' }>) {
  return answer(c, found.kind, found.retryAfter ? { 'retry-after': String(found.retryAfter) } : {});
}

const html = (description: string) => ({ description, content: { 'text/html': { schema: z.string() } } });
const responses = {
  404: html('no such link'), 410: html('the link was already used or has expired'), 429: html('too many tries from this address or for this link'),
};
const PUBLIC_REASON = 'a child answers the Rate My Review card from a one-time link, without an account; the 128-bit token is the credential';

const showCard = definePublicRoute(PUBLIC_REASON, {
  method: 'get', path: '/rate/{token}', tags: ['Rate My Review'], summary: 'The Rate My Review card (HTML)',
  request: { params: RateParam },
  responses: { 200: html('the card: three faces and an optional comment'), ...responses },
});

const sendCard = definePublicRoute(PUBLIC_REASON, {
  method: 'post', path: '/rate/{token}', tags: ['Rate My Review'], summary: 'Send the card once (an HTML form post: answer = good | ok | not_happy, comment optional)',
  request: { params: RateParam },
  responses: { 200: html('thanks'), 400: html('no face chosen or the comment is too long'), ...responses },
});

export const rateRoutes = createOpenApiApp()
  .openapi(showCard, async (c) => {
    const { found, data } = await findLink(c, c.req.valid('param').token);
    await data?.flush();
    return found.kind === 'open' ? c.html(cardPage(), 200, { 'content-security-policy': CSP, 'cache-control': 'no-store' }) : refusal(c, found);
  })
  .openapi(sendCard, async (c) => {
    const { found, data } = await findLink(c, c.req.valid('param').token);
    try {
      if (found.kind !== 'open') return refusal(c, found);
      const form = RateForm.safeParse(await c.req.parseBody().catch(() => ({})));
      if (!form.success) return answer(c, 'invalid');
      const redeemed = redeemFeedbackLink(found.link.fields, found.secret, today(), form.data, linkCardId(found.linkId));
      if (!redeemed.ok) return answer(c, REFUSALS[redeemed.refusal.rule] ?? 'unknown');
      const table = data!.for(found.scope);
      // The card's id comes from the link, so of two concurrent submissions exactly one creates it.
      try {
        await createRecord(table, practiceCollections.feedbackCards, redeemed.value.card.id, redeemed.value.card);
      } catch (error) {
        if (error instanceof StaleRevision) return answer(c, 'used');
        throw error;
      }
      await updateRecord(table, practiceCollections.feedbackLinks, found.linkId, found.link.rev, { used: redeemed.value.link.used });
      return answer(c, 'thanks');
    } finally {
      await data?.flush();
    }
  });
