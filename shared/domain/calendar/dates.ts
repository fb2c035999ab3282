/**
 * Calendar-date arithmetic on ISO `YYYY-MM-DD` strings (DESIGN.md §4), the one implementation used by validation
 * and metrics alike. Dates are civil days with no time zone: day counts go through a UTC day number, so the host's
 * TZ never shifts a date. Inputs are ISO dates made by the parsers; these are hot paths, so they slice, not regex.
 */
import type { IsoDate } from '../ssda903/records.ts';

const DAY_MS = 86_400_000;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const year = (d: IsoDate) => Number(d.slice(0, 4));
const month = (d: IsoDate) => Number(d.slice(5, 7));
const day = (d: IsoDate) => Number(d.slice(8, 10));
const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);

export function isoOf(y: number, m: number, d: number): IsoDate {
  return `${y < 1000 ? String(y).padStart(4, '0') : y}-${two(m)}-${two(d)}`;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1]!;
}

export function toDayNumber(date: IsoDate): number {
  return Date.UTC(year(date), month(date) - 1, day(date)) / DAY_MS;
}

export function fromDayNumber(n: number): IsoDate {
  const t = new Date(n * DAY_MS);
  return isoOf(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** `to − from` in calendar days. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/**
 * Calendar-month addition clamped to the end of the target month (DESIGN §4: 29 Nov + 3 months = 28 Feb,
 * 31 Aug + 6 months = 28/29 Feb, 31 March − 30 months = 30 Sept). `months` may be negative.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const index = year(date) * 12 + (month(date) - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return isoOf(y, m, Math.min(day(date), daysInMonth(y, m)));
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(toDayNumber(date) * DAY_MS).getUTCDay();
}

export function isWeekend(date: IsoDate): boolean {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
}

/**
 * Age in whole years on `on`. A birthday is reached when month-day ≥ the birth month-day, so a 29 February
 * child turns a year older on 1 March in common years (as in English law). Validation and metrics share it.
 */
export function ageOn(dob: IsoDate, on: IsoDate): number {
  return year(on) - year(dob) - (on.slice(5) < dob.slice(5) ? 1 : 0);
}
