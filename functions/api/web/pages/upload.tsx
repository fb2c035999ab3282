import type { Context } from 'hono';
import type { FC } from 'hono/jsx';
import { getLaSnapshot } from '../../../../shared/data/repositories/snapshots.ts';
import { getUploadReport, putUploadReport } from '../../../../shared/data/repositories/upload-reports.ts';
import { TABLE_NAMES, type Finding } from '../../../../shared/domain/ssda903/records.ts';
import type { Removal } from '../../../../shared/imports/import-return.ts';
import { assetUrl } from '../../assets.ts';
import { ApiError } from '../../problems.ts';
import { readUploadForm, receiveUpload, type RejectedFindings, type UploadAcceptedBody } from '../../routes/uploads.ts';
import { CsvLink, csvRequested, csvResponse } from '../csv.tsx';
import { dateTime, SuccessBanner } from '../forms.tsx';
import { CsrfField, ErrorSummary, Pages, Pagination, pageOfRows, render, type PageContext } from '../kit.tsx';

/**
 * iro_manager: upload a collection year of the LA's 903 return, exactly what POST /uploads accepts (same code:
 * readUploadForm + receiveUpload). A plain multipart form; upload.js adds a progress bar when JavaScript runs.
 * An accepted or rejected return is stored as an upload report for a day and the form redirects to it
 * (post/redirect/get), so its tables can be downloaded as CSV after the page was shown. A refusal that is about
 * the form (no files, a bad year, rows that would be removed, a concurrent upload) re-renders the form.
 */

/** What an upload report holds: the API's answer to the upload, accepted or rejected. */
type StoredReport =
  | ({ outcome: 'accepted' } & UploadAcceptedBody)
  | ({ outcome: 'rejected'; yearEnding: number } & RejectedFindings);

const UPLOAD_PATH = '/app/upload';
const reportPath = (id: string) => `${UPLOAD_PATH}/reports/${id}`;
const FINDINGS_PER_PAGE = 100;

interface FormState {
  year: string;
  replaceWithEmpty: string[];
  errors: { field: string; message: string }[];
  removals?: Removal[];
}

const FINDING_HEADER = ['File', 'Row', 'Column', 'Code', 'Message'] as const;
const findingCells = (f: Finding) => [f.file, f.row === null ? '' : String(f.row), f.column ?? '', f.code, f.message];

export const uploadPages = new Pages()
  .get('/upload', 'upload.create', (c) => uploadForm(c, { year: '', replaceWithEmpty: [], errors: [] }))
  .post('/upload', 'upload.create', async (c) => {
    const form = await c.req.parseBody({ all: true });
    const year = typeof form.year === 'string' && form.year.trim() === '' ? undefined : form.year;
    const state: FormState = {
      year: typeof form.year === 'string' ? form.year : '',
      replaceWithEmpty: [form.replaceWithEmpty ?? []].flat().filter((v): v is string => typeof v === 'string'),
      errors: [],
    };
    let report: StoredReport;
    try {
      report = { outcome: 'accepted', ...await receiveUpload(c.var.deps, c.var.data, readUploadForm(form, year)) };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.code === 'invalid_return') {
        report = { outcome: 'rejected', ...(error.extensions as { yearEnding: number } & RejectedFindings) };
      } else {
        return uploadForm(c, { ...state, ...formErrors(error) }, error.status === 409 ? 409 : error.status === 422 ? 422 : 400);
      }
    }
    const id = await putUploadReport(c.var.data, c.var.principal.subject, JSON.stringify(report));
    return c.redirect(reportPath(id), 303);
  })
  .get('/upload/reports/:id', 'upload.create', async (c) => {
    const stored = await getUploadReport(c.var.data, c.req.param('id') ?? '');
    if (!stored) throw new ApiError('not_found', 'this upload report has expired (reports are kept for a day) or never existed');
    const report = JSON.parse(stored.body) as StoredReport;
    const wanted = csvRequested(c);
    if (wanted) return reportCsv(c, wanted, report);
    return report.outcome === 'rejected' ? rejectedPage(c, report) : acceptedPage(c, report, stored.createdAt);
  });

/** The field each refusal is about, for the error summary and the inline message. */
function formErrors(error: ApiError): Pick<FormState, 'errors' | 'removals'> {
  const listed = (error.extensions.errors as { field: string; message: string }[] | undefined) ?? [];
  if (listed.length > 0) return { errors: listed.map((e) => ({ field: e.field, message: `${e.field === 'year' ? 'Collection year' : 'Tables to empty'}: ${e.message}` })) };
  if (error.code === 'rows_would_be_removed') {
    return {
      errors: [{ field: 'replaceWithEmpty', message: 'The return would remove stored rows: send every table, or tick the tables to empty on purpose' }],
      removals: error.extensions.removals as Removal[],
    };
  }
  return { errors: [{ field: 'files', message: error.message }] };
}

function reportCsv(c: Context, wanted: string, report: StoredReport): Response {
  const name = `903-${report.yearEnding}-${report.outcome}`;
  if (wanted === 'queries') return csvResponse(c, `${name}-queries`, FINDING_HEADER, report.queries.map(findingCells));
  if (wanted === 'errors' && report.outcome === 'rejected') return csvResponse(c, `${name}-errors`, FINDING_HEADER, report.errors.map(findingCells));
  if (wanted === 'replaced' && report.outcome === 'accepted') {
    return csvResponse(c, `${name}-replaced`, ['Table', 'Rows before', 'Rows after'], Object.entries(report.replaced ?? {}).map(([t, r]) => [t, r.before, r.after]));
  }
  throw new ApiError('not_found', `no table called ${wanted} in this report`);
}

function uploadForm(c: PageContext<'upload.create'>, state: FormState, status: 200 | 400 | 409 | 422 = 200): Response {
  const errorOf = (field: string) => state.errors.find((e) => e.field === field)?.message;
  const yearError = errorOf('year');
  const filesError = errorOf('files');
  const tablesError = errorOf('replaceWithEmpty');
  return render(c, { title: state.errors.length > 0 ? 'Error: Upload a 903 return' : 'Upload a 903 return' }, <>
    <ErrorSummary errors={state.errors} />
    <h1 class="govuk-heading-l">Upload a 903 return</h1>
    <p class="govuk-body">Choose the files of one collection year of your local authority's SSDA903 return: the CSV tables
      (Header, Episodes, Reviews and the others) or the DfE's XML return. They are checked with every DfE rule the files allow;
      a return with errors changes nothing, and an accepted one replaces the whole stored year.</p>
    <form method="post" action={UPLOAD_PATH} enctype="multipart/form-data" novalidate id="upload-form" data-report-path={`${UPLOAD_PATH}/reports/`}>
      <CsrfField session={c.var.session} />
      <div class={`govuk-form-group${filesError ? ' govuk-form-group--error' : ''}`}>
        <label class="govuk-label govuk-label--m" for="files">The files of the return</label>
        <div class="govuk-hint" id="files-hint">CSV files or one XML file, up to 10 MB in all. {filesError ? 'Choose the files again.' : ''}</div>
        {filesError && <p class="govuk-error-message" id="files-error"><span class="govuk-visually-hidden">Error:</span> {filesError}</p>}
        <input class={`govuk-file-upload${filesError ? ' govuk-file-upload--error' : ''}`} id="files" name="files" type="file" multiple
          accept=".csv,.xml,text/csv,text/xml,application/xml" aria-describedby={filesError ? 'files-hint files-error' : 'files-hint'} />
      </div>
      <div class={`govuk-form-group${yearError ? ' govuk-form-group--error' : ''}`}>
        <label class="govuk-label govuk-label--s" for="year">Collection year (optional)</label>
        <div class="govuk-hint" id="year-hint">The year ending 31 March, for example 2025 for April 2024 to March 2025. Leave it blank to take it from the dates in the files.</div>
        {yearError && <p class="govuk-error-message" id="year-error"><span class="govuk-visually-hidden">Error:</span> {yearError}</p>}
        <input class={`govuk-input govuk-input--width-4${yearError ? ' govuk-input--error' : ''}`} id="year" name="year" type="text" inputmode="numeric"
          value={state.year} aria-describedby={yearError ? 'year-hint year-error' : 'year-hint'} />
      </div>
      <div class={`govuk-form-group${tablesError ? ' govuk-form-group--error' : ''}`}>
        <fieldset class="govuk-fieldset" aria-describedby={tablesError ? 'replaceWithEmpty-hint replaceWithEmpty-error' : 'replaceWithEmpty-hint'}>
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Tables to empty on purpose</legend>
          <div class="govuk-hint" id="replaceWithEmpty-hint">An upload replaces every stored table of the year. If the return has no rows for a table
            that has stored rows (an XML return without that table, or a CSV file with its header row only), tick it to empty it.
            Without a tick the upload is refused and nothing changes. A table left out of a CSV upload altogether is never emptied: send it with its header row.</div>
          {tablesError && <p class="govuk-error-message" id="replaceWithEmpty-error"><span class="govuk-visually-hidden">Error:</span> {tablesError}</p>}
          {state.removals && <RemovalsTable removals={state.removals} />}
          <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
            {TABLE_NAMES.map((table, i) => (
              <div class="govuk-checkboxes__item">
                <input class="govuk-checkboxes__input" id={i === 0 ? 'replaceWithEmpty' : `replaceWithEmpty-${table}`} name="replaceWithEmpty" type="checkbox"
                  value={table} checked={state.replaceWithEmpty.includes(table)} />
                <label class="govuk-label govuk-checkboxes__label" for={i === 0 ? 'replaceWithEmpty' : `replaceWithEmpty-${table}`}>{table}</label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <div class="app-upload-progress" id="upload-progress" hidden>
        <label class="govuk-label" for="upload-progress-bar" id="upload-progress-label">Sending the files…</label>
        <progress class="app-upload-progress__bar" id="upload-progress-bar" max="100" value="0"></progress>
        <p class="govuk-body" id="upload-progress-status" role="status" aria-live="polite"></p>
      </div>
      <button type="submit" class="govuk-button" data-module="govuk-button" id="upload-submit">Upload and check</button>
    </form>
    <script type="module" src={assetUrl('upload.js')}></script>
  </>, status);
}

const RemovalsTable: FC<{ removals: Removal[] }> = ({ removals }) => (
  <table class="govuk-table" id="removals">
    <caption class="govuk-table__caption govuk-table__caption--s">Stored tables this return would empty</caption>
    <thead class="govuk-table__head"><tr class="govuk-table__row">
      <th scope="col" class="govuk-table__header">Table</th>
      <th scope="col" class="govuk-table__header govuk-table__header--numeric">Stored rows</th>
      <th scope="col" class="govuk-table__header">In this upload</th>
    </tr></thead>
    <tbody class="govuk-table__body">
      {removals.map((r) => (
        <tr class="govuk-table__row">
          <th scope="row" class="govuk-table__header">{r.table}</th>
          <td class="govuk-table__cell govuk-table__cell--numeric">{r.storedRows.toLocaleString('en-GB')}</td>
          <td class="govuk-table__cell">{r.sent === 'omitted' ? 'not sent: send it with its header row to empty it' : 'header row only'}</td>
        </tr>
      ))}
    </tbody>
  </table>
);

/** The findings of one table, a page at a time (`?<id>-page=`); the CSV holds them all. */
const FindingsTable: FC<{ c: Context; id: 'errors' | 'queries'; caption: string; findings: Finding[] }> = ({ c, id, caption, findings }) => {
  const param = `${id}-page`;
  const { shown, page, pages } = pageOfRows(findings, c.req.query(param), FINDINGS_PER_PAGE);
  return <>
    <table class="govuk-table app-findings" id={id}>
      <caption class="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">
        {FINDING_HEADER.map((h) => <th scope="col" class={`govuk-table__header${h === 'Row' ? ' govuk-table__header--numeric' : ''}`}>{h}</th>)}
      </tr></thead>
      <tbody class="govuk-table__body">
        {shown.map((f) => (
          <tr class="govuk-table__row">
            <td class="govuk-table__cell">{f.file}</td>
            <td class="govuk-table__cell govuk-table__cell--numeric">{f.row ?? ''}</td>
            <td class="govuk-table__cell">{f.column ?? ''}</td>
            <td class="govuk-table__cell"><strong class="govuk-tag govuk-tag--grey">{f.code}</strong></td>
            <td class="govuk-table__cell app-findings__message">{f.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
    <Pagination url={c.req.url} page={page} pages={pages} label={`Pages of ${id}`} param={param} anchor={id} />
    <CsvLink c={c} table={id} label={`Download all ${findings.length.toLocaleString('en-GB')} ${id} as CSV`} />
  </>;
};

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

function rejectedPage(c: PageContext<'upload.create'>, report: Extract<StoredReport, { outcome: 'rejected' }>): Response {
  const title = `The ${report.yearEnding - 1} to ${report.yearEnding} return was rejected`;
  return render(c, { title, crumbs: [['Upload', UPLOAD_PATH]] }, <>
    <h1 class="govuk-heading-l">{title}</h1>
    <div class="govuk-warning-text">
      <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
      <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>Nothing was changed: the stored return of this year is as it was.</strong>
    </div>
    <p class="govuk-body" id="findings-summary">{`${count(report.total, 'finding', 'findings')} in all: ${count(report.errors.length, 'error', 'errors')} and ${count(report.queries.length, 'query', 'queries')} listed here`}
      {report.omitted > 0 ? `, and ${count(report.omitted, 'more', 'more')} left out (each list stops at 1,000 findings, and a report at 1 MB). Correct these and upload again to see the rest.` : '.'}</p>
    <FindingsTable c={c} id="errors" caption="Errors: these must be corrected" findings={report.errors} />
    {report.queries.length > 0 && <FindingsTable c={c} id="queries" caption="Queries: check these, they do not block an upload" findings={report.queries} />}
    <a class="govuk-button" href={UPLOAD_PATH} role="button" data-module="govuk-button">Upload corrected files</a>
  </>);
}

async function acceptedPage(c: PageContext<'upload.create'>, report: Extract<StoredReport, { outcome: 'accepted' }>, uploadedAt: string): Promise<Response> {
  const snapshot = await getLaSnapshot(c.var.data, report.yearEnding);
  // Refreshed when the year's figures were computed from the version this upload stored.
  const refreshed = snapshot?.snapshot.datasetVersion === report.datasetVersion;
  const title = `The ${report.yearEnding - 1} to ${report.yearEnding} return was stored`;
  const replaced = Object.entries(report.replaced ?? {});
  return render(c, { title, crumbs: [['Upload', UPLOAD_PATH]] }, <>
    <SuccessBanner message={`${title}.`} />
    <h1 class="govuk-heading-l">{title}</h1>
    <dl class="govuk-summary-list">
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Uploaded</dt><dd class="govuk-summary-list__value">{dateTime(uploadedAt)}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Version</dt><dd class="govuk-summary-list__value">{report.datasetVersion}</dd></div>
      <div class="govuk-summary-list__row" id="dashboard-refresh">
        <dt class="govuk-summary-list__key">Dashboard</dt>
        <dd class="govuk-summary-list__value">
          {refreshed
            ? <p class="govuk-body govuk-!-margin-bottom-1"><strong class="govuk-tag govuk-tag--green">Refreshed</strong> Its figures include this upload.</p>
            : <p class="govuk-body govuk-!-margin-bottom-1"><strong class="govuk-tag govuk-tag--blue">Refresh queued</strong> The figures are being recomputed with this upload; this usually takes a minute or two.</p>}
          <p class="govuk-body govuk-!-margin-bottom-0" id="snapshot-time">{snapshot
            ? <>Figures last computed <time datetime={snapshot.computedAt}>{dateTime(snapshot.computedAt, 'medium')}</time>.</>
            : 'No figures have been computed for this year yet.'}</p>
        </dd>
        <dd class="govuk-summary-list__actions"><a class="govuk-link" href={`/app/dashboard?year=${report.yearEnding}`}>Go to the dashboard</a></dd>
      </div>
    </dl>
    <table class="govuk-table" id="replaced">
      <caption class="govuk-table__caption govuk-table__caption--m">What was replaced</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header">Table</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">Rows before</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">Rows after</th>
      </tr></thead>
      <tbody class="govuk-table__body">
        {replaced.map(([table, r]) => (
          <tr class="govuk-table__row">
            <th scope="row" class="govuk-table__header">{table}</th>
            <td class="govuk-table__cell govuk-table__cell--numeric">{r.before.toLocaleString('en-GB')}</td>
            <td class="govuk-table__cell govuk-table__cell--numeric">{r.after.toLocaleString('en-GB')}</td>
          </tr>
        ))}
      </tbody>
    </table>
    <CsvLink c={c} table="replaced" />
    {report.queries.length === 0
      ? <p class="govuk-body" id="no-queries">The return raised no queries.</p>
      : <>
        <p class="govuk-body">{`${count(report.findings.total, 'query', 'queries')} to check: they did not block the upload${report.findings.omitted > 0 ? `; ${count(report.findings.omitted, 'more was', 'more were')} left out of this list (it stops at 1,000, and at 1 MB)` : ''}.`}</p>
        <FindingsTable c={c} id="queries" caption="Queries: check these in your case records" findings={report.queries} />
      </>}
  </>);
}
