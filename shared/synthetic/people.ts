/**
 * Personal details of synthetic children: ethnicity, UPNs with valid check letters, postcodes, URNs.
 * Everything is made up; formats follow the 903 guidance so the validator sees realistic values.
 */
import type { LocalAuthority } from '../domain/tenancy/local-authorities.ts';
import { type Rng, hashString, table } from './prng.ts';

const ETHNIC_GENERAL = table<string>([
  ['WBRI', 760], ['WIRI', 5], ['WOTH', 40], ['WIRT', 5], ['WROM', 6], ['MWBC', 45], ['MWBA', 10], ['MWAS', 15],
  ['MOTH', 30], ['AIND', 5], ['APKN', 15], ['ABAN', 5], ['AOTH', 10], ['BCRB', 10], ['BAFR', 15], ['BOTH', 5],
  ['CHNE', 2], ['OOTH', 10], ['REFU', 2], ['NOBT', 2],
]);

const ETHNIC_DIVERSE = table<string>([
  ['WBRI', 380], ['WIRI', 8], ['WOTH', 80], ['WIRT', 5], ['WROM', 10], ['MWBC', 80], ['MWBA', 20], ['MWAS', 20],
  ['MOTH', 60], ['AIND', 15], ['APKN', 50], ['ABAN', 25], ['AOTH', 30], ['BCRB', 60], ['BAFR', 70], ['BOTH', 30],
  ['CHNE', 3], ['OOTH', 45], ['REFU', 3], ['NOBT', 3],
]);

/** UASC mostly come from Afghanistan, Eritrea, Sudan, Iran, Vietnam, Albania… */
const ETHNIC_UASC = table<string>([['AOTH', 35], ['BAFR', 30], ['OOTH', 20], ['WOTH', 10], ['BOTH', 5]]);

export function ethnicity(rng: Rng, diverse: boolean, uasc: boolean): string {
  return rng.from(uasc ? ETHNIC_UASC : diverse ? ETHNIC_DIVERSE : ETHNIC_GENERAL);
}

const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/** The DfE UPN check letter: characters 2–13 weighted 2–13, sum mod 23, mapped onto 23 letters (no I, O, S). */
export function upnCheckLetter(body: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i + 2);
  return UPN_LETTERS[sum % 23]!;
}

/**
 * A permanent UPN: check letter, LA code, establishment, two-digit year allocated, serial. `unique` (the child's
 * number in its LA, below a million) sets the serial and the establishment's last three digits, so no two children
 * of an LA share a UPN (DfE 444) whatever the draws.
 */
export function makeUpn(rng: Rng, laCode: string, yearAllocated: number, unique: number): string {
  const est = String(rng.int(2, 7) * 1000 + Math.floor(unique / 1000));
  const yy = String(yearAllocated % 100).padStart(2, '0');
  const serial = String(unique % 1000).padStart(3, '0');
  const body = `${laCode}${est}${yy}${serial}`;
  return `${upnCheckLetter(body)}${body}`;
}

/** Real outward codes per region, so synthetic postcodes look like the LA's own area. */
const AREAS: Readonly<Record<string, readonly string[]>> = {
  London: ['E', 'N', 'NW', 'SE', 'SW', 'W', 'BR', 'CR', 'DA', 'EN', 'HA', 'IG', 'KT', 'RM', 'SM', 'TW', 'UB'],
  'South East': ['ME', 'CT', 'TN', 'GU', 'RH', 'PO', 'SO', 'RG', 'OX', 'MK', 'HP', 'SL', 'BN'],
  'East of England': ['CB', 'CM', 'CO', 'IP', 'NR', 'PE', 'SG', 'AL', 'LU', 'SS'],
  'South West': ['BS', 'BA', 'EX', 'PL', 'TQ', 'TR', 'TA', 'GL', 'SN', 'BH', 'DT', 'SP'],
  'West Midlands': ['B', 'CV', 'DY', 'WS', 'WV', 'ST', 'TF', 'WR', 'HR', 'SY'],
  'East Midlands': ['DE', 'NG', 'LE', 'LN', 'NN'],
  'Yorkshire and the Humber': ['LS', 'BD', 'HD', 'HX', 'WF', 'S', 'DN', 'HU', 'YO', 'HG'],
  'North West': ['M', 'L', 'WA', 'WN', 'BL', 'OL', 'SK', 'PR', 'BB', 'FY', 'LA', 'CA', 'CH', 'CW'],
  'North East': ['NE', 'SR', 'DH', 'TS', 'DL'],
};
const ALL_AREAS = Object.values(AREAS).flat();
const UNIT_LETTERS = [...'ABDEFGHJLNPQRSTUWXYZ'];

export interface PostcodeSource {
  local(rng: Rng): string;
  anywhere(rng: Rng): string;
}

function postcode(rng: Rng, area: string, district: number): string {
  return `${area}${district} ${rng.int(1, 9)}${rng.pick(UNIT_LETTERS)}${rng.pick(UNIT_LETTERS)}`;
}

/** Each LA gets two postcode areas of its region and a band of districts, fixed by its code. */
export function postcodes(la: LocalAuthority): PostcodeSource {
  const list = AREAS[la.region] ?? ALL_AREAS;
  const h = hashString(`postcode:${la.code}`);
  const areas = [list[h % list.length]!, list[(h >>> 8) % list.length]!];
  const base = 1 + ((h >>> 16) % 20);
  return {
    local: (rng) => postcode(rng, rng.pick(areas), base + rng.int(0, 6)),
    anywhere: (rng) => postcode(rng, rng.pick(ALL_AREAS), rng.int(1, 30)),
  };
}

/** An Ofsted URN for social care provision (children's homes, fostering agencies): SC + 6 digits. */
export function ofstedUrn(rng: Rng): string {
  return `SC${String(rng.int(10_000, 999_999)).padStart(6, '0')}`;
}
