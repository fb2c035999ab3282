/**
 * England and Wales bank holidays, for reg. 33 working-day due dates (DESIGN.md §4, metric 5).
 * The list is generated from date-holidays with documented corrections (see bank-holidays-source.ts) and shipped
 * as data, so the Lambdas do not bundle the package (about 1.2 MB minified with its time-zone data).
 */
import type { IsoDate } from '../ssda903/records.ts';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from './bank-holidays-data.ts';

const ALL: ReadonlySet<IsoDate> = new Set(ENGLAND_AND_WALES_BANK_HOLIDAYS);

export function bankHolidays(year: number): ReadonlySet<IsoDate> {
  return new Set(ENGLAND_AND_WALES_BANK_HOLIDAYS.filter((d) => d.startsWith(`${year}-`)));
}

export function isBankHoliday(date: IsoDate): boolean {
  return ALL.has(date);
}
