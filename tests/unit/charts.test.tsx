import { describe, expect, it } from 'vitest';
import { BarChart, barChartSvg, trendChartSvg, TrendChart } from '../../functions/api/web/charts.tsx';

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
