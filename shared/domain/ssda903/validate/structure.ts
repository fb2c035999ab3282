/** Table-level structure: required tables present, rows the width of the header, no blank CHILD, no duplicate rows. */
import type { Context } from './context.ts';

/** Header and Episodes are the core of the return: without them nothing can be imported. */
const REQUIRED_TABLES = ['Header', 'Episodes'] as const;

export function checkStructure(ctx: Context): void {
  for (const table of REQUIRED_TABLES) {
    if (!ctx.views.has(table)) {
      ctx.out.addMissingTable(table, `No ${table} table was uploaded (recognised by its header row ${table === 'Header' ? 'CHILD, SEX, DOB, …' : 'CHILD, DECOM, RNE, …'}).`);
    }
  }
  for (const view of ctx.views.values()) {
    const width = view.raw.columns.length;
    const cChild = view.col('CHILD');
    const dups = ctx.duplicates.get(view.table);
    for (let i = 0; i < view.length; i++) {
      const cells = view.raw.rows[i]!.length;
      if (cells !== width) {
        ctx.out.add('ROW_LENGTH', view, i, null,
          `This row has ${cells} value${cells === 1 ? '' : 's'} but the header has ${width} columns (a stray or missing comma?).`);
      }
      const child = view.cell(i, cChild);
      if (child === null) ctx.out.add('BLANK_CHILD', view, i, 'CHILD', 'CHILD is blank: every row must name the child.');
      if (dups?.has(i)) {
        ctx.out.add('DUPLICATE_ROW', view, i, null,
          `${child === null ? 'This row' : `This row of child ${child}`} repeats an earlier row of ${view.table} exactly; remove the copy.`);
      }
    }
  }
}
