/**
 * Rate My Review (IRO-PRACTICE.md §5): after each review the child gets a one-time link (a random token of at
 * least 128 bits; only its SHA-256 is stored), valid for 30 days by default and usable once. The caller
 * supplies the random bytes (crypto.getRandomValues), so this stays pure and testable.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { addDays } from '../calendar/dates.ts';
import type { IsoDate } from '../ssda903/records.ts';
import { accept, refuse, type Outcome } from './outcome.ts';
import type { FeedbackAnswer, FeedbackCard, FeedbackLink, PracticeReview } from './records.ts';

export const FEEDBACK_LINK_DAYS = 30;
const MIN_TOKEN_BYTES = 16;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A link for `review`: the token (to put in the URL / QR code, once) and the record to store. */
export function issueFeedbackLink(
  review: PracticeReview, issued: IsoDate, randomBytes: Uint8Array, days = FEEDBACK_LINK_DAYS,
): { token: string; link: FeedbackLink } {
  if (randomBytes.length < MIN_TOKEN_BYTES) throw new RangeError(`a feedback token needs at least ${MIN_TOKEN_BYTES} random bytes`);
  const token = Buffer.from(randomBytes).toString('base64url');
  return {
    token,
    link: { review: review.id, child: review.child, iro: review.iro, tokenHash: hashToken(token), issued, expires: addDays(issued, days), used: null },
  };
}

/** Redeems a link once: the answered card and the link marked used, or a refusal (wrong token, used, expired). */
export function redeemFeedbackLink(
  link: FeedbackLink, token: string, date: IsoDate, answer: { answer: FeedbackAnswer; comment: string | null }, cardId: string,
): Outcome<{ link: FeedbackLink; card: FeedbackCard }> {
  const given = Buffer.from(hashToken(token), 'hex');
  if (!timingSafeEqual(given, Buffer.from(link.tokenHash, 'hex'))) return refuse('token_mismatch', 'token', 'this link is not valid');
  if (link.used !== null) return refuse('link_used', 'token', `this link was already used on ${link.used}`);
  if (date > link.expires) return refuse('link_expired', 'token', `this link expired on ${link.expires}`);
  return accept({
    link: { ...link, used: date },
    card: { id: cardId, review: link.review, child: link.child, iro: link.iro, ...answer, received: date, source: 'link', followedUp: null },
  });
}

/** A paper card entered by staff for a review. */
export function paperCard(
  review: PracticeReview, received: IsoDate, answer: { answer: FeedbackAnswer; comment: string | null }, cardId: string,
): Outcome<FeedbackCard> {
  if (received < review.date) return refuse('date_before_review', 'received', `the card cannot be received before the review on ${review.date}`);
  return accept({ id: cardId, review: review.id, child: review.child, iro: review.iro, ...answer, received, source: 'paper', followedUp: null });
}

/** A not-happy card, or any card with a comment, goes on the IRO's worklist until followed up. */
export function needsFollowUp(card: FeedbackCard): boolean {
  return card.followedUp === null && (card.answer === 'not_happy' || card.comment !== null);
}

export function followUpCard(card: FeedbackCard, date: IsoDate): Outcome<FeedbackCard> {
  if (card.followedUp !== null) return refuse('already_followed_up', 'followedUp', `the card was followed up on ${card.followedUp}`);
  if (date < card.received) return refuse('date_before_previous', 'date', `the follow-up is before the card arrived on ${card.received}`);
  return accept({ ...card, followedUp: date });
}
