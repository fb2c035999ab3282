/**
 * The OC2, OC3, AD1, PlacedAdoption, PrevPerm, UASC and SWEpisodes rules, one failing and one passing case each,
 * on a full valid set: the fixture plus a row or more of every other table. Used by tables-rules.test.ts.
 *
 * The fixture's children (collection year 2024-25): 1001 (F, 15/06/2012) and 1003 (M, 03/03/2008, turns 17 on
 * 03/03/2025, UASC) are looked after all year; 1002 (M, 01/02/2022) came into care 12/05/2024; 1004 (F, 20/10/2010)
 * was in care 02/06/2024–30/11/2024; 1005 has short breaks only. Added here: 1006 (M, 10/10/2005), a care leaver.
 */
import { TABLE_COLUMNS } from '../../../shared/domain/ssda903/columns.ts';
import type { LaDataset, TableName } from '../../../shared/domain/ssda903/records.ts';
import { Upload, type Where } from './helper.ts';

function table(name: TableName, rows: Record<string, string>[]): string[][] {
  const cols = TABLE_COLUMNS[name];
  return [[...cols], ...rows.map((r) => cols.map((c) => r[c] ?? ''))];
}

/** OC2 rows: 2 = 1001, 3 = 1003. */
const OC2_ROWS: Record<string, string>[] = [
  { CHILD: '1001', DOB: '15/06/2012', SDQ_SCORE: '12', CONVICTED: '0', IMMUNISATIONS: '1', TEETH_CHECK: '1', HEALTH_ASSESSMENT: '1', SUBSTANCE_MISUSE: '0' },
  { CHILD: '1003', DOB: '03/03/2008', SDQ_SCORE: '20', CONVICTED: '0', IMMUNISATIONS: '1', TEETH_CHECK: '1', HEALTH_ASSESSMENT: '1', SUBSTANCE_MISUSE: '1', INTERVENTION_RECEIVED: '1' },
];

/** The fixture plus: OC2 (1001, 1003), OC3 (1006), AD1 and PlacedAdoption (1002), PrevPerm (1004), SWEpisodes (rows 2–6). */
export function fullSet(): Upload {
  const u = new Upload();
  u.add('Header', { CHILD: '1006', SEX: 'M', DOB: '10/10/2005', ETHNIC: 'WBRI', UPN: 'UN4' }); // a real unknown-UPN code: UN1 (not of school age) would be DfE 209
  u.put('OC2', table('OC2', OC2_ROWS));
  u.put('OC3', table('OC3', [{ CHILD: '1006', DOB: '10/10/2005', IN_TOUCH: 'YES', ACTIV: 'F1', ACCOM: 'S2' }]));
  u.put('AD1', table('AD1', [{ CHILD: '1002', DOB: '01/02/2022', DATE_INT: '01/06/2024', DATE_MATCH: '01/07/2024', FOSTER_CARE: '0', NB_ADOPTR: '2', SEX_ADOPTR: 'MF', LS_ADOPTR: 'L11' }]));
  u.put('PlacedAdoption', table('PlacedAdoption', [{ CHILD: '1002', DOB: '01/02/2022', DATE_PLACED: '01/06/2024' }]));
  u.put('PrevPerm', table('PrevPerm', [
    { CHILD: '1004', DOB: '20/10/2010', PREV_PERM: 'P1', LA_PERM: '886', DATE_PERM: '01/01/2019' },
    { CHILD: '1002', DOB: '01/02/2022', PREV_PERM: 'Z1' },
    { CHILD: '1005', DOB: '05/05/2015', PREV_PERM: 'Z1' },
  ]));
  // 1002, whose adoption AD1 reports, is adopted (E11) from a placement for adoption (A4) under a placement order (E1),
  // both new on 20/07/2024 (RNE B).
  u.set('Episodes', 4, 'REASON_PLACE_CHANGE', 'CARPL').set('Episodes', 5, 'RNE', 'B').set('Episodes', 5, 'LS', 'E1').set('Episodes', 5, 'PLACE', 'A4').set('Episodes', 5, 'DEC', '01/12/2024').set('Episodes', 5, 'REC', 'E11');
  u.put('SWEpisodes', table('SWEpisodes', [
    { CHILD: '1001', DOB: '15/06/2012', SW_ID: 'SW001', SW_DECOM: '01/01/2022', SW_DEC: '01/09/2024', SW_REASON: 'MANAGE' },
    { CHILD: '1001', DOB: '15/06/2012', SW_ID: 'SW002', SW_DECOM: '01/09/2024', SW_REASON: 'LEFTRL' },
    { CHILD: '1002', DOB: '01/02/2022', SW_ID: 'SW003', SW_DECOM: '12/05/2024', SW_REASON: 'MANAGE' },
    { CHILD: '1003', DOB: '03/03/2008', SW_ID: 'SW004', SW_DECOM: '01/09/2023', SW_REASON: 'MANAGE' },
    { CHILD: '1004', DOB: '20/10/2010', SW_ID: 'SW005', SW_DECOM: '02/06/2024', SW_DEC: '30/11/2024', SW_REASON: 'MANAGE' },
  ]));
  return u;
}

export interface TableCase {
  code: string;
  name: string;
  /** Breaks the full set and returns where the finding(s) must be. */
  fail: (u: Upload) => Where | Where[];
  /** A near miss that must not raise this code (defaults to the untouched full set). */
  pass?: (u: Upload) => void;
  yearEnding?: number;
  /** Last year's dataset, for the rules that read it. */
  previous?: LaDataset;
}

const at = (file: string, row: number | null, column: string | null): Where => ({ file, row, column });
const OC2 = 'OC2';
const OC3 = 'OC3';
const AD1 = 'AD1';
const PA = 'PlacedAdoption';
const PP = 'PrevPerm';
const SW = 'SWEpisodes';
const UASC = 'UASC';

/** 2023-24 with the care leaver 1006 in care from 01/09/2022, still looked after at 31 March 2024. */
function lastYear1006(): LaDataset {
  return {
    yearEnding: 2024,
    children: [{
      child: '1006',
      header: { child: '1006', sex: 'M', dob: '2005-10-10', ethnic: 'WBRI', upn: 'UN4', mother: null, mcDob: null },
      episodes: [{
        child: '1006', decom: '2022-09-01', rne: 'S', ls: 'C2', cin: 'N1', place: 'U4', placeProvider: 'PR1', dec: null,
        rec: null, reasonPlaceChange: null, homePost: null, plPost: null, urn: null,
      }],
      reviews: [], missing: [], uasc: null,
    }],
  };
}

const oc2Row = (u: Upload, cells: Record<string, string>) => u.add(OC2, cells);
const ALL_OC2_ITEMS = { CONVICTED: '0', IMMUNISATIONS: '1', TEETH_CHECK: '1', HEALTH_ASSESSMENT: '1', SUBSTANCE_MISUSE: '0' };
const LEAVER_1001 = { CHILD: '1001', DOB: '15/06/2012', IN_TOUCH: 'YES', ACTIV: 'F1', ACCOM: 'S2' };
const ADOPTION_1001 = { CHILD: '1001', DOB: '15/06/2012', DATE_INT: '01/06/2024', DATE_MATCH: '01/07/2024', FOSTER_CARE: '0', NB_ADOPTR: '1', SEX_ADOPTR: 'F1', LS_ADOPTR: 'L0' };
/** 1002 in care since 12/05/2023 and not adopted, so looked after all year (and under 5). */
const allYear1002 = (u: Upload) => void u.set('Episodes', 4, 'DECOM', '12/05/2023').set('Episodes', 5, 'DEC', '').set('Episodes', 5, 'REC', '');
/** 1002's last episode ends in adoption (A4, E11) on 01/12/2024; it began 20/07/2024 (as in the full set). */
const adopted1002 = (u: Upload) => void u.set('Episodes', 5, 'PLACE', 'A4').set('Episodes', 5, 'DEC', '01/12/2024').set('Episodes', 5, 'REC', 'E11');

export const TABLE_CASES: TableCase[] = [
  // AD1 (row 2 = 1002)
  { code: '112', name: 'DATE_INT not a date', fail: (u) => (u.set(AD1, 2, 'DATE_INT', '2024-06-01'), at(AD1, 2, 'DATE_INT')), pass: (u) => void u.set(AD1, 2, 'DATE_INT', '1/6/2024') },
  { code: '113', name: 'DATE_MATCH not a date', fail: (u) => (u.set(AD1, 2, 'DATE_MATCH', '31/06/2024'), at(AD1, 2, 'DATE_MATCH')), pass: (u) => void u.set(AD1, 2, 'DATE_MATCH', '30/06/2024') },
  { code: '114', name: 'FOSTER_CARE not 0 or 1', fail: (u) => (u.set(AD1, 2, 'FOSTER_CARE', '2'), at(AD1, 2, 'FOSTER_CARE')), pass: (u) => void u.set(AD1, 2, 'FOSTER_CARE', '1') },
  { code: '175', name: 'NB_ADOPTR not 1 or 2', fail: (u) => (u.set(AD1, 2, 'NB_ADOPTR', '3'), at(AD1, 2, 'NB_ADOPTR')), pass: (u) => void u.set(AD1, 2, 'NB_ADOPTR', '1').set(AD1, 2, 'SEX_ADOPTR', 'M1').set(AD1, 2, 'LS_ADOPTR', 'L0') },
  { code: '176', name: 'SEX_ADOPTR not a code', fail: (u) => (u.set(AD1, 2, 'SEX_ADOPTR', 'FM'), at(AD1, 2, 'SEX_ADOPTR')), pass: (u) => void u.set(AD1, 2, 'SEX_ADOPTR', 'FF').set(AD1, 2, 'LS_ADOPTR', 'L12') },
  { code: '177', name: 'LS_ADOPTR not a code', fail: (u) => (u.set(AD1, 2, 'LS_ADOPTR', 'L1'), at(AD1, 2, 'LS_ADOPTR')), pass: (u) => void u.set(AD1, 2, 'LS_ADOPTR', 'L3') },
  { code: '151', name: 'adoption items partly blank', fail: (u) => (u.set(AD1, 2, 'FOSTER_CARE', ''), at(AD1, 2, 'FOSTER_CARE')), pass: (u) => void ['DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'].forEach((c) => u.set(AD1, 2, c, '')) },
  { code: '333', name: 'DATE_INT after DATE_MATCH', fail: (u) => (u.set(AD1, 2, 'DATE_INT', '02/07/2024'), at(AD1, 2, 'DATE_INT')), pass: (u) => void u.set(AD1, 2, 'DATE_INT', '01/07/2024') },
  { code: '333', name: 'DATE_MATCH without DATE_INT', fail: (u) => (u.set(AD1, 2, 'DATE_INT', ''), at(AD1, 2, 'DATE_INT')) },
  {
    code: '331', name: 'matched after the adoption placement began',
    fail: (u) => (adopted1002(u), u.set(AD1, 2, 'DATE_MATCH', '21/07/2024'), [at(AD1, 2, 'DATE_MATCH'), at('Episodes', 5, 'DECOM')]),
    pass: (u) => (adopted1002(u), void u.set(AD1, 2, 'DATE_MATCH', '20/07/2024')),
  },
  { code: '511', name: 'two adopters coded as one', fail: (u) => (u.set(AD1, 2, 'SEX_ADOPTR', 'M1').set(AD1, 2, 'LS_ADOPTR', 'L2'), at(AD1, 2, 'SEX_ADOPTR')), pass: (u) => void u.set(AD1, 2, 'SEX_ADOPTR', 'MM').set(AD1, 2, 'LS_ADOPTR', 'L2') },
  { code: '514', name: 'single adopter (L0) coded as a couple', fail: (u) => (u.set(AD1, 2, 'LS_ADOPTR', 'L0'), at(AD1, 2, 'SEX_ADOPTR')), pass: (u) => void u.set(AD1, 2, 'LS_ADOPTR', 'L0').set(AD1, 2, 'SEX_ADOPTR', 'F1').set(AD1, 2, 'NB_ADOPTR', '1') },
  { code: '517', name: 'L3 not MF', fail: (u) => (u.set(AD1, 2, 'LS_ADOPTR', 'L3').set(AD1, 2, 'SEX_ADOPTR', 'FF'), at(AD1, 2, 'SEX_ADOPTR')), pass: (u) => void u.set(AD1, 2, 'LS_ADOPTR', 'L3') },
  { code: '518', name: 'L4 not MM or FF', fail: (u) => (u.set(AD1, 2, 'LS_ADOPTR', 'L4'), at(AD1, 2, 'SEX_ADOPTR')), pass: (u) => void u.set(AD1, 2, 'LS_ADOPTR', 'L4').set(AD1, 2, 'SEX_ADOPTR', 'MM') },
  { code: '519', name: 'civil partners (L2) not a couple', fail: (u) => (u.set(AD1, 2, 'LS_ADOPTR', 'L2').set(AD1, 2, 'SEX_ADOPTR', 'F1'), at(AD1, 2, 'SEX_ADOPTR')), pass: (u) => void u.set(AD1, 2, 'LS_ADOPTR', 'L2') },
  { code: '520', name: 'married different-sex couple (L11) not MF', fail: (u) => (u.set(AD1, 2, 'SEX_ADOPTR', 'FF'), at(AD1, 2, 'SEX_ADOPTR')) },
  { code: '524', name: 'L12 not MM or FF', fail: (u) => (u.set(AD1, 2, 'LS_ADOPTR', 'L12'), at(AD1, 2, 'SEX_ADOPTR')), pass: (u) => void u.set(AD1, 2, 'LS_ADOPTR', 'L12').set(AD1, 2, 'SEX_ADOPTR', 'FF') },
  { code: 'INT31', name: 'child twice in AD1', fail: (u) => at(AD1, u.copy(AD1, 2), 'CHILD') },
  {
    code: '601', name: 'adopted this year, LS_ADOPTR blank',
    fail: (u) => (u.set(AD1, 2, 'LS_ADOPTR', ''), [at(AD1, 2, 'LS_ADOPTR'), at('Episodes', 5, 'REC')]),
    pass: (u) => void u.set(AD1, 2, 'LS_ADOPTR', '').set('Episodes', 5, 'DEC', '').set('Episodes', 5, 'REC', ''),
  },
  {
    // 1002 is placed for adoption (A4) from 20/07/2024.
    code: '521', name: 'placed for adoption before the decision that adoption is best',
    fail: (u) => (u.set(AD1, 2, 'DATE_INT', '21/07/2024'), [at('Episodes', 5, 'DECOM'), at(AD1, 2, 'DATE_INT')]),
    pass: (u) => void u.set(AD1, 2, 'DATE_INT', '20/07/2024'),
  },
  {
    code: '602', name: 'adoption data without an adoption this year',
    fail: (u) => (u.set('Episodes', 5, 'DEC', '').set('Episodes', 5, 'REC', ''), at(AD1, 2, 'CHILD')),
    pass: (u) => void u.set('Episodes', 5, 'DEC', '31/03/2025'),
  },
  {
    // 1002's care began 12/05/2024 (RNE S).
    code: '334', name: 'decision to place for adoption before care began',
    fail: (u) => (u.set(AD1, 2, 'DATE_INT', '11/05/2024'), [at(AD1, 2, 'DATE_INT'), at('Episodes', 4, 'DECOM')]),
    pass: (u) => void u.set(AD1, 2, 'DATE_INT', '12/05/2024'),
  },
  {
    code: '582', name: 'adopted on the day of the match',
    fail: (u) => (adopted1002(u), u.set(AD1, 2, 'DATE_MATCH', '01/12/2024'), at('Episodes', 5, 'DEC')),
    pass: (u) => (adopted1002(u), void u.set(AD1, 2, 'DATE_MATCH', '30/11/2024')),
  },
  {
    // A4 is a placement not with the current foster carer(s), so FOSTER_CARE 1 contradicts it; A5 is with them.
    code: '335', name: 'adopted from A4 by the foster carer',
    fail: (u) => (adopted1002(u), u.set(AD1, 2, 'FOSTER_CARE', '1'), [at('Episodes', 5, 'PLACE'), at(AD1, 2, 'FOSTER_CARE')]),
    pass: (u) => (adopted1002(u), void u.set('Episodes', 5, 'PLACE', 'A5').set(AD1, 2, 'FOSTER_CARE', '1')),
  },
  // OC2 (row 2 = 1001, row 3 = 1003)
  { code: '180', name: 'SDQ_SCORE 180', fail: (u) => (u.set(OC2, 2, 'SDQ_SCORE', '180'), at(OC2, 2, 'SDQ_SCORE')), pass: (u) => void u.set(OC2, 2, 'SDQ_SCORE', '40') },
  { code: '180', name: 'SDQ_SCORE not a number', fail: (u) => (u.set(OC2, 2, 'SDQ_SCORE', 'x'), at(OC2, 2, 'SDQ_SCORE')), pass: (u) => void u.set(OC2, 2, 'SDQ_SCORE', '0') },
  { code: '181', name: 'CONVICTED not 0 or 1', fail: (u) => (u.set(OC2, 2, 'CONVICTED', '2'), at(OC2, 2, 'CONVICTED')), pass: (u) => void u.set(OC2, 2, 'CONVICTED', '1') },
  { code: '182', name: 'CONVICTED filled, IMMUNISATIONS blank', fail: (u) => (u.set(OC2, 2, 'IMMUNISATIONS', ''), at(OC2, 2, 'IMMUNISATIONS')), pass: (u) => void u.set(OC2, 2, 'IMMUNISATIONS', '').set(OC2, 2, 'CONVICTED', '') },
  { code: '188', name: 'SDQ reason for a child under 4', fail: (u) => at(OC2, oc2Row(u, { CHILD: '1002', DOB: '01/02/2022', SDQ_REASON: 'SDQ1' }), 'SDQ_REASON'), pass: (u) => void oc2Row(u, { CHILD: '1002', DOB: '01/02/2022' }) },
  { code: '189', name: 'SDQ score for a child 17 at the start of the year', fail: (u) => at(OC2, oc2Row(u, { CHILD: '1006', DOB: '10/10/2005', SDQ_SCORE: '10' }), 'SDQ_SCORE'), pass: (u) => void oc2Row(u, { CHILD: '1006', DOB: '10/10/2005' }) },
  { code: '190', name: 'OC2 items for a child not looked after all year', fail: (u) => at(OC2, oc2Row(u, { CHILD: '1004', DOB: '20/10/2010', CONVICTED: '0' }), 'CONVICTED'), pass: (u) => void oc2Row(u, { CHILD: '1004', DOB: '20/10/2010' }) },
  {
    // The DfE counts care ending on 31 March itself as 12 months (its OC2 is due, 191); a day earlier breaks them.
    code: '190', name: 'OC2 items for a child whose care ended on 30 March',
    fail: (u) => (u.set('Episodes', 3, 'DEC', '30/03/2025').set('Episodes', 3, 'REC', 'E4A'), at(OC2, 2, 'CONVICTED')),
    pass: (u) => void u.set('Episodes', 3, 'DEC', '31/03/2025').set('Episodes', 3, 'REC', 'E4A'),
  },
  { code: '191', name: 'TEETH_CHECK blank for a child looked after all year', fail: (u) => (u.set(OC2, 3, 'TEETH_CHECK', ''), at(OC2, 3, 'TEETH_CHECK')) },
  { code: '191', name: 'no OC2 row for a child looked after all year', fail: (u) => (u.remove(OC2, 3), at('Episodes', 6, 'CHILD')), pass: (u) => void u.remove(OC2, 3).set('Episodes', 6, 'DECOM', '02/04/2024') },
  { code: '192', name: 'substance misuse, intervention received blank', fail: (u) => (u.set(OC2, 3, 'INTERVENTION_RECEIVED', ''), at(OC2, 3, 'INTERVENTION_RECEIVED')), pass: (u) => void u.set(OC2, 3, 'INTERVENTION_RECEIVED', '').set(OC2, 3, 'SUBSTANCE_MISUSE', '0') },
  { code: '193', name: 'no substance misuse, intervention filled', fail: (u) => (u.set(OC2, 2, 'INTERVENTION_RECEIVED', '0'), at(OC2, 2, 'INTERVENTION_RECEIVED')), pass: (u) => void u.set(OC2, 2, 'INTERVENTION_RECEIVED', '0').set(OC2, 2, 'SUBSTANCE_MISUSE', '1').set(OC2, 2, 'INTERVENTION_OFFERED', '1') },
  { code: '158', name: 'intervention received and offered', fail: (u) => (u.set(OC2, 3, 'INTERVENTION_OFFERED', '1'), at(OC2, 3, 'INTERVENTION_OFFERED')), pass: (u) => void u.set(OC2, 3, 'INTERVENTION_RECEIVED', '0').set(OC2, 3, 'INTERVENTION_OFFERED', '1') },
  { code: '159', name: 'intervention not received, offered blank', fail: (u) => (u.set(OC2, 3, 'INTERVENTION_RECEIVED', '0'), at(OC2, 3, 'INTERVENTION_OFFERED')), pass: (u) => void u.set(OC2, 3, 'INTERVENTION_RECEIVED', '0').set(OC2, 3, 'INTERVENTION_OFFERED', '0') },
  { code: '196', name: 'SDQ_REASON not a code', fail: (u) => (u.set(OC2, 2, 'SDQ_SCORE', '').set(OC2, 2, 'SDQ_REASON', 'SDQ9'), at(OC2, 2, 'SDQ_REASON')), pass: (u) => void u.set(OC2, 2, 'SDQ_SCORE', '').set(OC2, 2, 'SDQ_REASON', 'SDQ5') },
  { code: '197a', name: 'SDQ score and reason', fail: (u) => (u.set(OC2, 2, 'SDQ_REASON', 'SDQ2'), at(OC2, 2, 'SDQ_REASON')), pass: (u) => void u.set(OC2, 2, 'SDQ_REASON', 'SDQ2').set(OC2, 2, 'SDQ_SCORE', '') },
  { code: '197B', name: 'no SDQ for a child turning 17', fail: (u) => (u.set(OC2, 3, 'SDQ_SCORE', ''), at(OC2, 3, 'SDQ_SCORE')), pass: (u) => void u.set(OC2, 3, 'SDQ_SCORE', '').set(OC2, 3, 'SDQ_REASON', 'SDQ3') },
  { code: '157', name: 'SDQ1 for a child aged 4 to 16', fail: (u) => (u.set(OC2, 2, 'SDQ_SCORE', '').set(OC2, 2, 'SDQ_REASON', 'SDQ1'), at(OC2, 2, 'SDQ_REASON')), pass: (u) => void u.set(OC2, 2, 'SDQ_SCORE', '').set(OC2, 2, 'SDQ_REASON', 'SDQ2') },
  { code: '544', name: 'convicted, TEETH_CHECK blank', fail: (u) => (u.set(OC2, 2, 'CONVICTED', '1').set(OC2, 2, 'TEETH_CHECK', ''), at(OC2, 2, 'TEETH_CHECK')), pass: (u) => void u.set(OC2, 2, 'CONVICTED', '1') },
  { code: '547', name: 'health check, IMMUNISATIONS blank', fail: (u) => (u.set(OC2, 3, 'HEALTH_CHECK', '1').set(OC2, 3, 'IMMUNISATIONS', ''), at(OC2, 3, 'IMMUNISATIONS')), pass: (u) => void u.set(OC2, 3, 'HEALTH_CHECK', '1') },
  {
    code: '545', name: 'under 5, looked after all year, HEALTH_CHECK blank',
    fail: (u) => (allYear1002(u), at(OC2, oc2Row(u, { CHILD: '1002', DOB: '01/02/2022', ...ALL_OC2_ITEMS }), 'HEALTH_CHECK')),
    pass: (u) => (allYear1002(u), void oc2Row(u, { CHILD: '1002', DOB: '01/02/2022', ...ALL_OC2_ITEMS, HEALTH_CHECK: '1' })),
  },
  { code: 'INT33', name: 'child twice in OC2', fail: (u) => at(OC2, u.copy(OC2, 2), 'CHILD') },
  { code: '198', name: 'SDQ reason for a child not looked after all year', fail: (u) => at(OC2, oc2Row(u, { CHILD: '1004', DOB: '20/10/2010', SDQ_REASON: 'SDQ2' }), 'SDQ_REASON'), pass: (u) => void oc2Row(u, { CHILD: '1004', DOB: '20/10/2010' }) },
  { code: '186', name: 'no SDQ for a child aged 4 to 16', fail: (u) => (u.set(OC2, 2, 'SDQ_SCORE', ''), at(OC2, 2, 'SDQ_SCORE')), pass: (u) => void u.set(OC2, 2, 'SDQ_SCORE', '').set(OC2, 2, 'SDQ_REASON', 'SDQ2') },
  {
    // 1001 turned 10 on 15/06/2022; 1002 (looked after all year) is 3.
    code: '543', name: 'no conviction data for a child aged 10 or over',
    fail: (u) => (u.set(OC2, 2, 'CONVICTED', ''), at(OC2, 2, 'CONVICTED')),
    pass: (u) => (allYear1002(u), void oc2Row(u, { CHILD: '1002', DOB: '01/02/2022', ...ALL_OC2_ITEMS, CONVICTED: '', HEALTH_CHECK: '1' })),
  },
  { code: '185', name: 'SDQ score for a child not looked after all year', fail: (u) => at(OC2, oc2Row(u, { CHILD: '1004', DOB: '20/10/2010', SDQ_SCORE: '10' }), 'SDQ_SCORE'), pass: (u) => void oc2Row(u, { CHILD: '1004', DOB: '20/10/2010', SDQ_REASON: 'SDQ2' }) },
  {
    // 1001 (born 2012) is 12 at 31 March; 1002 looked after all year turns 5 on 01/02/2027.
    code: '546', name: 'health check for a child aged 5 or over',
    fail: (u) => (u.set(OC2, 2, 'HEALTH_CHECK', '1'), at(OC2, 2, 'HEALTH_CHECK')),
    pass: (u) => (allYear1002(u), void oc2Row(u, { CHILD: '1002', DOB: '01/02/2022', ...ALL_OC2_ITEMS, HEALTH_CHECK: '1' })),
  },
  {
    // 1005 born 01/04/2015 turns 10 on 01/04/2025, a day after 31 March; born 31/03/2015 they are 10 on it.
    code: '542', name: 'conviction data for a child under 10',
    fail: (u) => (u.set('Header', 6, 'DOB', '01/04/2015'), at(OC2, oc2Row(u, { CHILD: '1005', DOB: '01/04/2015', CONVICTED: '0' }), 'CONVICTED')),
    pass: (u) => (u.set('Header', 6, 'DOB', '31/03/2015'), void oc2Row(u, { CHILD: '1005', DOB: '31/03/2015', CONVICTED: '0' })),
  },
  { code: 'INT14', name: 'OC2 DOB differs', fail: (u) => (u.set(OC2, 2, 'DOB', '16/06/2012'), at(OC2, 2, 'DOB')), pass: (u) => void u.set(OC2, 2, 'DOB', '15/6/2012') },
  {
    code: '215', name: 'care leaver with OC2 items',
    fail: (u) => [at(OC2, oc2Row(u, { CHILD: '1006', DOB: '10/10/2005', CONVICTED: '0' }), 'CONVICTED'), at(OC3, 2, 'IN_TOUCH')],
    pass: (u) => void oc2Row(u, { CHILD: '1006', DOB: '10/10/2005' }),
  },
  // OC3 (row 2 = 1006)
  { code: '131', name: 'IN_TOUCH not a code', fail: (u) => (u.set(OC3, 2, 'IN_TOUCH', 'MAYBE'), at(OC3, 2, 'IN_TOUCH')), pass: (u) => void u.set(OC3, 2, 'IN_TOUCH', 'NO') },
  { code: '132', name: 'ACTIV not a code', fail: (u) => (u.set(OC3, 2, 'ACTIV', 'F3'), at(OC3, 2, 'ACTIV')), pass: (u) => void u.set(OC3, 2, 'ACTIV', 'G6') },
  { code: '133', name: 'ACCOM not a code', fail: (u) => (u.set(OC3, 2, 'ACCOM', 'T'), at(OC3, 2, 'ACCOM')), pass: (u) => void u.set(OC3, 2, 'ACCOM', 'T1') },
  { code: '153', name: 'care leaver items partly blank', fail: (u) => (u.set(OC3, 2, 'ACCOM', ''), at(OC3, 2, 'ACCOM')), pass: (u) => void u.set(OC3, 2, 'IN_TOUCH', '').set(OC3, 2, 'ACTIV', '').set(OC3, 2, 'ACCOM', '') },
  { code: '344', name: 'died but activity coded', fail: (u) => (u.set(OC3, 2, 'IN_TOUCH', 'DIED'), at(OC3, 2, 'ACTIV')), pass: (u) => void u.set(OC3, 2, 'IN_TOUCH', 'DIED').set(OC3, 2, 'ACTIV', '0').set(OC3, 2, 'ACCOM', '0') },
  { code: '345', name: 'in touch but activity 0', fail: (u) => (u.set(OC3, 2, 'ACTIV', '0'), at(OC3, 2, 'ACTIV')), pass: (u) => void u.set(OC3, 2, 'ACTIV', '0').set(OC3, 2, 'IN_TOUCH', 'NO') },
  {
    code: '347', name: 'in a foyer under 18',
    fail: (u) => at(OC3, u.add(OC3, { CHILD: '1003', DOB: '03/03/2008', IN_TOUCH: 'YES', ACTIV: 'F1', ACCOM: 'T1' }), 'ACCOM'),
    pass: (u) => void u.set(OC3, 2, 'ACCOM', 'T2'),
  },
  { code: '391', name: 'care leaver under 17 all year', fail: (u) => at(OC3, u.add(OC3, LEAVER_1001), 'IN_TOUCH'), pass: (u) => void u.add(OC3, { CHILD: '1001', DOB: '15/06/2012' }) },
  {
    code: '391', name: 'care leaver 22 all year',
    fail: (u) => (u.set('Header', 7, 'DOB', '01/04/2002').set(OC3, 2, 'DOB', '01/04/2002'), at(OC3, 2, 'IN_TOUCH')),
    pass: (u) => void u.set('Header', 7, 'DOB', '02/04/2002').set(OC3, 2, 'DOB', '02/04/2002'),
  },
  { code: '134', name: 'adoption data for a care leaver', fail: (u) => at(AD1, u.add(AD1, { ...ADOPTION_1001, CHILD: '1006', DOB: '10/10/2005' }), 'CHILD'), pass: (u) => void u.add(AD1, { CHILD: '1006', DOB: '10/10/2005' }) },
  { code: '187', name: 'care leaver data for a child looked after all year', fail: (u) => at(OC3, u.add(OC3, LEAVER_1001), 'IN_TOUCH') },
  { code: '187', name: 'adoption data for a child looked after all year', fail: (u) => at(AD1, u.add(AD1, ADOPTION_1001), 'CHILD'), pass: (u) => void u.add(AD1, { CHILD: '1001', DOB: '15/06/2012' }) },
  { code: 'INT34', name: 'child twice in OC3', fail: (u) => at(OC3, u.copy(OC3, 2), 'CHILD') },
  {
    // 1003 turned 17 on 03/03/2025 and leaves care on it; leaving the day before is no finding.
    code: '1016', name: 'care leaver data for a 17-year-old who left care after the birthday',
    fail: (u) => (u.set('Episodes', 6, 'DEC', '03/03/2025').set('Episodes', 6, 'REC', 'E4A'), at(OC3, u.add(OC3, { CHILD: '1003', DOB: '03/03/2008', IN_TOUCH: 'YES', ACTIV: 'F1', ACCOM: 'S2' }), 'IN_TOUCH')),
    pass: (u) => (u.set('Episodes', 6, 'DEC', '02/03/2025').set('Episodes', 6, 'REC', 'E4A'), void u.add(OC3, { CHILD: '1003', DOB: '03/03/2008', IN_TOUCH: 'YES', ACTIV: 'F1', ACCOM: 'S2' })),
  },
  {
    // 1006 is not looked after this year; 1003 (UASC row 2) is.
    code: '1014', name: 'UASC row for a care leaver not looked after this year',
    fail: (u) => [at(UASC, u.add(UASC, { CHILD: '1006', SEX: 'M', DOB: '10/10/2005' }), 'CHILD'), at(OC3, 2, 'IN_TOUCH')],
    pass: (u) => void u.add(OC3, { CHILD: '1003', DOB: '03/03/2008', IN_TOUCH: 'YES', ACTIV: 'F1', ACCOM: 'S2' }),
  },
  {
    code: '1002', name: 'care leaver with no episode this year or last', previous: { yearEnding: 2024, children: [] }, fail: () => at(OC3, 2, 'IN_TOUCH'),
    pass: (u) => void u.add('Episodes', { CHILD: '1006', DECOM: '01/09/2022', RNE: 'S', LS: 'C2', CIN: 'N1', PLACE: 'U4', PLACE_PROVIDER: 'PR1', DEC: '10/04/2024', REC: 'E4A' }),
  },
  {
    // 1003 turned 17 on 03/03/2025 while looked after (since 01/09/2023); the near miss left care on 01/03/2025.
    code: '1007', name: 'care leaver data for a 17-year-old looked after on the birthday',
    fail: (u) => at(OC3, u.add(OC3, { CHILD: '1003', DOB: '03/03/2008', IN_TOUCH: 'YES', ACTIV: 'F1', ACCOM: 'S2' }), 'IN_TOUCH'),
    pass: (u) => (u.set('Episodes', 6, 'DEC', '01/03/2025').set('Episodes', 6, 'REC', 'E4A'), void u.add(OC3, { CHILD: '1003', DOB: '03/03/2008', IN_TOUCH: 'YES', ACTIV: 'F1', ACCOM: 'S2' })),
  },
  {
    code: '1011', name: 'care leaver data after care was transferred to another LA',
    fail: (u) => (u.set('Episodes', 7, 'REC', 'E3'), at(OC3, u.add(OC3, { CHILD: '1004', DOB: '20/10/2010', IN_TOUCH: 'NO', ACTIV: 'F1', ACCOM: 'S2' }), 'IN_TOUCH')),
    pass: (u) => (u.set('Episodes', 7, 'REC', 'E3'), void u.add(OC3, { CHILD: '1004', DOB: '20/10/2010' })),
  },
  {
    // The near miss: the open episode carried on into this year and ended on 10/04/2024.
    code: '1010', name: 'no episode this year after an open one last year', previous: lastYear1006(), fail: () => at(OC3, 2, 'IN_TOUCH'),
    pass: (u) => void u.add('Episodes', { CHILD: '1006', DECOM: '01/09/2022', RNE: 'S', LS: 'C2', CIN: 'N1', PLACE: 'U4', PLACE_PROVIDER: 'PR1', DEC: '10/04/2024', REC: 'E4A' }),
  },
  {
    // 1003 turns 17 on 03/03/2025, inside 2024-25; 1006 turned 17 on 10/10/2022.
    code: '3001', name: 'with former foster carers in the year of the 17th birthday',
    fail: (u) => at(OC3, u.add(OC3, { CHILD: '1003', DOB: '03/03/2008', IN_TOUCH: 'YES', ACTIV: 'F1', ACCOM: 'Z1' }), 'ACCOM'),
    pass: (u) => void u.set(OC3, 2, 'ACCOM', 'Z1'),
  },
  {
    code: '1000', name: 'care leaver data for a child who died in care',
    fail: (u) => (u.set('Episodes', 7, 'REC', 'E2'), at(OC3, u.add(OC3, { CHILD: '1004', DOB: '20/10/2010', IN_TOUCH: 'NO', ACTIV: 'F1', ACCOM: 'S2' }), 'IN_TOUCH')),
    pass: (u) => void u.add(OC3, { CHILD: '1004', DOB: '20/10/2010', IN_TOUCH: 'NO', ACTIV: 'F1', ACCOM: 'S2' }),
  },
  {
    // 1006 has no episode this year; 1004 (MOTHER 0) has one, so its care leaver data does not make MOTHER extra.
    code: '628', name: 'MOTHER for a care leaver not looked after this year',
    fail: (u) => (u.set('Header', 7, 'MOTHER', '0'), at('Header', 7, 'MOTHER')),
    pass: (u) => void u.add(OC3, { CHILD: '1004', DOB: '20/10/2010', IN_TOUCH: 'NO', ACTIV: 'F1', ACCOM: 'S2' }),
  },
  { code: 'INT15', name: 'OC3 DOB differs', fail: (u) => (u.set(OC3, 2, 'DOB', '11/10/2005'), at(OC3, 2, 'DOB')) },
  // PlacedAdoption (row 2 = 1002)
  { code: '115', name: 'DATE_PLACED not a date', fail: (u) => (u.set(PA, 2, 'DATE_PLACED', '2024-06-01'), at(PA, 2, 'DATE_PLACED')), pass: (u) => void u.set(PA, 2, 'DATE_PLACED', '1/6/2024') },
  { code: '116', name: 'DATE_PLACED_CEASED not a date', fail: (u) => (u.set(PA, 2, 'DATE_PLACED_CEASED', '31/06/2024').set(PA, 2, 'REASON_PLACED_CEASED', 'RD1'), at(PA, 2, 'DATE_PLACED_CEASED')), pass: (u) => void u.set(PA, 2, 'DATE_PLACED_CEASED', '30/06/2024').set(PA, 2, 'REASON_PLACED_CEASED', 'RD1') },
  { code: '119', name: 'reason without date ceased', fail: (u) => (u.set(PA, 2, 'REASON_PLACED_CEASED', 'RD1'), at(PA, 2, 'DATE_PLACED_CEASED')), pass: (u) => void u.set(PA, 2, 'REASON_PLACED_CEASED', 'RD1').set(PA, 2, 'DATE_PLACED_CEASED', '30/06/2024') },
  { code: '120', name: 'REASON_PLACED_CEASED not a code', fail: (u) => (u.set(PA, 2, 'REASON_PLACED_CEASED', 'RD9').set(PA, 2, 'DATE_PLACED_CEASED', '30/06/2024'), at(PA, 2, 'REASON_PLACED_CEASED')), pass: (u) => void u.set(PA, 2, 'REASON_PLACED_CEASED', 'RD4').set(PA, 2, 'DATE_PLACED_CEASED', '30/06/2024') },
  { code: '522', name: 'ceased before placed', fail: (u) => (u.set(PA, 2, 'DATE_PLACED_CEASED', '31/05/2024').set(PA, 2, 'REASON_PLACED_CEASED', 'RD1'), at(PA, 2, 'DATE_PLACED_CEASED')), pass: (u) => void u.set(PA, 2, 'DATE_PLACED_CEASED', '01/06/2024').set(PA, 2, 'REASON_PLACED_CEASED', 'RD1') },
  { code: '563', name: 'reversed decision without DATE_PLACED', fail: (u) => (u.set(PA, 2, 'DATE_PLACED', '').set(PA, 2, 'DATE_PLACED_CEASED', '30/06/2024').set(PA, 2, 'REASON_PLACED_CEASED', 'RD1'), at(PA, 2, 'DATE_PLACED')), pass: (u) => void u.set(PA, 2, 'DATE_PLACED_CEASED', '30/06/2024').set(PA, 2, 'REASON_PLACED_CEASED', 'RD1') },
  { code: '523', name: 'DATE_PLACED differs from DATE_INT', fail: (u) => (u.set(PA, 2, 'DATE_PLACED', '02/06/2024'), [at(PA, 2, 'DATE_PLACED'), at(AD1, 2, 'DATE_INT')]), pass: (u) => void u.set(PA, 2, 'DATE_PLACED', '02/06/2024').set(AD1, 2, 'DATE_INT', '02/06/2024') },
  {
    code: '525', name: 'reversed decision for an adopted child',
    fail: (u) => (u.set(PA, 2, 'DATE_PLACED_CEASED', '01/07/2024').set(PA, 2, 'REASON_PLACED_CEASED', 'RD1'), [at(PA, 2, 'DATE_PLACED_CEASED'), at(AD1, 2, 'CHILD')]),
    pass: (u) => void ['DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'].forEach((c) => u.set(AD1, 2, c, '')),
  },
  {
    code: '579', name: 'a new decision while the previous is open',
    fail: (u) => at(PA, u.add(PA, { CHILD: '1002', DOB: '01/02/2022', DATE_PLACED: '01/09/2024' }), 'DATE_PLACED'),
    pass: (u) => (u.set(PA, 2, 'DATE_PLACED_CEASED', '01/08/2024').set(PA, 2, 'REASON_PLACED_CEASED', 'RD1'), void u.add(PA, { CHILD: '1002', DOB: '01/02/2022', DATE_PLACED: '01/08/2024' })),
  },
  {
    // The DfE tool compares neighbours only: here the third decision's neighbour had ceased, the first had not.
    code: '579', name: 'a decision inside an earlier, longer one',
    fail: (u) => {
      u.set(PA, 2, 'DATE_PLACED', '01/06/2023').set(PA, 2, 'DATE_PLACED_CEASED', '01/12/2024').set(PA, 2, 'REASON_PLACED_CEASED', 'RD1');
      u.add(PA, { CHILD: '1002', DOB: '01/02/2022', DATE_PLACED: '01/07/2023', DATE_PLACED_CEASED: '01/08/2023', REASON_PLACED_CEASED: 'RD2' });
      return at(PA, u.add(PA, { CHILD: '1002', DOB: '01/02/2022', DATE_PLACED: '01/09/2023', DATE_PLACED_CEASED: '01/10/2023', REASON_PLACED_CEASED: 'RD2' }), 'DATE_PLACED');
    },
  },
  {
    code: '583', name: 'an earlier decision never revoked',
    fail: (u) => (u.add(PA, { CHILD: '1002', DOB: '01/02/2022', DATE_PLACED: '01/09/2024' }), at(PA, 2, 'DATE_PLACED_CEASED')),
    pass: (u) => void u.add(PA, { CHILD: '1002', DOB: '01/02/2022', DATE_PLACED: '01/05/2024', DATE_PLACED_CEASED: '20/05/2024', REASON_PLACED_CEASED: 'RD1' }),
  },
  { code: 'INT12', name: 'PlacedAdoption DOB differs', fail: (u) => (u.set(PA, 2, 'DOB', '02/02/2022'), at(PA, 2, 'DOB')) },
  {
    // 1002 leaves the placement for adoption (A4, LS E1) on 01/12/2024 other than by adoption.
    code: '557', name: 'left care without adoption, decision not reversed',
    fail: (u) => (u.set('Episodes', 5, 'REC', 'E4A'), [at('Episodes', 5, 'REC'), at(PA, 2, 'DATE_PLACED_CEASED')]),
    pass: (u) => void u.set('Episodes', 5, 'REC', 'E4A').set(PA, 2, 'DATE_PLACED_CEASED', '01/12/2024').set(PA, 2, 'REASON_PLACED_CEASED', 'RD1'),
  },
  {
    // 1002 is adopted on 01/12/2024: a decision reversed on 01/11/2024 needs a later one still in force.
    code: '558', name: 'adopted, but the only decision was reversed',
    fail: (u) => (u.set(PA, 2, 'DATE_PLACED_CEASED', '01/11/2024').set(PA, 2, 'REASON_PLACED_CEASED', 'RD1'), at('Episodes', 5, 'REC')),
    pass: (u) => (u.set(PA, 2, 'DATE_PLACED_CEASED', '01/11/2024').set(PA, 2, 'REASON_PLACED_CEASED', 'RD1'), void u.add(PA, { CHILD: '1002', DOB: '01/02/2022', DATE_PLACED: '05/11/2024' })),
  },
  {
    // 1002's care ended with the adoption on 01/12/2024.
    code: '117', name: 'decision reversed after care ended',
    fail: (u) => (u.set(PA, 2, 'DATE_PLACED_CEASED', '02/12/2024').set(PA, 2, 'REASON_PLACED_CEASED', 'RD1'), at(PA, 2, 'DATE_PLACED_CEASED')),
    pass: (u) => void u.set(PA, 2, 'DATE_PLACED_CEASED', '01/12/2024').set(PA, 2, 'REASON_PLACED_CEASED', 'RD1'),
  },
  { code: '553', name: 'placement order without a decision', fail: (u) => (u.remove(PA, 2), at('Episodes', 5, 'LS')), pass: (u) => void u.remove(PA, 2).set('Episodes', 5, 'LS', 'C2') },
  {
    code: '553', name: 'decision reversed while the placement order is open',
    fail: (u) => (u.set('Episodes', 5, 'DEC', '').set('Episodes', 5, 'REC', '').set(PA, 2, 'DATE_PLACED_CEASED', '01/10/2024').set(PA, 2, 'REASON_PLACED_CEASED', 'RD1'), at(PA, 2, 'DATE_PLACED_CEASED')),
    pass: (u) => void u.set(PA, 2, 'DATE_PLACED_CEASED', '01/10/2024').set(PA, 2, 'REASON_PLACED_CEASED', 'RD1'),
  },
  {
    // 1002's placement order (LS E1) began 20/07/2024.
    code: '554', name: 'decision after the placement order',
    fail: (u) => (u.set(PA, 2, 'DATE_PLACED', '21/07/2024'), [at(PA, 2, 'DATE_PLACED'), at('Episodes', 5, 'DECOM')]),
    pass: (u) => void u.set(PA, 2, 'DATE_PLACED', '20/07/2024'),
  },
  {
    code: '118', name: 'decision reversed before the year',
    fail: (u) => (u.set(PA, 2, 'DATE_PLACED_CEASED', '31/03/2024').set(PA, 2, 'REASON_PLACED_CEASED', 'RD1'), at(PA, 2, 'DATE_PLACED_CEASED')),
    pass: (u) => void u.set(PA, 2, 'DATE_PLACED_CEASED', '12/05/2024').set(PA, 2, 'REASON_PLACED_CEASED', 'RD1'),
  },
  {
    // 1002 placed for adoption (A4) from 20/07/2024: the decision must be on or before that day.
    code: '552', name: 'placed for adoption before the decision',
    fail: (u) => (u.set('Episodes', 5, 'PLACE', 'A4').set(PA, 2, 'DATE_PLACED', '21/07/2024'), [at(PA, 2, 'DATE_PLACED'), at('Episodes', 5, 'DECOM')]),
    pass: (u) => void u.set('Episodes', 5, 'PLACE', 'A4').set(PA, 2, 'DATE_PLACED', '20/07/2024'),
  },
  { code: '184', name: 'DATE_PLACED before birth', fail: (u) => (u.set(PA, 2, 'DATE_PLACED', '31/01/2022'), at(PA, 2, 'DATE_PLACED')), pass: (u) => void u.set(PA, 2, 'DATE_PLACED', '01/02/2022') },
  {
    // 1002's care began 12/05/2024 (RNE S).
    code: '1003', name: 'DATE_PLACED before care began',
    fail: (u) => (u.set(PA, 2, 'DATE_PLACED', '11/05/2024'), [at(PA, 2, 'DATE_PLACED'), at('Episodes', 4, 'DECOM')]),
    pass: (u) => void u.set(PA, 2, 'DATE_PLACED', '12/05/2024'),
  },
  {
    code: '551', name: 'placed for adoption without a decision date',
    fail: (u) => (u.set('Episodes', 5, 'PLACE', 'A4').set(PA, 2, 'DATE_PLACED', ''), at('Episodes', 5, 'PLACE')),
    pass: (u) => void u.set('Episodes', 5, 'PLACE', 'A4'),
  },
  // PrevPerm (row 2 = 1004)
  { code: '631', name: 'PREV_PERM not a code', fail: (u) => (u.set(PP, 2, 'PREV_PERM', 'P5'), at(PP, 2, 'PREV_PERM')), pass: (u) => void u.set(PP, 2, 'PREV_PERM', 'P4') },
  { code: '633', name: 'LA_PERM not an LA', fail: (u) => (u.set(PP, 2, 'LA_PERM', '123'), at(PP, 2, 'LA_PERM')), pass: (u) => void u.set(PP, 2, 'LA_PERM', '942') },
  { code: '633', name: 'LA_PERM outside the UK list', fail: (u) => (u.set(PP, 2, 'LA_PERM', 'FRA'), at(PP, 2, 'LA_PERM')), pass: (u) => void u.set(PP, 2, 'LA_PERM', 'SCO') },
  { code: '635', name: 'order details with PREV_PERM blank', fail: (u) => (u.set(PP, 2, 'PREV_PERM', ''), at(PP, 2, 'PREV_PERM')), pass: (u) => void u.set(PP, 2, 'PREV_PERM', '').set(PP, 2, 'LA_PERM', '').set(PP, 2, 'DATE_PERM', '') },
  { code: '635', name: 'order details with PREV_PERM Z1', fail: (u) => (u.set(PP, 2, 'PREV_PERM', 'Z1').set(PP, 2, 'LA_PERM', ''), at(PP, 2, 'PREV_PERM')), pass: (u) => void u.set(PP, 2, 'PREV_PERM', 'Z1').set(PP, 2, 'LA_PERM', '').set(PP, 2, 'DATE_PERM', '') },
  { code: 'INT35', name: 'child twice in PrevPerm', fail: (u) => at(PP, u.copy(PP, 2), 'CHILD') },
  { code: '632', name: 'DATE_PERM not a date', fail: (u) => (u.set(PP, 2, 'DATE_PERM', '31/02/2019'), at(PP, 2, 'DATE_PERM')), pass: (u) => void u.set(PP, 2, 'DATE_PERM', '28/02/2019') },
  // 1004's care began 02/06/2024.
  // An unknown day (zz) is read as the month's last day: June 2024 may be after 02/06/2024, May 2024 may not.
  { code: '632', name: 'DATE_PERM in the month care began', fail: (u) => (u.set(PP, 2, 'DATE_PERM', 'zz/06/2024'), at(PP, 2, 'DATE_PERM')), pass: (u) => void u.set(PP, 2, 'DATE_PERM', 'zz/05/2024') },
  { code: '632', name: 'DATE_PERM with an unknown month', fail: (u) => (u.set(PP, 2, 'DATE_PERM', 'zz/13/2019'), at(PP, 2, 'DATE_PERM')), pass: (u) => void u.set(PP, 2, 'DATE_PERM', 'zz/zz/2023') },
  { code: '632', name: 'DATE_PERM on the day care began', fail: (u) => (u.set(PP, 2, 'DATE_PERM', '02/06/2024'), at(PP, 2, 'DATE_PERM')), pass: (u) => void u.set(PP, 2, 'DATE_PERM', '01/06/2024') },
  { code: '630', name: 'care began with no PrevPerm row', fail: (u) => (u.remove(PP, 3), at('Episodes', 4, 'RNE')), pass: (u) => void u.remove(PP, 3).set('Episodes', 4, 'DECOM', '31/03/2024').set('Episodes', 4, 'RNE', 'S') },
  { code: '630', name: 'PrevPerm P1 without DATE_PERM', fail: (u) => (u.set(PP, 2, 'DATE_PERM', ''), at('Episodes', 7, 'RNE')), pass: (u) => void u.set(PP, 2, 'PREV_PERM', 'Z1').set(PP, 2, 'LA_PERM', '').set(PP, 2, 'DATE_PERM', '') },
  {
    // 1003's only episode began 01/09/2023, before the year; 1004's began 02/06/2024.
    code: '634', name: 'PrevPerm for a child whose care began before the year',
    fail: (u) => at(PP, u.add(PP, { CHILD: '1003', DOB: '03/03/2008', PREV_PERM: 'Z1' }), 'PREV_PERM'),
    pass: (u) => void u.add(PP, { CHILD: '1003', DOB: '03/03/2008' }),
  },
  { code: 'INT16', name: 'PrevPerm DOB differs', fail: (u) => (u.set(PP, 2, 'DOB', '21/10/2010'), at(PP, 2, 'DOB')) },
  // UASC (row 2 = 1003, born 03/03/2008)
  { code: '104', name: 'DUC not a date', fail: (u) => (u.set(UASC, 2, 'DUC', '31/02/2025'), at(UASC, 2, 'DUC')), pass: (u) => void u.set(UASC, 2, 'DUC', '28/02/2025') },
  { code: '104', name: 'DUC before the year', fail: (u) => (u.set(UASC, 2, 'DUC', '31/03/2024'), at(UASC, 2, 'DUC')), pass: (u) => void u.set(UASC, 2, 'DUC', '01/04/2024') },
  { code: '304', name: 'DUC after the 18th birthday', fail: (u) => (u.set(UASC, 2, 'DUC', '04/03/2026'), at(UASC, 2, 'DUC')) },
  { code: 'INT21', name: 'UASC SEX differs', fail: (u) => (u.set(UASC, 2, 'SEX', 'F'), at(UASC, 2, 'SEX')), pass: (u) => void u.set(UASC, 2, 'SEX', '1') },
  { code: 'INT36', name: 'child twice in UASC', fail: (u) => at(UASC, u.copy(UASC, 2), 'CHILD') },
  // 1012: 1006 is a care leaver with no episode this year; 1004 has one.
  { code: '1012', name: 'OC2 row for a child with no episode', fail: (u) => at(OC2, oc2Row(u, { CHILD: '1006', DOB: '10/10/2005' }), 'CHILD'), pass: (u) => void oc2Row(u, { CHILD: '1004', DOB: '20/10/2010' }) },
  { code: '1012', name: 'PrevPerm row for a child with no episode', fail: (u) => at(PP, u.add(PP, { CHILD: '1006', DOB: '10/10/2005', PREV_PERM: 'Z1' }), 'CHILD') },
  // SWEpisodes (rows 2, 3 = 1001; 4 = 1002; 5 = 1003; 6 = 1004)
  { code: 'SW01aSTG1', name: 'SW_ID blank before April 2023', fail: (u) => (u.set(SW, 2, 'SW_ID', ''), at(SW, 2, 'SW_ID')), pass: (u) => void u.set(SW, 2, 'SW_REASON', '') },
  { code: 'SW01aSTG1', name: 'SW_DECOM blank', fail: (u) => (u.set(SW, 4, 'SW_DECOM', ''), at(SW, 4, 'SW_DECOM')) },
  { code: 'SW01bSTG1', name: 'SW_REASON blank from April 2023', fail: (u) => (u.set(SW, 3, 'SW_REASON', ''), at(SW, 3, 'SW_REASON')), pass: (u) => void u.set(SW, 2, 'SW_REASON', '') },
  { code: 'SW02STG1', name: 'SW_ID not SW or XX', fail: (u) => (u.set(SW, 3, 'SW_ID', 'AB123'), at(SW, 3, 'SW_ID')), pass: (u) => void u.set(SW, 3, 'SW_ID', 'XX') },
  { code: 'SW04STG1', name: 'SW_DECOM not a date', fail: (u) => (u.set(SW, 4, 'SW_DECOM', '2024-05-12'), at(SW, 4, 'SW_DECOM')), pass: (u) => void u.set(SW, 4, 'SW_DECOM', '12/5/2024') },
  { code: 'SW05STG1', name: 'SW_DEC not a date', fail: (u) => (u.set(SW, 6, 'SW_DEC', '31/11/2024'), at(SW, 6, 'SW_DEC')), pass: (u) => void u.set(SW, 6, 'SW_DEC', '29/11/2024') },
  { code: 'SW06STG2', name: 'SW_DECOM after the year', fail: (u) => (u.set(SW, 3, 'SW_DECOM', '01/04/2025'), at(SW, 3, 'SW_DECOM')), pass: (u) => void u.set(SW, 3, 'SW_DECOM', '31/03/2025') },
  { code: 'SW07STG2', name: 'SW_DEC before the reporting period', fail: (u) => (u.set(SW, 2, 'SW_DEC', '31/03/2023'), at(SW, 2, 'SW_DEC')), pass: (u) => void u.set(SW, 2, 'SW_DEC', '01/04/2023') },
  { code: 'SW07STG2', name: 'SW_DEC after the year', fail: (u) => (u.set(SW, 6, 'SW_DEC', '01/04/2025'), at(SW, 6, 'SW_DEC')), pass: (u) => void u.set(SW, 6, 'SW_DEC', '31/03/2025') },
  { code: 'SW08STG2', name: 'an earlier episode never ended', fail: (u) => (u.set(SW, 2, 'SW_DEC', ''), at(SW, 2, 'SW_DEC')) },
  { code: 'SW09STG2', name: 'an episode of one day', fail: (u) => (u.set(SW, 6, 'SW_DEC', '02/06/2024'), at(SW, 6, 'SW_DEC')), pass: (u) => void u.set(SW, 6, 'SW_DEC', '03/06/2024') },
  { code: 'SW10STG2', name: 'starts 8 days before the previous ended', fail: (u) => (u.set(SW, 3, 'SW_DECOM', '24/08/2024'), at(SW, 3, 'SW_DECOM')), pass: (u) => void u.set(SW, 3, 'SW_DECOM', '25/08/2024') },
  { code: 'SW10STG2', name: 'a foster carer contact change may overlap', fail: (u) => (u.set(SW, 3, 'SW_DECOM', '01/08/2024'), at(SW, 3, 'SW_DECOM')), pass: (u) => void u.set(SW, 3, 'SW_DECOM', '01/08/2024').set(SW, 3, 'SW_REASON', 'FCONTA') },
  {
    // The DfE tool compares neighbours only: the third episode's neighbour had ended, the first (to 01/09/2024) had not.
    code: 'SW10STG2', name: 'an episode inside an earlier, longer one',
    fail: (u) => {
      u.add(SW, { CHILD: '1001', DOB: '15/06/2012', SW_ID: 'SW010', SW_DECOM: '01/05/2023', SW_DEC: '01/06/2023', SW_REASON: 'FCONTA' });
      return at(SW, u.add(SW, { CHILD: '1001', DOB: '15/06/2012', SW_ID: 'SW011', SW_DECOM: '01/01/2024', SW_DEC: '01/02/2024', SW_REASON: 'OTHERS' }), 'SW_DECOM');
    },
  },
  { code: 'SW11bSTG2', name: 'the last episode ended days before 31 March', fail: (u) => (u.set(SW, 6, 'SW_DEC', '26/03/2025'), at(SW, 6, 'SW_DEC')), pass: (u) => void u.set(SW, 6, 'SW_DEC', '25/03/2025') },
  { code: 'SW12STG2', name: 'care began with no social worker episode', fail: (u) => (u.remove(SW, 4), at('Episodes', 4, 'DECOM')) },
  {
    code: 'SW12STG2', name: 'care ended before any social worker episode',
    fail: (u) => (u.set('Episodes', 5, 'DEC', '01/12/2024').set('Episodes', 5, 'REC', 'E4A').set(SW, 4, 'SW_DECOM', '02/12/2024'), at('Episodes', 5, 'DEC')),
    pass: (u) => void u.set('Episodes', 5, 'DEC', '01/12/2024').set('Episodes', 5, 'REC', 'E4A').set(SW, 4, 'SW_DECOM', '01/12/2024'),
  },
  { code: 'SW13STG1', name: 'SW_REASON not a code', fail: (u) => (u.set(SW, 3, 'SW_REASON', 'BORED'), at(SW, 3, 'SW_REASON')), pass: (u) => void u.set(SW, 3, 'SW_REASON', 'OTHERS') },
  { code: 'SW17STG2', name: 'no episode open at 31 March (2025-26)', yearEnding: 2026, fail: () => at(SW, 6, 'SW_DEC'), pass: (u) => void u.set(SW, 6, 'SW_DEC', '') },
];
