/**
 * Episodes table: codes and dates of each episode, then each child's sequence of episodes (overlaps, RNE
 * consistent with the episode before it, dates within the collection year, nothing after death, 18 or adoption).
 */
import { ukDate } from '../dates.ts';
import { checkCode, checkDate } from './checks.ts';
import { CONTINUATION_RNE } from './codes.ts';
import type { IsoDate } from '../records.ts';
import { childLabel, continues, shown, type Context, type EpisodeRow, type TableView } from './context.ts';

export function checkEpisodes(ctx: Context): void {
  const view = ctx.views.get('Episodes');
  if (!view) return;
  for (const e of ctx.episodes) checkEpisodeRow(ctx, view, e);
  for (const [child, eps] of ctx.episodesByChild) checkSequence(ctx, view, child, eps);
}

function checkEpisodeRow(ctx: Context, view: TableView, e: EpisodeRow): void {
  const { i, child } = e;
  const { codes, year } = ctx;
  checkDate(ctx, view, i, 'DECOM', child, e.decomRaw, e.decom, '141');
  checkCode(ctx, view, i, 'RNE', child, e.rne, codes.rne, '143');
  checkCode(ctx, view, i, 'LS', child, e.ls, codes.ls, '144');
  checkCode(ctx, view, i, 'CIN', child, e.cin, codes.cin, '145');
  checkCode(ctx, view, i, 'PLACE', child, e.place, codes.place, '146');
  checkDate(ctx, view, i, 'DEC', child, e.decRaw, e.dec, '147', true);
  checkCode(ctx, view, i, 'REC', child, e.rec, codes.rec, '149', true);
  checkCode(ctx, view, i, 'REASON_PLACE_CHANGE', child, e.reasonPlaceChange, codes.reasonPlaceChange, '1009', true);
  // 148: an episode either ended (DEC and REC) or is open (neither).
  if ((e.decRaw === null) !== (e.rec === null)) {
    const blank = e.decRaw === null ? 'DEC' : 'REC';
    const filled = blank === 'DEC' ? `REC is ${shown(e.rec)}` : `DEC is ${shown(e.decRaw)}`;
    ctx.out.add('148', view, i, blank, `${childLabel(child)}: ${filled} but ${blank} is blank; fill both or neither.`);
  }
  if (e.decom !== null && e.dec !== null && e.dec < e.decom) {
    ctx.out.add('356', view, i, 'DEC', `${childLabel(child)}: the episode ends (DEC ${ukDate(e.dec)}) before it starts (DECOM ${ukDate(e.decom)}).`);
  }
  if (e.decom !== null && e.decom > year.end) {
    ctx.out.add('354', view, i, 'DECOM', `${childLabel(child)}: DECOM ${ukDate(e.decom)} is after the end of the collection year (${ukDate(year.end)}).`);
  }
  if (e.dec !== null && e.dec > year.end) {
    ctx.out.add('385', view, i, 'DEC', `${childLabel(child)}: DEC ${ukDate(e.dec)} is after the end of the collection year (${ukDate(year.end)}).`);
  }
}

function placementChanged(a: EpisodeRow, b: EpisodeRow): boolean {
  return a.place !== b.place || a.plPost !== b.plPost || a.urn !== b.urn || a.placeProvider !== b.placeProvider;
}

function checkSequence(ctx: Context, view: TableView, child: string, eps: EpisodeRow[]): void {
  const first = eps[0]!;
  const dob = ctx.headerByChild.get(child)?.dob ?? null;
  if (dob !== null && first.decom! < dob) {
    ctx.out.add('302', view, first.i, 'DECOM', `${childLabel(child)}: the first episode starts (DECOM ${ukDate(first.decom!)}) before the date of birth ${ukDate(dob)}.`);
  }
  // 357: when the first episode on record starts in the year there is no earlier episode, so it must be S.
  if (first.decom! >= ctx.year.start && first.rne !== null && first.rne !== 'S') {
    ctx.out.add('357', view, first.i, 'RNE',
      `${childLabel(child)}: the first episode (DECOM ${ukDate(first.decom!)}) has RNE ${shown(first.rne)}; a child's first episode must be S unless an earlier episode is missing from the file.`);
  }
  const starts = new Set(eps.map((e) => e.decom!));
  let adopted = previouslyAdopted(ctx, child);
  for (let k = 0; k < eps.length; k++) {
    const cur = eps[k]!;
    // 199: a child adopted from care does not come back into care under the same CHILD.
    if (adopted) {
      ctx.out.add('199', view, cur.i, 'CHILD',
        `${childLabel(child)} was adopted from care (REC ${adopted.rec}, ${ukDate(adopted.on)}) yet has a later episode from ${ukDate(cur.decom!)}.`);
    } else if (cur.rec !== null && ADOPTED.has(cur.rec)) {
      adopted = { rec: cur.rec, on: cur.dec ?? cur.decom! };
    }
    if (cur.rec !== null && FINAL_REC.has(cur.rec) && k < eps.length - 1) {
      ctx.out.add('437', view, cur.i, 'REC',
        `${childLabel(child)}: REC ${cur.rec} (${cur.rec === 'E2' ? 'died' : 'care ended at 18'}) on ${ukDate(cur.dec ?? cur.decom!)}, but a later episode starts ${ukDate(eps[k + 1]!.decom!)}.`);
    }
    if (cur.rec === 'X1' && cur.dec !== null && !starts.has(cur.dec)) {
      ctx.out.add('388', view, cur.i, 'REC',
        `${childLabel(child)}: REC is X1 (a new episode starts the same day) but no episode starts on DEC ${ukDate(cur.dec)}.`);
    }
    const prev = eps[k - 1];
    if (!prev) continue;
    if (prev.dec === null) {
      ctx.out.add('142', view, prev.i, 'DEC',
        `${childLabel(child)}: the episode starting ${ukDate(prev.decom!)} has no DEC but a later episode starts ${ukDate(cur.decom!)}.`);
    } else if (cur.decom! < prev.dec) {
      ctx.out.add('501', view, cur.i, 'DECOM',
        `${childLabel(child)}: this episode starts ${ukDate(cur.decom!)}, before the previous episode ended (DEC ${ukDate(prev.dec)}).`);
    }
    checkRne(ctx, view, child, prev, cur);
    // 504: the category of need is set when the period of care starts and kept through its episodes.
    if (continues(prev, cur) && prev.cin !== cur.cin) {
      ctx.out.add('504', view, cur.i, 'CIN',
        `${childLabel(child)}: CIN ${shown(cur.cin)} on ${ukDate(cur.decom!)} differs from ${shown(prev.cin)} of the episode this one continues.`);
    }
  }
}

/** REC codes after which a child has no further episode: died (E2), left care at 18 (E15). */
const FINAL_REC = new Set(['E2', 'E15']);
const ADOPTED = new Set(['E11', 'E12']);

/** The adoption (199) recorded in last year's return, if any. */
function previouslyAdopted(ctx: Context, child: string): { rec: string; on: IsoDate } | undefined {
  const e = ctx.previousByChild.get(child)?.episodes.find((p) => p.rec !== null && ADOPTED.has(p.rec));
  return e ? { rec: e.rec!, on: e.dec ?? e.decom } : undefined;
}

/** RNE against the episode before it (431–436). */
function checkRne(ctx: Context, view: TableView, child: string, prev: EpisodeRow, cur: EpisodeRow): void {
  const rne = cur.rne;
  if (rne === null) return;
  const when = ukDate(cur.decom!);
  if (rne === 'S' && prev.dec !== null && prev.dec === cur.decom) {
    ctx.out.add('431', view, cur.i, 'RNE',
      `${childLabel(child)}: the episode starting ${when} has RNE S but the previous episode ended that same day, so it continues the period.`);
  }
  if (!CONTINUATION_RNE.has(rne)) return;
  if (prev.rec !== null && prev.rec !== 'X1') {
    ctx.out.add('432', view, cur.i, 'RNE',
      `${childLabel(child)}: the episode starting ${when} has RNE ${rne} but the previous episode ended the period of care (REC ${prev.rec}); a new period starts with S.`);
  }
  if (prev.dec === null) return;
  if (prev.dec !== cur.decom) {
    ctx.out.add('433', view, cur.i, 'DECOM',
      `${childLabel(child)}: RNE ${rne} continues the previous episode, but this one starts ${when} and the previous ended ${ukDate(prev.dec)}.`);
    return;
  }
  const lsChanged = prev.ls !== cur.ls;
  const placeChanged = placementChanged(prev, cur);
  if (rne === 'L' && (!lsChanged || placeChanged)) {
    ctx.out.add('434', view, cur.i, 'RNE',
      `${childLabel(child)}: RNE L (legal status change only) on ${when}, but ${!lsChanged ? `LS stayed ${shown(cur.ls)}` : 'the placement (PLACE, PLACE_PROVIDER, PL_POST or URN) also changed'}.`);
  } else if ((rne === 'P' || rne === 'T') && (lsChanged || !placeChanged)) {
    ctx.out.add('435', view, cur.i, 'RNE',
      `${childLabel(child)}: RNE ${rne} (placement change only) on ${when}, but ${lsChanged ? `LS also changed from ${shown(prev.ls)} to ${shown(cur.ls)}` : 'PLACE, PLACE_PROVIDER, PL_POST and URN are unchanged'}.`);
  } else if ((rne === 'U' || rne === 'B') && (!lsChanged || !placeChanged)) {
    ctx.out.add('436', view, cur.i, 'RNE',
      `${childLabel(child)}: RNE ${rne} (legal status and placement change) on ${when}, but ${!lsChanged ? `LS stayed ${shown(cur.ls)}` : 'PLACE, PLACE_PROVIDER, PL_POST and URN are unchanged'}.`);
  }
}
