/**
 * Metric 3 (DfE long-term placement stability): of CLA at the as-at date aged under 16 that day whose current
 * period of care started at least 2.5 years (30 calendar months) earlier, those whose current placement started
 * at least 2 years (24 months) earlier, or, placed for adoption (A3–A6), whose placement before the adoptive one
 * did. `L` changes and temporary placements do not break a placement; in the same-carer reading neither do
 * `T`/`U` changes (`longTermStabilitySameCarer`).
 */
import { addMonths, ageOn } from '../calendar/dates.ts';
import type { EpisodeRecord, IsoDate } from '../ssda903/records.ts';
import { ADOPTION_PLACEMENTS, isTemporary, placementsOfPeriod, type PlacementReading } from './placements.ts';
import { episodeOn, periodOn, type ChildTimeline, type Period, type YearWindow } from './timeline.ts';
import { ratio, type Ratio } from './types.ts';

/**
 * The start that stands for the adoptive placement: the start of the placement before the run of A3–A6 episodes
 * ending with the current one, or the run's own start when the period began in it (DESIGN §4).
 */
function beforeAdoptiveStart(period: Period, current: EpisodeRecord, effectiveStart: (e: EpisodeRecord) => IsoDate): IsoDate | undefined {
  const episodes = period.episodes;
  let i = episodes.indexOf(current);
  while (i >= 0 && isTemporary(episodes[i]!)) i--;
  if (i < 0 || !ADOPTION_PLACEMENTS.has(episodes[i]!.place)) return undefined;
  let first = i;
  for (let j = i - 1; j >= 0; j--) {
    const e = episodes[j]!;
    if (ADOPTION_PLACEMENTS.has(e.place)) first = j;
    else if (!isTemporary(e)) break;
  }
  const prior = episodes[first - 1];
  return prior === undefined ? episodes[first]!.decom : effectiveStart(prior);
}

export function longTermStability(timelines: readonly ChildTimeline[], window: YearWindow, reading: PlacementReading = 'placement'): Ratio {
  const periodCutoff = addMonths(window.asAt, -30);
  const placementCutoff = addMonths(window.asAt, -24);
  let denominator = 0;
  let numerator = 0;
  for (const t of timelines) {
    const episode = episodeOn(t, window.asAt);
    const period = periodOn(t, window.asAt);
    if (!episode || !period || ageOn(t.dob, window.asAt) >= 16 || period.start > periodCutoff) continue;
    denominator++;
    const { effective } = placementsOfPeriod(period, reading);
    const startOf = (e: EpisodeRecord): IsoDate => effective.get(e)!.start;
    if (startOf(episode) <= placementCutoff) {
      numerator++;
      continue;
    }
    const before = beforeAdoptiveStart(period, episode, startOf);
    if (before !== undefined && before <= placementCutoff) numerator++;
  }
  return ratio(numerator, denominator);
}
