import { describe, expect, it } from 'vitest';
import { BarChart, barChartSvg, TimelineChart, timelineChartSvg, trendChartSvg, TrendChart } from '../../functions/api/web/charts.tsx';

describe('server-side SVG charts', () => {
  const bars = [{ label: 'Gateshead', value: 82, highlight: true }, { label: 'Newcastle upon Tyne', value: 75 }, { label: 'Hartlepool', value: null }];
  const references = [{ label: 'North East 79%', value: 79 }, { label: 'England 87%', value: 87 }];

  it('draws one bar per shown value, labels every row (a suppressed one as c) and the reference lines, with no inline style', () => {
    const svg = barChartSvg({ title: 'Reviews on time', bars, references, unit: '%', max: 100 });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-label="Reviews on time"');
    expect(svg).not.toMatch(/<style|style="/);
    expect(svg.match(/<rect /g)).toHaveLength(2); // Hartlepool is suppressed: no bar
    for (const text of ['82%', '75%', '>c<', 'North East 79%', 'England 87%', 'Gateshead']) expect(svg).toContain(text);
    // The highlighted LA is the strong blue, the others grey: colour plus the text labels, never colour alone.
    expect(svg).toContain('fill="#0072B2"');
    expect(svg).toContain('fill="#6F777B"');
  });

  it('draws a line per series with a different marker each and an end label, skipping missing years', () => {
    const svg = trendChartSvg({ title: 'Trend', unit: '%', series: [
      { name: 'Gateshead', points: [{ year: 2023, value: 80 }, { year: 2024, value: null }, { year: 2025, value: 87 }] },
      { name: 'England', points: [{ year: 2023, value: 85 }, { year: 2024, value: 86 }, { year: 2025, value: 87 }] },
    ] });
    expect(svg).not.toMatch(/<style|style="/);
    expect(svg).toContain('Gateshead 87%');
    expect(svg).toContain('England 87%');
    // One line group per series (Plot's stroke width for lines); the SVG is one named image, its groups unnamed (ARIA).
    expect(svg.match(/<g [^>]*stroke-width="2.5"/g)).toHaveLength(2);
    expect(svg.match(/aria-label=/g)).toHaveLength(1);
    for (const year of ['2023', '2024', '2025']) expect(svg).toContain(`>${year}<`);
  });

  it('every chart component carries its figures as a table', () => {
    const html = String(<BarChart title="Reviews on time" bars={bars} references={references} unit="%" />);
    expect(html).toContain('<table class="govuk-table app-chart__table">');
    expect(html).toMatch(/Hartlepool<\/th><td[^>]*>c<\/td>/);
    const trend = String(<TrendChart title="T" series={[{ name: 'LA', points: [{ year: 2024, value: 1 }, { year: 2025, value: 2 }] }]} />);
    expect(trend).toMatch(/<th[^>]*>2024<\/th><th[^>]*>2025<\/th>/);
  });
});

describe('the timeline chart', () => {
  const spans = [
    { label: 'U4 foster', from: '2023-06-01', to: '2024-02-10', group: 0 },
    { label: 'K2 home', from: '2024-02-10', to: null, group: 0 },
    { label: 'U1 foster', from: '2022-01-01', to: '2022-05-01', group: 1 },
  ];

  it('draws one labelled bar per span on a time axis in the order given, an open span to the until date, with no inline style', () => {
    const svg = timelineChartSvg({ title: 'Placements', spans, until: '2025-03-31' });
    expect(svg).toContain('aria-label="Placements"');
    expect(svg).not.toMatch(/<style|style="/);
    expect(svg.match(/<rect /g)).toHaveLength(3);
    // Rows keep the given order (numbered), and each bar says where it ends: a date, or "ongoing" when open.
    const rows = ['1. U4 foster', '2. K2 home', '3. U1 foster'].map((r) => svg.indexOf(`>${r}<`));
    expect(rows.every((at) => at > 0)).toBe(true);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(svg).toContain('>10 Feb 2024<');
    expect(svg).toContain('>ongoing<');
    // Periods of care alternate colours (colour is never the only cue: every bar is labelled).
    expect(svg).toContain('fill="#0072B2"');
    expect(svg).toContain('fill="#009E73"');
    // The axis starts at the earliest span (2022), not at the first row.
    expect(svg).toContain('>2022<');
  });

  it('carries its spans as a table with from and to', () => {
    const html = String(<TimelineChart title="Placements" spans={spans} until="2025-03-31" />);
    expect(html).toMatch(/2\. K2 home<\/th><td[^>]*>10 Feb 2024<\/td><td[^>]*>ongoing<\/td>/);
  });
});
