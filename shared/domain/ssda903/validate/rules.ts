/**
 * Every rule code this validator can report, with its severity (validation-rules.md): an error rejects the
 * upload, a query is reported and does not block it. DfE codes are kept so an analyst can match our findings
 * with the DfE/Data to Insight 903 validator; our own rules have readable codes.
 */
import { TABLE_SEVERITY } from './tables/registry.ts';

export type Severity = 'error' | 'query';

const ERRORS = [
  // file level and structure (ours)
  'EMPTY_FILE', 'NOT_UTF8', 'NOT_CSV', 'NOT_COMMA_SEPARATED', 'UNRECOGNISED_FILE', 'MISSING_COLUMN', 'EXTRA_COLUMN',
  'DUPLICATE_COLUMN', 'DUPLICATE_TABLE', 'MISSING_TABLE', 'ROW_LENGTH', 'DUPLICATE_ROW', 'BLANK_CHILD',
  'INVALID_DATE', 'UNKNOWN_PLACE_PROVIDER', 'REVIEW_OUTSIDE_CARE', 'REVIEW_AFTER_YEAR_END', 'CHILD_NOT_IN_HEADER',
  'DOB_DIFFERS', 'INTERNAL_ERROR',
  // Header
  '101', '102', '103', 'INT32',
  // cell codes and dates
  '141', '143', '144', '145', '146', '147', '148', '149', '1009', '166', '167', '1004', '1005', '1006',
  // Episodes sequence
  '142', '501', '302', '356', '354', '385', '357', '388', '431', '432', '433',
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
  '502', '503A', '503B', '503C', '503D', '503E', '503F', '503G', 'NoE',
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
