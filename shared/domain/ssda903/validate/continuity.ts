/**
 * Continuity with the LA's previous year (502, 503A–G, NoE): the episode open at the end of last year carries
 * on unchanged into this year's return. Runs only when the previous year's dataset is given.
 */
import { ukDate } from '../dates.ts';
import type { EpisodeRecord, LaDataset } from '../records.ts';
import { childLabel, type Context, type EpisodeRow } from './context.ts';

/**
 * 503A–F compare one field each. 503G–J compare PL_DISTANCE, PL_LA and PL_LOCATION, which the DfE derives from
 * the postcodes; the upload carries HOME_POST and PL_POST instead, so 503G compares those.
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
    let latest: EpisodeRecord | undefined;
    for (const e of c.episodes) if (!latest || e.decom >= latest.decom) latest = e;
    if (latest && latest.dec === null) open.set(c.child, latest);
  }
  return open;
}

export function checkContinuity(ctx: Context): void {
  const view = ctx.views.get('Episodes');
  const previous = ctx.previous;
  if (!view || !previous) return;
  const open = lastOpenEpisode(previous);
  const known = new Set(previous.children.map((c) => c.child));
  for (const [child, eps] of ctx.episodesByChild) {
    const first = eps[0]!;
    // NoE: looked after before this year, yet absent from last year's return.
    if (!known.has(child) && first.decom! < ctx.year.start) {
      ctx.out.add('NoE', view, first.i, 'DECOM',
        `${childLabel(child)} was looked after from ${ukDate(first.decom!)}, before this year, but is not in last year's return.`);
      continue;
    }
    const last = open.get(child);
    if (!last) continue;
    const same = eps.find((e) => e.decom === last.decom);
    if (!same) {
      ctx.out.add('502', view, first.i, 'DECOM',
        `${childLabel(child)}: last year's return ended with an episode open from ${ukDate(last.decom)}, but no episode this year starts on that date (first DECOM ${ukDate(first.decom!)}).`);
      continue;
    }
    for (const f of FIELDS) {
      const before = f.get(last);
      const now = f.get(same);
      if ((before ?? null) !== (now ?? null)) {
        ctx.out.add(f.code, view, same.i, f.column,
          `${childLabel(child)}: the ${f.what} of the episode from ${ukDate(last.decom)} is ${now ?? 'blank'} but was ${before ?? 'blank'} in last year's return.`);
      }
    }
  }
}
