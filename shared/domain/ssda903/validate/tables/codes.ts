/** Code lists of the OC2, OC3, AD1, PlacedAdoption, PrevPerm and SWEpisodes items (DfE 903 guidance, 2024-25 and 2025-26). */
import { LOCAL_AUTHORITIES } from '../../../tenancy/local-authorities.ts';

const set = (...codes: string[]): ReadonlySet<string> => new Set(codes);

/** OC2 yes/no items. */
export const ZERO_ONE = set('0', '1');
export const SDQ_REASONS = set('SDQ1', 'SDQ2', 'SDQ3', 'SDQ4', 'SDQ5');

export const IN_TOUCH = set('YES', 'NO', 'DIED', 'REFU', 'NREQ', 'RHOM');
export const ACTIVITY = set('F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5', 'G4', 'G5', 'G6', '0');
export const ACCOMMODATION = set(
  'B1', 'B2', 'C1', 'C2', 'D1', 'D2', 'E1', 'E2', 'G1', 'G2', 'H1', 'H2', 'K1', 'K2', 'R1', 'R2', 'S2', 'T1', 'T2',
  'U1', 'U2', 'V1', 'V2', 'W1', 'W2', 'X2', 'Y1', 'Y2', 'Z1', 'Z2', '0',
);
/** ACCOM codes of a foyer (T1 suitable, T2 not suitable). */
export const FOYER = set('T1', 'T2');

export const NUMBER_OF_ADOPTERS = set('1', '2');
export const SEX_OF_ADOPTERS = set('M1', 'F1', 'MM', 'FF', 'MF');
export const SINGLE_ADOPTER = set('M1', 'F1');
export const COUPLE_OF_ADOPTERS = set('MM', 'FF', 'MF');
export const SAME_SEX_COUPLE = set('MM', 'FF');
export const LEGAL_STATUS_OF_ADOPTERS = set('L0', 'L11', 'L12', 'L2', 'L3', 'L4');
/** REC of an adoption. */
export const ADOPTED = set('E11', 'E12');

export const REASON_PLACED_CEASED = set('RD1', 'RD2', 'RD3', 'RD4');

export const PREVIOUS_PERMANENCE = set('P1', 'P2', 'P3', 'P4', 'Z1');
/**
 * LA_PERM: today's English LA codes, the codes of LAs since reorganised (Dorset, Poole, Bournemouth 2019;
 * Northamptonshire 2021; Cumbria 2023: an order may be years old), 999 as the DfE accepts it, and the other UK nations.
 */
export const PERMANENCE_LA = set(
  ...LOCAL_AUTHORITIES.map((la) => la.code), '835', '836', '837', '909', '928', '999', 'WAL', 'SCO', 'NUK', 'NIR',
);

export const SW_REASONS = set('MANAGE', 'FCONTA', 'LEFTRL', 'ORGRST', 'TSPROC', 'ABSENC', 'CHCHAN', 'PCCHAN', 'SWDIED', 'OTHERS');
/** Social worker change for a foster carer's contact: exempt from the overlap rule. */
export const SW_FOSTER_CONTACT = 'FCONTA';
/** SW_REASON is required for social worker episodes from this date. */
export const SW_REASON_FROM = '2023-04-01';
