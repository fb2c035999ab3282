import { listNationalSnapshots, listRegionalSnapshots } from '../../../../shared/data/repositories/snapshots.ts';
import { NATIONAL_SCOPE } from '../../../../shared/data/scopes.ts';
import { ApiError } from '../../problems.ts';
import { csvRequested } from '../csv.tsx';
import { dateTime } from '../forms.tsx';
import { Pages, render } from '../kit.tsx';
import { Contents, Legend, METRICS, MetricSection, metricCsv, YearChooser, yearAsked, type Comparison, type TrendSeries } from './comparison.tsx';

/**
 * regional_chair: the region's LAs named side by side for each metric, the region and England as reference lines,
 * a table per metric (CSV), and the region's and England's trend over the stored years. Read like
 * GET /dashboards/region: the region's published snapshots (one Query for every year), and England's from the
 * national snapshots (disclosure-controlled, as the LA dashboard reads them).
 */
export const regionPages = new Pages()
  .get('/region', 'dashboard.region.read', async (c) => {
    const year = yearAsked(c);
    const region = c.var.data.scope.region;
    const [regional, national] = await Promise.all([listRegionalSnapshots(c.var.data), listNationalSnapshots(c.var.deps.data.for(NATIONAL_SCOPE))]);
    const chosen = year === undefined ? regional.at(-1) : regional.find((s) => s.snapshot.yearEnding === year);
    if (!chosen) {
      if (year !== undefined) throw new ApiError('not_found', `no figures for ${region} have been computed for the year ending 31 March ${year}`);
      return render(c, { title: region }, <>
        <h1 class="govuk-heading-l">{region}</h1>
        <p class="govuk-body">No figures have been computed for your region yet. They appear after its LAs' 903 returns are uploaded and the nightly recompute has run.</p>
      </>);
    }
    const { las, total, yearEnding } = chosen.snapshot;
    const england = national.find((n) => n.snapshot.yearEnding === yearEnding)?.snapshot.england;
    const comparison: Comparison = {
      areas: las.map((la) => ({ name: la.name, metrics: la.metrics })),
      references: [{ name: region, metrics: total.metrics }, ...(england ? [{ name: 'England', metrics: england.metrics }] : [])],
    };
    const wanted = csvRequested(c);
    if (wanted) return metricCsv(c, wanted, `${region}-${yearEnding}`, comparison, 'Local authority');

    const years = regional.map((s) => s.snapshot.yearEnding);
    const trend: TrendSeries[] = [
      { name: region, years: regional.map((s) => ({ year: s.snapshot.yearEnding, metrics: s.snapshot.total.metrics })) },
      { name: 'England', years: years.map((y) => ({ year: y, metrics: national.find((n) => n.snapshot.yearEnding === y)?.snapshot.england.metrics })) },
    ];
    return render(c, { title: `${region}: local authorities side by side` }, <>
      <span class="govuk-caption-l">{`Year ending 31 March ${yearEnding}`}</span>
      <h1 class="govuk-heading-l">{`${region}: local authorities side by side`}</h1>
      <p class="govuk-body">{`${las.length} local authorities. Figures computed ${dateTime(chosen.computedAt)}.`}</p>
      <YearChooser years={years} chosen={yearEnding} />
      <Legend rounding="Local authority counts are not rounded; regional and England counts are rounded to the nearest 10." />
      <Contents />
      {METRICS.map((metric) => <MetricSection c={c} metric={metric} comparison={comparison} areaHeading="Local authority" areasName="local authorities" trend={trend} />)}
    </>);
  });
