/**
 * `metrics DIR --year-ending YYYY [--as-at DD/MM/YYYY] [--json]` (DESIGN.md §7): metrics 1–8 for the LA whose
 * 903 files are in DIR. Exit 0; 1 when DIR's files do not validate (the errors go to stderr); 2 on a usage problem.
 * `--json` prints exactly the §7 shape; otherwise a readable table.
 */
import { parseUkDate } from '../../../shared/domain/ssda903/dates.ts';
import { computeLaMetrics } from '../../../shared/domain/metrics/index.ts';
import { yearStart } from '../../../shared/domain/metrics/timeline.ts';
import type { LaMetrics, Ratio } from '../../../shared/domain/metrics/types.ts';
import { toDataset } from '../../../shared/domain/ssda903/dataset.ts';
import { validate903Upload } from '../../../shared/domain/ssda903/validate/index.ts';
import { folderArg, parseArgs, rejectUnknownFlags, stringFlag, UsageError, yearEndingFlag, usageFailure } from '../args.ts';
import { load903Folder } from '../read-903-folder.ts';
import { formatFinding } from './validate.ts';

const USAGE = 'usage: npm run cli -- metrics DIR --year-ending YYYY [--as-at DD/MM/YYYY] [--json]';

function ukDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

function pct(r: Ratio): string {
  const share = r.rate === null ? '—' : `${(100 * r.rate).toFixed(1)}%`;
  return `${String(r.numerator).padStart(6)} / ${String(r.denominator).padEnd(6)} ${share.padStart(7)}`;
}

/** The readable report: one line per figure, then the breakdowns. */
export function formatMetrics(m: LaMetrics): string {
  const row = (label: string, value: string) => `  ${label.padEnd(64)} ${value}`;
  const y = `${m.yearEnding - 1}-${String(m.yearEnding).slice(2)}`;
  const lines = [
    `Metrics for collection year ${y}, as at ${ukDate(m.asAt)}`,
    '',
    row('1. Children looked after on the as-at date', String(m.cla.count).padStart(6)),
    row('   Children looked after during the year', String(m.cla.duringYear).padStart(6)),
    row('2. Short-term stability: CLA with 3+ placements', pct(m.shortTermStability)),
    row('3. Long-term stability: same placement 2+ years', pct(m.longTermStability)),
    row('   (same carer reading)', pct(m.longTermStabilitySameCarer)),
    row('4. Children with 1+ placement moves in the year', pct(m.placementMoves.oneOrMore)),
    row('   Children with 2+ placement moves in the year', pct(m.placementMoves.twoOrMore)),
    row('   Placement moves in the year', String(m.placementMoves.total).padStart(6)),
    row('5. Reviews in the year held on time (reg. 33)', pct(m.reviewTimeliness.onTime)),
    row('   Children whose next review is overdue', String(m.reviewTimeliness.overdue.count).padStart(6)),
    row('6. Participation rate (PN1–PN6 / PN1–PN7)', pct(m.participation.rate)),
    row('7. Children missing in the year', pct(m.missing.children)),
    row('   Missing incidents (per missing child)', `${String(m.missing.incidents).padStart(6)}   (${m.missing.incidentsPerMissingChild?.toFixed(1) ?? '—'})`),
    row('   Children away without authorisation', pct(m.missing.away.children)),
    row('   Away incidents', String(m.missing.away.incidents).padStart(6)),
    row('8. Return-home episodes (E4A, E4B, E13) in the year', String(m.reunification.episodes).padStart(6)),
    row('   Children who went home', String(m.reunification.children).padStart(6)),
    row(`   of whom re-entered within 12 months (seen to ${ukDate(m.reunification.censoredAt)})`, pct(m.reunification.reentryWithin12Months)),
    row('   Previous year\'s returners who re-entered (settled)', m.reunification.previousYear ? pct(m.reunification.previousYear) : '   not in these files'),
    row('Two-year stability: looked after 2 years, 3+ placements in them', pct(m.twoYearStability)),
    ...socialWorkerRows(m, row),
    '',
    ...shortfallLines(m, row),
  ];
  const reasons = Object.entries(m.placementMoves.reasons).filter(([, n]) => n > 0);
  if (reasons.length > 0) lines.push('', 'Placement moves by reason:', ...reasons.map(([r, n]) => row(`  ${r}`, String(n).padStart(6))));
  lines.push('', 'Participation codes:', ...Object.entries(m.participation.codes).map(([c, n]) => row(`  ${c}`, String(n).padStart(6))));
  const overdue = m.reviewTimeliness.overdue.children;
  if (overdue.length > 0) {
    lines.push('', 'Overdue reviews (child, due, days overdue):');
    for (const o of overdue) lines.push(`    ${o.child.padEnd(20)} ${ukDate(o.due)}  ${String(o.daysOverdue).padStart(5)}`);
  }
  return `${lines.join('\n')}\n`;
}

function socialWorkerRows(m: LaMetrics, row: (label: string, value: string) => string): string[] {
  const sw = m.socialWorkerChanges;
  if (!sw) return [row('Social worker changes in the year', '   no SWEpisodes in these files')];
  return [
    row('Social worker changes in the year: CLA with 1 change', pct(sw.one)),
    row('   with 2 changes', pct(sw.two)),
    row('   with 3 or more changes', pct(sw.threePlus)),
  ];
}

/** Says when the files do not reach back far enough for a look-back metric, and for how many children. */
function shortfallLines(m: LaMetrics, row: (label: string, value: string) => string): string[] {
  const h = m.historyShortfall;
  if (h.storedFrom === null) return ['History: the files carry whole periods of care; every look-back is complete.'];
  return [
    `History: these files reach back to ${ukDate(h.storedFrom)}. Children whose figure needs earlier history`,
    '(earlier years\' returns, stored as history, settle them):',
    row('   3. long-term stability', String(h.longTermStability).padStart(6)),
    row('   5. review sequence (reviews in the year)', String(h.reviewSequence).padStart(6)),
    row('   two-year stability', String(h.twoYearStability).padStart(6)),
  ];
}

export async function run(args: string[]): Promise<number> {
  let dir: string;
  let yearEnding: number;
  let asAt: string | undefined;
  let json: boolean;
  try {
    const parsed = parseArgs(args, ['json']);
    rejectUnknownFlags(parsed, ['json', 'year-ending', 'as-at']);
    json = parsed.flags.get('json') === true;
    yearEnding = yearEndingFlag(parsed, true);
    const asAtText = stringFlag(parsed, 'as-at');
    if (asAtText !== undefined) {
      const iso = parseUkDate(asAtText);
      if (iso === null) throw new UsageError(`--as-at must be a date DD/MM/YYYY, got "${asAtText}"`);
      if (iso < yearStart(yearEnding)) throw new UsageError(`--as-at ${asAtText} is before the collection year starts (01/04/${yearEnding - 1})`);
      asAt = iso;
    }
    dir = await folderArg(parsed);
  } catch (err) {
    return usageFailure(err, USAGE);
  }

  const upload = await load903Folder(dir);
  const report = validate903Upload(upload, { yearEnding });
  if (!report.valid) {
    process.stderr.write(`${dir}: the 903 files do not validate for year ending ${yearEnding} (${report.errors.length} errors); run validate for the full report.\n`);
    for (const f of report.errors.slice(0, 20)) process.stderr.write(`  ${formatFinding(f)}\n`);
    return 1;
  }
  const metrics = computeLaMetrics(toDataset(upload.tables, yearEnding), { yearEnding, ...(asAt ? { asAt } : {}) });
  process.stdout.write(json ? `${JSON.stringify(metrics, null, 2)}\n` : formatMetrics(metrics));
  return 0;
}
