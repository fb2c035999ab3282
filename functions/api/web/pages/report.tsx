import type { Context } from 'hono';
import type { FC } from 'hono/jsx';
import { getNationalSnapshot, listLaSnapshots } from '../../../../shared/data/repositories/snapshots.ts';
import { NATIONAL_SCOPE } from '../../../../shared/data/scopes.ts';
import { buildAnnualReport, figuresTable, reportTables, yearLabel, type AnnualReport, type ReportTable } from '../../../../shared/domain/report/index.ts';
import { ApiError } from '../../problems.ts';
import { BarChart } from '../charts.tsx';
import { CsvLink, csvRequested, csvResponse } from '../csv.tsx';
import { Pages, render, type PageContext } from '../kit.tsx';
import { reportDocx } from './report-docx.tsx';

/**
 * The IRO annual report for the corporate parenting board (IRO-PRACTICE.md §4), written by the platform from the
 * stored snapshots: a printable page and the same report as a Word document. LA roles only (dashboard.la.read):
 * its region and England come from the published, disclosure-controlled national snapshot, as on the dashboard.
 */

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The report of `?year=` (default: the LA's latest year with figures), and the years it could be asked for. */
async function loadReport(c: PageContext<'dashboard.la.read'>): Promise<{ report: AnnualReport; years: number[] }> {
  const asked = c.req.query('year');
  if (asked !== undefined && !/^20\d\d$/.test(asked)) {
    throw new ApiError('invalid_request', 'year: give the collection year by the year it ends, for example 2025 for 2024-25', { errors: [{ field: 'year', message: 'a collection year such as 2025' }] });
  }
  // Newest year first: the default is the latest year with figures.
  const stored = (await listLaSnapshots(c.var.data)).reverse();
  const years = stored.map((s) => s.snapshot.yearEnding);
  const current = asked === undefined ? stored[0] : stored.find((s) => s.snapshot.yearEnding === Number(asked));
  if (!current) {
    throw new ApiError('no_snapshot', asked === undefined
      ? 'no figures have been computed for your LA yet: upload a 903 return and try again once it is processed'
      : `year: your LA has no figures for ${yearLabel(Number(asked))}${years.length > 0 ? `; years with figures: ${years.map(yearLabel).join(', ')}` : ''}`);
  }
  const { yearEnding, region } = current.snapshot;
  const national = await getNationalSnapshot(c.var.deps.data.for(NATIONAL_SCOPE), yearEnding);
  const regional = national?.snapshot.regions.find((r) => r.region === region);
  const report = buildAnnualReport({
    current: current.snapshot,
    previous: stored.find((s) => s.snapshot.yearEnding === yearEnding - 1)?.snapshot ?? null,
    region: regional?.metrics ?? null,
    england: national?.snapshot.england.metrics ?? null,
  });
  return { report, years };
}

/** `IRO-annual-report-Newcastle-upon-Tyne-2024-25`: safe in a header and on any file system. */
const fileName = (report: AnnualReport) => `IRO-annual-report-${report.la.name}-${yearLabel(report.yearEnding)}`.replace(/[^\w.-]+/g, '-');

const Table: FC<{ c: Context; table: ReportTable }> = ({ c, table }) => (
  <div class="app-report__table">
    <table class="govuk-table" id={table.id}>
      <caption class="govuk-table__caption govuk-table__caption--s">{table.caption}</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">
        {table.head.map((h, i) => <th scope="col" class={`govuk-table__header${table.numericColumns.includes(i) ? ' govuk-table__header--numeric' : ''}`}>{h}</th>)}
      </tr></thead>
      <tbody class="govuk-table__body">
        {table.rows.map((row) => (
          <tr class="govuk-table__row">
            {row.map((cell, i) => i === 0
              ? <th scope="row" class="govuk-table__header">{cell}</th>
              : <td class={`govuk-table__cell${table.numericColumns.includes(i) ? ' govuk-table__cell--numeric' : ''}${cell === 'c' ? ' app-suppressed' : ''}`}>{cell}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
    <CsvLink c={c} table={table.id} />
  </div>
);

export const ReportPage: FC<{ c: Context; report: AnnualReport; years: number[] }> = ({ c, report, years }) => (
  <article class="app-report">
    <span class="govuk-caption-l">{report.la.name}</span>
    <h1 class="govuk-heading-l">IRO annual report {yearLabel(report.yearEnding)}</h1>
    <p class="govuk-body-l">For the corporate parenting board: the Independent Reviewing Officer service from {report.period}.</p>
    <p class="govuk-body">
      Written by the IRO Partnership Platform from {report.la.name}'s 903 returns and the IRO practice records kept in the platform,
      beside {report.la.region} and England as published. It names no child. Figures shown as c are suppressed to protect
      confidentiality; x means not available. {report.previousYear === null && `${report.la.name} has no figures for ${yearLabel(report.yearEnding - 1)}, so nothing is compared with the year before.`}
    </p>
    <div class="app-no-print">
      <form method="get" action="/app/report" class="govuk-!-margin-bottom-4">
        <div class="govuk-form-group">
          <label class="govuk-label" for="year">Collection year</label>
          <select class="govuk-select" id="year" name="year">
            {years.map((y) => <option value={String(y)} selected={y === report.yearEnding}>{yearLabel(y)}</option>)}
          </select>
        </div>
        <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Show this year's report</button>
      </form>
      <p class="govuk-body">
        <a class="govuk-link" id="docx" href={`/app/report.docx?year=${report.yearEnding}`} download>Download the report as a Word document (.docx)</a>
        {' '}for the board papers. To print it, use your browser's print command: the navigation is left out and every chart is printed with its table.
      </p>
    </div>
    <nav class="app-report__contents" aria-labelledby="contents-title">
      <h2 class="govuk-heading-s" id="contents-title">Contents</h2>
      <ol class="govuk-list govuk-list--number">
        {report.sections.map((s) => <li><a class="govuk-link" href={`#${s.id}`}>{s.title}</a></li>)}
      </ol>
    </nav>
    {report.sections.map((section) => (
      <section class="app-report__section" aria-labelledby={section.id}>
        <h2 class="govuk-heading-m" id={section.id}>{section.title}</h2>
        {section.sentences.map((text) => <p class="govuk-body app-report__sentence">{text}</p>)}
        {section.notes.map((note) => <p class="govuk-body-s app-report__note">{note}</p>)}
        {section.figures.length > 0 && <Table c={c} table={figuresTable(report, section)} />}
        {section.charts.map((chart) => <BarChart {...chart} />)}
        {section.tables.map((table) => <Table c={c} table={table} />)}
      </section>
    ))}
  </article>
);

export const reportPages = new Pages()
  .get('/report', 'dashboard.la.read', async (c) => {
    const { report, years } = await loadReport(c);
    const wanted = csvRequested(c);
    if (wanted !== undefined) {
      const table = reportTables(report).get(wanted);
      if (!table) throw new ApiError('not_found', `csv: the report has no table "${wanted}"`);
      return csvResponse(c, `${fileName(report)}-${table.id}`, table.head, table.rows);
    }
    return render(c, { title: `IRO annual report ${yearLabel(report.yearEnding)}` }, <ReportPage c={c} report={report} years={years} />);
  })
  .get('/report.docx', 'dashboard.la.read', async (c) => {
    const { report } = await loadReport(c);
    return c.body(await reportDocx(report), 200, {
      'content-type': DOCX_TYPE,
      'content-disposition': `attachment; filename="${fileName(report)}.docx"`,
      'cache-control': 'no-store',
    });
  });
