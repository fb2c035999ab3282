/**
 * England and Wales bank holidays, for reg. 33 working-day due dates (DESIGN.md §4, metric 5).
 * Source: date-holidays (country GB, state ENG), type `public` only (observances such as Mother's Day are not
 * holidays). The package gives substitute days (27/28 Dec 2021 and 2027, 3 Jan 2022), Good Friday, Easter Monday
 * and the one-off days of 2020 (VE day moved), 2022 (Jubilee, State Funeral) and 2023 (Coronation) correctly.
 *
 * Corrections (checked against the gov.uk / Banking and Financial Dealings Act proclamations; the package
 * 3.37.0 has these wrong, and periods of care of older children can start in those years):
 *  - 1995: the Early May bank holiday was moved from 1 May to Monday 8 May (VE Day 50th anniversary).
 *  - 1999: Friday 31 December 1999 was an extra bank holiday (Millennium).
 *  - 2002: the Spring bank holiday was moved from 27 May to Tuesday 4 June; Monday 3 June was the Golden Jubilee.
 *  - 2011: Friday 29 April 2011 was an extra bank holiday (Royal Wedding).
 *  - 2012: the Spring bank holiday was moved from 28 May to Monday 4 June (Tuesday 5 June: Diamond Jubilee).
 */
import Holidays from 'date-holidays';
import type { IsoDate } from '../ssda903/records.ts';

const REMOVED: ReadonlySet<IsoDate> = new Set(['1995-05-01', '2002-05-27', '2012-05-28']);
const ADDED: readonly IsoDate[] = ['1995-05-08', '1999-12-31', '2002-06-03', '2002-06-04', '2011-04-29', '2012-06-04'];

const byYear = new Map<number, ReadonlySet<IsoDate>>();
let holidays: Holidays | undefined;

/** The bank holidays of one calendar year in England and Wales, cached per year (the package is slow). */
export function bankHolidays(year: number): ReadonlySet<IsoDate> {
  let set = byYear.get(year);
  if (!set) {
    holidays ??= new Holidays('GB', 'ENG');
    const days = new Set<IsoDate>();
    for (const h of holidays.getHolidays(year)) {
      // `date` is the local civil date ("2027-12-27 00:00:00"), independent of the host time zone.
      if (h.type === 'public') days.add(h.date.slice(0, 10));
    }
    for (const d of REMOVED) days.delete(d);
    for (const d of ADDED) if (d.startsWith(`${year}-`)) days.add(d);
    set = days;
    byYear.set(year, set);
  }
  return set;
}

export function isBankHoliday(date: IsoDate): boolean {
  return bankHolidays(Number(date.slice(0, 4))).has(date);
}
