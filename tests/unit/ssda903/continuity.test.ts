/** Previous-year continuity (502, 503A–G, NoE) and the other tables' cross checks (INT01–INT15). */
import { describe, expect, it } from 'vitest';
import { TABLE_COLUMNS } from '../../../shared/domain/ssda903/columns.ts';
import type { EpisodeRecord, LaDataset } from '../../../shared/domain/ssda903/records.ts';
import { Upload, findings, withCode } from './helper.ts';

/** Last year's dataset: 1001 and 1003 open at 31 March 2024, as this year's set continues them. */
function previous(change: Partial<EpisodeRecord> = {}, dropChild?: string): LaDataset {
  const ep = (e: EpisodeRecord) => e;
  const children = [
    { child: '1001', episodes: [ep({ child: '1001', decom: '2022-01-10', rne: 'S', ls: 'C2', cin: 'N1', place: 'U4', placeProvider: 'PR1', dec: null, rec: null, reasonPlaceChange: null, homePost: 'ME14 1XX', plPost: 'ME15 6YY', urn: 'SC123456', ...change })] },
    { child: '1003', episodes: [ep({ child: '1003', decom: '2023-09-01', rne: 'S', ls: 'C2', cin: 'N4', place: 'K2', placeProvider: 'PR4', dec: null, rec: null, reasonPlaceChange: null, homePost: 'TN1 1AA', plPost: 'TN2 2BB', urn: 'SC222222' })] },
  ].filter((c) => c.child !== dropChild);
  return {
    yearEnding: 2024,
    children: children.map((c) => ({
      child: c.child, episodes: c.episodes, reviews: [], missing: [], uasc: null,
      header: { child: c.child, sex: 'F', dob: '2012-06-15', ethnic: 'WBRI', upn: null, mother: null, mcDob: null },
    })),
  };
}

const CONTINUITY = ['502', '503A', '503B', '503C', '503D', '503E', '503F', '503G', 'NoE'];

describe('previous year continuity', () => {
  it('raises nothing when this year continues last year exactly', () => {
    const all = findings(new Upload(), { previous: previous() });
    expect(all.filter((f) => CONTINUITY.includes(f.code))).toEqual([]);
  });

  it('does not run without the previous year', () => {
    const u = new Upload();
    u.set('Episodes', 2, 'RNE', 'P');
    expect(findings(u).filter((f) => CONTINUITY.includes(f.code))).toEqual([]);
  });

  it.each([
    ['503A', { rne: 'P' }, 'RNE'],
    ['503B', { ls: 'C1' }, 'LS'],
    ['503C', { cin: 'N2' }, 'CIN'],
    ['503D', { place: 'U5' }, 'PLACE'],
    ['503E', { placeProvider: 'PR2' }, 'PLACE_PROVIDER'],
    ['503F', { urn: 'SC999999' }, 'URN'],
    ['503G', { plPost: 'XX1 1XX' }, 'PL_POST'],
    ['503G', { homePost: 'XX1 1XX' }, 'HOME_POST'],
  ] as const)('%s: the open episode changed %o', (code, change, column) => {
    const hits = withCode(findings(new Upload(), { previous: previous(change) }), code);
    expect(hits.map((f) => [f.file, f.row, f.column, f.severity])).toEqual([['Episodes', 2, column, 'query']]);
  });

  it('502: last year\'s open episode does not start this year\'s record', () => {
    const hits = withCode(findings(new Upload(), { previous: previous({ decom: '2022-01-01' }) }), '502');
    expect(hits.map((f) => [f.file, f.row, f.column])).toEqual([['Episodes', 2, 'DECOM']]);
  });

  it('NoE: looked after before the year but absent from last year', () => {
    const hits = withCode(findings(new Upload(), { previous: previous({}, '1003') }), 'NoE');
    expect(hits.map((f) => [f.file, f.row, f.column])).toEqual([['Episodes', 6, 'DECOM']]);
  });
});

describe('other tables against Header', () => {
  const tables = [
    ['AD1', 'INT01', 'INT11'], ['PlacedAdoption', 'INT02', 'INT12'], ['OC2', 'INT05', 'INT14'], ['OC3', 'INT06', 'INT15'],
    ['PrevPerm', 'INT07', 'INT16'], ['SWEpisodes', 'CHILD_NOT_IN_HEADER', 'DOB_DIFFERS'],
  ] as const;
  it.each(tables)('%s: child not in Header (%s), DOB differs (%s)', (table, notIn, dob) => {
    const cols = TABLE_COLUMNS[table];
    const row = (child: string, d: string) => cols.map((c) => (c === 'CHILD' ? child : c === 'DOB' ? d : ''));
    const u = new Upload().put(table, [[...cols], row('1001', '15/06/2012'), row('9999', '01/01/2010'), row('1003', '04/03/2008')]);
    const all = findings(u);
    expect(withCode(all, notIn).map((f) => [f.file, f.row, f.column, f.severity])).toEqual([[table, 3, 'CHILD', 'error']]);
    expect(withCode(all, dob).map((f) => [f.file, f.row, f.column, f.severity])).toEqual([[table, 4, 'DOB', 'error']]);
    const ok = new Upload().put(table, [[...cols], row('1001', '15/06/2012')]);
    // The blank items break the table's own rules (tables-*.test.ts); none is a cross-table finding.
    expect(findings(ok).filter((f) => f.code === notIn || f.code === dob)).toEqual([]);
  });
});
