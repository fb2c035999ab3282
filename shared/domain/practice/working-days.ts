/** Working-day deadlines of IRO practice (IRO Handbook: allocation in 5, dispute stages 5 each, 20 in all). */
import { addWorkingDays, isWorkingDay } from '../calendar/working-days.ts';
import { addDays } from '../calendar/dates.ts';
import type { IsoDate } from '../ssda903/records.ts';

/** Due date `n` working days after `from` (the start day not counted; weekends and bank holidays skipped). */
export function dueAfterWorkingDays(from: IsoDate, n: number): IsoDate {
  return addWorkingDays(from, n);
}

/** Working days after `from` up to and including `to` (0 when `to` ≤ `from`): the inverse of dueAfterWorkingDays. */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) count++;
  return count;
}

/** IRO Handbook: an IRO is appointed within 5 working days of the child becoming looked after. */
export const ALLOCATION_WORKING_DAYS = 5;
/** Reviews due within this many working days appear on the worklist. */
export const REVIEW_LOOKAHEAD_WORKING_DAYS = 20;
