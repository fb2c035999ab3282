/** Previous-year continuity (502, 503A–G, NoE) and the other tables' cross checks (INT01–INT15). */
import { describe, expect, it } from 'vitest';
import { TABLE_COLUMNS } from '../../../shared/domain/ssda903/columns.ts';
import type { EpisodeRecord, HeaderRecord, LaDataset, MissingRecord } from '../../../shared/domain/ssda903/records.ts';
import { Upload, findings, withCode } from './helper.ts';

/** Last year's Header rows of 1001 and 1003, as this year's Header has them. */
const HEADERS: Record<string, HeaderRecord> = {
  1001: { child: '1001', sex: 'F', dob: '2012-06-15', ethnic: 'WBRI', upn: 'R886123412001', mother: '0', mcDob: null },
  1003: { child: '1003', sex: 'M', dob: '2008-03-03', ethnic: 'BAFR', upn: 'V886123412003', mother: null, mcDob: null },
};

/** Last year's dataset: 1001 and 1003 open at 31 March 2024, as this year's set continues them. */
function previous(change: Partial<EpisodeRecord> = {}, dropChild?: string, header: Partial<HeaderRecord> = {}, missing: MissingRecord[] = []): LaDataset {
  const ep = (e: EpisodeRecord) => e;
  const children = [
    { child: '1001', episodes: [ep({ child: '1001', decom: '2022-01-10', rne: 'S', ls: 'C2', cin: 'N1', place: 'U4', placeProvider: 'PR1', dec: null, rec: null, reasonPlaceChange: null, homePost: 'ME14 1XX', plPost: 'ME15 6YY', urn: 'SC123456', ...change })] },
    { child: '1003', episodes: [ep({ child: '1003', decom: '2023-09-01', rne: 'S', ls: 'C2', cin: 'N4', place: 'K2', placeProvider: 'PR4', dec: null, rec: null, reasonPlaceChange: null, homePost: 'TN1 1AA', plPost: 'TN2 2BB', urn: 'SC222222' })] },
  ].filter((c) => c.child !== dropChild);
  return {
    yearEnding: 2024,
    children: children.map((c) => ({
      child: c.child, episodes: c.episodes, reviews: [], missing: missing.filter((m) => m.child === c.child), uasc: null,
      header: { ...HEADERS[c.child]!, ...(c.child === '1001' ? header : {}) },
    })),
  };
}

const CONTINUITY = [
  '502', '503A', '503B', '503C', '503D', '503E', '503F', '503G', '562', 'NoE', '199', '202', '203', '204', '207', '208',
  '624', '626', '576',
];
const where = (hits: { file: string; row: number | null; column: string | null; severity: string }[]) =>
  hits.map((f) => [f.file, f.row, f.column, f.severity]);

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

  it('502 compares the year\'s first episode, not any episode of that start date', () => {
    // Last year had 1001's episode from 10/01/2022 still open at 31 March 2024; this year says it ended in February.
    const u = new Upload();
    const [, first] = u.episodes('1001', [
      ['10/01/2022', 'S', 'C2', 'U4', '01/02/2024', 'X1', 'CARPL', 'ME15 6YY', 'N1'], ['01/02/2024', 'P', 'C2', 'U4', '', '', '', 'ME15 6YY', 'N1'],
    ]);
    expect(where(withCode(findings(u, { previous: previous() }), '502'))).toEqual([['Episodes', first, 'DECOM', 'query']]);
  });

  it('502 ignores earlier episodes of the period that ended before the year (an extract may carry them)', () => {
    const u = new Upload();
    u.episodes('1001', [
      ['01/01/2021', 'S', 'C2', 'U4', '10/01/2022', 'X1'], ['10/01/2022', 'P', 'C2', 'U4', '05/08/2024', 'X1', 'CARPL', 'ME15 6YY', 'N1'],
      ['05/08/2024', 'P', 'C2', 'U4', '', '', '', 'CT1 2ZZ', 'N1'],
    ]);
    const prev = previous({ rne: 'P', plPost: 'ME15 6YY', homePost: 'AA1 1AA', urn: 'SC000001' });
    expect(findings(u, { previous: prev }).filter((f) => CONTINUITY.includes(f.code))).toEqual([]);
  });

  it('503D: H5 that became K3 in 2024-25 is no change; any other placement is', () => {
    const k3 = new Upload().set('Episodes', 2, 'PLACE', 'K3');
    expect(withCode(findings(k3, { previous: previous({ place: 'H5' }) }), '503D')).toEqual([]);
    expect(where(withCode(findings(k3, { previous: previous({ place: 'U4' }) }), '503D'))).toEqual([['Episodes', 2, 'PLACE', 'query']]);
  });

  it('503D: Z1 that became Z11 in 2025-26 is no change', () => {
    // The year's first episode of 1001 is row 2 in 2024-25 and row 3 in 2025-26 (row 2 ended in August 2024).
    const z11 = new Upload();
    for (const row of [2, 3]) z11.set('Episodes', row, 'PLACE', 'Z11').set('Episodes', row, 'PLACE_PROVIDER', '').set('Episodes', row, 'URN', '');
    const prev = previous({ place: 'Z1', placeProvider: null, urn: null });
    expect(withCode(findings(z11, { yearEnding: 2026, previous: prev }), '503D')).toEqual([]);
    expect(where(withCode(findings(z11, { previous: prev }), '503D'))).toEqual([['Episodes', 2, 'PLACE', 'query']]);
  });

  it('562: an episode from before the year that is not last year\'s last episode', () => {
    const hits = withCode(findings(new Upload(), { previous: previous({ decom: '2021-05-01', dec: '2022-01-10', rec: 'X1' }) }), '562');
    expect(where(hits)).toEqual([['Episodes', 2, 'DECOM', 'query']]);
  });

  it('NoE: every episode from before the year of a child absent from last year', () => {
    const hits = withCode(findings(new Upload(), { previous: previous({}, '1001') }), 'NoE');
    expect(where(hits)).toEqual([['Episodes', 2, 'DECOM', 'query']]);
  });

  it('199: adopted last year, in care again this year', () => {
    const hits = withCode(findings(new Upload(), { previous: previous({ place: 'A4', ls: 'E1', dec: '2023-06-01', rec: 'E11' }) }), '199');
    expect(where(hits)).toEqual([['Episodes', 2, 'CHILD', 'query'], ['Episodes', 3, 'CHILD', 'query']]);
  });

  it.each([
    ['202', { sex: 'M' }, 'SEX'],
    ['203', { dob: '2012-06-16' }, 'DOB'],
    ['204', { ethnic: 'WIRI' }, 'ETHNIC'],
    ['207', { mother: '1', mcDob: '2023-01-01' }, 'MOTHER'],
    ['208', { upn: 'A886123412001' }, 'UPN'],
    ['624', { mcDob: '2023-01-01' }, 'MC_DOB'],
  ] as const)('%s: Header differs from last year (%o)', (code, header, column) => {
    const hits = withCode(findings(new Upload(), { previous: previous({}, undefined, header) }), code);
    expect(where(hits)).toEqual([['Header', 2, column, 'query']]);
  });

  it('624: a care leaver not looked after this year leaves MC_DOB blank (628 and 612 ask it), as 207 leaves MOTHER', () => {
    const leaver = new Upload().set('Header', 2, 'MOTHER', '').set('Header', 2, 'MC_DOB', '');
    leaver.episodes('1001', []);
    const prev = previous({}, undefined, { mother: '1', mcDob: '2023-01-01' });
    expect(withCode(findings(leaver, { previous: prev }), '624')).toEqual([]);
    // Still looked after, her blank MC_DOB contradicts last year's.
    const inCare = new Upload().set('Header', 2, 'MOTHER', '').set('Header', 2, 'MC_DOB', '');
    expect(where(withCode(findings(inCare, { previous: prev }), '624'))).toEqual([['Header', 2, 'MC_DOB', 'query']]);
  });

  it('202: SEX 2 last year and F this year is the same sex (the DfE tool compares the text)', () => {
    expect(withCode(findings(new Upload(), { previous: previous({}, undefined, { sex: '2' }) }), '202')).toEqual([]);
  });

  it('208: a UPN may go from UN1 to UN2–UN5, or from unknown to known', () => {
    expect(withCode(findings(new Upload(), { previous: previous({}, undefined, { upn: 'UN1' }) }), '208')).toEqual([]);
    const un3 = new Upload().set('Header', 2, 'UPN', 'UN3');
    expect(withCode(findings(un3, { previous: previous({}, undefined, { upn: 'UN1' }) }), '208')).toEqual([]);
    expect(where(withCode(findings(un3, { previous: previous() }), '208'))).toEqual([['Header', 2, 'UPN', 'query']]);
  });

  it('626: a mother whose first child was born before this year was not a mother last year', () => {
    const u = new Upload().set('Header', 2, 'MOTHER', '1').set('Header', 2, 'MC_DOB', '01/01/2024');
    expect(where(withCode(findings(u, { previous: previous() }), '626'))).toEqual([['Header', 2, 'MC_DOB', 'query']]);
    const bornThisYear = new Upload().set('Header', 2, 'MOTHER', '1').set('Header', 2, 'MC_DOB', '01/04/2024');
    expect(withCode(findings(bornThisYear, { previous: previous() }), '626')).toEqual([]);
  });

  it('576: an incident open at the end of last year is this year\'s first incident', () => {
    const open = (misStart: string): MissingRecord => ({ child: '1003', dob: '2008-03-03', missing: 'M', misStart, misEnd: null });
    expect(where(withCode(findings(new Upload(), { previous: previous({}, undefined, {}, [open('2024-03-30')]) }), '576')))
      .toEqual([['Missing', 2, 'MIS_START', 'query']]);
    const continued = new Upload().set('Missing', 2, 'MIS_START', '30/03/2024').set('Missing', 2, 'MIS_END', '03/10/2024');
    expect(withCode(findings(continued, { previous: previous({}, undefined, {}, [open('2024-03-30')]) }), '576')).toEqual([]);
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
