/**
 * REASON_PLACE_CHANGE (225, 226, 233): it belongs on the episode that ends (REC X1) before a P/B/T/U move,
 * not on moves to or from temporary placements, and never on an open episode.
 */
import { ukDate } from '../dates.ts';
import { TEMPORARY_PLACES } from './codes.ts';
import { childLabel, continues, type Context } from './context.ts';

const MOVE_RNE = new Set(['P', 'B', 'T', 'U']);

export function checkPlaceChange(ctx: Context): void {
  const view = ctx.views.get('Episodes');
  if (!view) return;
  for (const [child, eps] of ctx.episodesByChild) {
    for (let k = 0; k < eps.length; k++) {
      const e = eps[k]!;
      const next = eps[k + 1];
      const moveNext = next !== undefined && continues(e, next) ? next : undefined;
      const tempHere = TEMPORARY_PLACES.has(e.place ?? '');
      const tempNext = TEMPORARY_PLACES.has(moveNext?.place ?? '');
      const temp = tempHere || tempNext;
      if (e.reasonPlaceChange !== null) {
        if (e.dec === null) {
          // 233 is a DfE rule from 2025-26.
          if (ctx.year.yearEnding >= 2026) {
            ctx.out.add('233', view, e.i, 'REASON_PLACE_CHANGE',
              `${childLabel(child)}: REASON_PLACE_CHANGE ${e.reasonPlaceChange} is on an open episode; it belongs on the episode that ends before a move.`);
          }
        } else if (temp) {
          // Reported on the temporary placement, as the DfE does, whichever of the two episodes carries the reason.
          const at = tempHere ? e : moveNext!;
          ctx.out.add('226', view, at.i, 'REASON_PLACE_CHANGE',
            `${childLabel(child)}: REASON_PLACE_CHANGE ${e.reasonPlaceChange} (on the episode ending ${ukDate(e.dec)}) is not needed for a move ${tempHere ? 'from' : 'to'} a temporary placement (T0–T4).`);
        }
      } else if (moveNext && moveNext.rne !== null && MOVE_RNE.has(moveNext.rne) && !temp) {
        ctx.out.add('225', view, e.i, 'REASON_PLACE_CHANGE',
          `${childLabel(child)}: the child moved placement on ${ukDate(e.dec!)} (next episode RNE ${moveNext.rne}) but REASON_PLACE_CHANGE is blank on the episode that ended.`);
      }
    }
  }
}
