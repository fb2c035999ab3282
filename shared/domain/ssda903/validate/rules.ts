/**
 * Every rule code this validator can report, with its severity (validation-rules.md): an error rejects the
 * upload, a query is reported and does not block it. A DfE rule is an error when the row cannot be imported or
 * contradicts itself (a code or date that cannot be, an impossible sequence), and a query when it is about
 * completeness or plausibility of details the platform does not compute on. DfE codes are kept so an analyst can match our findings
 * with the DfE/Data to Insight 903 validator; our own rules have readable codes.
 */
import { TABLE_SEVERITY } from './tables/registry.ts';

export type { Severity } from './severity.ts';
import type { Severity } from './severity.ts';

const ERRORS = [
  // file level and structure (ours)
  'EMPTY_FILE', 'NOT_UTF8', 'NOT_CSV', 'NOT_COMMA_SEPARATED', 'UNRECOGNISED_FILE', 'MISSING_COLUMN', 'EXTRA_COLUMN',
  'DUPLICATE_COLUMN', 'DUPLICATE_TABLE', 'MISSING_TABLE', 'ROW_LENGTH', 'DUPLICATE_ROW', 'BLANK_CHILD',
  'INVALID_DATE', 'REVIEW_OUTSIDE_CARE', 'REVIEW_AFTER_YEAR_END', 'CHILD_NOT_IN_HEADER',
  'DOB_DIFFERS', 'INTERNAL_ERROR',
  'FIELD_TOO_LONG', 'FIELD_CHARACTERS', // field-limits.ts: length and characters of every 903 field
  // Header
  '101', '102', '103', '165', '171', '174', '301', '351', 'INT32',
  // cell codes and dates
  '141', '143', '144', '145', '146', '147', '148', '149', '1009', '166', '167', '1004', '1005', '1006',
  // Episodes: a provider code, a date or a legal status that cannot be
  '178', '353', '446',
  // Episodes sequence
  '142', '501', '302', '356', '354', '385', '357', '388', '431', '432', '433', '437',
  // Reviews
  '440', '441',
  // Missing
  '564', '565', '566', '567', '570', '571', '574',
  // cross-table
  'INT01', 'INT02', 'INT03', 'INT04', 'INT05', 'INT06', 'INT07', 'INT08', 'INT09',
  'INT11', 'INT12', 'INT13', 'INT14', 'INT15', 'INT16', 'INT17', 'INT18',
] as const;

const QUERIES = [
  '168', '434', '435', '436', '380', '381', '383', '375', '376', '377', '379',
  '365', '366', '367', '382', '384', '426', '361', '362', '363', '217', '336', '390', '408',
  '225', '226', '233', '371', '372', '373', '374', '386', '387', '389', '407', '460', '399',
  '575', '577', '578', '580', '581', '586', '393', '607', '611', '612', '620', '621',
  // Header: UPN and SEX completeness and plausibility, a child with no episodes
  '209', '210', '232', '442', '444', '625', 'EPI',
  // Episodes: placement details the platform does not compute on (provider, URN, postcodes), so not blocking
  '213', '214', '222', '378', '398', '516', '526', '527', '528', '529', '530', '531', '550',
  // Episodes: placement details, ages, sequence
  '218', '355', '392b', '392d', '199', '504', '352', '358', '359', '364', '234',
  // previous year
  '502', '503A', '503B', '503C', '503D', '503E', '503F', '503G', '562', 'NoE', '202', '203', '204', '207', '208',
  '624', '626', '576',
] as const;

export type RuleCode = (typeof ERRORS)[number] | (typeof QUERIES)[number];

export const SEVERITY: ReadonlyMap<string, Severity> = new Map<string, Severity>([
  ...ERRORS.map((c) => [c, 'error'] as const),
  ...QUERIES.map((c) => [c, 'query'] as const),
  ...TABLE_SEVERITY,
]);

/** Unknown codes count as errors, so a mistake never lets a bad upload through. */
export function severityOf(code: string): Severity {
  return SEVERITY.get(code) ?? 'error';
}
