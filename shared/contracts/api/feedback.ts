import * as z from 'zod';
import { IsoDate } from './common.ts';

const RecordId = z.string().min(1).max(64).regex(/^[\w-]+$/, 'letters, digits, - and _');

export const ReviewParam = z.object({ review: RecordId.meta({ param: { name: 'review', in: 'path' }, description: 'the id of a review chaired in the platform', example: 'rv-2025-001' }) });

export const FeedbackLinkIssued = z.object({
  url: z.string().meta({ description: 'the one-time link to give the child; shown once, never stored' }),
  expires: IsoDate.meta({ description: 'the last day the link works' }),
  qrSvg: z.string().meta({ description: 'the link as a QR code, an SVG document' }),
}).meta({ id: 'FeedbackLinkIssued' });

const Answer = z.enum(['good', 'ok', 'not_happy']);
const Comment = z.string().trim().min(1).max(500).nullable();

export const PaperCardBody = z.strictObject({
  review: RecordId,
  received: IsoDate,
  answer: Answer,
  comment: Comment.default(null),
}).meta({ id: 'PaperCardBody' });

export const FeedbackCard = z.object({
  id: z.string(),
  review: z.string(),
  child: z.string(),
  iro: z.string(),
  answer: Answer,
  comment: z.string().nullable(),
  received: IsoDate,
  source: z.enum(['link', 'paper']),
  followedUp: IsoDate.nullable(),
  needsFollowUp: z.boolean().meta({ description: 'a not-happy card, or one with a comment, stays on the IRO worklist until followed up' }),
}).meta({ id: 'FeedbackCard' });

export const RateParam = z.object({ token: z.string().meta({ param: { name: 'token', in: 'path' }, description: 'the one-time token from the link' }) });

/** The card's form (no JavaScript: a plain HTML form post). */
export const RateForm = z.object({
  answer: Answer,
  comment: z.string().max(500).optional().transform((c) => (c && c.trim() !== '' ? c.trim() : null)),
});
