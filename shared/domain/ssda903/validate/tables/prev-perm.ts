/** PrevPerm (permanence before this period of care): codes (631, 633), an order named without its option (635); one row per child (INT35). */
import { parseUkDate } from '../../dates.ts';
import { checkDate } from '../checks.ts';
import { shown, type Context } from '../context.ts';
import { PERMANENCE_LA, PREVIOUS_PERMANENCE } from './codes.ts';
import { checkOnePerChild, report, rowsByChild } from './common.ts';

/** PREV_PERM Z1: no previous permanence option, or not known. */
const NO_PREVIOUS_PERMANENCE = 'Z1';

export function checkPrevPerm(ctx: Context): void {
  const view = ctx.views.get('PrevPerm');
  if (!view) return;
  const [cChild, cDob, cPerm, cLa, cDate] = ['CHILD', 'DOB', 'PREV_PERM', 'LA_PERM', 'DATE_PERM'].map((n) => view.col(n)) as [number, number, number, number, number];
  for (let i = 0; i < view.length; i++) {
    const child = view.cell(i, cChild);
    const dobRaw = view.cell(i, cDob);
    checkDate(ctx, view, i, 'DOB', child, dobRaw, parseUkDate(dobRaw), 'INVALID_DATE');
    const perm = view.cell(i, cPerm);
    const la = view.cell(i, cLa);
    const date = view.cell(i, cDate);
    if (perm !== null && !PREVIOUS_PERMANENCE.has(perm)) report(ctx, '631', view, i, 'PREV_PERM', child, `PREV_PERM ${shown(perm)}`);
    if (la !== null && !PERMANENCE_LA.has(la)) report(ctx, '633', view, i, 'LA_PERM', child, `LA_PERM ${shown(la)}`);
    // The DfE tool checks only a blank PREV_PERM; its message (and the guidance) is about Z1, so both are reported.
    if ((la !== null || date !== null) && (perm === null || perm === NO_PREVIOUS_PERMANENCE)) {
      report(ctx, '635', view, i, 'PREV_PERM', child, `PREV_PERM is ${shown(perm)} but ${la !== null ? `LA_PERM is ${shown(la)}` : `DATE_PERM is ${shown(date)}`}`);
    }
  }
  checkOnePerChild(ctx, 'INT35', view, rowsByChild(view));
}
