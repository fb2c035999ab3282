import type { ChildRecords, EpisodeRecord, LaDataset, RawTable } from '../../shared/domain/ssda903/records.ts';

/** A child with one open C2 foster episode from `decom` unless episodes are given. */
export function child(id: string, episodes: Partial<EpisodeRecord>[] = [{}], dob = '2012-05-01'): ChildRecords {
  return {
    child: id,
    header: { child: id, sex: '1', dob, ethnic: 'WBRI', upn: null, mother: null, mcDob: null },
    episodes: episodes.map((e) => ({
      child: id, decom: '2024-01-10', rne: 'S', ls: 'C2', cin: 'N1', place: 'U4', placeProvider: 'PR1',
      dec: null, rec: null, reasonPlaceChange: null, homePost: 'AB1', plPost: 'CD2', urn: 'XXXXXXX', ...e,
    })),
    reviews: [],
    missing: [],
    uasc: null,
  };
}

export function dataset(yearEnding: number, children: ChildRecords[]): LaDataset {
  return { yearEnding, children };
}

/** Raw Header rows matching the children (what an upload would also store verbatim). */
export function rawHeader(children: ChildRecords[]): RawTable[] {
  return [{
    table: 'Header',
    columns: ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'],
    rows: children.map((c) => [c.child, c.header.sex, c.header.dob, c.header.ethnic, '', '', '']),
  }];
}

/** `n` children looked after on 31 March of the year, ids prefixed so LAs never share one. */
export function lookedAfterChildren(prefix: string, n: number): ChildRecords[] {
  return Array.from({ length: n }, (_, i) => child(`${prefix}${String(i + 1).padStart(3, '0')}`));
}
