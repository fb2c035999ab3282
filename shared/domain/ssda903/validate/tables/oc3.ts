/**
 * OC3 (care leavers around their 17th to 21st birthdays): codes (131–133), items coded together (153, 344, 345),
 * age (347, 391, 3001), against OC2 and AD1 (134, 187, 215) and against the child's episodes and Header (1000, 1002, 1007, 1010, 1011, 1014, 1016, 628);
 * one row per child (INT34).
 */
import { addYears, ageOn, parseUkDate, ukDate } from '../../dates.ts';
import { checkDate } from '../checks.ts';
import { shown, type Context, type EpisodeRow, type TableView } from '../context.ts';
import { AD1_ITEMS } from './ad1.ts';
import { ACCOMMODATION, ACTIVITY, FOYER, IN_TOUCH } from './codes.ts';
import { anyFilled, birthday, checkOnePerChild, dobOf, firstBlank, lookedAfterAllYear, report, rowsByChild } from './common.ts';
import { OC2_ITEMS } from './oc2.ts';

const OC3_ITEMS = ['IN_TOUCH', 'ACTIV', 'ACCOM'] as const;
/** IN_TOUCH codes after which activity and accommodation are 0: died, or home with parents for 6 months or more. */
const NO_LONGER_LEAVING_CARE = new Set(['DIED', 'RHOM']);
/** ACCOM codes of living with former foster carer(s): staying put, which begins at 18. */
const WITH_FORMER_FOSTER_CARERS = new Set(['Z1', 'Z2']);
/** REC of an episode that ended with the child's death. */
const DIED_IN_CARE = 'E2';
/** REC of care transferred to another local authority. */
const TRANSFERRED = 'E3';

export function checkOc3(ctx: Context): void {
  const view = ctx.views.get('OC3');
  if (!view) return;
  const [cChild, cDob, cTouch, cActiv, cAccom] = ['CHILD', 'DOB', ...OC3_ITEMS].map((n) => view.col(n)) as [number, number, number, number, number];
  const items = [cTouch, cActiv, cAccom];
  const { start, end } = ctx.year;
  /** Children whose OC3 row has care-leaver data, with that row. */
  const leavers = new Map<string, number>();

  for (let i = 0; i < view.length; i++) {
    const child = view.cell(i, cChild);
    const dobRaw = view.cell(i, cDob);
    checkDate(ctx, view, i, 'DOB', child, dobRaw, parseUkDate(dobRaw), 'INVALID_DATE');
    const touch = view.cell(i, cTouch);
    const activ = view.cell(i, cActiv);
    const accom = view.cell(i, cAccom);
    if (touch === null || !IN_TOUCH.has(touch)) report(ctx, '131', view, i, 'IN_TOUCH', child, `IN_TOUCH ${shown(touch)}`);
    if (activ === null || !ACTIVITY.has(activ)) report(ctx, '132', view, i, 'ACTIV', child, `ACTIV ${shown(activ)}`);
    if (accom === null || !ACCOMMODATION.has(accom)) report(ctx, '133', view, i, 'ACCOM', child, `ACCOM ${shown(accom)}`);
    const filled = anyFilled(view, i, items);
    const blank = firstBlank(view, i, OC3_ITEMS, items);
    if (filled && blank !== null) report(ctx, '153', view, i, blank, child, `${blank} is blank`);
    if (touch !== null && NO_LONGER_LEAVING_CARE.has(touch) && (activ !== '0' || accom !== '0')) {
      const column = activ !== '0' ? 'ACTIV' : 'ACCOM';
      report(ctx, '344', view, i, column, child, `IN_TOUCH ${touch} but ${column} is ${shown(activ !== '0' ? activ : accom)}, not 0`);
    }
    if (touch === 'YES' && (activ === '0' || accom === '0')) {
      report(ctx, '345', view, i, activ === '0' ? 'ACTIV' : 'ACCOM', child, `IN_TOUCH YES but ${activ === '0' ? 'ACTIV' : 'ACCOM'} is 0`);
    }
    const dob = dobOf(ctx, child, dobRaw);
    const eighteenth = birthday(dob, 18);
    if (accom !== null && FOYER.has(accom) && eighteenth !== null && eighteenth > start) {
      report(ctx, '347', view, i, 'ACCOM', child, `ACCOM ${accom} (foyer) but under 18 on ${ukDate(start)}`);
    }
    // Not 17 to 21 at any time in the year: 17th birthday after it ends, or 22 already when it starts.
    const seventeenth = birthday(dob, 17);
    const twentySecond = birthday(dob, 22);
    if (filled && seventeenth !== null && twentySecond !== null && (seventeenth > end || twentySecond <= start)) {
      report(ctx, '391', view, i, 'IN_TOUCH', child, seventeenth > end ? `17th birthday ${ukDate(seventeenth)} is after ${ukDate(end)}` : `22nd birthday ${ukDate(twentySecond)} is on or before ${ukDate(start)}`);
    }
    if (accom !== null && WITH_FORMER_FOSTER_CARERS.has(accom) && seventeenth !== null && seventeenth >= start && seventeenth <= end) {
      report(ctx, '3001', view, i, 'ACCOM', child, `ACCOM ${accom} (former foster carers) in the year of the 17th birthday, ${ukDate(seventeenth)}`);
    }
    if (filled && child !== null && !leavers.has(child)) leavers.set(child, i);
  }
  checkOnePerChild(ctx, 'INT34', view, rowsByChild(view));
  checkAgainstOc2(ctx, view, leavers);
  checkAgainstAd1(ctx, view, leavers);
  checkAgainstEpisodes(ctx, view, leavers);
}

/**
 * Care leaver data for a child who died in care (REC E2) this year or last (1000), whose last episode transferred
 * care to another LA (1011), with no episode this year though last year's last was open (1010), with no episode
 * this year or last (1002), or looked after on or after a 17th or 18th birthday (1007, 1016); UASC data for a care
 * leaver not looked after this year (1014); MOTHER filled
 * for a care leaver with no episode this year (628). The DfE tool flags every OC3 row of 1000's children, even one left blank; here,
 * as the message says, only care leaver data is reported.
 */
/**
 * 1007 and 1016, for a care leaver aged 17 or 18 at 31 March: looked after on the latest birthday (on or before 31
 * March), or leaving care on or after it: care leaver data is not yet due. The DfE tool's 1007 counts only episodes
 * that have ended (an open DEC never compares), so a child still looked after escapes it; here an open episode counts.
 */
function checkLatestBirthday(ctx: Context, child: string, oc3: TableView, row: number, episodes: readonly EpisodeRow[]): void {
  const dob = dobOf(ctx, child, oc3.cell(row, oc3.col('DOB')));
  if (dob === null) return;
  const age = ageOn(dob, ctx.year.end);
  if (age < 17 || age >= 19) return;
  const latest = addYears(dob, age);
  if (episodes.some((e) => e.decom! <= latest && (e.dec === null || e.dec > latest))) {
    report(ctx, '1007', oc3, row, 'IN_TOUCH', child, `looked after on the ${age}th birthday, ${ukDate(latest)}`);
  }
  const left = episodes.find((e) => e.dec !== null && e.dec >= latest);
  if (left) report(ctx, '1016', oc3, row, 'IN_TOUCH', child, `left care on ${ukDate(left.dec!)}, on or after the ${age}th birthday (${ukDate(latest)})`);
}

function checkAgainstEpisodes(ctx: Context, oc3: TableView, leavers: Map<string, number>): void {
  if (!ctx.views.has('Episodes')) return;
  const header = ctx.views.get('Header');
  const uasc = ctx.views.get('UASC');
  const uascRows = uasc ? rowsByChild(uasc) : new Map<string, number[]>();
  const { start, end } = ctx.year;
  for (const [child, row] of leavers) {
    const episodes = ctx.episodesByChild.get(child);
    const uascRow = uascRows.get(child)?.[0];
    if (uasc && uascRow !== undefined && !episodes?.some((e) => e.decom! <= end && (e.dec === null || e.dec >= start))) {
      report(ctx, '1014', uasc, uascRow, 'CHILD', child, 'a UASC row for a care leaver not looked after this year');
      report(ctx, '1014', oc3, row, 'IN_TOUCH', child, 'care leaver data and a UASC row, but not looked after this year');
    }
    const died = episodes?.find((e) => e.rec === DIED_IN_CARE)
      ?? ctx.previousByChild.get(child)?.episodes.find((e) => e.rec === DIED_IN_CARE);
    if (died) report(ctx, '1000', oc3, row, 'IN_TOUCH', child, `an episode ended with the child's death (REC E2) on ${died.dec === null ? 'a date not given' : ukDate(died.dec)}`);
    const last = episodes?.[episodes.length - 1];
    if (last?.rec === TRANSFERRED) report(ctx, '1011', oc3, row, 'IN_TOUCH', child, `the last episode ended with care transferred to another LA (REC E3)`);
    if (!episodes && ctx.previous) {
      const previous = ctx.previousByChild.get(child)?.episodes;
      if (!previous?.length) report(ctx, '1002', oc3, row, 'IN_TOUCH', child, 'no episode this year or last year');
      let lastYear: { decom: string; dec: string | null } | undefined;
      for (const e of previous ?? []) if (!lastYear || e.decom >= lastYear.decom) lastYear = e;
      if (lastYear && lastYear.dec === null) report(ctx, '1010', oc3, row, 'IN_TOUCH', child, `no episode this year, yet last year's last episode (from ${ukDate(lastYear.decom)}) was open`);
    }
    if (episodes) checkLatestBirthday(ctx, child, oc3, row, episodes);
    const h = ctx.headerByChild.get(child);
    if (header && h && h.mother !== null && !episodes) {
      report(ctx, '628', header, h.i, 'MOTHER', child, `MOTHER ${shown(h.mother)} for a care leaver with no episode this year`);
    }
  }
}

/** 215: a care leaver with OC2 data for children looked after all year; both rows are reported. */
function checkAgainstOc2(ctx: Context, oc3: TableView, leavers: Map<string, number>): void {
  const oc2 = ctx.views.get('OC2');
  if (!oc2) return;
  const cChild = oc2.col('CHILD');
  const items = OC2_ITEMS.map((n) => oc2.col(n));
  for (let i = 0; i < oc2.length; i++) {
    const child = oc2.cell(i, cChild);
    const leaverRow = child === null ? undefined : leavers.get(child);
    if (leaverRow === undefined) continue;
    const filled = items.findIndex((c) => oc2.cell(i, c) !== null);
    if (filled < 0) continue;
    report(ctx, '215', oc3, leaverRow, 'IN_TOUCH', child, `OC2 ${OC2_ITEMS[filled]} is also filled`);
    report(ctx, '215', oc2, i, OC2_ITEMS[filled]!, child, 'the child also has care leaver data in OC3');
  }
}

/** 134: adoption data for a care leaver; 187: adoption or care-leaver data for a child looked after all year. */
function checkAgainstAd1(ctx: Context, oc3: TableView, leavers: Map<string, number>): void {
  const ad1 = ctx.views.get('AD1');
  if (!ad1) return;
  const cChild = ad1.col('CHILD');
  const items = AD1_ITEMS.map((n) => ad1.col(n));
  const withEpisodes = ctx.views.has('Episodes');
  const allYear = lookedAfterAllYear(ctx);
  for (let i = 0; i < ad1.length; i++) {
    const child = ad1.cell(i, cChild);
    if (child === null || !anyFilled(ad1, i, items)) continue;
    if (leavers.has(child)) report(ctx, '134', ad1, i, 'CHILD', child, 'the child has care leaver data in OC3');
    if (withEpisodes && allYear.has(child)) report(ctx, '187', ad1, i, 'CHILD', child, 'looked after all year but has adoption data');
  }
  if (!withEpisodes) return;
  for (const [child, row] of leavers) {
    if (allYear.has(child)) report(ctx, '187', oc3, row, 'IN_TOUCH', child, 'looked after all year but has care leaver data');
  }
}
