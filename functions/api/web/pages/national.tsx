import { listNationalSnapshots } from '../../../../shared/data/repositories/snapshots.ts';
import { ApiError } from '../../problems.ts';
import { csvRequested } from '../csv.tsx';
import { dateTime } from '../forms.tsx';
import { Pages, render } from '../kit.tsx';
import { Contents, Legend, METRICS, MetricSection, metricCsv, YearChooser, yearAsked, type Comparison, type TrendSeries } from './comparison.tsx';

/**
 * national: the nine regions and England for each metric (bars with England as the reference line, a table per
 * metric with CSV, England's trend over the stored years). Read from the national snapshots only, which name and
 * code no LA, so no LA can appear on this page or in its downloads.
 */
export const nationalPages = new Pages()
  .get('/national', 'dashboard.national.read', async (c) => {
    const year = yearAsked(c);
    const national = await listNationalSnapshots(c.var.data);
    const chosen = year === undefined ? national.at(-1) : national.find((s) => s.snapshot.yearEnding === year);
    if (!chosen) {
      if (year !== undefined) throw new ApiError('not_found', `no national figures have been computed for the year ending 31 March ${year}`);
      return render(c, { title: 'England' }, <>
        <h1 class="govuk-heading-l">England</h1>
        <p class="govuk-body">No national figures have been computed yet. They appear after the nightly recompute has run over the uploaded 903 returns.</p>
      </>);
    }
    const { regions, england, yearEnding } = chosen.snapshot;
    const comparison: Comparison = {
      areas: regions.map((r) => ({ name: r.region, metrics: r.metrics })),
      references: [{ name: 'England', metrics: england.metrics }],
    };
    const wanted = csvRequested(c);
    if (wanted) return metricCsv(c, wanted, `England-${yearEnding}`, comparison, 'Region');

    const trend: TrendSeries[] = [{ name: 'England', years: national.map((s) => ({ year: s.snapshot.yearEnding, metrics: s.snapshot.england.metrics })) }];
    return render(c, { title: 'England and its regions' }, <>
      <span class="govuk-caption-l">{`Year ending 31 March ${yearEnding}`}</span>
      <h1 class="govuk-heading-l">England and its regions</h1>
      <p class="govuk-body">{`Figures computed ${dateTime(chosen.computedAt)}. No local authority is named on this page or in its downloads.`}</p>
      <YearChooser years={national.map((s) => s.snapshot.yearEnding)} chosen={yearEnding} />
      <Legend rounding="Regional and England counts are rounded to the nearest 10." />
      <Contents />
      {METRICS.map((metric) => <MetricSection c={c} metric={metric} comparison={comparison} areaHeading="Region" areasName="regions" trend={trend} />)}
    </>);
  });
