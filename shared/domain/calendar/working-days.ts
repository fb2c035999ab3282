import type { IsoDate } from '../ssda903/records.ts';
import { isBankHoliday } from './bank-holidays.ts';
import { fromDayNumber, isWeekend, toDayNumber } from './dates.ts';

/** A working day: not Saturday or Sunday and not an England and Wales bank holiday. */
export function isWorkingDay(date: IsoDate): boolean {
  return !isWeekend(date) && !isBankHoliday(date);
}

/** Bank holidays as UTC day numbers, filled lazily per year (the loop below works on day numbers). */
const holidayDays = new Map<number, boolean>();
function isWorkingDayNumber(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7; // day 0 = Thu 1 Jan 1970
  if (weekday === 0 || weekday === 6) return false;
  let holiday = holidayDays.get(day);
  if (holiday === undefined) {
    holiday = isBankHoliday(fromDayNumber(day));
    holidayDays.set(day, holiday);
  }
  return !holiday;
}

const memo = new Map<string, IsoDate>();

/**
 * The n-th working day after `start`, the start day not counted (reg. 33(1): first review "within 20 working
 * days" of the child becoming looked after). n = 0 returns `start`.
 */
export function addWorkingDays(start: IsoDate, n: number): IsoDate {
  if (n < 0 || !Number.isInteger(n)) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  const key = `${start}|${n}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  let day = toDayNumber(start);
  let left = n;
  while (left > 0) {
    day++;
    if (isWorkingDayNumber(day)) left--;
  }
  const result = fromDayNumber(day);
  if (memo.size > 100_000) memo.clear();
  memo.set(key, result);
  return result;
}
