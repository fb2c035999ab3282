/**
 * Continuity with the LA's previous year: the episode open at the end of last year carries on unchanged into this
 * year's return (502, 503A–G, 562, NoE), the child's Header details stay the same (202–208, 624, 626) and an
 * open missing incident continues (576). Runs only when the previous year's dataset is given.
 */
import { ukDate } from '../dates.ts';
import type { EpisodeRecord, LaDataset } from '../records.ts';
import { childLabel, shown, type Context, type EpisodeRow } from './context.ts';

/**
 * 503A–F compare one field each. 503G–J compare PL_DISTANCE, PL_LA and PL_LOCATION, which the DfE derives from
 * the postcodes; the upload carries HOME_POST and PL_POST instead, so 503G compares those (the same postcodes give
 * the same distance) and 503H, 503J are not implemented (NOT-IMPLEMENTED.md).
 */
const FIELDS: readonly { code: string; column: string; what: string; get: (e: EpisodeRecord | EpisodeRow) => string | null }[] = [
  { code: '503A', column: 'RNE', what: 'reason for new episode', get: (e) => e.rne },
  { code: '503B', column: 'LS', what: 'legal status', get: (e) => e.ls },
  { code: '503C', column: 'CIN', what: 'category of need', get: (e) => e.cin },
  { code: '503D', column: 'PLACE', what: 'placement type', get: (e) => e.place },
  { code: '503E', column: 'PLACE_PROVIDER', what: 'placement provider', get: (e) => e.placeProvider },
  { code: '503F', column: 'URN', what: 'Ofsted URN', get: (e) => e.urn },
  { code: '503G', column: 'HOME_POST', what: 'home postcode', get: (e) => e.homePost },
  { code: '503G', column: 'PL_POST', what: 'placement postcode', get: (e) => e.plPost },
];

function lastOpenEpisode(previous: LaDataset): Map<string, EpisodeRecord> {
  const open = new Map<string, EpisodeRecord>();
  for (const c of previous.children) {
    const latest = latestEpisode(c.episodes);
    if (latest && latest.dec === null) open.set(c.child, latest);
  }
  return open;
}

function latestEpisode(eps: readonly EpisodeRecord[]): EpisodeRecord | undefined {
  let latest: EpisodeRecord | undefined;
  for (const e of eps) if (!latest || e.decom >= latest.decom) latest = e;
  return latest;
}

/** 503D: the DfE's recodings between years are not changes (H5 became K3 in 2024-25, Z1 became Z11–Z14 in 2025-26). */
function recoded(before: string | null, now: string | null, yearEnding: number): boolean {
  if (yearEnding === 2025) return before === 'H5' && now === 'K3';
  if (yearEnding === 2026) return before === 'Z1' && now !== null && /^Z1[1-4]$/.test(now);
  return false;
}

export function checkContinuity(ctx: Context): void {
  const previous = ctx.previous;
  if (!previous) return;
  checkEpisodeContinuity(ctx, previous);
  checkHeaderContinuity(ctx);
  checkMissingContinuity(ctx);
}

function checkEpisodeContinuity(ctx: Context, previous: LaDataset): void {
  const view = ctx.views.get('Episodes');
  if (!view) return;
  const open = lastOpenEpisode(previous);
  const { year } = ctx;
  for (const [child, all] of ctx.episodesByChild) {
    // The DfE return holds the episodes open at some time in the year; an upload may also carry earlier episodes
    // of the period (DESIGN.md §3), which last year's return already had. The year's first episode is the DfE's.
    const eps = all.filter((e) => e.dec === null || e.dec >= year.start);
    const first = eps[0];
    if (!first) continue;
    const before = ctx.previousByChild.get(child);
    if (!before && first.decom! < year.start) {
      // NoE: every episode of the year from before it needs last year's return to hold the child.
      for (const e of eps) {
        if (e.decom! >= year.start) break;
        ctx.out.add('NoE', view, e.i, 'DECOM',
          `${childLabel(child)} has an episode from ${ukDate(e.decom!)}, before this year, but is not in last year's return.`);
      }
    }
    // 562: the earliest episode from before this year is the last episode of last year's return.
    if (first.decom! < year.start) {
      const latest = before ? latestEpisode(before.episodes) : undefined;
      if (latest?.decom !== first.decom) {
        ctx.out.add('562', view, first.i, 'DECOM',
          `${childLabel(child)}: the episode from ${ukDate(first.decom!)} started before this year, but last year's return ${latest ? `ends with an episode from ${ukDate(latest.decom)}` : 'has no episode for the child'}.`);
      }
    }
    // 502, 503A–G compare the year's first episode (not any episode of that date) with last year's open one.
    const last = open.get(child);
    if (!last) continue;
    if (first.decom !== last.decom) {
      ctx.out.add('502', view, first.i, 'DECOM',
        `${childLabel(child)}: last year's return ended with an episode open from ${ukDate(last.decom)}, but this year's first episode starts ${ukDate(first.decom!)}.`);
    }
    for (const f of FIELDS) {
      const was = f.get(last) ?? null;
      const now = f.get(first) ?? null;
      if (was === now || (f.code === '503D' && recoded(was, now, year.yearEnding))) continue;
      ctx.out.add(f.code, view, first.i, f.column,
        `${childLabel(child)}: the ${f.what} of the first episode (${ukDate(first.decom!)}) is ${now ?? 'blank'} but was ${was ?? 'blank'} in the episode open at the end of last year.`);
    }
  }
}

/** SEX read across the 2024-25 recoding: 1 = M, 2 = F. The DfE tool compares the text, so 2 → F is a "change". */
function sexOf(sex: string | null): string | null {
  return sex === '1' ? 'M' : sex === '2' ? 'F' : sex;
}

const UN2_TO_UN5 = new Set(['UN2', 'UN3', 'UN4', 'UN5']);

/** 208: UPN may go from blank or UN1 to UN2–UN5, and from unknown to a real UPN; any other change is queried. */
function upnChangeAllowed(was: string | null, now: string | null): boolean {
  const unknown = (u: string | null) => u === null || u === 'UN1' || UN2_TO_UN5.has(u);
  if ((was === null || was === 'UN1') && now !== null && UN2_TO_UN5.has(now)) return true;
  return unknown(was) && !unknown(now);
}

/** Header against last year's (202–208, 624, 626): what a child is does not change between returns. */
function checkHeaderContinuity(ctx: Context): void {
  const view = ctx.views.get('Header');
  if (!view) return;
  for (const h of ctx.header) {
    if (h.child === null) continue;
    const was = ctx.previousByChild.get(h.child)?.header;
    if (!was) continue;
    const who = childLabel(h.child);
    if (sexOf(h.sex) !== sexOf(was.sex)) {
      ctx.out.add('202', view, h.i, 'SEX', `${who}: SEX is ${shown(h.sex)} but was ${shown(was.sex)} last year.`);
    }
    if (h.dob !== null && h.dob !== was.dob) {
      ctx.out.add('203', view, h.i, 'DOB', `${who}: DOB is ${ukDate(h.dob)} but was ${ukDate(was.dob)} last year.`);
    }
    if (h.ethnic !== was.ethnic) {
      ctx.out.add('204', view, h.i, 'ETHNIC', `${who}: ETHNIC is ${shown(h.ethnic)} but was ${shown(was.ethnic)} last year.`);
    }
    if (was.mother === '1' && h.mother !== '1' && ctx.episodesByChild.has(h.child)) {
      ctx.out.add('207', view, h.i, 'MOTHER', `${who}: MOTHER is ${shown(h.mother)} but the child was recorded as a mother (1) last year.`);
    }
    if (h.upn !== was.upn && !upnChangeAllowed(was.upn, h.upn)) {
      ctx.out.add('208', view, h.i, 'UPN', `${who}: UPN is ${shown(h.upn)} but was ${shown(was.upn)} last year.`);
    }
    // A care leaver not looked after this year has her motherhood details left blank (628, 612): not a contradiction.
    const leftBlankAsCareLeaver = h.mcDobRaw === null && !ctx.episodesByChild.has(h.child);
    if (was.mcDob !== null && h.mcDob !== was.mcDob && !leftBlankAsCareLeaver) {
      ctx.out.add('624', view, h.i, 'MC_DOB',
        `${who}: MC_DOB is ${shown(h.mcDobRaw)} but the first child's date of birth was ${ukDate(was.mcDob)} last year.`);
    }
    if (h.mother === '1' && was.mother === '0' && h.mcDob !== null && h.mcDob < ctx.year.start) {
      ctx.out.add('626', view, h.i, 'MC_DOB',
        `${who}: MC_DOB ${ukDate(h.mcDob)} is before this year, but last year MOTHER was 0 (not a mother).`);
    }
  }
}

/** 576: an incident still open at the end of last year is this year's first incident. */
function checkMissingContinuity(ctx: Context): void {
  const view = ctx.views.get('Missing');
  if (!view) return;
  for (const [child, list] of ctx.missingByChild) {
    const open = ctx.previousByChild.get(child)?.missing.find((m) => m.misEnd === null);
    const first = list[0]!;
    if (open && first.start !== open.misStart) {
      ctx.out.add('576', view, first.i, 'MIS_START',
        `${childLabel(child)}: last year's return ended with an incident open from ${ukDate(open.misStart)}, but this year's first incident starts ${ukDate(first.start!)}.`);
    }
  }
}
