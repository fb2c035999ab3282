/** Reviews table: valid dates and codes (166, 167), PN0 exactly under 4 (440, 441), a review inside care (ours). */
import { ageOn, ukDate } from '../dates.ts';
import { checkCode, checkDate } from './checks.ts';
import { childLabel, type Context } from './context.ts';

export function checkReviews(ctx: Context): void {
  const view = ctx.views.get('Reviews');
  if (!view) return;
  // Without usable episode dates (a missing column, already reported) "outside care" would flag every review.
  const ev = ctx.views.get('Episodes');
  const haveEpisodes = ev !== undefined && ev.has('DECOM') && ev.has('DEC');
  for (const r of ctx.reviews) {
    const { i, child } = r;
    checkDate(ctx, view, i, 'REVIEW', child, r.reviewRaw, r.review, '166');
    checkCode(ctx, view, i, 'REVIEW_CODE', child, r.reviewCode, ctx.codes.reviewCode, '167');
    checkDate(ctx, view, i, 'DOB', child, r.dobRaw, r.dob, 'INVALID_DATE');
    if (r.review === null) continue;
    const dob = (child === null ? undefined : ctx.headerByChild.get(child)?.dob) ?? r.dob;
    if (dob && r.review >= dob && r.reviewCode !== null) {
      const age = ageOn(dob, r.review);
      if (r.reviewCode === 'PN0' && age >= 4) {
        ctx.out.add('440', view, i, 'REVIEW_CODE',
          `${childLabel(child)}: REVIEW_CODE PN0 (under 4) but the child was ${age} on the review date ${ukDate(r.review)}.`);
      } else if (r.reviewCode !== 'PN0' && ctx.codes.reviewCode.has(r.reviewCode) && age < 4) {
        ctx.out.add('441', view, i, 'REVIEW_CODE',
          `${childLabel(child)}: REVIEW_CODE ${r.reviewCode} but the child was under 4 on the review date ${ukDate(r.review)}; use PN0.`);
      }
    }
    if (r.review > ctx.year.end) {
      ctx.out.add('REVIEW_AFTER_YEAR_END', view, i, 'REVIEW',
        `${childLabel(child)}: REVIEW ${ukDate(r.review)} is after the end of the collection year (${ukDate(ctx.year.end)}).`);
    }
    // A review is held while the child is looked after; a review on the DEC day still belongs to that period.
    if (haveEpisodes && child !== null) {
      const eps = ctx.episodesByChild.get(child) ?? [];
      const inside = eps.some((e) => e.decom! <= r.review! && (e.dec === null || r.review! <= e.dec));
      if (!inside) {
        ctx.out.add('REVIEW_OUTSIDE_CARE', view, i, 'REVIEW',
          `${childLabel(child)}: the review on ${ukDate(r.review)} is outside every period of care of the child in Episodes.`);
      }
    }
  }
}
