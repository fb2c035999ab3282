/** Small in-test record factories for hand-worked metric cases (no CSV). */
import type { ChildRecords, EpisodeRecord, IsoDate, LaDataset, MissingRecord, ReviewRecord } from '../../../shared/domain/ssda903/records.ts';

export type Step = Partial<EpisodeRecord> & { decom: IsoDate };

export function episode(step: Step): Omit<EpisodeRecord, 'child'> {
  return {
    decom: step.decom,
    rne: step.rne ?? 'S',
    ls: step.ls ?? 'C2',
    cin: step.cin ?? 'N1',
    place: step.place ?? 'U4',
    placeProvider: step.placeProvider === undefined ? 'PR1' : step.placeProvider,
    dec: step.dec ?? null,
    rec: step.rec ?? null,
    reasonPlaceChange: step.reasonPlaceChange ?? null,
    homePost: 'AB1 1',
    plPost: step.plPost === undefined ? 'CD2 2' : step.plPost,
    urn: step.urn === undefined ? 'XXXXXXX' : step.urn,
  };
}

/**
 * Episodes chained by X1: each step ends (REC X1) the day the next begins. The first step defaults to RNE S,
 * later ones to P. `end` closes the last episode (open when omitted).
 */
export function chain(steps: Step[], end?: { dec: IsoDate; rec: string }): Omit<EpisodeRecord, 'child'>[] {
  return steps.map((s, i) => {
    const next = steps[i + 1];
    const last = next === undefined;
    return episode({
      rne: i === 0 ? 'S' : 'P',
      ...s,
      dec: last ? (end?.dec ?? null) : next.decom,
      rec: last ? (end?.rec ?? null) : 'X1',
    });
  });
}

export interface ChildSpec {
  dob?: IsoDate;
  episodes: Omit<EpisodeRecord, 'child'>[];
  reviews?: [IsoDate, string][];
  missing?: ['M' | 'A', IsoDate][];
  /** Social worker episodes: worker, SW_DECOM, SW_DEC (null while open). */
  socialWorkers?: [string, IsoDate, IsoDate | null][];
}

export function child(id: string, spec: ChildSpec): ChildRecords {
  const dob = spec.dob ?? '2012-06-15';
  return {
    child: id,
    header: { child: id, sex: 'M', dob, ethnic: 'WBRI', upn: null, mother: null, mcDob: null },
    episodes: spec.episodes.map((e) => ({ ...e, child: id })),
    reviews: (spec.reviews ?? []).map(([review, reviewCode]): ReviewRecord => ({ child: id, dob, review, reviewCode })),
    missing: (spec.missing ?? []).map(([missing, misStart]): MissingRecord => ({ child: id, dob, missing, misStart, misEnd: null })),
    uasc: null,
    ...(spec.socialWorkers && {
      socialWorkers: spec.socialWorkers.map(([swId, swDecom, swDec]) => ({ child: id, swId, swDecom, swDec, swReason: 'MANAGE' })),
    }),
  };
}

export function dataset(...children: ChildRecords[]): LaDataset {
  return { yearEnding: 2025, children };
}
