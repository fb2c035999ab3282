/** Temporary placements T0–T4 (queries 375–383): short by nature, never the start or end of a period. */
import { addDays, daysBetween, ukDate } from '../dates.ts';
import { TEMPORARY_PLACES } from './codes.ts';
import { childLabel, effectiveEnd, shown, periodsOf, type Context, type EpisodeRow, type TableView } from './context.ts';

/** Longest stay the DfE expects in each temporary placement type, in days. */
const MAX_DAYS: ReadonlyMap<string, { code: string; days: number; what: string }> = new Map([
  ['T1', { code: '375', days: 42, what: 'a temporary stay in hospital (T1) is expected to last at most 6 weeks' }],
  ['T3', { code: '376', days: 21, what: "a carers' holiday placement (T3) is expected to last at most 3 weeks" }],
  ['T4', { code: '379', days: 7, what: 'an other temporary placement (T4) is expected to last at most 7 days' }],
]);

export function checkTemporary(ctx: Context): void {
  const view = ctx.views.get('Episodes');
  if (!view) return;
  for (const [child, eps] of ctx.episodesByChild) {
    for (const e of eps) checkTemporaryEntry(ctx, view, child, e);
    for (const period of periodsOf(eps)) checkPeriod(ctx, view, child, period);
    checkDurations(ctx, view, child, eps);
  }
}

function isTemp(e: EpisodeRow): boolean {
  return e.place !== null && TEMPORARY_PLACES.has(e.place);
}

/**
 * 380: a temporary placement is entered only by a placement move within a period (RNE P, or B with a change of
 * legal status), never by the RNE S that starts a period. The child's first row in the file is not the start of
 * a period unless its RNE says so.
 */
function checkTemporaryEntry(ctx: Context, view: TableView, child: string, e: EpisodeRow): void {
  if (!isTemp(e) || e.rne === null || TEMPORARY_ENTRY_RNE.has(e.rne)) return;
  ctx.out.add('380', view, e.i, 'RNE',
    `${childLabel(child)}: the temporary placement ${e.place} from ${ukDate(e.decom!)} has RNE ${e.rne}; ${e.rne === 'S' ? 'a period of care cannot start with a temporary placement' : 'a temporary placement is a placement move (RNE P or B)'}.`);
}

const TEMPORARY_ENTRY_RNE = new Set(['P', 'B']);

function checkPeriod(ctx: Context, view: TableView, child: string, period: EpisodeRow[]): void {
  const last = period[period.length - 1]!;
  if (isTemp(last) && last.rec !== null && last.rec !== 'X1') {
    ctx.out.add('381', view, last.i, 'PLACE',
      `${childLabel(child)}: the period of care ends (${ukDate(last.dec ?? last.decom!)}, REC ${last.rec}) in a temporary placement (${last.place}).`);
  }
  // 383: after a run of temporary placements the child returns (RNE P) to the placement the run interrupted, and
  // from 2025-26 to the same placement postcode. Reported on the return, as the DfE does. The DfE compares only
  // with the episode two before; a run of temporary placements is walked back to the placement it interrupted.
  const samePostcode = ctx.year.yearEnding >= 2026;
  for (let k = 1; k < period.length - 1; k++) {
    const e = period[k]!;
    const next = period[k + 1]!;
    if (!isTemp(e) || isTemp(next)) continue;
    let j = k - 1;
    while (j >= 0 && isTemp(period[j]!)) j--;
    const before = period[j];
    if (!before) continue;
    const wrong = next.rne !== 'P' ? `RNE is ${shown(next.rne)}, not P`
      : before.place !== next.place ? `the placement is ${shown(next.place)}, not back to ${shown(before.place)}`
        : samePostcode && before.plPost !== next.plPost ? `PL_POST is ${shown(next.plPost)}, not back to ${shown(before.plPost)}` : null;
    if (wrong) {
      ctx.out.add('383', view, next.i, next.rne !== 'P' ? 'RNE' : next.place !== before.place ? 'PLACE' : 'PL_POST',
        `${childLabel(child)}: after the temporary placement ${e.place} the child should return to the placement it interrupted, but on ${ukDate(next.decom!)} ${wrong}.`);
    }
  }
}

function checkDurations(ctx: Context, view: TableView, child: string, eps: EpisodeRow[]): void {
  const t3Starts: string[] = [];
  for (const e of eps) {
    const rule = e.place === null ? undefined : MAX_DAYS.get(e.place);
    if (rule) {
      const days = daysBetween(e.decom!, effectiveEnd(e, ctx.year));
      if (days > rule.days) {
        ctx.out.add(rule.code, view, e.i, e.dec === null ? 'DECOM' : 'DEC',
          `${childLabel(child)}: ${rule.what}, but this one from ${ukDate(e.decom!)} lasted ${days} days${e.dec === null ? ' and is still open' : ''}.`);
      }
    }
    if (e.place === 'T3') {
      // 377: more than two carers' holiday placements within 12 months.
      const from = addDays(e.decom!, -364);
      const within = t3Starts.filter((d) => d >= from).length + 1;
      if (within > 2) {
        ctx.out.add('377', view, e.i, 'PLACE',
          `${childLabel(child)}: this is the ${within === 3 ? 'third' : `${within}th`} carers' holiday placement (T3) within 12 months (to ${ukDate(e.decom!)}); at most two are expected.`);
      }
      t3Starts.push(e.decom!);
    }
  }
}
