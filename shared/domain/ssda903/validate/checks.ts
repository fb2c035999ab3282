/** Cell-level checks shared by the table modules: a value in its code list, a real dd/mm/yyyy date. */
import { childLabel, shown, type Context, type TableView } from './context.ts';

function listOf(allowed: ReadonlySet<string>): string {
  const all = [...allowed];
  return all.length <= 12 ? all.join(', ') : `${all.slice(0, 12).join(', ')}, …`;
}

/** Reports `code` when the value is not in `allowed` (a blank value is reported unless `blankOk`). */
export function checkCode(
  ctx: Context, view: TableView, i: number, column: string, child: string | null, value: string | null,
  allowed: ReadonlySet<string>, code: string, blankOk = false,
): void {
  if (value === null) {
    if (!blankOk) ctx.out.add(code, view, i, column, `${childLabel(child)}: ${column} is blank; it must be one of ${listOf(allowed)}.`);
    return;
  }
  if (!allowed.has(value)) {
    ctx.out.add(code, view, i, column,
      `${childLabel(child)}: ${column} ${shown(value)} is not a valid code for ${ctx.year.yearEnding - 1}-${String(ctx.year.yearEnding).slice(2)} (expected one of ${listOf(allowed)}).`);
  }
}

/** Reports `code` when a filled cell is not a real date, or (unless `blankOk`) when it is blank. */
export function checkDate(
  ctx: Context, view: TableView, i: number, column: string, child: string | null, raw: string | null,
  iso: string | null, code: string, blankOk = false,
): void {
  if (raw === null) {
    if (!blankOk) ctx.out.add(code, view, i, column, `${childLabel(child)}: ${column} is blank; it must be a date written dd/mm/yyyy.`);
    return;
  }
  if (iso === null) {
    ctx.out.add(code, view, i, column, `${childLabel(child)}: ${column} ${shown(raw)} is not a real date written dd/mm/yyyy.`);
  }
}
