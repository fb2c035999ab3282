import { randomBytes } from 'node:crypto';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../shared/data/audit.ts';
import { practiceCollections } from '../../shared/data/repositories/practice-collections.ts';
import { createRecord, getRecord, listRecords } from '../../shared/data/repositories/records.ts';
import { tenantScope } from '../../shared/data/scopes.ts';
import { addDays } from '../../shared/domain/calendar/dates.ts';
import { issueFeedbackLink, needsFollowUp } from '../../shared/domain/practice/feedback.ts';
import type { PracticeReview } from '../../shared/domain/practice/records.ts';
import { linkCardId, parsePublicToken } from '../../functions/api/routes/feedback-token.ts';
import { dataset, lookedAfterChildren } from '../helpers/records.ts';
import { usePlatform } from '../helpers/platform.ts';

/** Rate My Review over real HTTP on the real local platform: the link, the card, paper cards. */
const ctx = usePlatform();
const IRO = { role: 'iro', tenant: '886' } as const;
const MANAGER = { role: 'iro_manager', tenant: '886' } as const;
const REVIEW: PracticeReview = { id: 'rv-K001-1', child: 'K001', iro: 'i1', date: '2026-11-20', participation: 'PN1', spokeToChildBefore: true };
const today = () => new Date().toISOString().slice(0, 10);
const kent = () => ctx.platform.data.for(tenantScope('886'), { actor: systemActor('test-setup') });

const post = (path: string, claims: Parameters<typeof ctx.get>[1], body: unknown) =>
  ctx.get(path, claims, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const sendCard = (url: string, form: Record<string, string>) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
const cardsOfKent = async () => (await listRecords(kent(), practiceCollections.feedbackCards)).items;

async function issueLink(): Promise<{ url: string; expires: string; qrSvg: string }> {
  const res = await post(`/reviews/${REVIEW.id}/feedback-link`, IRO, {});
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json() as Promise<{ url: string; expires: string; qrSvg: string }>;
}

beforeAll(async () => {
  await ctx.seed('886', dataset(2026, lookedAfterChildren('K', 3)));
  await createRecord(kent(), practiceCollections.reviews, REVIEW.id, REVIEW);
});

describe('a Rate My Review link', () => {
  it('is issued once as a URL and a QR code: <la>.<128-bit secret>, only its hash stored', async () => {
    const { url, expires, qrSvg } = await issueLink();
    expect(url).toMatch(new RegExp(`^${ctx.platform.url}/rate/886\\.[A-Za-z0-9_-]{22}$`));
    expect(expires).toBe(addDays(today(), 30));
    expect(qrSvg).toMatch(/^<svg[\s\S]*<\/svg>$/);
    const token = url.split('/rate/')[1]!;
    const stored = await getRecord(kent(), practiceCollections.feedbackLinks, parsePublicToken(token)!.linkId);
    expect(stored!.fields).toMatchObject({ review: REVIEW.id, child: 'K001', used: null, expires });
    expect(JSON.stringify(stored)).not.toContain(token.slice(4));
  });

  it('shows a card a child can use at 320–360 px: three large faces in a form, a comment, no script, no child detail', async () => {
    const { url } = await issueLink();
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toMatch(/unsafe|script-src/);
    const html = await res.text();
    const { document } = parseHTML(html);
    expect(document.querySelector('meta[name=viewport]')!.getAttribute('content')).toBe('width=device-width, initial-scale=1');
    expect(document.querySelectorAll('script')).toHaveLength(0);
    const form = document.querySelector('form')!;
    expect(form.getAttribute('method')).toBe('post');
    const buttons = [...form.querySelectorAll('button[type=submit][name=answer]')].map((b) => [b.getAttribute('value'), b.textContent!.trim()]);
    expect(buttons).toEqual([['good', 'Good'], ['ok', 'OK'], ['not_happy', 'Not happy']]);
    // Each face is drawn (an emoji depends on the phone's fonts), hidden from screen readers: the word names the button.
    expect([...form.querySelectorAll('button svg[aria-hidden=true]')]).toHaveLength(3);
    expect(form.querySelector('textarea[name=comment]')!.getAttribute('maxlength')).toBe('500');
    expect(document.querySelector('label[for=comment]')).not.toBeNull();
    // Nothing wider than a 320 px screen: no fixed widths in px, buttons full width, the card at most 32rem.
    const css = document.querySelector('style')!.textContent!;
    expect(css).not.toMatch(/width:\s*\d{3,}px/);
    expect(css).toMatch(/button\{[^}]*width:100%[^}]*min-height:4\.5rem/);
    expect(css).toContain('main{max-width:32rem');
    // No child id, name, IRO or date of the review on the page.
    for (const detail of ['K001', REVIEW.id, 'i1', REVIEW.date]) expect(html).not.toContain(detail);
  });

  it('records the card once: thanks, then a friendly 410 and nothing changed; a not-happy card needs follow-up', async () => {
    const { url } = await issueLink();
    const linkId = parsePublicToken(url.split('/rate/')[1]!)!.linkId;
    const first = await sendCard(url, { answer: 'not_happy', comment: '  I did not get to say what I wanted  ' });
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('Thank you');
    const card = await getRecord(kent(), practiceCollections.feedbackCards, linkCardId(linkId));
    expect(card!.fields).toMatchObject({ review: REVIEW.id, child: 'K001', iro: 'i1', answer: 'not_happy', comment: 'I did not get to say what I wanted', source: 'link', received: today(), followedUp: null });
    expect(needsFollowUp(card!.fields)).toBe(true);
    expect((await getRecord(kent(), practiceCollections.feedbackLinks, linkId))!.fields.used).toBe(today());

    const cardsBefore = (await cardsOfKent()).length;
    const second = await sendCard(url, { answer: 'good' });
    expect(second.status).toBe(410);
    expect(await second.text()).toContain('already been sent');
    expect((await fetch(url)).status).toBe(410);
    expect((await cardsOfKent()).length).toBe(cardsBefore);
    const after = await getRecord(kent(), practiceCollections.feedbackCards, linkCardId(linkId));
    expect(after!.rev).toBe(1);
    expect(after!.fields.answer).toBe('not_happy');
  });

  it('refuses an expired link (410) and writes nothing', async () => {
    // Issued 31 days ago: the last day it worked was yesterday.
    const { token, link } = issueFeedbackLink(REVIEW, addDays(today(), -31), randomBytes(16));
    await createRecord(kent(), practiceCollections.feedbackLinks, link.tokenHash, link);
    const url = `${ctx.platform.url}/rate/886.${token}`;
    const shown = await fetch(url);
    expect(shown.status).toBe(410);
    expect(await shown.text()).toContain('out of date');
    const cardsBefore = (await cardsOfKent()).length;
    expect((await sendCard(url, { answer: 'good' })).status).toBe(410);
    expect((await cardsOfKent()).length).toBe(cardsBefore);
    expect((await getRecord(kent(), practiceCollections.feedbackLinks, link.tokenHash))!.fields.used).toBeNull();
  });

  it('finds nothing for a guessed, malformed, unregistered-LA or other-LA token (404, friendly page)', async () => {
    const { url } = await issueLink();
    const secret = url.split('/rate/886.')[1]!;
    const cardsBefore = (await cardsOfKent()).length;
    for (const token of [`886.${randomBytes(16).toString('base64url')}`, 'not-a-token', `999.${secret}`, `887.${secret}`, `886.${secret.slice(0, -1)}`]) {
      const res = await fetch(`${ctx.platform.url}/rate/${token}`);
      expect(res.status, token).toBe(404);
      expect(await res.text()).toContain('could not find this link');
      expect((await sendCard(`${ctx.platform.url}/rate/${token}`, { answer: 'good' })).status, token).toBe(404);
    }
    expect((await cardsOfKent()).length).toBe(cardsBefore);
    // The real link still works afterwards.
    expect((await fetch(url)).status).toBe(200);
  });

  it('asks again, changing nothing, when no face is chosen or the comment is too long', async () => {
    const { url } = await issueLink();
    const linkId = parsePublicToken(url.split('/rate/')[1]!)!.linkId;
    const forms: Record<string, string>[] = [{ answer: 'great' }, {}, { answer: 'ok', comment: 'x'.repeat(501) }];
    for (const form of forms) {
      const res = await sendCard(url, form);
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('Please try again');
    }
    expect((await getRecord(kent(), practiceCollections.feedbackLinks, linkId))!.fields.used).toBeNull();
    expect(await getRecord(kent(), practiceCollections.feedbackCards, linkCardId(linkId))).toBeUndefined();
  });

  it('is rate-limited per token (in memory, per instance): the 11th try in 10 minutes gets 429 with Retry-After', async () => {
    const token = `886.${randomBytes(16).toString('base64url')}`;
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await fetch(`${ctx.platform.url}/rate/${token}`)).status);
    expect(statuses).toEqual([...Array(10).fill(404), 429]);
    const limited = await fetch(`${ctx.platform.url}/rate/${token}`);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('is issued only for a review of the caller’s own LA, by an IRO or IRO manager', async () => {
    expect((await post(`/reviews/${REVIEW.id}/feedback-link`, { role: 'iro', tenant: '887' }, {})).status).toBe(404);
    expect((await post(`/reviews/${REVIEW.id}/feedback-link`, { role: 'regional_chair', region: 'South East' }, {})).status).toBe(403);
    expect((await post('/reviews/no-such-review/feedback-link', IRO, {})).status).toBe(404);
  });
});

describe('a paper card', () => {
  it('is entered by an IRO manager; a not-happy card needs follow-up', async () => {
    const res = await post('/feedback-cards', MANAGER, { review: REVIEW.id, received: today(), answer: 'not_happy' });
    expect(res.status, await res.clone().text()).toBe(201);
    const card = await res.json() as { id: string; needsFollowUp: boolean; source: string; comment: null };
    expect(card).toMatchObject({ source: 'paper', comment: null, needsFollowUp: true });
    expect((await getRecord(kent(), practiceCollections.feedbackCards, card.id))!.fields.answer).toBe('not_happy');
    const good = await (await post('/feedback-cards', MANAGER, { review: REVIEW.id, received: today(), answer: 'good' })).json() as { needsFollowUp: boolean };
    expect(good.needsFollowUp).toBe(false);
  });

  it('refuses bad input with a 400 naming the field, and changes nothing', async () => {
    const before = (await cardsOfKent()).length;
    const cases: [unknown, string][] = [
      [{ review: REVIEW.id, received: today(), answer: 'great' }, 'answer'],
      [{ review: REVIEW.id, received: '2026-11-19', answer: 'ok' }, 'received'],
      [{ review: REVIEW.id, received: today(), answer: 'ok', comment: 'x'.repeat(501) }, 'comment'],
    ];
    for (const [body, field] of cases) {
      const res = await post('/feedback-cards', MANAGER, body);
      expect(res.status).toBe(400);
      const problem = await res.json() as { errors: { field: string }[] };
      expect(problem.errors.map((e) => e.field)).toContain(field);
    }
    expect((await post('/feedback-cards', MANAGER, { review: 'no-such-review', received: today(), answer: 'ok' })).status).toBe(404);
    expect((await post('/feedback-cards', IRO, { review: REVIEW.id, received: today(), answer: 'ok' })).status).toBe(403);
    expect((await cardsOfKent()).length).toBe(before);
  });
});
