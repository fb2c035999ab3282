import * as Plot from '@observablehq/plot';
import type { FC } from 'hono/jsx';
import { raw } from 'hono/html';
import { parseHTML } from 'linkedom';

/**
 * Charts as SVG made on the server with Observable Plot (over linkedom's DOM), so they show without JavaScript and
 * print. Plot's one `<style>` element is dropped (the pages' CSP allows no inline style; app.css carries its two
 * rules); everything else Plot writes is presentation attributes. Colours are the Okabe–Ito palette, distinguishable
 * with the common colour-vision deficiencies, and never the only cue: bars and lines are labelled in text, lines
 * also differ by marker shape, and every chart has its figures as a table beside it.
 */
export const PALETTE = {
  blue: '#0072B2', vermillion: '#D55E00', green: '#009E73', orange: '#E69F00', sky: '#56B4E9', purple: '#CC79A7', grey: '#6F777B', black: '#0B0C0C',
} as const;
const SERIES_COLOURS = [PALETTE.blue, PALETTE.vermillion, PALETTE.green, PALETTE.purple, PALETTE.orange, PALETTE.sky];
const SERIES_SYMBOLS = ['circle', 'square', 'triangle', 'diamond', 'star', 'cross'] as const;

const { document } = parseHTML('<!doctype html><html><body></body></html>');

/** A value of a chart: null is a figure not shown (suppressed, `c`, or not available). */
export type Value = number | null;

export interface Bar {
  label: string;
  value: Value;
  /** The bar of the viewer's own LA (or the one the chart is about), drawn in the strong colour. */
  highlight?: boolean;
}

export interface Reference {
  /** e.g. "England 87%". */
  label: string;
  value: Value;
}

export interface BarChartProps {
  /** What the chart shows, read out by screen readers and used as the caption. */
  title: string;
  bars: Bar[];
  /** Vertical reference lines (the region's and England's figures). */
  references?: Reference[];
  /** Unit of the values, for the axis and the labels ("%", "per 100 children", "days"). */
  unit?: string;
  /** Upper end of the axis (100 for percentages); the largest value otherwise. */
  max?: number;
}

export interface TrendPoint {
  year: number;
  value: Value;
}

export interface TrendChartProps {
  title: string;
  series: { name: string; points: TrendPoint[] }[];
  unit?: string;
  max?: number;
}

const format = (value: Value, unit?: string) => value === null ? 'c' : `${Number.isInteger(value) ? value : value.toFixed(1)}${unit === '%' ? '%' : ''}`;

/** Plot's figure as SVG text without its style element, with a role and an accessible name. */
/** The part of a DOM element (Plot's, made in linkedom) used here. */
interface PlotElement {
  querySelector(selector: string): { remove(): void } | null;
  querySelectorAll(selector: string): Iterable<{ setAttribute(name: string, value: string): void }>;
  setAttribute(name: string, value: string): void;
  outerHTML: string;
}

function svgText(element: PlotElement, title: string): string {
  element.querySelector('style')?.remove();
  // Plot names its mark groups (<g aria-label="bar">), but a <g> has no role, so a name on it is prohibited ARIA
  // (axe aria-prohibited-attr, serious): say they are groups. The whole SVG is one image named by its title.
  for (const named of element.querySelectorAll('g[aria-label]:not([role])')) named.setAttribute('role', 'group');
  element.setAttribute('role', 'img');
  element.setAttribute('aria-label', title);
  return element.outerHTML;
}

/** Horizontal bars, one per row (LAs or regions), with labelled reference lines. */
export function barChartSvg({ title, bars, references = [], unit, max }: BarChartProps): string {
  const shown = bars.filter((b): b is Bar & { value: number } => b.value !== null);
  const refs = references.filter((r): r is Reference & { value: number } => r.value !== null);
  const top = max ?? Math.max(1, ...shown.map((b) => b.value), ...refs.map((r) => r.value)) * 1.1;
  const longest = Math.max(...bars.map((b) => b.label.length), 8);
  const plot = Plot.plot({
    document,
    width: 720,
    height: 40 + bars.length * 26 + refs.length * 14,
    marginLeft: Math.min(260, 12 + longest * 6.2),
    marginRight: 60,
    marginTop: 20 + refs.length * 14,
    x: { domain: [0, top], label: unit ?? null, grid: true },
    y: { domain: bars.map((b) => b.label), label: null },
    marks: [
      Plot.barX(shown, { x: 'value', y: 'label', fill: (b: Bar) => (b.highlight ? PALETTE.blue : PALETTE.grey) }),
      Plot.text(bars, { x: (b: Bar) => b.value ?? 0, y: 'label', text: (b: Bar) => format(b.value, unit), textAnchor: 'start', dx: 4, fill: PALETTE.black }),
      ...refs.flatMap((r, i) => [
        Plot.ruleX([r.value], { stroke: i === 0 ? PALETTE.vermillion : PALETTE.black, strokeWidth: 2, ...(i === 0 && { strokeDasharray: '6 3' }) }),
        Plot.text([r], { x: 'value', text: 'label', frameAnchor: 'top', dy: -16 - i * 14, textAnchor: 'middle', fill: PALETTE.black }),
      ]),
    ],
  });
  return svgText(plot as unknown as PlotElement, title);
}

/** Lines over the collection years, one per series, each with its own marker shape and an end label. */
export function trendChartSvg({ title, series, unit, max }: TrendChartProps): string {
  const points = series.flatMap((s, i) => s.points.filter((p) => p.value !== null).map((p) => ({ ...p, series: s.name, i })));
  const years = [...new Set(series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
  const top = max ?? Math.max(1, ...points.map((p) => p.value as number)) * 1.1;
  const last = series.flatMap((s, i) => {
    const end = [...s.points].reverse().find((p) => p.value !== null);
    return end ? [{ ...end, series: s.name, i }] : [];
  });
  const plot = Plot.plot({
    document,
    width: 720,
    height: 260,
    marginRight: 140,
    x: { domain: years, type: 'point', label: 'Year ending 31 March', tickFormat: (y: number) => String(y) },
    y: { domain: [0, top], label: unit ?? null, grid: true },
    marks: [
      ...series.map((s, i) => Plot.line(points.filter((p) => p.i === i), { x: 'year', y: 'value', stroke: SERIES_COLOURS[i % SERIES_COLOURS.length], strokeWidth: 2.5 })),
      ...series.map((s, i) => Plot.dot(points.filter((p) => p.i === i), { x: 'year', y: 'value', symbol: SERIES_SYMBOLS[i % SERIES_SYMBOLS.length], fill: SERIES_COLOURS[i % SERIES_COLOURS.length], r: 4 })),
      Plot.text(last, { x: 'year', y: 'value', text: (p: TrendPoint & { series: string }) => `${p.series} ${format(p.value, unit)}`, textAnchor: 'start', dx: 8, fill: PALETTE.black }),
    ],
  });
  return svgText(plot as unknown as PlotElement, title);
}

/** The table a chart stands for: the accessible alternative and what prints exactly. */
const ChartTable: FC<{ caption: string; head: string[]; rows: (string | number)[][] }> = ({ caption, head, rows }) => (
  <table class="govuk-table app-chart__table">
    <caption class="govuk-table__caption govuk-table__caption--s">{caption}</caption>
    <thead class="govuk-table__head"><tr class="govuk-table__row">
      {head.map((h, i) => <th scope="col" class={`govuk-table__header${i > 0 ? ' govuk-table__header--numeric' : ''}`}>{h}</th>)}
    </tr></thead>
    <tbody class="govuk-table__body">
      {rows.map((r) => (
        <tr class="govuk-table__row">
          {r.map((cell, i) => i === 0
            ? <th scope="row" class="govuk-table__header">{cell}</th>
            : <td class="govuk-table__cell govuk-table__cell--numeric">{cell}</td>)}
        </tr>
      ))}
    </tbody>
  </table>
);

/** A bar chart with its figures as a table (in a details element, open when printed via app.css). */
export const BarChart: FC<BarChartProps> = (props) => (
  <figure class="app-chart">
    <figcaption class="govuk-body govuk-!-font-weight-bold">{props.title}</figcaption>
    {raw(barChartSvg(props))}
    <details class="govuk-details app-chart__details">
      <summary class="govuk-details__summary"><span class="govuk-details__summary-text">Show the figures as a table</span></summary>
      <div class="govuk-details__text">
        <ChartTable caption={props.title} head={['', props.unit ?? 'Value']}
          rows={[...props.bars.map((b) => [b.label, format(b.value, props.unit)]), ...(props.references ?? []).map((r) => [r.label, format(r.value, props.unit)])]} />
      </div>
    </details>
  </figure>
);

/** A trend chart with its figures as a table (years across). */
export const TrendChart: FC<TrendChartProps> = (props) => {
  const years = [...new Set(props.series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
  return (
    <figure class="app-chart">
      <figcaption class="govuk-body govuk-!-font-weight-bold">{props.title}</figcaption>
      {raw(trendChartSvg(props))}
      <details class="govuk-details app-chart__details">
        <summary class="govuk-details__summary"><span class="govuk-details__summary-text">Show the figures as a table</span></summary>
        <div class="govuk-details__text">
          <ChartTable caption={props.title} head={['', ...years.map(String)]}
            rows={props.series.map((s) => [s.name, ...years.map((y) => format(s.points.find((p) => p.year === y)?.value ?? null, props.unit))])} />
        </div>
      </details>
    </figure>
  );
};
