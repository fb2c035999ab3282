/**
 * Issue 11: the IRO annual report's build time for the largest LA, in memory, in three parts: the report model
 * (buildAnnualReport), the page's HTML (ReportPage rendered through a real Hono request, charts included) and the
 * Word document (docx). Set-up, untimed: the largest LA's generated returns for three years, its metrics 1–8 and
 * generated practice records' metric 9 for the last two (the tenant job's calls), and a national snapshot built by
 * the real rollup from that snapshot standing for every LA (the same shape as a real national one: 9 regions, every
 * measure, disclosure control applied). Median of N runs after 3 warm-ups.
 */
import './env.ts';
import { Hono } from 'hono';
import { reportDocx } from '../../functions/api/web/pages/report-docx.tsx';
import { ReportPage } from '../../functions/api/web/pages/report.tsx';
import { computeLaMetrics, mergeDatasets } from '../../shared/domain/metrics/index.ts';
import { iroPracticeMetrics } from '../../shared/domain/practice/metrics.ts';
import { buildAnnualReport, type AnnualReport, type ReportInputs } from '../../shared/domain/report/index.ts';
import { buildNationalSnapshot } from '../../shared/domain/rollup/index.ts';
import { separateChildLevel, type LaSnapshot } from '../../shared/domain/rollup/types.ts';
import { toDataset } from '../../shared/domain/ssda903/dataset.ts';
import { parse903Files } from '../../shared/domain/ssda903/parse.ts';
import { LOCAL_AUTHORITIES } from '../../shared/domain/tenancy/local-authorities.ts';
import { generateLaReturns } from '../../shared/synthetic/generate-la.ts';
import { generatePracticeRecords } from '../../shared/synthetic/practice/generate.ts';
import { type Bench, SEED, YEAR, figure, fmtInt, fmtKB, fmtMs, largestLa, median, percentile, toFiles } from './lib.ts';

const NAME = 'report';

async function timings(n: number, call: () => unknown): Promise<number[]> {
  for (let i = 0; i < 3; i++) await call();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await call();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

export const bench: Bench = {
  name: NAME,
  title: 'IRO annual report for the largest LA: model, HTML page and Word document, in memory',
  async run(ctx) {
    const { la } = largestLa();
    const years = [YEAR - 2, YEAR - 1, YEAR];
    const returns = generateLaReturns(la, { seed: SEED, yearsEnding: years });
    const datasets = years.map((y) => toDataset(parse903Files(toFiles(returns.get(y)!)).tables, y));
    const snapshotOf = (i: number): LaSnapshot => {
      const yearEnding = years[i]!;
      const { aggregate } = separateChildLevel(computeLaMetrics(datasets[i]!, { yearEnding, history: datasets.slice(0, i) }));
      const merged = mergeDatasets(datasets.slice(0, i + 1));
      const records = generatePracticeRecords(merged, { seed: SEED, laCode: la.code });
      const iroPractice = iroPracticeMetrics(merged, records, { yearEnding });
      return { la: la.code, name: la.name, region: la.region, yearEnding, asAt: `${yearEnding}-03-31`, datasetVersion: 'bench', metrics: { ...aggregate, iroPractice } };
    };
    const current = snapshotOf(2);
    const previous = snapshotOf(1);
    const national = buildNationalSnapshot(YEAR, LOCAL_AUTHORITIES.map((l) => ({ ...current, la: l.code, name: l.name, region: l.region })));
    const inputs: ReportInputs = {
      current, previous,
      region: national.regions.find((r) => r.region === la.region)!.metrics,
      england: national.england.metrics,
    };
    ctx.log(`${la.name}: ${fmtInt(current.metrics.cla.count)} children looked after on 31 March ${YEAR}, ${fmtInt(current.metrics.reviewTimeliness.onTime.denominator)} reviews`);

    const n = ctx.options.metricsRuns;
    let report: AnnualReport = buildAnnualReport(inputs);
    const model = await timings(n, () => { report = buildAnnualReport(inputs); });
    // The page as the handler renders it, through a real Hono request (CsvLink reads the request's address).
    const page = new Hono().get('/app/report', (c) => c.html(String(ReportPage({ c, report, years }))));
    let html = '';
    const htmlTimes = await timings(n, async () => { html = await (await page.request('/app/report')).text(); });
    let docx = new ArrayBuffer(0);
    const docxTimes = await timings(n, async () => { docx = await reportDocx(report); });
    const charts = report.sections.reduce((sum, s) => sum + s.charts.length, 0);
    const spread = (t: number[]) => `min ${fmtMs(t[0]!)}, p90 ${fmtMs(percentile(t, 90))}, max ${fmtMs(t.at(-1)!)}`;
    const what = `largest LA (${la.name}), ${YEAR}`;
    return [
      figure(NAME, `${what}: report model (buildAnnualReport), median of ${n}`, fmtMs(median(model)), { note: spread(model) }),
      figure(NAME, `${what}: page HTML with ${charts} charts, median of ${n}`, fmtMs(median(htmlTimes)), { note: `${spread(htmlTimes)}; ${fmtKB(html.length)}` }),
      figure(NAME, `${what}: Word document (.docx, ${charts} native charts), median of ${n}`, fmtMs(median(docxTimes)), { note: `${spread(docxTimes)}; ${fmtKB(docx.byteLength)}` }),
    ];
  },
};
