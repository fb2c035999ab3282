/**
 * `validate DIR [--year-ending YYYY] [--previous PREVDIR] [--json] [--limit N] [--csv FILE]` (DESIGN.md §7):
 * validates the 903 return in DIR (CSV files or the SSDA903 XML) offline, with last year's return when given
 * so the continuity rules run. Exit 0 when valid (queries allowed), 1 when there are errors, 2 on a usage problem.
 */
import { writeFile } from 'node:fs/promises';
import { toCsv } from '../../../shared/domain/csv.ts';
import { toDataset } from '../../../shared/domain/ssda903/dataset.ts';
import { inferYearEnding, ukDate, collectionYear, type InferredYear } from '../../../shared/domain/ssda903/dates.ts';
import { parse903Files, type ParsedUpload, type UploadedFile } from '../../../shared/domain/ssda903/parse.ts';
import type { Finding, LaDataset, RawTable, TableName } from '../../../shared/domain/ssda903/records.ts';
import { validate903Upload, type ValidationReport } from '../../../shared/domain/ssda903/validate/index.ts';
import { elementPath, looksLikeXml } from '../../../shared/domain/ssda903/xml.ts';
import { folderArg, folderFlag, intFlag, parseArgs, rejectUnknownFlags, stringFlag, usageFailure, UsageError, yearEndingFlag } from '../args.ts';
import { read903Files } from '../read-903-folder.ts';

const USAGE = 'usage: npm run cli -- validate DIR [--year-ending YYYY] [--previous PREVDIR] [--json] [--limit N] [--csv FILE]';

/** A finding of a table read from XML also names the element: CHILD[n]/… (its row is the child's position). */
export type LocatedFinding = Finding & { path?: string };

/** The collection year used, and how it was chosen. */
export type YearUsed = { yearEnding: number; basis: 'flag' } | InferredYear;

export interface PreviousYear {
  dir: string;
  yearEnding: number;
  children: number;
  /** The year the previous files' own dates point to, when that is not the year before. */
  datesSuggest?: number;
}

export function formatFinding(f: LocatedFinding): string {
  const where = f.path === undefined
    ? [f.file, f.row === null ? null : `row ${f.row}`].filter(Boolean).join(' ')
    : `${f.file} child ${f.row} (${f.path})`;
  return `${where}${f.column === null ? '' : `, ${f.column}`}: [${f.code}] ${f.message}`;
}

// Not toLocaleString: loading ICU's locale data cost a tenth of a second of a 0.2 s run.
const count = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ',');
const yearName = (yearEnding: number) => `${yearEnding - 1}-${String(yearEnding).slice(2)}`;

/** One line saying which collection year was used and why, so an analyst can tell a wrong guess at once. */
function yearLine(dir: string, year: YearUsed): string {
  const head = `903 return in ${dir}, collection year ${yearName(year.yearEnding)} (year ending ${year.yearEnding}`;
  if (year.basis === 'flag') return `${head}, from --year-ending)`;
  if (year.basis === 'today') return `${head}: the files hold no event dates, so the year in progress today; give --year-ending)`;
  const after = year.afterYear === 0 ? '' : `; ${count(year.afterYear)} fall after ${ukDate(collectionYear(year.yearEnding).end)}`;
  return `${head}, inferred from the bulk of the dates: ${count(year.inYear)} of ${count(year.dates)} event dates fall in it${after}; --year-ending overrides)`;
}

function previousLine(previous: PreviousYear | null): string[] {
  if (previous === null) return ['No previous year given (--previous PREVDIR): the rules that compare with last year did not run.'];
  const lines = [`Previous year ${yearName(previous.yearEnding)} from ${previous.dir}: ${count(previous.children)} children; the continuity rules ran.`];
  if (previous.datesSuggest !== undefined) {
    lines.push(`Warning: the dates in ${previous.dir} point to ${yearName(previous.datesSuggest)}, not ${yearName(previous.yearEnding)}.`);
  }
  return lines;
}

/** The readable report for an LA analyst: what was read, the verdict, then each finding (at most `limit` a list). */
export function formatReport(dir: string, year: YearUsed, previous: PreviousYear | null, tables: RawTable[], report: LocatedReport, limit: number): string {
  const lines: string[] = [yearLine(dir, year), ...previousLine(previous), ''];
  const counts = new Map<string, { errors: number; queries: number }>();
  for (const [list, key] of [[report.errors, 'errors'], [report.queries, 'queries']] as const) {
    for (const f of list) {
      const c = counts.get(f.file) ?? { errors: 0, queries: 0 };
      c[key]++;
      counts.set(f.file, c);
    }
  }
  const width = Math.max(...tables.map((t) => t.table.length), 6);
  for (const t of tables) {
    const c = counts.get(t.table) ?? { errors: 0, queries: 0 };
    lines.push(`  ${t.table.padEnd(width)}  ${String(t.rows.length).padStart(7)} rows  ${c.errors} errors  ${c.queries} queries`);
  }
  if (tables.length === 0) lines.push('  no 903 table was recognised');
  lines.push('');
  const { errors, queries } = report;
  lines.push(report.valid
    ? `VALID: no errors${queries.length > 0 ? `, ${queries.length} ${queries.length === 1 ? 'query' : 'queries'} to check` : ''}.`
    : `INVALID: ${errors.length} error${errors.length === 1 ? '' : 's'} must be fixed before this return can be imported.`);
  const shown = Math.min(errors.length, limit) + Math.min(queries.length, limit);
  if (report.total > shown) lines.push(`(${report.total} findings in all; the first ${limit} of each list are listed: --csv FILE writes them all.)`);
  if (errors.length > 0) lines.push('', 'Errors:', ...errors.slice(0, limit).map((f) => `  ${formatFinding(f)}`));
  if (queries.length > 0) lines.push('', 'Queries (do not block the upload):', ...queries.slice(0, limit).map((f) => `  ${formatFinding(f)}`));
  return `${lines.join('\n')}\n`;
}

export interface LocatedReport extends ValidationReport {
  errors: LocatedFinding[];
  queries: LocatedFinding[];
}

/** Adds the element path to each finding on a table that was read from an XML file. */
function locate(report: ValidationReport, files: UploadedFile[], tables: RawTable[]): LocatedReport {
  const xmlFiles = new Set(files.filter((f) => looksLikeXml(f.bytes)).map((f) => f.name));
  const fromXml = new Set(tables.filter((t) => t.fileName !== undefined && xmlFiles.has(t.fileName)).map((t) => t.table as string));
  if (fromXml.size === 0) return report;
  const withPath = (f: Finding): LocatedFinding =>
    fromXml.has(f.file) && f.row !== null ? { ...f, path: elementPath(f.file as TableName, f.column, f.row) } : f;
  return { ...report, errors: report.errors.map(withPath), queries: report.queries.map(withPath) };
}

/** Every finding as CSV for a spreadsheet (cells that would start a formula are neutralised by toCsv). */
export function findingsCsv(report: ValidationReport): string {
  const rows = [
    ...report.errors.map((f) => [f.file, f.row, f.column, f.code, 'error', f.message]),
    ...report.queries.map((f) => [f.file, f.row, f.column, f.code, 'query', f.message]),
  ];
  return toCsv(['file', 'row', 'column', 'code', 'severity', 'message'], rows);
}

async function loadPrevious(dir: string, yearEnding: number, today: string): Promise<{ dataset: LaDataset; summary: PreviousYear }> {
  const parsed: ParsedUpload = parse903Files(await read903Files(dir));
  if (!parsed.tables.some((t) => t.table === 'Header')) {
    throw new UsageError(`--previous ${dir} holds no 903 Header table (CSV files or the SSDA903 XML of last year's return)`);
  }
  const dataset = toDataset(parsed.tables, yearEnding - 1);
  const own = inferYearEnding(parsed.tables, today);
  const summary: PreviousYear = { dir, yearEnding: yearEnding - 1, children: dataset.children.length };
  if (own.basis === 'dates' && own.yearEnding !== yearEnding - 1) summary.datesSuggest = own.yearEnding;
  return { dataset, summary };
}

export async function run(args: string[]): Promise<number> {
  let dir: string;
  let flagYear: number | undefined;
  let previousDir: string | undefined;
  let json: boolean;
  let limit: number;
  let csvFile: string | undefined;
  try {
    const parsed = parseArgs(args, ['json']);
    rejectUnknownFlags(parsed, ['json', 'year-ending', 'previous', 'limit', 'csv']);
    json = parsed.flags.get('json') === true;
    flagYear = yearEndingFlag(parsed);
    const limitFlag = intFlag(parsed, 'limit');
    if (limitFlag === 0) throw new UsageError('--limit must be at least 1');
    limit = limitFlag ?? Infinity;
    csvFile = stringFlag(parsed, 'csv');
    dir = await folderArg(parsed);
    previousDir = await folderFlag(parsed, 'previous');
  } catch (err) {
    return usageFailure(err, USAGE);
  }

  const files = await read903Files(dir);
  const upload = parse903Files(files);
  const today = new Date().toISOString().slice(0, 10);
  const year: YearUsed = flagYear === undefined ? inferYearEnding(upload.tables, today) : { yearEnding: flagYear, basis: 'flag' };
  let previous: Awaited<ReturnType<typeof loadPrevious>> | undefined;
  try {
    if (previousDir !== undefined) previous = await loadPrevious(previousDir, year.yearEnding, today);
  } catch (err) {
    return usageFailure(err, USAGE);
  }
  // Every finding is kept here; --limit only shortens what is printed.
  const report = locate(validate903Upload(upload, {
    yearEnding: year.yearEnding, listLimit: Infinity, ...(previous && { previous: previous.dataset }),
  }), files, upload.tables);

  if (csvFile !== undefined) {
    try {
      await writeFile(csvFile, findingsCsv(report));
    } catch (err) {
      process.stderr.write(`validate: cannot write ${csvFile}: ${(err as Error).message}\n`);
      return 2;
    }
    process.stderr.write(`wrote ${report.errors.length + report.queries.length} findings to ${csvFile}\n`);
  }
  if (json) {
    const out = {
      collectionYear: year,
      previousYear: previous?.summary ?? null,
      valid: report.valid,
      total: report.total,
      ...(limit !== Infinity && { limit }),
      errors: report.errors.slice(0, limit),
      queries: report.queries.slice(0, limit),
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    process.stdout.write(formatReport(dir, year, previous?.summary ?? null, upload.tables, report, limit));
  }
  return report.valid ? 0 : 1;
}
