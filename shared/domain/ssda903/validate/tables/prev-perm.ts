/**
 * PrevPerm (permanence before this period of care): codes (631, 633), an order named without its option (635), against
 * the child's episodes (630, 632, 634); one row per child (INT35).
 */
import { daysInMonth, parseUkDate, ukDate } from '../../dates.ts';
import type { IsoDate } from '../../records.ts';
import { checkDate } from '../checks.ts';
import { shown, type Context, type TableView } from '../context.ts';
import { PERMANENCE_LA, PREVIOUS_PERMANENCE } from './codes.ts';
import { checkOnePerChild, report, rowsByChild } from './common.ts';

/**
 * DATE_PERM as a date: an unknown day or month may be written zz (zz/05/2015, zz/zz/2015); as the DfE does, it is
 * read as the latest date it could be, so an order of that month or year is not taken as after care began.
 */
function latestPermanenceDate(raw: string | null): IsoDate | null {
  const parts = raw?.toUpperCase().split('/');
  if (parts?.length !== 3 || !/^\d{4}$/.test(parts[2]!)) return parseUkDate(raw);
  const [day, month, year] = parts as [string, string, string];
  if (month === 'ZZ') return day === 'ZZ' ? `${year}-12-31` : null;
  if (day !== 'ZZ') return parseUkDate(raw);
  const m = Number(month);
  return Number.isInteger(m) && m >= 1 && m <= 12 ? parseUkDate(`${daysInMonth(Number(year), m)}/${month}/${year}`) : null;
}

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
  const byChild = rowsByChild(view);
  checkOnePerChild(ctx, 'INT35', view, byChild);
  checkAgainstEpisodes(ctx, view, byChild);
}

/**
 * 630: a period of care that began this year (RNE S) needs its child's PrevPerm row, with LA_PERM and DATE_PERM unless
 * PREV_PERM is Z1. 632: DATE_PERM not a date or not before care began. 634: PrevPerm data for a child whose latest episode began before the year.
 */
function checkAgainstEpisodes(ctx: Context, view: TableView, byChild: Map<string, number[]>): void {
  const episodes = ctx.views.get('Episodes');
  if (!episodes) return;
  const [cPerm, cLa, cDate] = ['PREV_PERM', 'LA_PERM', 'DATE_PERM'].map((n) => view.col(n)) as [number, number, number];
  const { start, end } = ctx.year;
  for (const [child, eps] of ctx.episodesByChild) {
    const rows = byChild.get(child);
    // 632: DATE_PERM not a date, or not before care first began (the child's first episode here).
    for (const i of rows ?? []) {
      const raw = view.cell(i, cDate);
      const date = latestPermanenceDate(raw);
      if (raw !== null && (date === null || date >= eps[0]!.decom!)) {
        report(ctx, '632', view, i, 'DATE_PERM', child, date === null ? `DATE_PERM ${shown(raw)}` : `DATE_PERM ${ukDate(date)} is not before care began on ${ukDate(eps[0]!.decom!)}`);
      }
    }
    for (const e of eps) {
      if (e.rne !== 'S' || e.decom! < start || e.decom! > end) continue;
      const i = rows?.[0];
      const perm = i === undefined ? null : view.cell(i, cPerm);
      const complete = perm === NO_PREVIOUS_PERMANENCE || (perm !== null && view.cell(i!, cLa) !== null && view.cell(i!, cDate) !== null);
      if (!complete) {
        report(ctx, '630', episodes, e.i, 'RNE', child, i === undefined
          ? `care began ${ukDate(e.decom!)} and the child has no PrevPerm row`
          : `care began ${ukDate(e.decom!)} and PrevPerm is incomplete (PREV_PERM ${shown(perm)})`);
      }
    }
    const latest = eps[eps.length - 1]!;
    if (!rows || latest.decom! >= start) continue;
    for (const i of rows) {
      if (view.cell(i, cPerm) === null && view.cell(i, cLa) === null && view.cell(i, cDate) === null) continue;
      report(ctx, '634', view, i, 'PREV_PERM', child, `PrevPerm data, yet the latest episode began ${ukDate(latest.decom!)}, before the year`);
    }
  }
}
