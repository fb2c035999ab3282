/**
 * SWEpisodes (each child's social workers, from 2023-24): items complete (SW01a/b, SW02, SW13), real dates in the
 * reporting period (SW04–SW07, SW09), one episode after another (SW08, SW10, SW11b, SW17), and care starts and ends
 * in Episodes covered by a social worker episode (SW12).
 */
import { addDays, addYears, parseUkDate, ukDate } from '../../dates.ts';
import type { IsoDate } from '../../records.ts';
import { checkDate } from '../checks.ts';
import { shown, type Context, type TableView } from '../context.ts';
import { SW_FOSTER_CONTACT, SW_REASONS, SW_REASON_FROM } from './codes.ts';
import { report } from './common.ts';
import { appliesIn } from './registry.ts';

interface SwEpisode {
  i: number;
  decom: IsoDate;
  dec: IsoDate | null;
  reason: string | null;
}

/** Days either side of the previous SW_DEC a new episode may start (DfE SW10). */
const OVERLAP_TOLERANCE_DAYS = 7;
/** SW11b looks at episodes ending this many days before 31 March or later. */
const YEAR_END_WINDOW_DAYS = 5;

export function checkSwEpisodes(ctx: Context): void {
  const view = ctx.views.get('SWEpisodes');
  if (!view) return;
  const [cChild, cDob, cId, cDecom, cDec, cReason] =
    ['CHILD', 'DOB', 'SW_ID', 'SW_DECOM', 'SW_DEC', 'SW_REASON'].map((n) => view.col(n)) as [number, number, number, number, number, number];
  const { start, end } = ctx.year;
  const periodStart = addYears(start, -1);
  const byChild = new Map<string, SwEpisode[]>();

  for (let i = 0; i < view.length; i++) {
    const child = view.cell(i, cChild);
    const dobRaw = view.cell(i, cDob);
    checkDate(ctx, view, i, 'DOB', child, dobRaw, parseUkDate(dobRaw), 'INVALID_DATE');
    const id = view.cell(i, cId);
    const decomRaw = view.cell(i, cDecom);
    const decRaw = view.cell(i, cDec);
    const reason = view.cell(i, cReason);
    const decom = parseUkDate(decomRaw);
    const dec = parseUkDate(decRaw);
    if (decomRaw !== null && decom === null) report(ctx, 'SW04STG1', view, i, 'SW_DECOM', child, `SW_DECOM ${shown(decomRaw)}`);
    if (decRaw !== null && dec === null) report(ctx, 'SW05STG1', view, i, 'SW_DEC', child, `SW_DEC ${shown(decRaw)}`);
    if (decom === null) {
      report(ctx, 'SW01aSTG1', view, i, 'SW_DECOM', child, 'SW_DECOM is not a date');
      report(ctx, 'SW01bSTG1', view, i, 'SW_DECOM', child, 'SW_DECOM is not a date');
    } else if (decom < SW_REASON_FROM) {
      if (id === null) report(ctx, 'SW01aSTG1', view, i, 'SW_ID', child, 'SW_ID is blank');
    } else if (id === null || reason === null) {
      const blank = id === null ? 'SW_ID' : 'SW_REASON';
      report(ctx, 'SW01bSTG1', view, i, blank, child, `${blank} is blank`);
    }
    // Social worker IDs start SW, or XX where the worker has no ID.
    if (id === null || !(id.startsWith('SW') || id.startsWith('XX'))) report(ctx, 'SW02STG1', view, i, 'SW_ID', child, `SW_ID ${shown(id)}`);
    if (reason !== null ? !SW_REASONS.has(reason) : decom !== null && decom >= SW_REASON_FROM) {
      report(ctx, 'SW13STG1', view, i, 'SW_REASON', child, `SW_REASON ${shown(reason)}`);
    }
    if (decom !== null && decom > end) report(ctx, 'SW06STG2', view, i, 'SW_DECOM', child, `SW_DECOM ${ukDate(decom)} is after ${ukDate(end)}`);
    if (dec !== null && (dec < periodStart || dec > end)) {
      report(ctx, 'SW07STG2', view, i, 'SW_DEC', child, `SW_DEC ${ukDate(dec)} is outside ${ukDate(periodStart)} to ${ukDate(end)}`);
    }
    if (dec !== null && dec === decom) report(ctx, 'SW09STG2', view, i, 'SW_DEC', child, `SW_DEC is the same day as SW_DECOM (${ukDate(dec)})`);
    if (child === null || decom === null) continue;
    const list = byChild.get(child);
    const episode = { i, decom, dec, reason };
    if (list) list.push(episode);
    else byChild.set(child, [episode]);
  }
  const openAtYearEnd = appliesIn('SW17STG2', ctx.year.yearEnding);
  const yearEndWindow = addDays(end, -YEAR_END_WINDOW_DAYS);
  for (const [child, list] of byChild) {
    if (list.length > 1) list.sort((a, b) => (a.decom < b.decom ? -1 : a.decom > b.decom ? 1 : compareEnd(a.dec, b.dec) || a.i - b.i));
    checkSequence(ctx, view, child, list, openAtYearEnd, yearEndWindow);
  }
  checkCareCovered(ctx, byChild);
}

/** Open (null) ends sort after any date. */
function compareEnd(a: IsoDate | null, b: IsoDate | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function checkSequence(
  ctx: Context, view: TableView, child: string, list: SwEpisode[], openAtYearEnd: boolean, yearEndWindow: IsoDate,
): void {
  // The latest end of the episodes so far, '9999' while one is open: the DfE tool compares each episode with its
  // neighbour only, so an episode inside a long earlier one went unseen; here it is compared with all before it.
  let latestEnd = '';
  for (let k = 0; k < list.length; k++) {
    const e = list[k]!;
    const last = k === list.length - 1;
    if (!last && e.dec === null) report(ctx, 'SW08STG2', view, e.i, 'SW_DEC', child, `the episode from ${ukDate(e.decom)} has no SW_DEC but a later one follows`);
    if (k > 0 && e.reason !== SW_FOSTER_CONTACT && e.decom < latestEnd && (latestEnd === '9999' || e.decom < addDays(latestEnd, -OVERLAP_TOLERANCE_DAYS))) {
      report(ctx, 'SW10STG2', view, e.i, 'SW_DECOM', child, latestEnd === '9999'
        ? `SW_DECOM ${ukDate(e.decom)} while an earlier episode is still open`
        : `SW_DECOM ${ukDate(e.decom)} is more than ${OVERLAP_TOLERANCE_DAYS} days before an earlier episode ended (${ukDate(latestEnd)})`);
    }
    const ends = e.dec ?? '9999';
    if (ends > latestEnd) latestEnd = ends;
    if (!last) continue;
    if (e.dec !== null && e.dec <= ctx.year.end && e.dec >= yearEndWindow) {
      report(ctx, 'SW11bSTG2', view, e.i, 'SW_DEC', child, `the last episode ended ${ukDate(e.dec)} and none follows`);
    }
    if (openAtYearEnd && e.dec !== null) report(ctx, 'SW17STG2', view, e.i, 'SW_DEC', child, `the last episode ended ${ukDate(e.dec)}`);
  }
}

/**
 * SW12: an episode in Episodes that starts a period of care (RNE S) needs a social worker episode starting on or
 * after its DECOM, one that ends a period (REC other than X1) a social worker episode starting on or before its DEC
 * (an episode doing both needs either, as the DfE has it), for care in the reporting period, short breaks aside.
 * The DfE tool fails the episode when any one of the child's social worker episodes fails, and fails every open
 * episode that is not a start of care; here one matching social worker episode suffices and an open continuing
 * episode is neither a start nor an end of care.
 */
function checkCareCovered(ctx: Context, byChild: Map<string, SwEpisode[]>): void {
  const ev = ctx.views.get('Episodes');
  if (!ev) return;
  const periodStart = addYears(ctx.year.start, -1);
  for (const [child, eps] of ctx.episodesByChild) {
    const sw = byChild.get(child) ?? [];
    for (const e of eps) {
      if (e.ls === 'V3' || e.ls === 'V4') continue;
      if (e.dec !== null && (e.dec < periodStart || e.dec > ctx.year.end)) continue;
      const starts = e.rne === 'S';
      const ends = e.dec !== null && e.rec !== null && e.rec !== 'X1';
      if (!starts && !ends) continue;
      if (covers(sw, starts ? e.decom! : null, ends ? e.dec! : null)) continue;
      if (starts) report(ctx, 'SW12STG2', ev, e.i, 'DECOM', child, `care began ${ukDate(e.decom!)} and no social worker episode in SWEpisodes starts then or later`);
      else report(ctx, 'SW12STG2', ev, e.i, 'DEC', child, `care ended ${ukDate(e.dec!)} and no social worker episode in SWEpisodes starts by then`);
    }
  }
}

/** Does a social worker episode start on or after `from`, or on or before `by` (null: not asked)? */
function covers(sw: readonly SwEpisode[], from: IsoDate | null, by: IsoDate | null): boolean {
  for (const s of sw) if ((from !== null && s.decom >= from) || (by !== null && s.decom <= by)) return true;
  return false;
}
