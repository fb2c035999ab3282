/**
 * SSDA903 validation (DESIGN.md §3, validation-rules.md). Pure: tables in, a report out; never throws.
 * validate903 checks tables that parse903Files recognised; validate903Upload adds parsing's file-level findings.
 */
import type { Finding, LaDataset, RawTable } from '../records.ts';
import { checkAges } from './ages.ts';
import { buildContext, type Context, type RuleFinding } from './context.ts';
import { checkContinuity } from './continuity.ts';
import { checkCrossTable } from './cross-table.ts';
import { checkEpisodes } from './episodes.ts';
import { checkFieldLimits } from './field-limits.ts';
import { checkHeader } from './header.ts';
import { checkLegalStatus } from './legal-status.ts';
import { checkMissing } from './missing.ts';
import { checkPlaceChange } from './place-change.ts';
import { checkPlacementDetails } from './placement-details.ts';
import { checkReviews } from './reviews.ts';
import { severityOf } from './rules.ts';
import { checkShortBreaks } from './short-breaks.ts';
import { checkStructure } from './structure.ts';
import { checkTables } from './tables/index.ts';
import { checkTemporary } from './temporary.ts';

export { SEVERITY, severityOf, type Severity } from './rules.ts';

export interface ValidationReport {
  valid: boolean;
  errors: Finding[];
  queries: Finding[];
  total: number;
}

export interface ValidateOptions {
  yearEnding: number;
  previous?: LaDataset;
  /** Each list in the report holds at most this many findings (default MAX_LISTED; Infinity lists all). */
  listLimit?: number;
}

/** By default each list in a report holds at most this many findings; `total` still counts them all. */
export const MAX_LISTED = 1000;

const MODULES: readonly [string, (ctx: Context) => void][] = [
  ['structure', checkStructure],
  ['header', checkHeader],
  ['episodes', checkEpisodes],
  ['placement details', checkPlacementDetails],
  ['temporary placements', checkTemporary],
  ['short breaks', checkShortBreaks],
  ['legal status', checkLegalStatus],
  ['reason for placement change', checkPlaceChange],
  ['ages', checkAges],
  ['reviews', checkReviews],
  ['missing', checkMissing],
  ['OC2, OC3, AD1, PlacedAdoption, PrevPerm, UASC and SWEpisodes', checkTables],
  ['cross-table', checkCrossTable],
  ['previous year', checkContinuity],
  ['field limits', checkFieldLimits], // last: it skips cells another rule has already refused
];

function toReport(findings: readonly (Finding & { severity?: string })[], limit: number): ValidationReport {
  const errors: Finding[] = [];
  const queries: Finding[] = [];
  let errorCount = 0;
  for (const f of findings) {
    const severity = f.severity ?? severityOf(f.code);
    const clean: Finding = { file: f.file, row: f.row, column: f.column, code: f.code, message: f.message };
    if (severity === 'query') {
      if (queries.length < limit) queries.push(clean);
    } else {
      errorCount++;
      if (errors.length < limit) errors.push(clean);
    }
  }
  return { valid: errorCount === 0, errors, queries, total: findings.length };
}

function byPosition(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (a.row ?? 0) - (b.row ?? 0);
}

export function validate903(tables: RawTable[], options: ValidateOptions): ValidationReport {
  const limit = options.listLimit ?? MAX_LISTED;
  let ctx: Context;
  try {
    ctx = buildContext(tables, options.yearEnding, options.previous);
  } catch (err) {
    return toReport([{ file: 'upload', row: null, column: null, code: 'INTERNAL_ERROR', message: `The files could not be validated: ${(err as Error).message}` }], limit);
  }
  const extra: RuleFinding[] = [];
  for (const [name, check] of MODULES) {
    try {
      check(ctx);
    } catch (err) {
      // A bug in one rule module must not hide the others, nor let the upload through.
      extra.push({ file: 'upload', row: null, column: null, code: 'INTERNAL_ERROR', severity: 'error',
        message: `The ${name} checks failed unexpectedly (${(err as Error).message}); please report this.` });
    }
  }
  const findings = [...ctx.out.findings].sort(byPosition);
  return toReport([...findings, ...extra], limit);
}

/** validate903 plus parsing's file-level findings (all errors): the verdict on a whole upload. */
export function validate903Upload(
  parsed: { tables: RawTable[]; findings: Finding[] },
  options: ValidateOptions,
): ValidationReport {
  const report = validate903(parsed.tables, options);
  if (parsed.findings.length === 0) return report;
  const fileLevel = parsed.findings.map((f) => ({ ...f, severity: 'error' as const }));
  const merged = toReport([...fileLevel, ...report.errors, ...report.queries], options.listLimit ?? MAX_LISTED);
  // The capped lists of `report` were merged above; keep its true count of findings.
  return { ...merged, total: report.total + parsed.findings.length };
}

