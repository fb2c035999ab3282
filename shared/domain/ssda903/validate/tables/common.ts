/** What the table modules share: the finding with the DfE's wording, duplicate children, and who was looked after all year. */
import { addYears, parseUkDate } from '../../dates.ts';
import type { IsoDate } from '../../records.ts';
import { childLabel, type Context, type TableView } from '../context.ts';
import { TABLE_RULES, type TableCode } from './registry.ts';

/** Reports a DfE rule on one row: "child 12, what we saw: the DfE's message". */
export function report(
  ctx: Context, code: TableCode, view: TableView, i: number, column: string | null, child: string | null, detail: string,
): void {
  ctx.out.add(code, view, i, column, `${childLabel(child)}, ${detail}: ${TABLE_RULES[code].message}`);
}

/** A row's date of birth: its own DOB when it is a real date, otherwise the child's Header DOB. */
export function dobOf(ctx: Context, child: string | null, raw: string | null): IsoDate | null {
  return parseUkDate(raw) ?? (child === null ? null : ctx.headerByChild.get(child)?.dob ?? null);
}

/** The date a child turns `years`, or null without a DOB. */
export function birthday(dob: IsoDate | null, years: number): IsoDate | null {
  return dob === null ? null : addYears(dob, years);
}

/** The row indexes of each CHILD of a table (blank CHILD left out: the structure check reports it). */
export function rowsByChild(view: TableView): Map<string, number[]> {
  const cChild = view.col('CHILD');
  const map = new Map<string, number[]>();
  for (let i = 0; i < view.length; i++) {
    const child = view.cell(i, cChild);
    if (child === null) continue;
    const list = map.get(child);
    if (list) list.push(i);
    else map.set(child, [i]);
  }
  return map;
}

/** INT31, INT33–INT36: a table of one row per child; as the DfE does, every row of a repeated child is reported. */
export function checkOnePerChild(ctx: Context, code: TableCode, view: TableView, byChild: Map<string, number[]>): void {
  for (const [child, rows] of byChild) {
    if (rows.length < 2) continue;
    for (const i of rows) report(ctx, code, view, i, 'CHILD', child, `one of ${rows.length} rows of this child in ${view.table}`);
  }
}

/** True when any of the columns (indexes) of row i is filled. */
export function anyFilled(view: TableView, i: number, cols: readonly number[]): boolean {
  for (const c of cols) if (view.cell(i, c) !== null) return true;
  return false;
}

/** The first of the columns (names) that is blank in row i, or null when all are filled. */
export function firstBlank(view: TableView, i: number, names: readonly string[], cols: readonly number[]): string | null {
  for (let k = 0; k < cols.length; k++) if (view.cell(i, cols[k]!) === null) return names[k]!;
  return null;
}

const LOOKED_AFTER_ALL_YEAR = new WeakMap<Context, ReadonlySet<string>>();

/**
 * Children looked after continuously for 12 months at 31 March, as the DfE defines it for OC2: in care during the
 * year and none of their episodes starts a period of care after 1 April (RNE S), ends one in the year (REC other
 * than X1) before 31 March or is a short break (V3/V4) in the year. Care ending on 31 March itself does not break
 * the 12 months, as the DfE has it: the child's OC2 is due (191) and may not be refused (190). Computed once.
 */
export function lookedAfterAllYear(ctx: Context): ReadonlySet<string> {
  const known = LOOKED_AFTER_ALL_YEAR.get(ctx);
  if (known) return known;
  const { start, end } = ctx.year;
  const children = new Set<string>();
  for (const [child, eps] of ctx.episodesByChild) {
    let inYear = false;
    let broken = false;
    for (const e of eps) {
      const during = e.decom! <= end && (e.dec === null || e.dec >= start);
      if (during) inYear = true;
      if ((e.rne === 'S' && e.decom! > start && e.decom! <= end)
        || (e.rec !== 'X1' && e.dec !== null && e.dec >= start && e.dec < end)
        || (during && (e.ls === 'V3' || e.ls === 'V4'))) {
        broken = true;
        break;
      }
    }
    if (inYear && !broken) children.add(child);
  }
  LOOKED_AFTER_ALL_YEAR.set(ctx, children);
  return children;
}
