/**
 * One failing and one passing case per rule: each starts from the valid set, changes one thing, and says where
 * the finding must be. rules.test.ts runs them; the DfE side-by-side check (/work/dfe-903) reads them too.
 */
import { Upload, type Where } from './helper.ts';

export interface Case {
  code: string;
  name: string;
  /** Breaks the set and returns where the finding must be. */
  fail: (u: Upload) => Where;
  /** When the finding's severity is not the code's usual one (101 for the old SEX coding). */
  severity?: 'error' | 'query';
  /** A near miss that must not raise this code (defaults to the untouched valid set). */
  pass?: (u: Upload) => void;
  yearEnding?: number;
}

const H = 'Header';
const E = 'Episodes';
const R = 'Reviews';
const M = 'Missing';
const at = (file: string, row: number | null, column: string | null): Where => ({ file, row, column });

/** 1003 (born 03/03/2008, in K2 since 01/09/2023) moves on through `rest`; returns the lines of all its episodes, K2 first. */
function k2Then(u: Upload, rest: Parameters<Upload['episodes']>[1]): number[] {
  return u.episodes('1003', [['01/09/2023', 'S', 'C2', 'K2', rest[0]![0], 'X1'], ...rest]);
}

export const cases: Case[] = [
  // Header
  { code: '101', name: 'SEX not a code', fail: (u) => (u.set(H, 2, 'SEX', 'X'), at(H, 2, 'SEX')), pass: (u) => void u.set(H, 2, 'SEX', 'M') },
  { code: '101', name: 'old coding 1/2 in 2024-25 is a query', severity: 'query', fail: (u) => (u.set(H, 2, 'SEX', '2'), at(H, 2, 'SEX')) },
  { code: '101', name: 'old coding 1/2 is right in 2023-24', yearEnding: 2024, fail: (u) => (u.set(H, 2, 'SEX', 'X'), at(H, 2, 'SEX')), pass: (u) => void u.set(H, 2, 'SEX', '2').set(H, 3, 'SEX', '1').set(H, 4, 'SEX', '1').set(H, 5, 'SEX', '2').set(H, 6, 'SEX', '1') },
  { code: '232', name: 'SEX unknown', fail: (u) => (u.set(H, 3, 'SEX', 'U'), at(H, 3, 'SEX')), pass: (u) => void u.set(H, 3, 'SEX', 'F') },
  { code: '171', name: 'MC_DOB not a date', fail: (u) => (u.set(H, 2, 'MOTHER', '1').set(H, 2, 'MC_DOB', '31/31/2020'), at(H, 2, 'MC_DOB')), pass: (u) => void u.set(H, 2, 'MOTHER', '1').set(H, 2, 'MC_DOB', '31/12/2020') },
  { code: '165', name: 'MOTHER not 1 or 0', fail: (u) => (u.set(H, 2, 'MOTHER', '2'), at(H, 2, 'MOTHER')), pass: (u) => void u.set(H, 2, 'MOTHER', '1').set(H, 2, 'MC_DOB', '01/01/2024') },
  { code: '165', name: 'MOTHER for a boy', fail: (u) => (u.set(H, 4, 'MOTHER', '0'), at(H, 4, 'MOTHER')), pass: (u) => void u.set(H, 4, 'SEX', 'F').set(H, 4, 'MOTHER', '0') },
  { code: '174', name: 'MC_DOB for a boy', fail: (u) => (u.set(H, 4, 'MC_DOB', '01/01/2024'), at(H, 4, 'MC_DOB')), pass: (u) => void u.set(H, 4, 'SEX', 'F').set(H, 4, 'MOTHER', '1').set(H, 4, 'MC_DOB', '01/01/2024') },
  { code: '301', name: 'DOB after the year', fail: (u) => (u.set(H, 3, 'DOB', '01/04/2025'), at(H, 3, 'DOB')), pass: (u) => void u.set(H, 3, 'DOB', '31/03/2025') },
  { code: '351', name: 'over 25 at the start of the year', fail: (u) => (u.set(H, 4, 'DOB', '31/03/1999'), at(H, 4, 'DOB')), pass: (u) => void u.set(H, 4, 'DOB', '01/04/1999') },
  // 209: 1003 is of school age; a child born after 31/08/2019 was not 4 on 31/08/2023.
  { code: '209', name: 'UN1 for a child of school age', fail: (u) => (u.set(H, 4, 'UPN', 'UN1'), at(H, 4, 'UPN')), pass: (u) => void u.set(H, 3, 'UPN', 'UN1') },
  { code: '210', name: 'UN4 for a child in care since before 24 March', fail: (u) => (u.set(H, 4, 'UPN', 'UN4'), at(H, 4, 'UPN')), pass: (u) => void u.set(H, 5, 'UPN', 'UN4') },
  { code: '442', name: 'UPN blank for a looked-after child', fail: (u) => (u.set(H, 4, 'UPN', ''), at(H, 4, 'UPN')), pass: (u) => void u.set(H, 6, 'UPN', '') },
  { code: '444', name: 'the same UPN twice (2025-26)', yearEnding: 2026, fail: (u) => (u.set(H, 3, 'UPN', 'R886123412001'), at(H, 3, 'UPN')), pass: (u) => void u.set(H, 3, 'UPN', 'UN2').set(H, 4, 'UPN', 'UN2') },
  { code: 'EPI', name: 'child in Header without episodes', fail: (u) => at(H, u.add(H, { CHILD: '1006', SEX: 'F', DOB: '15/06/2012', ETHNIC: 'WIRI', UPN: 'UN2', MOTHER: '0' }), 'CHILD') },
  { code: '102', name: 'DOB not a real date', fail: (u) => (u.set(H, 3, 'DOB', '29/02/2023'), at(H, 3, 'DOB')), pass: (u) => void u.set(H, 3, 'DOB', '1/2/2022') },
  { code: '103', name: 'ETHNIC not a code', fail: (u) => (u.set(H, 2, 'ETHNIC', 'WHITE'), at(H, 2, 'ETHNIC')), pass: (u) => void u.set(H, 2, 'ETHNIC', 'NOBT') },
  { code: '168', name: 'UPN check letter wrong', fail: (u) => (u.set(H, 2, 'UPN', 'A886123412001'), at(H, 2, 'UPN')), pass: (u) => void u.set(H, 2, 'UPN', 'UN5') },
  {
    code: 'INT32', name: 'child twice in Header',
    fail: (u) => at(H, u.add(H, { CHILD: '1001', SEX: 'F', DOB: '15/06/2012', ETHNIC: 'WIRI', MOTHER: '0' }), 'CHILD'),
    pass: (u) => void u.add(H, { CHILD: '1006', SEX: 'F', DOB: '15/06/2012', ETHNIC: 'WIRI', MOTHER: '0', UPN: 'UN2' }),
  },
  { code: 'INVALID_DATE', name: 'Reviews DOB not a date', fail: (u) => (u.set(R, 3, 'DOB', '31/31/2012'), at(R, 3, 'DOB')), pass: (u) => void u.set(R, 3, 'DOB', '15/6/2012') },
  { code: '393', name: 'looked-after girl without MOTHER', fail: (u) => (u.set(H, 2, 'MOTHER', ''), at(H, 2, 'MOTHER')), pass: (u) => void u.set(H, 3, 'MOTHER', '') },
  { code: '607', name: 'girl left care without MOTHER', fail: (u) => (u.set(H, 5, 'MOTHER', ''), at(H, 5, 'MOTHER')), pass: (u) => void u.set(H, 2, 'MOTHER', '') },
  { code: '611', name: 'mother without MC_DOB', fail: (u) => (u.set(H, 5, 'MOTHER', '1'), at(H, 5, 'MC_DOB')), pass: (u) => void u.set(H, 5, 'MOTHER', '1').set(H, 5, 'MC_DOB', '01/01/2024') },
  { code: '612', name: 'MC_DOB but not a mother', fail: (u) => (u.set(H, 5, 'MC_DOB', '01/01/2024'), at(H, 5, 'MC_DOB')), pass: (u) => void u.set(H, 5, 'MC_DOB', '01/01/2024').set(H, 5, 'MOTHER', '1') },
  { code: '620', name: 'mother under 11', fail: (u) => (u.set(H, 3, 'MOTHER', '1').set(H, 3, 'MC_DOB', '01/01/2024'), at(H, 3, 'MOTHER')), pass: (u) => void u.set(H, 5, 'MOTHER', '1').set(H, 5, 'MC_DOB', '01/01/2024') },
  // 625: 1004 (row 5) left care on 30/11/2024.
  { code: '625', name: 'first child born after the mother left care', fail: (u) => (u.set(H, 5, 'MOTHER', '1').set(H, 5, 'MC_DOB', '01/12/2024'), at(H, 5, 'MC_DOB')), pass: (u) => void u.set(H, 5, 'MOTHER', '1').set(H, 5, 'MC_DOB', '30/11/2024') },
  { code: '625', name: 'first child born after the year', fail: (u) => (u.set(H, 2, 'MOTHER', '1').set(H, 2, 'MC_DOB', '01/04/2025'), at(H, 2, 'MC_DOB')), pass: (u) => void u.set(H, 2, 'MOTHER', '1').set(H, 2, 'MC_DOB', '31/03/2025') },
  { code: '621', name: 'mother younger than her child', fail: (u) => (u.set(H, 5, 'MOTHER', '1').set(H, 5, 'MC_DOB', '01/01/2010'), at(H, 5, 'MC_DOB')), pass: (u) => void u.set(H, 5, 'MOTHER', '1').set(H, 5, 'MC_DOB', '21/10/2010') },
  // Episodes: cells
  { code: '141', name: 'DECOM not a date', fail: (u) => (u.set(E, 6, 'DECOM', '2023-09-01'), at(E, 6, 'DECOM')), pass: (u) => void u.set(E, 6, 'DECOM', '1/9/2023') },
  { code: '143', name: 'RNE not a code', fail: (u) => (u.set(E, 6, 'RNE', 'X'), at(E, 6, 'RNE')), pass: (u) => void u.set(E, 3, 'RNE', 'T') },
  { code: '144', name: 'LS not a code', fail: (u) => (u.set(E, 6, 'LS', 'Z9'), at(E, 6, 'LS')), pass: (u) => void u.set(E, 6, 'LS', 'J2') },
  { code: '145', name: 'CIN not a code', fail: (u) => (u.set(E, 6, 'CIN', 'N9'), at(E, 6, 'CIN')), pass: (u) => void u.set(E, 6, 'CIN', 'N8') },
  { code: '146', name: 'Z11 is not a PLACE before 2025-26', fail: (u) => (u.set(E, 6, 'PLACE', 'Z11'), at(E, 6, 'PLACE')), pass: (u) => void u.set(E, 6, 'PLACE', 'Z1') },
  { code: '146', name: 'H5 is withdrawn from 2025-26', yearEnding: 2026, fail: (u) => (u.set(E, 6, 'PLACE', 'H5'), at(E, 6, 'PLACE')), pass: (u) => void u.set(E, 6, 'PLACE', 'Z11') },
  { code: '178', name: 'PLACE_PROVIDER not a code', fail: (u) => (u.set(E, 6, 'PLACE_PROVIDER', 'PR9'), at(E, 6, 'PLACE_PROVIDER')), pass: (u) => void u.set(E, 6, 'PLACE_PROVIDER', 'PR3') },
  // Episodes: placement details
  { code: '213', name: 'provider for a temporary placement', fail: (u) => (u.set(E, 3, 'PLACE', 'T2'), at(E, 3, 'PLACE_PROVIDER')), pass: (u) => void u.set(E, 3, 'PLACE', 'T2').set(E, 3, 'PLACE_PROVIDER', '') },
  { code: '526', name: 'provider blank', fail: (u) => (u.set(E, 3, 'PLACE_PROVIDER', ''), at(E, 3, 'PLACE_PROVIDER')), pass: (u) => void u.set(E, 3, 'PLACE', 'Z1').set(E, 3, 'PLACE_PROVIDER', '') },
  { code: '526', name: 'Z11 has no provider (2025-26)', yearEnding: 2026, fail: (u) => (u.set(E, 3, 'PLACE', 'Z1').set(E, 3, 'PLACE_PROVIDER', ''), at(E, 3, 'PLACE_PROVIDER')), pass: (u) => void u.set(E, 3, 'PLACE', 'Z11').set(E, 3, 'PLACE_PROVIDER', '') },
  { code: '527', name: 'PR1 for a YOI', fail: (u) => (u.set(E, 3, 'PLACE', 'R5').set(E, 3, 'URN', ''), at(E, 3, 'PLACE_PROVIDER')), pass: (u) => void u.set(E, 3, 'PLACE', 'R3') },
  { code: '528', name: 'PR2 with parents', fail: (u) => (u.set(E, 7, 'PLACE', 'R2').set(E, 7, 'URN', ''), at(E, 7, 'PLACE_PROVIDER')), pass: (u) => void u.set(E, 7, 'PLACE', 'R1').set(E, 7, 'URN', '') },
  { code: '529', name: 'PR3 for foster care', fail: (u) => (u.set(E, 3, 'PLACE_PROVIDER', 'PR3'), at(E, 3, 'PLACE_PROVIDER')), pass: (u) => void u.set(E, 3, 'PLACE_PROVIDER', 'PR4') },
  { code: '530', name: 'PR4 with parents', fail: (u) => (u.set(E, 6, 'PLACE', 'P1').set(E, 6, 'URN', ''), at(E, 6, 'PLACE_PROVIDER')), pass: (u) => void u.set(E, 6, 'PLACE', 'K1') },
  { code: '531', name: 'PR5 with parents', fail: (u) => (u.set(E, 3, 'PLACE', 'P1').set(E, 3, 'PLACE_PROVIDER', 'PR5').set(E, 3, 'URN', ''), at(E, 3, 'PLACE_PROVIDER')), pass: (u) => void u.set(E, 3, 'PLACE_PROVIDER', 'PR5') },
  { code: '550', name: 'PR0 not with parents', fail: (u) => (u.set(E, 3, 'PLACE_PROVIDER', 'PR0'), at(E, 3, 'PLACE_PROVIDER')), pass: (u) => void u.set(E, 3, 'PLACE', 'P1').set(E, 3, 'PLACE_PROVIDER', 'PR0').set(E, 3, 'URN', '') },
  { code: '218', name: 'URN blank for a registered placement', fail: (u) => (u.set(E, 3, 'URN', ''), at(E, 3, 'URN')), pass: (u) => void u.set(E, 3, 'URN', 'XXXXXXX') },
  { code: '222', name: 'URN for a placement with parents', fail: (u) => (u.set(E, 3, 'PLACE', 'P1').set(E, 3, 'PLACE_PROVIDER', 'PR0'), at(E, 3, 'URN')), pass: (u) => void u.set(E, 3, 'PLACE', 'P1').set(E, 3, 'PLACE_PROVIDER', 'PR0').set(E, 3, 'URN', 'XXXXXXX') },
  { code: '214', name: 'placement postcode for a short break', fail: (u) => (u.set(E, 8, 'PL_POST', 'BR2 2BB'), at(E, 8, 'PL_POST')), pass: (u) => void u.set(E, 3, 'PL_POST', 'BR2 2BB') },
  { code: '398', name: 'home postcode for a short break', fail: (u) => (u.set(E, 9, 'HOME_POST', 'BR1 1AA'), at(E, 9, 'HOME_POST')) },
  { code: '392b', name: 'postcode blank', fail: (u) => (u.set(E, 3, 'HOME_POST', ''), at(E, 3, 'HOME_POST')), pass: (u) => void u.set(E, 6, 'HOME_POST', '') },
  { code: '392d', name: 'placed at home but not with parents', fail: (u) => (u.set(E, 3, 'PL_POST', 'ME14 1XX'), at(E, 3, 'PL_POST')), pass: (u) => void u.set(E, 3, 'PL_POST', 'ME14 1XX').set(E, 3, 'PLACE', 'P1').set(E, 3, 'PLACE_PROVIDER', 'PR0').set(E, 3, 'URN', 'XXXXXXX') },
  { code: '378', name: 'with parents under V2', fail: (u) => (u.set(E, 7, 'PLACE', 'P1').set(E, 7, 'PLACE_PROVIDER', 'PR0').set(E, 7, 'URN', ''), at(E, 7, 'LS')), pass: (u) => void u.set(E, 7, 'PLACE', 'P1').set(E, 7, 'PLACE_PROVIDER', 'PR0').set(E, 7, 'URN', '').set(E, 7, 'LS', 'C2') },
  { code: '516', name: 'SGO by former foster carers from a home', fail: (u) => (u.set(E, 6, 'DEC', '01/12/2024').set(E, 6, 'REC', 'E45'), at(E, 6, 'PLACE')), pass: (u) => void u.set(E, 7, 'REC', 'E45') },
  { code: '353', name: 'DECOM before 14/10/1991', fail: (u) => (u.set(H, 4, 'DOB', '01/01/1990').set(E, 6, 'DECOM', '13/10/1991'), at(E, 6, 'DECOM')), pass: (u) => void u.set(H, 4, 'DOB', '01/01/1990').set(E, 6, 'DECOM', '14/10/1991') },
  { code: '446', name: 'E1 before December 2005', fail: (u) => (u.set(H, 4, 'DOB', '01/01/2005').set(E, 6, 'DECOM', '30/11/2005').set(E, 6, 'LS', 'E1'), at(E, 6, 'LS')), pass: (u) => void u.set(H, 4, 'DOB', '01/01/2005').set(E, 6, 'DECOM', '01/12/2005').set(E, 6, 'LS', 'E1') },
  { code: '355', name: 'episode of less than a day', fail: (u) => (u.set(E, 7, 'DEC', '02/06/2024'), at(E, 7, 'DEC')), pass: (u) => void u.set(E, 7, 'DEC', '03/06/2024') },
  { code: '147', name: 'DEC not a date', fail: (u) => (u.set(E, 7, 'DEC', '31/11/2024'), at(E, 7, 'DEC')), pass: (u) => void u.set(E, 7, 'DEC', '29/11/2024') },
  { code: '149', name: 'REC not a code', fail: (u) => (u.set(E, 7, 'REC', 'E99'), at(E, 7, 'REC')), pass: (u) => void u.set(E, 7, 'REC', 'E4B') },
  { code: '1009', name: 'REASON_PLACE_CHANGE not a code', fail: (u) => (u.set(E, 2, 'REASON_PLACE_CHANGE', 'MOVED'), at(E, 2, 'REASON_PLACE_CHANGE')), pass: (u) => void u.set(E, 6, 'REASON_PLACE_CHANGE', 'CUSTOD').set(E, 6, 'DEC', '01/12/2024').set(E, 6, 'REC', 'X1') },
  { code: '148', name: 'DEC without REC', fail: (u) => (u.set(E, 7, 'REC', ''), at(E, 7, 'REC')), pass: (u) => void u.set(E, 7, 'REC', '').set(E, 7, 'DEC', '') },
  { code: '148', name: 'REC without DEC', fail: (u) => (u.set(E, 7, 'DEC', ''), at(E, 7, 'DEC')) },
  { code: '356', name: 'DEC before DECOM', fail: (u) => (u.set(E, 7, 'DEC', '01/06/2024'), at(E, 7, 'DEC')), pass: (u) => void u.set(E, 7, 'DEC', '02/06/2024') },
  { code: '354', name: 'DECOM after the year', fail: (u) => (u.set(E, 7, 'DECOM', '01/04/2025').set(E, 7, 'DEC', '').set(E, 7, 'REC', ''), at(E, 7, 'DECOM')), pass: (u) => void u.set(E, 7, 'DECOM', '31/03/2025').set(E, 7, 'DEC', '').set(E, 7, 'REC', '') },
  { code: '385', name: 'DEC after the year', fail: (u) => (u.set(E, 7, 'DEC', '01/04/2025'), at(E, 7, 'DEC')), pass: (u) => void u.set(E, 7, 'DEC', '31/03/2025') },
  // Episodes: sequence
  { code: '302', name: 'first episode before DOB', fail: (u) => (u.set(E, 6, 'DECOM', '02/03/2008'), at(E, 6, 'DECOM')), pass: (u) => void u.set(E, 6, 'DECOM', '03/03/2008') },
  { code: '357', name: 'first episode in the year not S', fail: (u) => (u.set(E, 7, 'RNE', 'P'), at(E, 7, 'RNE')), pass: (u) => void u.set(E, 6, 'RNE', 'P') },
  { code: '437', name: 'episode after death', fail: (u) => (u.set(E, 2, 'REC', 'E2'), at(E, 2, 'REC')), pass: (u) => void u.set(E, 7, 'REC', 'E2') },
  { code: '504', name: 'CIN changes within a period', fail: (u) => (u.set(E, 3, 'CIN', 'N2'), at(E, 3, 'CIN')), pass: (u) => void u.set(E, 2, 'CIN', 'N2').set(E, 3, 'CIN', 'N2') },
  {
    code: '199', name: 'episode after adoption',
    fail: (u) => at(E, u.episodes('1004', [['02/06/2024', 'S', 'E1', 'A4', '30/09/2024', 'E11'], ['01/11/2024', 'S', 'C2', 'U5', '', '']])[1]!, 'CHILD'),
    pass: (u) => void u.episodes('1004', [['02/06/2024', 'S', 'E1', 'A4', '30/09/2024', 'E11']]),
  },
  { code: '142', name: 'open episode followed by another', fail: (u) => (u.set(E, 4, 'DEC', '').set(E, 4, 'REC', ''), at(E, 4, 'DEC')) },
  { code: '501', name: 'episode starts before the previous ended', fail: (u) => (u.set(E, 3, 'DECOM', '01/08/2024'), at(E, 3, 'DECOM')) },
  { code: '388', name: 'X1 with no episode the same day', fail: (u) => (u.set(E, 4, 'DEC', '19/07/2024'), at(E, 4, 'REC')), pass: (u) => void u.set(E, 4, 'DEC', '19/07/2024').set(E, 5, 'DECOM', '19/07/2024') },
  { code: '431', name: 'S on the day the previous ended', fail: (u) => (u.set(E, 5, 'RNE', 'S'), at(E, 5, 'RNE')), pass: (u) => void u.set(E, 4, 'REC', 'E4A').set(E, 5, 'DECOM', '21/07/2024').set(E, 5, 'RNE', 'S') },
  { code: '432', name: 'continuation after the period ended', fail: (u) => (u.set(E, 4, 'REC', 'E4A'), at(E, 5, 'RNE')), pass: (u) => void u.set(E, 4, 'REC', 'E4A').set(E, 5, 'RNE', 'S').set(E, 5, 'DECOM', '21/07/2024') },
  { code: '433', name: 'continuation not starting on the previous DEC', fail: (u) => (u.set(E, 5, 'DECOM', '21/07/2024'), at(E, 5, 'DECOM')) },
  { code: '434', name: 'RNE L but legal status unchanged', fail: (u) => (u.set(E, 5, 'LS', 'V2'), at(E, 5, 'RNE')), pass: (u) => void u.set(E, 5, 'LS', 'C2') },
  { code: '435', name: 'RNE P but placement unchanged', fail: (u) => (u.set(E, 3, 'PL_POST', 'ME15 6YY').set(E, 3, 'URN', 'SC123456'), at(E, 3, 'RNE')), pass: (u) => void u.set(E, 3, 'URN', 'SC123456') },
  { code: '436', name: 'RNE B but placement unchanged', fail: (u) => (u.set(E, 5, 'RNE', 'B'), at(E, 5, 'RNE')), pass: (u) => void u.set(E, 5, 'RNE', 'B').set(E, 5, 'PLACE', 'U5') },
  // Temporary placements
  {
    code: '380', name: 'period starts in a temporary placement', fail: (u) => (u.set(E, 7, 'PLACE', 'T0'), at(E, 7, 'RNE')),
    // The child's first row in the file continues a period that started earlier (RNE P): not a period start.
    pass: (u) => void u.episodes('1003', [['01/09/2023', 'P', 'C2', 'T0', '05/09/2023', 'X1'], ['05/09/2023', 'P', 'C2', 'K2', '', '']]),
  },
  { code: '381', name: 'period ends in a temporary placement', fail: (u) => (u.set(E, 7, 'PLACE', 'T0').set(E, 7, 'RNE', 'S'), at(E, 7, 'PLACE')), pass: (u) => void u.set(E, 7, 'PLACE', 'U6') },
  {
    code: '383', name: 'no return from a temporary placement',
    fail: (u) => at(E, k2Then(u, [['01/10/2024', 'P', 'C2', 'T0', '05/10/2024', 'X1'], ['05/10/2024', 'P', 'C2', 'R1', '', '']])[2]!, 'PLACE'),
    pass: (u) => void k2Then(u, [['01/10/2024', 'P', 'C2', 'T0', '05/10/2024', 'X1'], ['05/10/2024', 'P', 'C2', 'K2', '', '']]),
  },
  {
    code: '383', name: 'return from a temporary placement not RNE P',
    fail: (u) => at(E, k2Then(u, [['01/10/2024', 'P', 'C2', 'T0', '05/10/2024', 'X1'], ['05/10/2024', 'T', 'C2', 'K2', '', '']])[2]!, 'RNE'),
  },
  {
    code: '383', name: 'return to another placement postcode (2025-26)', yearEnding: 2026,
    fail: (u) => at(E, k2Then(u, [['01/10/2024', 'P', 'C2', 'T0', '05/10/2024', 'X1'], ['05/10/2024', 'P', 'C2', 'K2', '', '', '', 'TN3 3CC']])[2]!, 'PL_POST'),
    pass: (u) => void k2Then(u, [['01/10/2024', 'P', 'C2', 'T0', '05/10/2024', 'X1'], ['05/10/2024', 'P', 'C2', 'K2', '', '', '', 'ZZ1 1ZZ']]),
  },
  {
    code: '375', name: 'T1 over 6 weeks',
    fail: (u) => at(E, k2Then(u, [['01/10/2024', 'P', 'C2', 'T1', '13/11/2024', 'X1'], ['13/11/2024', 'P', 'C2', 'K2', '', '']])[1]!, 'DEC'),
    pass: (u) => void k2Then(u, [['01/10/2024', 'P', 'C2', 'T1', '12/11/2024', 'X1'], ['12/11/2024', 'P', 'C2', 'K2', '', '']]),
  },
  {
    code: '376', name: 'T3 over 3 weeks',
    fail: (u) => at(E, k2Then(u, [['01/10/2024', 'P', 'C2', 'T3', '23/10/2024', 'X1'], ['23/10/2024', 'P', 'C2', 'K2', '', '']])[1]!, 'DEC'),
    pass: (u) => void k2Then(u, [['01/10/2024', 'P', 'C2', 'T3', '22/10/2024', 'X1'], ['22/10/2024', 'P', 'C2', 'K2', '', '']]),
  },
  {
    code: '379', name: 'T4 over 7 days',
    fail: (u) => at(E, k2Then(u, [['01/10/2024', 'P', 'C2', 'T4', '09/10/2024', 'X1'], ['09/10/2024', 'P', 'C2', 'K2', '', '']])[1]!, 'DEC'),
    pass: (u) => void k2Then(u, [['01/10/2024', 'P', 'C2', 'T4', '08/10/2024', 'X1'], ['08/10/2024', 'P', 'C2', 'K2', '', '']]),
  },
  {
    code: '377', name: 'three T3 within 12 months',
    fail: (u) => at(E, k2Then(u, [
      ['01/05/2024', 'P', 'C2', 'T3', '05/05/2024', 'X1'], ['05/05/2024', 'P', 'C2', 'K2', '01/08/2024', 'X1'],
      ['01/08/2024', 'P', 'C2', 'T3', '05/08/2024', 'X1'], ['05/08/2024', 'P', 'C2', 'K2', '01/11/2024', 'X1'],
      ['01/11/2024', 'P', 'C2', 'T3', '05/11/2024', 'X1'], ['05/11/2024', 'P', 'C2', 'K2', '', '']])[5]!, 'PLACE'),
    pass: (u) => void k2Then(u, [
      ['01/05/2024', 'P', 'C2', 'T3', '05/05/2024', 'X1'], ['05/05/2024', 'P', 'C2', 'K2', '01/08/2024', 'X1'],
      ['01/08/2024', 'P', 'C2', 'T3', '05/08/2024', 'X1'], ['05/08/2024', 'P', 'C2', 'K2', '', '']]),
  },
  // Short breaks (child 1005: V3 rows 8 and 9)
  { code: '365', name: 'short break over 17 days', fail: (u) => (u.set(E, 8, 'DEC', '19/07/2024'), at(E, 8, 'DEC')), pass: (u) => void u.set(E, 8, 'DEC', '18/07/2024') },
  {
    code: '366', name: 'placement change inside a break',
    fail: (u) => at(E, u.episodes('1005', [['01/07/2024', 'S', 'V3', 'U6', '03/07/2024', 'X1'], ['03/07/2024', 'P', 'V3', 'U5', '05/07/2024', 'E4A']])[1]!, 'RNE'),
    pass: (u) => void u.episodes('1005', [['01/07/2024', 'S', 'V3', 'U6', '03/07/2024', 'X1'], ['03/07/2024', 'B', 'V2', 'U5', '05/07/2024', 'E4A']]),
  },
  {
    code: '367', name: 'over 75 days of breaks in the year',
    fail: (u) => at(E, u.episodes('1005', ['04', '05', '06', '07', '08'].map((m): [string, string, string, string, string, string] =>
      [`01/${m}/2024`, 'S', 'V3', 'U6', `17/${m}/2024`, 'E4A']))[4]!, 'LS'),
    pass: (u) => void u.episodes('1005', ['04', '05', '06', '07'].map((m): [string, string, string, string, string, string] =>
      [`01/${m}/2024`, 'S', 'V3', 'U6', `17/${m}/2024`, 'E4A'])),
  },
  { code: '382', name: 'short break in a temporary placement', fail: (u) => (u.set(E, 8, 'PLACE', 'T2'), at(E, 8, 'PLACE')) },
  { code: '384', name: 'short break in long-term foster care', fail: (u) => (u.set(E, 8, 'PLACE', 'U1'), at(E, 8, 'PLACE')), pass: (u) => void u.set(E, 8, 'PLACE', 'U2') },
  { code: '426', name: 'V3 and V4 in the same year', fail: (u) => (u.set(E, 9, 'LS', 'V4'), at(E, 9, 'LS')) },
  { code: '399', name: 'MOTHER for a child only in short breaks', fail: (u) => (u.set(H, 6, 'MOTHER', '0'), at(H, 6, 'MOTHER')), pass: (u) => void u.set(H, 3, 'MOTHER', '0') },
  { code: '399', name: 'review for a child only in short breaks', fail: (u) => at(R, u.add(R, { CHILD: '1005', DOB: '05/05/2015', REVIEW: '03/07/2024', REVIEW_CODE: 'PN1' }), 'REVIEW') },
  // Legal status
  { code: '361', name: 'police protection over 72 hours', fail: (u) => (u.set(E, 7, 'LS', 'L1').set(E, 7, 'DEC', '06/06/2024'), at(E, 7, 'LS')), pass: (u) => void u.set(E, 7, 'LS', 'L1').set(E, 7, 'DEC', '05/06/2024') },
  { code: '362', name: 'EPO over 21 days', fail: (u) => (u.set(E, 7, 'LS', 'L2').set(E, 7, 'DEC', '24/06/2024'), at(E, 7, 'LS')), pass: (u) => void u.set(E, 7, 'LS', 'L2').set(E, 7, 'DEC', '23/06/2024') },
  { code: '363', name: 'CAO over 7 days', fail: (u) => (u.set(E, 7, 'LS', 'L3').set(E, 7, 'DEC', '10/06/2024'), at(E, 7, 'LS')), pass: (u) => void u.set(E, 7, 'LS', 'L3').set(E, 7, 'DEC', '09/06/2024') },
  { code: '217', name: 'A3 with RNE P', fail: (u) => (u.set(E, 3, 'PLACE', 'A3'), at(E, 3, 'RNE')), pass: (u) => void u.set(E, 3, 'PLACE', 'A3').set(E, 3, 'RNE', 'T') },
  {
    code: '336', name: 'A3 not after foster care',
    fail: (u) => at(E, k2Then(u, [['01/10/2024', 'T', 'C2', 'A3', '', '']])[1]!, 'PLACE'),
    pass: (u) => void u.set(E, 3, 'PLACE', 'A3').set(E, 3, 'RNE', 'T'),
  },
  { code: '390', name: 'adopted without an adoption placement', fail: (u) => (u.set(E, 7, 'REC', 'E11'), at(E, 7, 'REC')), pass: (u) => void u.set(E, 7, 'REC', 'E11').set(E, 7, 'PLACE', 'A4') },
  { code: '408', name: 'A5 without a placement order', fail: (u) => (u.set(E, 3, 'PLACE', 'A5'), at(E, 3, 'LS')), pass: (u) => void u.set(E, 3, 'PLACE', 'A5').set(E, 3, 'LS', 'E1') },
  // Reason for placement change
  { code: '225', name: 'move without a reason', fail: (u) => (u.set(E, 2, 'REASON_PLACE_CHANGE', ''), at(E, 2, 'REASON_PLACE_CHANGE')), pass: (u) => void u.set(E, 2, 'REASON_PLACE_CHANGE', '').set(E, 3, 'RNE', 'L').set(E, 3, 'LS', 'E1') },
  {
    code: '226', name: 'reason on a move to a temporary placement',
    fail: (u) => {
      const [k2, t0] = k2Then(u, [['01/10/2024', 'P', 'C2', 'T0', '05/10/2024', 'X1'], ['05/10/2024', 'P', 'C2', 'K2', '', '']]);
      u.set(E, k2!, 'REASON_PLACE_CHANGE', 'CARPL');
      return at(E, t0!, 'REASON_PLACE_CHANGE');
    },
    pass: (u) => void k2Then(u, [['01/10/2024', 'P', 'C2', 'T0', '05/10/2024', 'X1'], ['05/10/2024', 'P', 'C2', 'K2', '', '']]),
  },
  { code: '233', name: 'reason on an open episode (2025-26)', yearEnding: 2026, fail: (u) => (u.set(E, 3, 'REASON_PLACE_CHANGE', 'CARPL'), at(E, 3, 'REASON_PLACE_CHANGE')) },
  { code: '234', name: 'custody under 10 (2025-26)', yearEnding: 2026, fail: (u) => (u.set(E, 4, 'REASON_PLACE_CHANGE', 'CUSTOD'), at(E, 4, 'REASON_PLACE_CHANGE')), pass: (u) => void u.set(E, 6, 'REASON_PLACE_CHANGE', 'CUSTOD').set(E, 6, 'DEC', '01/12/2024').set(E, 6, 'REC', 'X1') },
  // Ages (1001 born 2012, 1002 born 2022, 1003 born 2008, 1004 born 20/10/2010)
  { code: '371', name: 'supported accommodation under 16', fail: (u) => (u.set(E, 6, 'PLACE', 'K3'), at(E, 6, 'PLACE')), pass: (u) => void u.set(E, 6, 'PLACE', 'K3').set(E, 6, 'DECOM', '03/03/2024') },
  { code: '372', name: 'YOI under 10', fail: (u) => (u.set(E, 7, 'PLACE', 'R5').set(H, 5, 'DOB', '03/06/2014'), at(E, 7, 'PLACE')), pass: (u) => void u.set(E, 7, 'PLACE', 'R5') },
  { code: '373', name: 'residential school under 4', fail: (u) => (u.set(E, 4, 'PLACE', 'S1'), at(E, 4, 'PLACE')), pass: (u) => void u.set(E, 7, 'PLACE', 'S1') },
  { code: '374', name: 'residential employment under 14', fail: (u) => (u.set(E, 7, 'PLACE', 'P3'), at(E, 7, 'PLACE')), pass: (u) => void u.set(E, 6, 'PLACE', 'P3') },
  { code: '352', name: 'started care at 18', fail: (u) => (u.set(H, 5, 'DOB', '02/06/2006'), at(E, 7, 'RNE')), pass: (u) => void u.set(H, 5, 'DOB', '03/06/2006') },
  { code: '358', name: 'youth justice status under 10', fail: (u) => (u.set(E, 7, 'LS', 'J2').set(E, 7, 'DEC', '03/06/2024').set(H, 5, 'DOB', '02/06/2014'), at(E, 7, 'LS')), pass: (u) => void u.set(E, 7, 'LS', 'J2').set(E, 7, 'DEC', '03/06/2024').set(H, 5, 'DOB', '01/06/2014') },
  { code: '359', name: 'still in care at 18 not V2 in K2', fail: (u) => (u.set(H, 4, 'DOB', '30/03/2007'), at(E, 6, 'LS')), pass: (u) => void u.set(H, 4, 'DOB', '31/03/2007') },
  { code: '364', name: 'PACE detention over 21 days', fail: (u) => (u.set(E, 7, 'LS', 'J2').set(E, 7, 'DEC', '24/06/2024'), at(E, 7, 'LS')), pass: (u) => void u.set(E, 7, 'LS', 'J2').set(E, 7, 'DEC', '23/06/2024') },
  { code: '386', name: 'adopted at 18', fail: (u) => (u.set(H, 5, 'DOB', '30/11/2006').set(E, 7, 'REC', 'E11'), at(E, 7, 'REC')), pass: (u) => void u.set(H, 5, 'DOB', '01/12/2006').set(E, 7, 'REC', 'E11') },
  { code: '387', name: 'independent living under 14', fail: (u) => (u.set(H, 5, 'DOB', '01/12/2010').set(E, 7, 'REC', 'E5'), at(E, 7, 'REC')), pass: (u) => void u.set(E, 7, 'REC', 'E5') },
  { code: '389', name: 'adult social care under 16', fail: (u) => (u.set(E, 7, 'REC', 'E7'), at(E, 7, 'REC')), pass: (u) => void u.set(H, 5, 'DOB', '30/11/2008').set(E, 7, 'REC', 'E7') },
  { code: '407', name: 'SGO at 18', fail: (u) => (u.set(H, 5, 'DOB', '20/10/2006').set(E, 7, 'REC', 'E45'), at(E, 7, 'REC')), pass: (u) => void u.set(E, 7, 'REC', 'E46') },
  { code: '460', name: 'staying put under 18', fail: (u) => (u.set(E, 7, 'REC', 'E17'), at(E, 7, 'REC')), pass: (u) => void u.set(H, 5, 'DOB', '30/11/2006').set(E, 7, 'REC', 'E17') },
  // Reviews
  { code: '166', name: 'REVIEW not a date', fail: (u) => (u.set(R, 2, 'REVIEW', '2024-05-01'), at(R, 2, 'REVIEW')), pass: (u) => void u.set(R, 2, 'REVIEW', '1/5/2024') },
  { code: '167', name: 'REVIEW_CODE not a code', fail: (u) => (u.set(R, 2, 'REVIEW_CODE', 'PN8'), at(R, 2, 'REVIEW_CODE')), pass: (u) => void u.set(R, 2, 'REVIEW_CODE', 'PN7') },
  { code: '440', name: 'PN0 at 4 or over', fail: (u) => (u.set(R, 6, 'REVIEW_CODE', 'PN0'), at(R, 6, 'REVIEW_CODE')), pass: (u) => void u.set(H, 3, 'DOB', '10/09/2020') },
  { code: '441', name: 'not PN0 under 4', fail: (u) => (u.set(R, 4, 'REVIEW_CODE', 'PN1'), at(R, 4, 'REVIEW_CODE')), pass: (u) => void u.set(H, 3, 'DOB', '10/06/2020').set(R, 4, 'DOB', '10/06/2020').set(R, 4, 'REVIEW_CODE', 'PN1') },
  { code: 'REVIEW_OUTSIDE_CARE', name: 'review before care', fail: (u) => (u.set(R, 7, 'REVIEW', '01/06/2024'), at(R, 7, 'REVIEW')), pass: (u) => void u.set(R, 7, 'REVIEW', '30/11/2024') },
  { code: 'REVIEW_OUTSIDE_CARE', name: 'review after care ended', fail: (u) => (u.set(R, 7, 'REVIEW', '01/12/2024'), at(R, 7, 'REVIEW')), pass: (u) => void u.set(R, 7, 'REVIEW', '02/06/2024') },
  { code: 'REVIEW_AFTER_YEAR_END', name: 'review after the year', fail: (u) => (u.set(R, 3, 'REVIEW', '01/04/2025'), at(R, 3, 'REVIEW')), pass: (u) => void u.set(R, 3, 'REVIEW', '31/03/2025') },
  // Missing (1003: rows 2 and 3)
  { code: '564', name: 'MIS_START blank', fail: (u) => (u.set(M, 2, 'MIS_START', ''), at(M, 2, 'MIS_START')) },
  { code: '1004', name: 'MIS_START not a date', fail: (u) => (u.set(M, 2, 'MIS_START', '31/09/2024'), at(M, 2, 'MIS_START')), pass: (u) => void u.set(M, 2, 'MIS_START', '30/09/2024') },
  { code: '1005', name: 'MIS_END not a date', fail: (u) => (u.set(M, 2, 'MIS_END', '2024-10-03'), at(M, 2, 'MIS_END')), pass: (u) => void u.set(M, 2, 'MIS_END', '') },
  { code: '1006', name: 'MISSING not a code', fail: (u) => (u.set(M, 2, 'MISSING', 'X'), at(M, 2, 'MISSING')), pass: (u) => void u.set(M, 2, 'MISSING', 'A') },
  { code: '565', name: 'MISSING blank with a start', fail: (u) => (u.set(M, 2, 'MISSING', ''), at(M, 2, 'MISSING')) },
  { code: '566', name: 'MISSING blank with an end', fail: (u) => (u.set(M, 2, 'MISSING', ''), at(M, 2, 'MISSING')), pass: (u) => void u.set(M, 2, 'MISSING', '').set(M, 2, 'MIS_END', '') },
  { code: '567', name: 'MIS_END before MIS_START', fail: (u) => (u.set(M, 2, 'MIS_END', '30/09/2024'), at(M, 2, 'MIS_END')), pass: (u) => void u.set(M, 2, 'MIS_END', '01/10/2024') },
  { code: '570', name: 'MIS_START after the year', fail: (u) => (u.set(M, 3, 'MIS_START', '01/04/2025').set(M, 3, 'MIS_END', ''), at(M, 3, 'MIS_START')), pass: (u) => void u.set(M, 3, 'MIS_START', '31/03/2025').set(M, 3, 'MIS_END', '') },
  { code: '571', name: 'MIS_END after the year', fail: (u) => (u.set(M, 3, 'MIS_END', '01/04/2025'), at(M, 3, 'MIS_END')), pass: (u) => void u.set(M, 3, 'MIS_END', '31/03/2025') },
  { code: '571', name: 'MIS_END before the year', fail: (u) => (u.set(M, 2, 'MIS_START', '01/03/2024').set(M, 2, 'MIS_END', '31/03/2024'), at(M, 2, 'MIS_END')), pass: (u) => void u.set(M, 2, 'MIS_START', '01/03/2024').set(M, 2, 'MIS_END', '01/04/2024') },
  { code: '574', name: 'incident starts before the previous ended', fail: (u) => (u.set(M, 3, 'MIS_START', '02/10/2024'), at(M, 3, 'MIS_START')), pass: (u) => void u.set(M, 3, 'MIS_START', '03/10/2024') },
  {
    code: '575', name: 'missing open after its placement ended',
    fail: (u) => (k2Then(u, [['01/11/2024', 'P', 'C2', 'K1', '', '']]), u.set(M, 2, 'MIS_END', ''), u.set(M, 3, 'MIS_START', '14/12/2024'), at(M, 2, 'MIS_END')),
    pass: (u) => void u.set(M, 3, 'MIS_END', ''),
  },
  {
    code: '577', name: 'missing open after care ended',
    fail: (u) => at(M, u.add(M, { CHILD: '1004', DOB: '20/10/2010', MISSING: 'M', MIS_START: '01/11/2024' }), 'MIS_END'),
    pass: (u) => void u.add(M, { CHILD: '1004', DOB: '20/10/2010', MISSING: 'M', MIS_START: '01/11/2024', MIS_END: '05/11/2024' }),
  },
  {
    code: '578', name: 'missing after care ended',
    fail: (u) => at(M, u.add(M, { CHILD: '1004', DOB: '20/10/2010', MISSING: 'M', MIS_START: '05/12/2024', MIS_END: '06/12/2024' }), 'MIS_START'),
    pass: (u) => void u.add(M, { CHILD: '1004', DOB: '20/10/2010', MISSING: 'M', MIS_START: '30/11/2024', MIS_END: '30/11/2024' }),
  },
  {
    // 1004 turns 18 on 30/11/2024, the day its episode ends (row 7), still missing.
    code: '580', name: 'missing at 18 when care ended, REC not E8',
    fail: (u) => (u.set(H, 5, 'DOB', '30/11/2006').add(M, { CHILD: '1004', DOB: '30/11/2006', MISSING: 'M', MIS_START: '29/11/2024', MIS_END: '30/11/2024' }), at(E, 7, 'REC')),
    pass: (u) => {
      u.set(H, 5, 'DOB', '30/11/2006').add(M, { CHILD: '1004', DOB: '30/11/2006', MISSING: 'M', MIS_START: '29/11/2024', MIS_END: '30/11/2024' });
      u.set(E, 7, 'REC', 'E8');
    },
  },
  {
    code: '581', name: 'missing before care started',
    fail: (u) => at(M, u.add(M, { CHILD: '1004', DOB: '20/10/2010', MISSING: 'A', MIS_START: '01/06/2024', MIS_END: '01/06/2024' }), 'MIS_START'),
    pass: (u) => void u.add(M, { CHILD: '1004', DOB: '20/10/2010', MISSING: 'A', MIS_START: '02/06/2024', MIS_END: '02/06/2024' }),
  },
  { code: '586', name: 'missing before DOB', fail: (u) => (u.set(M, 2, 'MIS_START', '01/03/2008').set(M, 2, 'MIS_END', ''), at(M, 2, 'MIS_START')) },
  // Cross-table
  { code: 'INT03', name: 'Episodes child not in Header', fail: (u) => at(E, u.episodes('9999', [['01/06/2024', 'S', 'C1', 'U1', '', '']])[0]!, 'CHILD') },
  { code: 'INT04', name: 'Missing child not in Header', fail: (u) => at(M, u.add(M, { CHILD: '9999', DOB: '01/01/2010', MISSING: 'M', MIS_START: '01/10/2024', MIS_END: '02/10/2024' }), 'CHILD') },
  { code: 'INT08', name: 'Reviews child not in Header', fail: (u) => at(R, u.add(R, { CHILD: '9999', DOB: '01/01/2010', REVIEW: '01/10/2024', REVIEW_CODE: 'PN1' }), 'CHILD') },
  { code: 'INT09', name: 'UASC child not in Header', fail: (u) => at('UASC', u.add('UASC', { CHILD: '9999', SEX: 'M', DOB: '01/01/2010' }), 'CHILD') },
  { code: 'INT17', name: 'Reviews DOB differs', fail: (u) => (u.set(R, 2, 'DOB', '16/06/2012'), at(R, 2, 'DOB')), pass: (u) => void u.set(R, 2, 'DOB', '15/6/2012') },
  { code: 'INT13', name: 'Missing DOB differs', fail: (u) => (u.set(M, 2, 'DOB', '04/03/2008'), at(M, 2, 'DOB')), pass: (u) => void u.set(M, 2, 'DOB', '') },
  { code: 'INT18', name: 'UASC DOB differs', fail: (u) => (u.set('UASC', 2, 'DOB', '03/03/2009'), at('UASC', 2, 'DOB')) },
  // Structure
  { code: 'DUPLICATE_ROW', name: 'a row twice', fail: (u) => at(R, u.copy(R, 2), null) },
  { code: 'BLANK_CHILD', name: 'CHILD blank', fail: (u) => (u.set(R, 2, 'CHILD', ''), at(R, 2, 'CHILD')) },
  { code: 'MISSING_TABLE', name: 'no Header', fail: (u) => (u.drop(H), at(H, null, null)), pass: (u) => void u.drop(R) },
];

