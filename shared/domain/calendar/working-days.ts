import type { IsoDate } from '../ssda903/records.ts';
import { isBankHoliday } from './bank-holidays.ts';
import { addDays, isWeekend } from './dates.ts';

/** A working day: not Saturday or Sunday and not an England and Wales bank holiday. */
export function isWorkingDay(date: IsoDate): boolean {
  return !isWeekend(date) && !isBankHoliday(date);
}

/**
 * The n-th working day after `start`, the start day not counted (reg. 33(1): first review "within 20 working
 * days" of the child becoming looked after). n = 0 returns `start`.
 */
export function addWorkingDays(start: IsoDate, n: number): IsoDate {
  if (n < 0 || !Number.isInteger(n)) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  let date = start;
  let left = n;
  while (left > 0) {
    date = addDays(date, 1);
    if (isWorkingDay(date)) left--;
  }
  return date;
}
