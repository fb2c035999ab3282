/**
 * `validate DIR [--year-ending YYYY] [--json]` (DESIGN.md §7): validates the 903 CSV files in DIR offline.
 * Exit 0 when valid (queries allowed), 1 when there are errors, 2 on a usage problem.
 */
import type { Finding, RawTable } from '../../../shared/domain/ssda903/records.ts';
import { latestYearEnding, validate903Upload, type ValidationReport } from '../../../shared/domain/ssda903/validate/index.ts';
import { folderArg, parseArgs, rejectUnknownFlags, usageFailure, yearEndingFlag } from '../args.ts';
import { load903Folder } from '../read-903-folder.ts';

const USAGE = 'usage: npm run cli -- validate DIR [--year-ending YYYY] [--json]';

export function formatFinding(f: Finding): string {
  const where = [f.file, f.row === null ? null : `row ${f.row}`].filter(Boolean).join(' ');
  return `${where}${f.column === null ? '' : `, ${f.column}`}: [${f.code}] ${f.message}`;
}

/** The readable report for an LA analyst: what was read, the verdict, then each finding. */
export function formatReport(dir: string, yearEnding: number, tables: RawTable[], report: ValidationReport): string {
  const y = `${yearEnding - 1}-${String(yearEnding).slice(2)}`;
  const lines: string[] = [`903 files in ${dir}, collection year ${y} (year ending ${yearEnding})`, ''];
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
  const shown = report.errors.length + report.queries.length;
  lines.push(report.valid
    ? `VALID: no errors${report.queries.length > 0 ? `, ${report.queries.length} ${report.queries.length === 1 ? 'query' : 'queries'} to check` : ''}.`
    : `INVALID: ${report.errors.length} error${report.errors.length === 1 ? '' : 's'} must be fixed before this return can be imported.`);
  if (report.total > shown) lines.push(`(${report.total} findings in all; the first ${shown} are listed.)`);
  if (report.errors.length > 0) lines.push('', 'Errors:', ...report.errors.map((f) => `  ${formatFinding(f)}`));
  if (report.queries.length > 0) lines.push('', 'Queries (do not block the upload):', ...report.queries.map((f) => `  ${formatFinding(f)}`));
  return `${lines.join('\n')}\n`;
}

export async function run(args: string[]): Promise<number> {
  let dir: string;
  let yearEnding: number | undefined;
  let json: boolean;
  try {
    const parsed = parseArgs(args, ['json']);
    rejectUnknownFlags(parsed, ['json', 'year-ending']);
    json = parsed.flags.get('json') === true;
    yearEnding = yearEndingFlag(parsed);
    dir = await folderArg(parsed);
  } catch (err) {
    return usageFailure(err, USAGE);
  }

  const upload = await load903Folder(dir);
  const year = yearEnding ?? latestYearEnding(upload.tables);
  const report = validate903Upload(upload, { yearEnding: year });
  process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(dir, year, upload.tables, report));
  return report.valid ? 0 : 1;
}
