/**
 * Every table against Header, with the DfE's integrity codes: each CHILD is in Header (INT01–INT09), with the same
 * DOB (INT11–INT18) and, in UASC, the same SEX (INT21).
 */
import { parseUkDate, ukDate } from '../dates.ts';
import type { TableName } from '../records.ts';
import { childLabel, shown, type Context } from './context.ts';

/** DfE integrity codes per table: [child not in Header, DOB differs]. SWEpisodes has none, so ours. */
const CODES: Partial<Record<TableName, readonly [string, string | null]>> = {
  AD1: ['INT01', 'INT11'],
  PlacedAdoption: ['INT02', 'INT12'],
  Episodes: ['INT03', null],
  Missing: ['INT04', 'INT13'],
  OC2: ['INT05', 'INT14'],
  OC3: ['INT06', 'INT15'],
  PrevPerm: ['INT07', 'INT16'],
  Reviews: ['INT08', 'INT17'],
  UASC: ['INT09', 'INT18'],
  SWEpisodes: ['CHILD_NOT_IN_HEADER', 'DOB_DIFFERS'],
};

/**
 * SEX in one coding: 1/2 (to 2023-24) are M/F (from 2024-25). The DfE tool compares the text, so a Header recoded
 * to M/F against a UASC table still in 1/2 fails INT21 although both say the same.
 */
function sexCoded(sex: string): string {
  return sex === '1' ? 'M' : sex === '2' ? 'F' : sex;
}

export function checkCrossTable(ctx: Context): void {
  if (!ctx.views.has('Header')) return;
  for (const [table, view] of ctx.views) {
    const codes = CODES[table];
    if (!codes) continue;
    const [notInHeader, dobDiffers] = codes;
    const cChild = view.col('CHILD');
    const cDob = dobDiffers === null ? -1 : view.col('DOB');
    const cSex = table === 'UASC' ? view.col('SEX') : -1;
    const reported = new Set<string>();
    for (let i = 0; i < view.length; i++) {
      const child = view.cell(i, cChild);
      if (child === null) continue;
      const h = ctx.headerByChild.get(child);
      if (!h) {
        // Once per child and table: one missing Header row explains all of that child's rows.
        if (!reported.has(child)) {
          ctx.out.add(notInHeader, view, i, 'CHILD', `${childLabel(child)} appears in ${table} but not in Header.`);
          reported.add(child);
        }
        continue;
      }
      // As the DfE does, only two real dates are compared: a blank or impossible DOB is the table's own date finding.
      const dob = dobDiffers === null || cDob < 0 ? null : parseUkDate(view.cell(i, cDob));
      if (dob !== null && h.dob !== null && dob !== h.dob) {
        ctx.out.add(dobDiffers!, view, i, 'DOB', `${childLabel(child)}: DOB in ${table} is ${ukDate(dob)} but in Header it is ${ukDate(h.dob)}.`);
      }
      const sex = cSex < 0 ? null : view.cell(i, cSex);
      if (sex !== null && h.sex !== null && sexCoded(sex) !== sexCoded(h.sex)) {
        ctx.out.add('INT21', view, i, 'SEX', `${childLabel(child)}: SEX in UASC is ${shown(sex)} but in Header it is ${shown(h.sex)}.`);
      }
    }
  }
}
