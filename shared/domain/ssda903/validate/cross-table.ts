/** Every table against Header: each CHILD is in Header (INT01–INT09) with the same DOB (INT11–INT18). */
import { parseUkDate, ukDate } from '../dates.ts';
import type { TableName } from '../records.ts';
import { childLabel, type Context } from './context.ts';

/** DfE integrity codes per table: [child not in Header, DOB differs]. SWEpisodes has none, so ours. */
const CODES: Partial<Record<TableName, readonly [string, string | null]>> = {
  AD1: ['INT01', 'INT11'],
  PlacedAdoption: ['INT02', 'INT15'],
  Episodes: ['INT03', null],
  Missing: ['INT04', 'INT17'],
  OC2: ['INT05', 'INT14'],
  OC3: ['INT06', 'INT13'],
  PrevPerm: ['INT07', 'INT12'],
  Reviews: ['INT08', 'INT16'],
  UASC: ['INT09', 'INT18'],
  SWEpisodes: ['CHILD_NOT_IN_HEADER', 'DOB_DIFFERS'],
};

export function checkCrossTable(ctx: Context): void {
  if (!ctx.views.has('Header')) return;
  for (const [table, view] of ctx.views) {
    const codes = CODES[table];
    if (!codes) continue;
    const [notInHeader, dobDiffers] = codes;
    const cChild = view.col('CHILD');
    const cDob = dobDiffers === null ? -1 : view.col('DOB');
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
      if (dobDiffers === null || cDob < 0 || h.dob === null) continue;
      const raw = view.cell(i, cDob);
      if (parseUkDate(raw) !== h.dob) {
        ctx.out.add(dobDiffers, view, i, 'DOB',
          `${childLabel(child)}: DOB in ${table} is ${raw ?? 'blank'} but in Header it is ${ukDate(h.dob)}.`);
      }
    }
  }
}
