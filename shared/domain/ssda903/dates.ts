/**
 * Date helpers shared by parsing, validation and the dataset. 903 dates arrive as `dd/mm/yyyy`; inside the
 * platform they are ISO `YYYY-MM-DD` strings, which compare correctly as text.
 */
import type { IsoDate } from './records.ts';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1]!;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function isoOf(y: number, m: number, d: number): IsoDate {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * `dd/mm/yyyy` (day and month may have one digit) → ISO, or null when blank or not a real calendar date
 * (31/02/2024, 2024-01-01, 1/1/24 are all null). Years before 1900 are rejected as typing errors.
 */
export function parseUkDate(value: string | null | undefined): IsoDate | null {
  if (!value) return null;
  const s = value.trim();
  const a = s.indexOf('/');
  const b = s.indexOf('/', a + 1);
  if (a < 1 || a > 2 || b - a < 2 || b - a > 3 || s.length - b !== 5) return null;
  const d = digits(s, 0, a);
  const m = digits(s, a + 1, b);
  const y = digits(s, b + 1, s.length);
  if (d < 1 || m < 1 || m > 12 || y < 1900) return null;
  if (d > daysInMonth(y, m)) return null;
  return isoOf(y, m, d);
}

/** Days since 1970-01-01 of an ISO date. */
export function dayNumber(iso: IsoDate): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  const t = new Date((dayNumber(iso) + days) * 86_400_000);
  return isoOf(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Calendar months, clamped to the month's end (29 Nov + 3 months = 28 Feb). */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  const y0 = Number(iso.slice(0, 4));
  const m0 = Number(iso.slice(5, 7)) - 1 + months;
  const y = y0 + Math.floor(m0 / 12);
  const m = (((m0 % 12) + 12) % 12) + 1;
  const d = Math.min(Number(iso.slice(8, 10)), daysInMonth(y, m));
  return isoOf(y, m, d);
}

export function addYears(iso: IsoDate, years: number): IsoDate {
  return addMonths(iso, years * 12);
}

/** Completed years of age on `on` for someone born on `dob` (a 29 Feb birthday counts on 28 Feb). */
export function ageOn(dob: IsoDate, on: IsoDate): number {
  let age = Number(on.slice(0, 4)) - Number(dob.slice(0, 4));
  if (addYears(dob, age) > on) age--;
  return age;
}

/** ISO → `dd/mm/yyyy`, for messages an analyst compares with the file. */
export function ukDate(iso: IsoDate): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** The collection year named by the year it ends: 2025 = 1 April 2024 – 31 March 2025. */
export interface CollectionYear {
  yearEnding: number;
  start: IsoDate;
  end: IsoDate;
}

export function collectionYear(yearEnding: number): CollectionYear {
  return { yearEnding, start: isoOf(yearEnding - 1, 4, 1), end: isoOf(yearEnding, 3, 31) };
}

/** The collection year (named by its end) that contains an ISO date. */
export function yearEndingOf(iso: IsoDate): number {
  const y = Number(iso.slice(0, 4));
  return iso.slice(5) >= '04-01' ? y + 1 : y;
}
