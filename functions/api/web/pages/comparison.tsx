import type { Context } from 'hono';
import type { FC } from 'hono/jsx';
import { isSuppressed, type PublishedRatio, type PublishedValue, type SuppressedCell } from '../../../../shared/domain/disclosure/types.ts';
import type { PublishedMetrics } from '../../../../shared/domain/rollup/types.ts';
import { ApiError } from '../../problems.ts';
import { BarChart, NOT_AVAILABLE, TrendChart, type Value } from '../charts.tsx';
import { CsvLink, csvResponse } from '../csv.tsx';

/**
 * The published (disclosure-controlled) figures side by side: what the regional comparison (a region's LAs) and the
 * national page (the regions) share. Only published snapshots reach here, so a suppressed cell is `c` on the page,
 * in the chart and in the CSV alike, and nothing here can name a child.
 */

/** A published cell: a number, suppressed (`c`), or not available (null, shown `x`). */
type Cell = number | SuppressedCell | null;

interface Figure {
  /** The children counted (a rate's numerator), or the count itself. */
  numerator: PublishedValue;
  /** What the rate is out of; absent for a plain count. */
  denominator?: PublishedValue;
  /** The figure charted: the percentage (or rate) for a ratio, the count for a count. */
  value: Cell;
}

interface MetricView {
  /** The table's id (and its CSV name) and the section's anchor. */
  id: string;
  title: string;
  /** Column headings of the table after the area: [numerator, denominator, value] or [count]. */
  columns: string[];
  unit: string;
  max?: number;
  read(m: PublishedMetrics): Figure;
}

const NOT_PUBLISHED: Figure = { numerator: null, denominator: null, value: null };
const ratio = (r: PublishedRatio | null | undefined): Figure => (r ? { numerator: r.numerator, denominator: r.denominator, value: r.percent } : NOT_PUBLISHED);
const rateColumns = (counted: string, outOf: string) => [counted, outOf, 'Percentage'];

/** The headline figure of each metric (DESIGN.md §4), in the order the LA dashboard lists them. */
export const METRICS: MetricView[] = [
  { id: 'cla', title: 'Children looked after on 31 March (metric 1)', columns: ['Children'], unit: 'children', read: (m) => ({ numerator: m.cla.count, value: m.cla.count }) },
  { id: 'short-term-stability', title: 'Children looked after with 3 or more placements in the year (metric 2)', columns: rateColumns('Children with 3 or more', 'Children looked after'), unit: '%', max: 100, read: (m) => ratio(m.shortTermStability) },
  { id: 'long-term-stability', title: 'Children in care 2.5 years or more in the same placement for 2 years (metric 3)', columns: rateColumns('In the same placement', 'Children in care 2.5 years'), unit: '%', max: 100, read: (m) => ratio(m.longTermStability) },
  { id: 'placement-moves', title: 'Children with 1 or more placement moves in the year (metric 4)', columns: rateColumns('Children who moved', 'Children looked after in the year'), unit: '%', max: 100, read: (m) => ratio(m.placementMoves.oneOrMore) },
  { id: 'review-timeliness', title: 'Reviews held on time (metric 5)', columns: rateColumns('On time', 'Reviews in the year'), unit: '%', max: 100, read: (m) => ratio(m.reviewTimeliness.onTime) },
  { id: 'participation', title: 'Reviews the child took part in (metric 6)', columns: rateColumns('Child took part', 'Reviews in the year'), unit: '%', max: 100, read: (m) => ratio(m.participation.rate) },
  { id: 'missing', title: 'Children who went missing in the year (metric 7)', columns: rateColumns('Children missing', 'Children looked after in the year'), unit: '%', max: 100, read: (m) => ratio(m.missing.children) },
  { id: 'reentry', title: 'Children who went home and came back into care within 12 months (metric 8)', columns: rateColumns('Came back', 'Children who went home'), unit: '%', max: 100, read: (m) => ratio(m.reunification.reentryWithin12Months) },
  {
    id: 'iro-caseload', title: 'Children per IRO, full-time equivalent (metric 9; the IRO Handbook says 50 to 70)', columns: ['Children', 'IRO FTE', 'Children per FTE'], unit: 'children per FTE',
    read: (m) => (m.iroPractice ? { numerator: m.iroPractice.caseload.children, denominator: m.iroPractice.caseload.fte, value: m.iroPractice.caseload.perFte } : NOT_PUBLISHED),
  },
  { id: 'iro-seen-before-review', title: 'Children seen by their IRO before their review (metric 9)', columns: rateColumns('Seen', 'Children reviewed'), unit: '%', max: 100, read: (m) => ratio(m.iroPractice?.seenBeforeReview) },
  { id: 'iro-decisions-implemented', title: 'Review decisions implemented (metric 9)', columns: rateColumns('Implemented', 'Decisions due'), unit: '%', max: 100, read: (m) => ratio(m.iroPractice?.decisions.implementedRate) },
];

/** How a cell reads on the page and in the CSV: the DfE's symbols for suppressed (`c`) and not available (`x`). */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return NOT_AVAILABLE;
  if (isSuppressed(cell)) return 'c';
  return cell.toLocaleString('en-GB', { maximumFractionDigits: 1 });
}

const withUnit = (cell: Cell, unit: string) => `${cellText(cell)}${unit === '%' && typeof cell === 'number' ? '%' : ''}`;

const chartValue = (cell: Cell): Value => (cell === null ? NOT_AVAILABLE : isSuppressed(cell) ? null : cell);

/** One area's figures (an LA, a region, England). */
export interface Area {
  name: string;
  metrics: PublishedMetrics;
}

/** One year's comparison: the areas side by side (bars) and the totals they are compared with (reference lines). */
export interface Comparison {
  areas: Area[];
  references: Area[];
}

/** Years of the trend: each series is an area's figures of every stored year. */
export interface TrendSeries {
  name: string;
  years: { year: number; metrics: PublishedMetrics | undefined }[];
}

function tableRows(metric: MetricView, { areas, references }: Comparison): string[][] {
  return [...areas, ...references].map((area) => {
    const f = metric.read(area.metrics);
    const cells = metric.columns.length === 1 ? [f.numerator] : [f.numerator, f.denominator, f.value];
    return [area.name, ...cells.map((cell) => cellText(cell))];
  });
}

/** The CSV a metric's table downloads as: exactly the rows and symbols the page shows. */
export function metricCsv(c: Context, wanted: string, filename: string, comparison: Comparison, areaHeading: string): Response {
  const metric = METRICS.find((m) => m.id === wanted);
  if (!metric) throw new ApiError('not_found', `no table called ${wanted} on this page`);
  return csvResponse(c, `${filename}-${metric.id}`, [areaHeading, ...metric.columns], tableRows(metric, comparison));
}

export const Legend: FC<{ rounding: string }> = ({ rounding }) => (
  <div class="govuk-inset-text" id="legend">
    <p class="govuk-body govuk-!-margin-bottom-1"><strong>c</strong>: suppressed, a count of 1 to 5 children or a figure that would reveal one.</p>
    <p class="govuk-body govuk-!-margin-bottom-1"><strong>x</strong>: not available (nothing to count, or not recorded in the platform).</p>
    <p class="govuk-body govuk-!-margin-bottom-0">{rounding} Percentages are whole numbers.</p>
  </div>
);

export const Contents: FC = () => (
  <nav class="app-no-print" aria-labelledby="contents-title">
    <h2 class="govuk-heading-s" id="contents-title">Metrics</h2>
    <ul class="govuk-list govuk-list--bullet">
      {METRICS.map((m) => <li><a class="govuk-link" href={`#${m.id}-section`}>{m.title}</a></li>)}
    </ul>
  </nav>
);

/** A metric: the areas as bars with the totals as reference lines, its table (CSV), and its trend. */
export const MetricSection: FC<{ c: Context; metric: MetricView; comparison: Comparison; areaHeading: string; areasName: string; trend: TrendSeries[] }> = ({ c, metric, comparison, areaHeading, areasName, trend }) => {
  const value = (area: Area) => chartValue(metric.read(area.metrics).value);
  // A total is no yardstick for one area's count (the region holds them all): counts get no reference lines.
  const references = metric.columns.length === 1 ? [] : comparison.references;
  return (
    <section class="app-metric" id={`${metric.id}-section`} aria-labelledby={`${metric.id}-title`}>
      <h2 class="govuk-heading-m" id={`${metric.id}-title`}>{metric.title}</h2>
      <BarChart title={`${metric.title}: ${areasName} side by side`} unit={metric.unit} {...(metric.max !== undefined && { max: metric.max })}
        bars={comparison.areas.map((a) => ({ label: a.name, value: value(a) }))}
        references={references.map((r) => ({ label: `${r.name} ${withUnit(metric.read(r.metrics).value, metric.unit)}`, value: value(r) }))} />
      <table class="govuk-table" id={metric.id}>
        <caption class="govuk-table__caption govuk-table__caption--s">{metric.title}</caption>
        <thead class="govuk-table__head"><tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">{areaHeading}</th>
          {metric.columns.map((h) => <th scope="col" class="govuk-table__header govuk-table__header--numeric">{h}</th>)}
        </tr></thead>
        <tbody class="govuk-table__body">
          {tableRows(metric, comparison).map(([name, ...cells], i) => (
            <tr class={`govuk-table__row${i >= comparison.areas.length ? ' app-total-row' : ''}`}>
              <th scope="row" class="govuk-table__header">{name}</th>
              {cells.map((text) => <td class={`govuk-table__cell govuk-table__cell--numeric${text === 'c' || text === NOT_AVAILABLE ? ' app-suppressed' : ''}`}>{text}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      <CsvLink c={c} table={metric.id} label={`Download this table as CSV (${metric.id}.csv)`} />
      <TrendChart title={`${metric.title}: trend`} unit={metric.unit} {...(metric.max !== undefined && { max: metric.max })}
        series={trend.map((s) => ({ name: s.name, points: s.years.map(({ year, metrics }) => ({ year, value: metrics ? value({ name: s.name, metrics }) : NOT_AVAILABLE })) }))} />
    </section>
  );
};

/** `?year=`: a collection year such as 2025, or absent for the latest stored. */
export function yearAsked(c: Context): number | undefined {
  const year = c.req.query('year');
  if (year === undefined || year === '') return undefined;
  if (!/^20\d\d$/.test(year)) throw new ApiError('invalid_request', 'year must be a collection year such as 2025 (for 2024-25)');
  return Number(year);
}

/** A GET form to choose the collection year among those stored. */
export const YearChooser: FC<{ years: number[]; chosen: number }> = ({ years, chosen }) => (
  <form method="get" class="app-no-print govuk-!-margin-bottom-6">
    <div class="govuk-form-group govuk-!-margin-bottom-2">
      <label class="govuk-label" for="year">Collection year (ending 31 March)</label>
      <select class="govuk-select" id="year" name="year">
        {[...years].reverse().map((y) => <option value={String(y)} selected={y === chosen}>{`${y - 1} to ${y}`}</option>)}
      </select>
    </div>
    <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">Show this year</button>
  </form>
);
