/**
 * 903 code lists (DESIGN.md §3), keyed by collection year (named by the year it ends: 2026 = 2025-26) where
 * the DfE changed them.
 */
function set(...codes: string[]): ReadonlySet<string> {
  return new Set(codes);
}
function range(prefix: string, from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = from; i <= to; i++) out.push(`${prefix}${i}`);
  return out;
}

export const TEMPORARY_PLACES = set(...range('T', 0, 4));
export const ADOPTION_PLACES = set('A3', 'A4', 'A5', 'A6');
export const FOSTER_PLACES = set(...range('U', 1, 6));
export const SHORT_BREAK_LS = set('V3', 'V4');
/** RNE codes of an episode that continues the period of care of the one before it. */
export const CONTINUATION_RNE = set('L', 'P', 'T', 'U', 'B');

export interface CodeLists {
  /** SEX as the DfE expects it that year; `oldSex` is the other coding, still imported (DESIGN.md §3). */
  sex: ReadonlySet<string>;
  oldSex: ReadonlySet<string>;
  ethnic: ReadonlySet<string>;
  rne: ReadonlySet<string>;
  ls: ReadonlySet<string>;
  cin: ReadonlySet<string>;
  place: ReadonlySet<string>;
  placeProvider: ReadonlySet<string>;
  rec: ReadonlySet<string>;
  reasonPlaceChange: ReadonlySet<string>;
  reviewCode: ReadonlySet<string>;
  missing: ReadonlySet<string>;
  /** Placements with no PLACE_PROVIDER (178, 213, 526). */
  noProviderPlaces: ReadonlySet<string>;
  /** Placements that have no Ofsted URN (218, 222). */
  noUrnPlaces: ReadonlySet<string>;
}

/** 2024-25 adds K3 (the DfE tool's list has it as `k3`, a typo that rejects every K3: we accept K3). */
const PLACE_2025 = [
  ...range('U', 1, 6), 'A3', 'A4', 'A5', 'A6', 'P1', 'P2', 'P3', 'R1', 'R2', 'R3', 'R5', 'K1', 'K2', 'K3', 'H5', 'S1',
  ...range('T', 0, 4), 'Z1',
];
/** From 2025-26 Z1 splits into Z11–Z14 and H5, P2 are withdrawn. */
const PLACE_2026 = [...PLACE_2025.filter((p) => p !== 'Z1' && p !== 'H5' && p !== 'P2'), ...range('Z1', 1, 4)];

const OLD_SEX = set('1', '2');
const NEW_SEX = set('M', 'F', 'U');

const COMMON = {
  ethnic: set(
    'WBRI', 'WIRI', 'WIRT', 'WOTH', 'WROM', 'MWBC', 'MWBA', 'MWAS', 'MOTH', 'AIND', 'APKN', 'ABAN', 'AOTH',
    'BCRB', 'BAFR', 'BOTH', 'CHNE', 'OOTH', 'REFU', 'NOBT',
  ),
  rne: set('S', 'L', 'P', 'T', 'U', 'B'),
  ls: set('C1', 'C2', 'D1', 'E1', 'V2', 'V3', 'V4', 'J1', 'J2', 'J3', 'L1', 'L2', 'L3'),
  cin: set(...range('N', 1, 8)),
  placeProvider: set(...range('PR', 0, 5)),
  rec: set(
    'E11', 'E12', 'E13', 'E4A', 'E4B', 'E41', 'E45', 'E46', 'E47', 'E48', 'E5', 'E6', 'E7', 'E2', 'E3', 'E9',
    'E14', 'E15', 'E16', 'E17', 'E8', 'X1',
  ),
  reasonPlaceChange: set(
    'CARPL', 'CLOSE', 'ALLEG', 'STAND', 'APPRR', 'CREQB', 'CREQO', 'CHILD', 'LAREQ', 'PLACE', 'CUSTOD', 'OTHER',
  ),
  reviewCode: set(...range('PN', 0, 7)),
  missing: set('M', 'A'),
};

/** The placements the DfE lists as without a URN (218, 222); Z1 became Z11–Z14 in 2025-26. */
const NO_URN_COMMON = ['P1', 'P3', 'R1', 'R2', 'R5', ...range('T', 0, 4)];

// SEX: 1/2 to 2023-24 and M/F/U from 2024-25; both codings are imported in any year (DESIGN.md §3).
const LISTS_2024: CodeLists = {
  ...COMMON, sex: OLD_SEX, oldSex: NEW_SEX, place: set(...PLACE_2025),
  noProviderPlaces: set(...range('T', 0, 4), 'Z1'), noUrnPlaces: set(...NO_URN_COMMON, 'Z1'),
};
const LISTS_2025: CodeLists = { ...LISTS_2024, sex: NEW_SEX, oldSex: OLD_SEX };
/** The DfE tool's 2025-26 list for 178 leaves T4 out while 213 and 526 keep it: T4 is kept, as the guidance means. */
const LISTS_2026: CodeLists = {
  ...LISTS_2025, place: set(...PLACE_2026),
  noProviderPlaces: set(...range('T', 0, 4), ...range('Z1', 1, 4)), noUrnPlaces: set(...NO_URN_COMMON, ...range('Z1', 1, 4)),
};

export function codeLists(yearEnding: number): CodeLists {
  if (yearEnding >= 2026) return LISTS_2026;
  return yearEnding >= 2025 ? LISTS_2025 : LISTS_2024;
}

/** UPN check letters: index = weighted sum mod 23 (I, O and S are never used). */
const CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/**
 * DfE rule 168: a UPN is 13 characters — a check letter, then 12 digits, or 11 digits and a letter (temporary
 * UPN) — whose check letter matches the weighted sum of characters 2–13; or UN1–UN5 when there is none.
 */
export function isValidUpn(upn: string): boolean {
  if (/^UN[1-5]$/.test(upn)) return true;
  if (!/^[A-HJ-NP-RT-Z]\d{11}[0-9A-HJ-NP-RT-Z]$/.test(upn)) return false;
  let sum = 0;
  for (let i = 1; i < 13; i++) {
    const c = upn[i]!;
    const v = i === 12 && !/\d/.test(c) ? CHECK_LETTERS.indexOf(c) : Number(c);
    sum += v * (i + 1);
  }
  return CHECK_LETTERS[sum % 23] === upn[0];
}
