/**
 * Dates as whole day numbers (days since 1970-01-01, UTC): the simulation adds and compares millions of
 * dates, and integers are far cheaper than Date objects or strings. Conversions are table-driven.
 */
export type Day = number;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MIN_YEAR = 1960;
const MAX_YEAR = 2100;
const FIRST: Day = Date.UTC(MIN_YEAR, 0, 1) / 86_400_000;
const COUNT = Date.UTC(MAX_YEAR + 1, 0, 1) / 86_400_000 - FIRST;

const years = new Int16Array(COUNT);
const months = new Int8Array(COUNT);
const dates = new Int8Array(COUNT);
/** Day number of the 1st of each month from MIN_YEAR: dayOf() without Date.UTC. */
const monthStart = new Int32Array((MAX_YEAR - MIN_YEAR + 1) * 12);
/** dd/mm/yyyy of every day as ASCII bytes, 10 per day: the emitter copies these straight into its buffers. */
export const DMY_BYTES = new Uint8Array(COUNT * 10);
const dmyText = new Array<string>(COUNT);

// Built once at load (about 51,000 days): every later conversion is an array lookup.
{
  let i = 0;
  for (let y = MIN_YEAR; y <= MAX_YEAR; y++) {
    for (let m = 1; m <= 12; m++) {
      monthStart[(y - MIN_YEAR) * 12 + m - 1] = FIRST + i;
      const n = daysInMonth(y, m);
      for (let d = 1; d <= n; d++, i++) {
        years[i] = y;
        months[i] = m;
        dates[i] = d;
        const text = `${d < 10 ? '0' : ''}${d}/${m < 10 ? '0' : ''}${m}/${y}`;
        dmyText[i] = text;
        for (let k = 0; k < 10; k++) DMY_BYTES[i * 10 + k] = text.charCodeAt(k);
      }
    }
  }
}

/** Offset of a day in the tables (and, times 10, in DMY_BYTES). */
export function index(day: Day): number {
  const i = day - FIRST;
  if (i < 0 || i >= COUNT) throw new RangeError(`day ${day} outside ${MIN_YEAR}-${MAX_YEAR}`);
  return i;
}

export function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : MONTH_DAYS[m - 1]!;
}

export function dayOf(y: number, m: number, d: number): Day {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12) return Date.UTC(y, m - 1, d) / 86_400_000;
  return monthStart[(y - MIN_YEAR) * 12 + m - 1]! + d - 1;
}

export function yearOf(day: Day): number {
  return years[index(day)]!;
}

export function monthOf(day: Day): number {
  const i = index(day);
  return months[i]!;
}

export function dateOf(day: Day): number {
  const i = index(day);
  return dates[i]!;
}

/** dd/mm/yyyy, the 903 CSV date format. */
export function dmy(day: Day): string {
  return dmyText[index(day)]!;
}

export function iso(day: Day): string {
  const i = index(day);
  const d = dates[i]!;
  const m = months[i]!;
  return `${years[i]!}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Calendar months added, clamped to the month's end (29 Nov + 3 months = 28 Feb), as reg. 33 due dates are. */
export function addMonths(day: Day, n: number): Day {
  const i = index(day);
  const total = years[i]! * 12 + (months[i]! - 1) + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return dayOf(y, m, Math.min(dates[i]!, daysInMonth(y, m)));
}

/** The date of the n-th birthday (a 29 February birthday falls on 28 February; the generator avoids them). */
export function birthday(dob: Day, years: number): Day {
  return addMonths(dob, years * 12);
}

/** Age in whole years on a date. */
export function ageOn(dob: Day, day: Day): number {
  const a = index(dob);
  const b = index(day);
  let age = years[b]! - years[a]!;
  if (months[b]! < months[a]! || (months[b]! === months[a]! && dates[b]! < dates[a]!)) age--;
  return age;
}

/** 1 April and 31 March of the collection year that ends in `yearEnding` (2025 = 2024-25). */
export function collectionYear(yearEnding: number): { start: Day; end: Day } {
  return { start: dayOf(yearEnding - 1, 4, 1), end: dayOf(yearEnding, 3, 31) };
}

/** The collection year (named by its end) a day falls in. */
export function yearEndingOf(day: Day): number {
  const i = index(day);
  return months[i]! >= 4 ? years[i]! + 1 : years[i]!;
}
