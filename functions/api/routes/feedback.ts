import { randomBytes, randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import { renderSVG } from 'uqr';
import { FeedbackCard, FeedbackLinkIssued, PaperCardBody, ReviewParam } from '../../../shared/contracts/api/feedback.ts';
import { practiceCollections } from '../../../shared/data/repositories/practice-collections.ts';
import { createRecord, getRecord, updateRecord } from '../../../shared/data/repositories/records.ts';
import type { ScopedTable } from '../../../shared/data/scoped-table.ts';
import type { TenantScope } from '../../../shared/data/scopes.ts';
import { followUpCard, issueFeedbackLink, needsFollowUp, paperCard } from '../../../shared/domain/practice/feedback.ts';
import type { FeedbackCard as Card } from '../../../shared/domain/practice/records.ts';
import { createOpenApiApp, defineRoute, json, problems } from '../openapi.ts';
import { ApiError } from '../problems.ts';
import { publicToken } from './feedback-token.ts';
import { accepted, atRevision, parseBody } from './practice-support.ts';

/** Rate My Review (IRO-PRACTICE.md §5), the staff side: a one-time link for the child, and paper cards. */

/** 128 random bits: the whole of the link's security (feedback-token.ts). */
const TOKEN_BYTES = 16;

async function reviewOf(table: ScopedTable<TenantScope>, id: string, field: string) {
  const review = await getRecord(table, practiceCollections.reviews, id);
  if (!review) throw new ApiError('not_found', `there is no review ${id} in your LA`, { errors: [{ field, message: 'no such review' }] });
  return review.fields;
}

const withFollowUp = (card: Card) => ({ ...card, needsFollowUp: needsFollowUp(card) });

const issueLink = defineRoute('feedback.issue', {
  method: 'post', path: '/reviews/{review}/feedback-link', tags: ['Rate My Review'], summary: 'A one-time Rate My Review link and its QR code',
  description: 'A link for the child to rate the review, valid for 30 days and usable once. The link is answered once and never stored (only its hash is)',
  request: { params: ReviewParam },
  responses: { 201: json(FeedbackLinkIssued, 'the link, its last day and its QR code'), ...problems('not_found') },
});

const enterPaperCard = defineRoute('feedback.record', {
  method: 'post', path: '/feedback-cards', tags: ['Rate My Review'], summary: 'Enter a paper Rate My Review card',
  request: { body: { content: { 'application/json': { schema: PaperCardBody } }, required: true } },
  responses: { 201: json(FeedbackCard, 'the card as stored'), ...problems('not_found') },
});

/** Issues a review's one-time link (only its hash is stored): the link for the child, its last day and its QR code. */
export async function issueReviewLink(table: ScopedTable<TenantScope>, reviewId: string, origin: string) {
  const review = await reviewOf(table, reviewId, 'review');
  const { token, link } = issueFeedbackLink(review, new Date().toISOString().slice(0, 10), randomBytes(TOKEN_BYTES));
  await createRecord(table, practiceCollections.feedbackLinks, link.tokenHash, link);
  const url = `${origin}/rate/${publicToken(table.scope.la, token)}`;
  return { url, expires: link.expires, qrSvg: renderSVG(url) };
}

/** Stores a paper card for a review; a date the domain refuses (before the review) is 400 naming the field. */
export async function recordPaperCard(table: ScopedTable<TenantScope>, body: { review: string; received: string; answer: Card['answer']; comment: string | null }) {
  const review = await reviewOf(table, body.review, 'review');
  const card = paperCard(review, body.received, { answer: body.answer, comment: body.comment }, `pc-${randomUUID()}`);
  if (!card.ok) throw new ApiError('invalid_request', card.refusal.message, { errors: [{ field: card.refusal.field, message: card.refusal.message }] });
  return (await createRecord(table, practiceCollections.feedbackCards, card.value.id, card.value)).fields;
}

/**
 * Marks a card followed up (it leaves the worklist), on the revision the caller read: stale is 409 `conflict`,
 * a second follow-up or a date before the card arrived is 409 `illegal_transition`; nothing changes.
 */
export async function followUpFeedbackCard(table: ScopedTable<TenantScope>, id: string, rev: string, input: unknown) {
  const { date } = parseBody(z.object({ date: z.iso.date() }), input);
  const card = await atRevision(table, practiceCollections.feedbackCards, id, rev);
  return updateRecord(table, practiceCollections.feedbackCards, id, card.rev, accepted(followUpCard(card.fields, date)));
}

export const feedbackRoutes = createOpenApiApp()
  .openapi(issueLink, async (c) => {
    const issued = await issueReviewLink(c.var.data, c.req.valid('param').review, new URL(c.req.url).origin);
    return c.json(issued, 201, { 'cache-control': 'no-store' });
  })
  .openapi(enterPaperCard, async (c) => c.json(withFollowUp(await recordPaperCard(c.var.data, c.req.valid('json'))), 201));
