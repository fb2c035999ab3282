import type { ChildRecords, LaDataset, SocialWorkerRecord } from '../ssda903/records.ts';

/**
 * One dataset from an LA's uploads of several years (look-back metrics: long-term stability, the review
 * sequence, re-entry, metric 8's previous year). Records are merged per child; when two uploads carry the same
 * episode (same DECOM), review (same date), incident (same type and start) or social worker episode (same worker and
 * start), the later upload's row wins, so an episode open last year and closed this year is taken as closed.
 * Order: oldest first, the current one last.
 */
export function mergeDatasets(datasets: readonly LaDataset[]): LaDataset {
  const last = datasets[datasets.length - 1];
  if (!last) throw new RangeError('mergeDatasets needs at least one dataset');
  if (datasets.length === 1) return last;
  const children = new Map<string, { header: ChildRecords['header']; uasc: ChildRecords['uasc']; episodes: Map<string, ChildRecords['episodes'][number]>; reviews: Map<string, ChildRecords['reviews'][number]>; missing: Map<string, ChildRecords['missing'][number]>; socialWorkers: Map<string, SocialWorkerRecord> }>();
  for (const dataset of datasets) {
    for (const c of dataset.children) {
      let merged = children.get(c.child);
      if (!merged) {
        merged = { header: c.header, uasc: c.uasc, episodes: new Map(), reviews: new Map(), missing: new Map(), socialWorkers: new Map() };
        children.set(c.child, merged);
      }
      merged.header = c.header;
      merged.uasc = c.uasc ?? merged.uasc;
      for (const e of c.episodes) merged.episodes.set(e.decom, e);
      for (const r of c.reviews) merged.reviews.set(r.review, r);
      for (const m of c.missing) merged.missing.set(`${m.missing}|${m.misStart}`, m);
      for (const w of c.socialWorkers ?? []) merged.socialWorkers.set(`${w.swId}|${w.swDecom}`, w);
    }
  }
  return {
    yearEnding: last.yearEnding,
    children: [...children].map(([child, m]) => ({
      child,
      header: m.header,
      uasc: m.uasc,
      episodes: [...m.episodes.values()],
      reviews: [...m.reviews.values()],
      missing: [...m.missing.values()],
      ...(m.socialWorkers.size > 0 && {
        socialWorkers: [...m.socialWorkers.values()].sort((a, b) => (a.swDecom < b.swDecom ? -1 : a.swDecom > b.swDecom ? 1 : 0)),
      }),
    })),
  };
}
