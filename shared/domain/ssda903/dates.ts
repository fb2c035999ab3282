/**
 * 903 date text: cells arrive as `dd/mm/yyyy` (one-digit day or month tolerated); inside the platform they are ISO
 * `YYYY-MM-DD` strings, which compare correctly as text.
 */
import type { IsoDate, RawTable, TableName } from './records.ts';

// Date arithmetic has one implementation, in the calendar module; this file adds the 903 text formats.
export { addDays, addMonths, addYears, ageOn, daysBetween, daysInMonth, isoOf } from '../calendar/dates.ts';
import { daysInMonth, isoOf } from '../calendar/dates.ts';

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
  // A return repeats the same few thousand dates across millions of cells: remember them.
  const known = parsed.get(value);
  if (known !== undefined) return known;
  const iso = parseUncached(value);
  if (parsed.size >= 100_000) parsed.clear();
  parsed.set(value, iso);
  return iso;
}

const parsed = new Map<string, IsoDate | null>();

function parseUncached(value: string): IsoDate | null {
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

/** The dates that place a return in time: when episodes, reviews and missing incidents happened. */
const EVENT_DATE_COLUMNS: Partial<Record<TableName, readonly string[]>> = {
  Episodes: ['DECOM', 'DEC'],
  Reviews: ['REVIEW'],
  Missing: ['MIS_START', 'MIS_END'],
};

/** How the collection year of a return was worked out from its dates, so a person can check it. */
export interface InferredYear {
  yearEnding: number;
  /** 'dates': from the files' event dates; 'today': the files have none, so the year in progress. */
  basis: 'dates' | 'today';
  /** Event dates read, and how many fall in the chosen year and after its end. */
  dates: number;
  inYear: number;
  afterYear: number;
}

/**
 * The collection year a return describes, from the bulk of its event dates: the latest year holding at least half
 * as many dates as the busiest year. Every child of a return is looked after in its year, so that year holds
 * the most dates (earlier years hold only the longer stays); a handful of mistyped dates after the year end (the
 * errors validation must report) can never reach half of it, so one bad DEC cannot move the year. With no
 * usable date, the year in progress on `today`.
 */
export function inferYearEnding(tables: readonly RawTable[], today: IsoDate): InferredYear {
  const perYear = new Map<number, number>();
  let dates = 0;
  for (const t of tables) {
    const columns = EVENT_DATE_COLUMNS[t.table];
    if (!columns) continue;
    const indexes = columns.map((c) => t.columns.indexOf(c)).filter((i) => i >= 0);
    for (const row of t.rows) {
      for (const c of indexes) {
        const iso = parseUkDate(row[c]);
        if (iso === null) continue;
        const year = yearEndingOf(iso);
        perYear.set(year, (perYear.get(year) ?? 0) + 1);
        dates++;
      }
    }
  }
  if (dates === 0) return { yearEnding: yearEndingOf(today), basis: 'today', dates: 0, inYear: 0, afterYear: 0 };
  const busiest = Math.max(...perYear.values());
  let yearEnding = 0;
  for (const [year, n] of perYear) if (n * 2 >= busiest && year > yearEnding) yearEnding = year;
  let afterYear = 0;
  for (const [year, n] of perYear) if (year > yearEnding) afterYear += n;
  return { yearEnding, basis: 'dates', dates, inYear: perYear.get(yearEnding)!, afterYear };
}
