import type { IsoDate, LaDataset } from '../ssda903/records.ts';
import { isLookedAfterOn } from './looked-after.ts';
import type { LaMetrics } from './types.ts';

export interface MetricsOptions {
  yearEnding: number;
  /** Defaults to 31 March of `yearEnding`. */
  asAt?: IsoDate;
}

export function yearStart(yearEnding: number): IsoDate {
  return `${yearEnding - 1}-04-01`;
}

export function yearEnd(yearEnding: number): IsoDate {
  return `${yearEnding}-03-31`;
}

/** Every metric of DESIGN.md §4 for one LA and collection year. Pure: no I/O. */
export function computeLaMetrics(dataset: LaDataset, options: MetricsOptions): LaMetrics {
  const asAt = options.asAt ?? yearEnd(options.yearEnding);
  const start = yearStart(options.yearEnding);
  let count = 0;
  let duringYear = 0;
  for (const child of dataset.children) {
    if (child.episodes.some((e) => isLookedAfterOn(e, asAt))) count++;
    // Looked after in the year: DECOM ≤ as-at and (DEC blank or DEC > 1 April), short breaks excluded.
    if (child.episodes.some((e) => e.ls !== 'V3' && e.ls !== 'V4' && e.decom <= asAt && (e.dec === null || e.dec > start))) {
      duringYear++;
    }
  }
  return { yearEnding: options.yearEnding, asAt, cla: { count, duringYear } };
}
