/** Legal status: maximum lengths of emergency orders and PACE detention (361–364) and adoption placements (217, 336, 390, 408). */
import { daysBetween, ukDate } from '../dates.ts';
import { ADOPTION_PLACES, FOSTER_PLACES } from './codes.ts';
import { childLabel, continues, effectiveEnd, periodsOf, type Context, type EpisodeRow, type TableView } from './context.ts';

/** Longest each short-term order lasts in law, in days. */
const MAX_ORDER_DAYS: ReadonlyMap<string, { code: string; days: number; what: string }> = new Map([
  ['L1', { code: '361', days: 3, what: 'police protection (L1) lasts at most 72 hours' }],
  ['L2', { code: '362', days: 21, what: 'an emergency protection order (L2) lasts at most 21 days' }],
  ['L3', { code: '363', days: 7, what: 'a child assessment order (L3) lasts at most 7 days' }],
  ['J2', { code: '364', days: 21, what: 'detention under PACE in LA accommodation (J2) is expected to last at most 21 days' }],
]);

const PLACED_WITH_FOSTER_CARERS = new Set(['A3', 'A5']);
const WITH_PLACEMENT_ORDER = new Set(['A5', 'A6']);
const ADOPTED = new Set(['E11', 'E12']);

export function checkLegalStatus(ctx: Context): void {
  const view = ctx.views.get('Episodes');
  if (!view) return;
  for (const [child, eps] of ctx.episodesByChild) {
    checkOrderLengths(ctx, view, child, eps);
    for (const period of periodsOf(eps)) checkAdoption(ctx, view, child, period);
  }
}

/** A legal status runs across chained episodes (placement moves do not end it). */
function checkOrderLengths(ctx: Context, view: TableView, child: string, eps: EpisodeRow[]): void {
  let runStart = 0;
  for (let k = 0; k < eps.length; k++) {
    const e = eps[k]!;
    const next = eps[k + 1];
    if (next && next.ls === e.ls && continues(e, next)) continue;
    const rule = e.ls === null ? undefined : MAX_ORDER_DAYS.get(e.ls);
    if (rule) {
      const start = eps[runStart]!.decom!;
      const days = daysBetween(start, effectiveEnd(e, ctx.year));
      if (days > rule.days) {
        ctx.out.add(rule.code, view, e.i, 'LS',
          `${childLabel(child)}: ${rule.what}, but it ran ${days} days from ${ukDate(start)}${e.dec === null ? ' and is still open' : ''}.`);
      }
    }
    runStart = k + 1;
  }
}

function checkAdoption(ctx: Context, view: TableView, child: string, period: EpisodeRow[]): void {
  let placedForAdoption = false;
  for (let k = 0; k < period.length; k++) {
    const e = period[k]!;
    const prev = period[k - 1];
    const place = e.place ?? '';
    if (PLACED_WITH_FOSTER_CARERS.has(place)) {
      if (e.rne !== null && !['S', 'T', 'U'].includes(e.rne)) {
        ctx.out.add('217', view, e.i, 'RNE',
          `${childLabel(child)}: placed for adoption with current foster carers (${place}) on ${ukDate(e.decom!)} with RNE ${e.rne}; expected S, T or U (same carers).`);
      }
      const prevPlace = prev?.place ?? '';
      if (prev && !FOSTER_PLACES.has(prevPlace) && !PLACED_WITH_FOSTER_CARERS.has(prevPlace)) {
        ctx.out.add('336', view, e.i, 'PLACE',
          `${childLabel(child)}: placed for adoption with current foster carers (${place}) on ${ukDate(e.decom!)} but the placement before was ${prevPlace || 'blank'}, not foster care (U1–U6).`);
      }
    }
    if (WITH_PLACEMENT_ORDER.has(place) && e.ls !== 'E1' && e.ls !== 'D1') {
      ctx.out.add('408', view, e.i, 'LS',
        `${childLabel(child)}: placed for adoption with a placement order (${place}) but LS is ${e.ls ?? 'blank'}, not E1 (placement order) or D1.`);
    }
    if (ADOPTION_PLACES.has(place)) placedForAdoption = true;
    if (e.rec !== null && ADOPTED.has(e.rec) && !placedForAdoption) {
      ctx.out.add('390', view, e.i, 'REC',
        `${childLabel(child)}: REC ${e.rec} (adopted) on ${ukDate(e.dec ?? e.decom!)} but the child was never placed for adoption (A3–A6) in this period of care.`);
    }
  }
}
