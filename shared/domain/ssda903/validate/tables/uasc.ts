/** UASC (unaccompanied asylum-seeking children): the date status ceased (104, 304); one row per child (INT36). */
import { addYears, parseUkDate, ukDate } from '../../dates.ts';
import { checkDate } from '../checks.ts';
import { shown, type Context } from '../context.ts';
import { checkOnePerChild, dobOf, report, rowsByChild } from './common.ts';

export function checkUasc(ctx: Context): void {
  const view = ctx.views.get('UASC');
  if (!view) return;
  const [cChild, cDob, cDuc] = ['CHILD', 'DOB', 'DUC'].map((n) => view.col(n)) as [number, number, number];
  for (let i = 0; i < view.length; i++) {
    const child = view.cell(i, cChild);
    const dobRaw = view.cell(i, cDob);
    checkDate(ctx, view, i, 'DOB', child, dobRaw, parseUkDate(dobRaw), 'INVALID_DATE');
    const ducRaw = view.cell(i, cDuc);
    if (ducRaw === null) continue;
    const duc = parseUkDate(ducRaw);
    if (duc === null) {
      report(ctx, '104', view, i, 'DUC', child, `DUC ${shown(ducRaw)}`);
      continue;
    }
    if (duc < ctx.year.start) report(ctx, '104', view, i, 'DUC', child, `DUC ${ukDate(duc)} is before the collection year (${ukDate(ctx.year.start)})`);
    const dob = dobOf(ctx, child, dobRaw);
    if (dob !== null && duc > addYears(dob, 18)) {
      report(ctx, '304', view, i, 'DUC', child, `DUC ${ukDate(duc)} is after the 18th birthday ${ukDate(addYears(dob, 18))}`);
    }
  }
  checkOnePerChild(ctx, 'INT36', view, rowsByChild(view));
}
