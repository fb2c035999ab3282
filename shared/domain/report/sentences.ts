/**
 * How the annual report states a figure: the DfE's symbols for what is not shown, and the generated sentence that
 * compares a figure with the year before and with the region and England. A sentence is only ever made from figures
 * that are there: a suppressed (`c`) or missing figure is left out of it, never guessed or written as zero.
 */

/** A figure in the report: a number, `c` (suppressed to protect confidentiality), or null (not available, DfE `x`). */
export type ReportValue = number | 'c' | null;

/** `percent`: whole numbers; `decimal`: one decimal place (per FTE, per 100 children); `count`: whole numbers. */
export type Unit = 'count' | 'percent' | 'decimal';

export const NOT_AVAILABLE = 'x';

export function formatValue(value: ReportValue, unit: Unit): string {
  if (value === null) return NOT_AVAILABLE;
  if (value === 'c') return 'c';
  if (unit === 'percent') return `${value}%`;
  if (unit === 'decimal') return value.toFixed(1);
  return value.toLocaleString('en-GB');
}

/** 2025 → "2024-25": collection years are named by the year they end. */
export function yearLabel(yearEnding: number): string {
  return `${yearEnding - 1}-${String(yearEnding % 100).padStart(2, '0')}`;
}

export interface Comparable {
  /** A noun phrase the sentence starts with: "Reviews held on time". */
  label: string;
  unit: Unit;
  la: ReportValue;
  previous: ReportValue;
  region: ReportValue;
  england: ReportValue;
}

/**
 * "Reviews held on time rose from 82% to 87%; North East 85%, England 87%." Rules:
 *  - no sentence when this year's figure is not a number (suppressed, or no denominator);
 *  - rose / fell / stayed the same, compared on the figures as printed (whole percentages, one-decimal rates), so
 *    the sentence never contradicts the table beside it;
 *  - without a previous figure, this year's alone and the reason;
 *  - the region and England are named only where their figure is published, and only for rates: an LA's count
 *    beside England's says nothing.
 */
export function comparisonSentence(figure: Comparable, regionName: string, yearEnding: number): string | null {
  const { label, unit, la, previous } = figure;
  if (typeof la !== 'number') return null;
  const now = formatValue(la, unit);
  let head: string;
  if (typeof previous === 'number') {
    if (previous === la) head = `${label} stayed the same at ${now}`;
    else head = `${label} ${la > previous ? 'rose' : 'fell'} from ${formatValue(previous, unit)} to ${now}`;
  } else {
    head = `${label} ${unit === 'count' ? 'numbered' : 'stood at'} ${now} in ${yearLabel(yearEnding)}; there is no figure for ${yearLabel(yearEnding - 1)} to compare with`;
  }
  const comparators = unit === 'count' ? [] : ([[regionName, figure.region], ['England', figure.england]] as const)
    .filter((entry): entry is readonly [string, number] => typeof entry[1] === 'number')
    .map(([name, value]) => `${name} ${formatValue(value, unit)}`);
  return `${head}${comparators.length > 0 ? `; ${comparators.join(', ')}` : ''}.`;
}
