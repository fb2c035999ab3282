/** Short breaks (LS V3/V4, queries 365–426 and 399): respite, not care in the usual sense. */
import { daysBetween, ukDate } from '../dates.ts';
import { SHORT_BREAK_LS, TEMPORARY_PLACES } from './codes.ts';
import { childLabel, continues, effectiveEnd, type Context, type EpisodeRow } from './context.ts';

const LONG_TERM_FOSTER = new Set(['U1', 'U4']);

export function checkShortBreaks(ctx: Context): void {
  const view = ctx.views.get('Episodes');
  if (!view) return;
  const { year } = ctx;
  for (const [child, eps] of ctx.episodesByChild) {
    let v3Days = 0;
    let lastV3: EpisodeRow | undefined;
    let firstV3: EpisodeRow | undefined;
    let firstV4: EpisodeRow | undefined;
    for (let k = 0; k < eps.length; k++) {
      const e = eps[k]!;
      if (e.ls === null || !SHORT_BREAK_LS.has(e.ls)) continue;
      const end = effectiveEnd(e, year);
      const inYear = e.decom! <= year.end && end >= year.start;
      if (e.ls === 'V3') {
        const days = daysBetween(e.decom!, end);
        if (days > 17) {
          ctx.out.add('365', view, e.i, e.dec === null ? 'DECOM' : 'DEC',
            `${childLabel(child)}: a single short break (V3) lasted ${days} days from ${ukDate(e.decom!)}; the maximum is 17.`);
        }
        const prev = eps[k - 1];
        if (prev && prev.ls === 'V3' && continues(prev, e) && e.rne !== null && 'PTUB'.includes(e.rne)) {
          ctx.out.add('366', view, e.i, 'RNE',
            `${childLabel(child)}: the placement changed (RNE ${e.rne}) on ${ukDate(e.decom!)} within a short break (V3).`);
        }
        if (inYear) {
          const from = e.decom! > year.start ? e.decom! : year.start;
          const to = end < year.end ? end : year.end;
          v3Days += Math.max(0, daysBetween(from, to));
          lastV3 = e;
          firstV3 ??= e;
        }
      } else if (inYear) {
        firstV4 ??= e;
      }
      if (e.place !== null && TEMPORARY_PLACES.has(e.place)) {
        ctx.out.add('382', view, e.i, 'PLACE', `${childLabel(child)}: a short break (${e.ls}) is recorded in a temporary placement (${e.place}).`);
      }
      if (e.place !== null && LONG_TERM_FOSTER.has(e.place)) {
        ctx.out.add('384', view, e.i, 'PLACE', `${childLabel(child)}: a short break (${e.ls}) is recorded in a long-term foster placement (${e.place}).`);
      }
    }
    if (v3Days > 75 && lastV3) {
      ctx.out.add('367', view, lastV3.i, 'LS', `${childLabel(child)}: short breaks (V3) add up to ${v3Days} days in the collection year; the maximum is 75.`);
    }
    if (firstV3 && firstV4) {
      const later = firstV3.decom! > firstV4.decom! ? firstV3 : firstV4;
      ctx.out.add('426', view, later.i, 'LS', `${childLabel(child)} has both V3 and V4 short breaks in the same collection year.`);
    }
  }
  checkOnlyShortBreaks(ctx);
}

/** 399: no MOTHER, reviews or participation codes for a child who is only in short breaks. */
function checkOnlyShortBreaks(ctx: Context): void {
  const hv = ctx.views.get('Header');
  const rv = ctx.views.get('Reviews');
  for (const [child, eps] of ctx.episodesByChild) {
    if (!eps.every((e) => e.ls !== null && SHORT_BREAK_LS.has(e.ls))) continue;
    const h = ctx.headerByChild.get(child);
    if (hv && h && h.mother !== null) {
      ctx.out.add('399', hv, h.i, 'MOTHER', `${childLabel(child)} is only in short breaks (V3/V4), so MOTHER should be blank (it is "${h.mother}").`);
    }
    for (const r of (rv && ctx.reviewsByChild.get(child)) || []) {
      ctx.out.add('399', rv!, r.i, 'REVIEW', `${childLabel(child)} is only in short breaks (V3/V4), so no review should be recorded (review ${r.reviewRaw ?? 'blank'}).`);
    }
  }
}
