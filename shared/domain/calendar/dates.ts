/**
 * Calendar-date arithmetic on ISO `YYYY-MM-DD` strings (DESIGN.md §4). Dates are civil days with no time zone:
 * every computation goes through a UTC day number, so the host's TZ never shifts a date.
 */
import type { IsoDate } from '../ssda903/records.ts';

const DAY_MS = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: IsoDate): [number, number, number] {
  const m = ISO.exec(date);
  if (!m) throw new RangeError(`not an ISO date: "${date}"`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export function isIsoDate(value: string): boolean {
  const m = ISO.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** `dd/mm/yyyy` (the 903 and CLI format) → ISO, or null when it is not a real date. */
export function parseUkDate(value: string): IsoDate | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value.trim());
  if (!m) return null;
  const iso = `${m[3]}-${m[2]}-${m[1]}`;
  return isIsoDate(iso) ? iso : null;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function toDayNumber(date: IsoDate): number {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function fromDayNumber(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
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
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
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
 * child turns a year older on 1 March in common years (as in English law).
 */
export function ageOn(dob: IsoDate, on: IsoDate): number {
  const [by] = parts(dob);
  const [oy] = parts(on);
  return oy - by - (on.slice(5) < dob.slice(5) ? 1 : 0);
}
