/**
 * Header table: codes and dates of each child (101–103, 168, 171, 232, 301, 351), UPN against age and care (209,
 * 210, 442, 444), one row per child (INT32, EPI), mother fields (165, 174, 393, 607, 611, 612, 620, 621, 625).
 */
import { addYears, isoOf, ukDate } from '../dates.ts';
import { checkCode, checkDate } from './checks.ts';
import { SHORT_BREAK_LS, isValidUpn } from './codes.ts';
import { childLabel, shown, type Context, type HeaderRow, type TableView } from './context.ts';

/** Both SEX codings are read, whatever the year: 2 / F female, 1 / M male (DESIGN.md §3). */
export function isFemale(sex: string | null): boolean {
  return sex === '2' || sex === 'F';
}

export function isMale(sex: string | null): boolean {
  return sex === '1' || sex === 'M';
}

const UNKNOWN_UPNS = new Set(['UN1', 'UN2', 'UN3', 'UN4', 'UN5']);

export function checkHeader(ctx: Context): void {
  const view = ctx.views.get('Header');
  if (!view) return;
  const seen = new Set<string>();
  const upnRows = new Map<string, number[]>();
  const withOc3 = childrenOf(ctx, 'OC3');
  const { year } = ctx;
  // 209: a child who was 4 on the 31 August that opened the previous academic year (31/08/2023 for 2024-25) is of
  // school age.
  const schoolAgeDate = isoOf(year.yearEnding - 2, 8, 31);
  for (const h of ctx.header) {
    const { i, child } = h;
    checkSex(ctx, view, h);
    checkDate(ctx, view, i, 'DOB', child, h.dobRaw, h.dob, '102');
    checkCode(ctx, view, i, 'ETHNIC', child, h.ethnic, ctx.codes.ethnic, '103');
    if (h.upn !== null && !isValidUpn(h.upn)) {
      ctx.out.add('168', view, i, 'UPN',
        `${childLabel(child)}: UPN ${shown(h.upn)} is not a valid UPN (13 characters with a correct check letter) nor UN1–UN5.`);
    }
    checkDate(ctx, view, i, 'MC_DOB', child, h.mcDobRaw, h.mcDob, '171', true);
    if (h.dob !== null && h.dob > year.end) {
      ctx.out.add('301', view, i, 'DOB', `${childLabel(child)}: DOB ${ukDate(h.dob)} is after the end of the collection year (${ukDate(year.end)}).`);
    }
    if (h.dob !== null && addYears(h.dob, 25) < year.start) {
      ctx.out.add('351', view, i, 'DOB', `${childLabel(child)} was over 25 on ${ukDate(year.start)}, the start of the collection year (DOB ${ukDate(h.dob)}).`);
    }
    if (h.upn === 'UN1' && h.dob !== null && addYears(h.dob, 4) <= schoolAgeDate) {
      ctx.out.add('209', view, i, 'UPN',
        `${childLabel(child)} was of school age on ${ukDate(schoolAgeDate)} (DOB ${ukDate(h.dob)}) so UPN cannot be UN1 (not of school age).`);
    }
    if (h.upn !== null && !UNKNOWN_UPNS.has(h.upn)) {
      const rows = upnRows.get(h.upn);
      if (rows) rows.push(i);
      else upnRows.set(h.upn, [i]);
    }
    if (child !== null) {
      // INT32: the Header holds one row per child.
      if (seen.has(child)) ctx.out.add('INT32', view, i, 'CHILD', `${childLabel(child)} is listed more than once in Header.`);
      seen.add(child);
      checkAgainstEpisodes(ctx, view, h, withOc3);
    }
    checkMother(ctx, h);
  }
  // 444 (from 2025-26): a real UPN belongs to one child.
  if (year.yearEnding >= 2026) {
    for (const [upn, rows] of upnRows) {
      if (rows.length < 2) continue;
      for (const i of rows) ctx.out.add('444', view, i, 'UPN', `UPN ${shown(upn)} is given for ${rows.length} rows of Header; each child has their own.`);
    }
  }
}

/** 101: the year's SEX coding. The old coding still imports, as a query: the DfE itself would reject the return. */
function checkSex(ctx: Context, view: TableView, h: HeaderRow): void {
  const { sex } = ctx.codes;
  if (h.sex !== null && ctx.codes.oldSex.has(h.sex)) {
    if (ctx.year.yearEnding < 2025) return;
    ctx.out.add('101', view, h.i, 'SEX',
      `${childLabel(h.child)}: SEX ${shown(h.sex)} is the coding used until 2023-24; from 2024-25 the DfE rejects it (use M, F or U). It is imported as ${isMale(h.sex) ? 'M' : 'F'}.`,
      'query');
    return;
  }
  checkCode(ctx, view, h.i, 'SEX', h.child, h.sex, sex, '101');
  if (h.sex === 'U') {
    ctx.out.add('232', view, h.i, 'SEX', `${childLabel(h.child)}: SEX is U (unknown); please check whether it is known.`);
  }
}

/** The CHILDs of a table, or an empty set when it was not uploaded. */
function childrenOf(ctx: Context, table: 'OC3'): Set<string> {
  const view = ctx.views.get(table);
  const out = new Set<string>();
  if (!view) return out;
  const c = view.col('CHILD');
  for (let i = 0; i < view.length; i++) {
    const child = view.cell(i, c);
    if (child !== null) out.add(child);
  }
  return out;
}

/** Header rows against the child's episodes: EPI, 442 (UPN blank), 210 (UN4 for a child in care over a week). */
function checkAgainstEpisodes(ctx: Context, view: TableView, h: HeaderRow, withOc3: Set<string>): void {
  if (!ctx.views.has('Episodes')) return;
  const eps = ctx.episodesByChild.get(h.child!);
  if (!eps) {
    // Care leavers in OC3 are in Header without episodes this year.
    if (!withOc3.has(h.child!)) {
      ctx.out.add('EPI', view, h.i, 'CHILD', `${childLabel(h.child)} is in Header but has no episodes; load the child's episodes.`);
    }
    return;
  }
  if (h.upn === null && eps.some((e) => e.ls === null || !SHORT_BREAK_LS.has(e.ls))) {
    ctx.out.add('442', view, h.i, 'UPN', `${childLabel(h.child)} is looked after (not only in short breaks) but UPN is blank; use UN1–UN5 when it is not known.`);
  }
  // 210: UN4 (UPN not yet obtained, child newly looked after) cannot stand for a child in care since before
  // 24 March and still in care on 31 March. The DfE tool tests DECOM on or after 24 March, the reverse of its
  // own message; we follow the guidance.
  const weekBefore = isoOf(ctx.year.yearEnding, 3, 24);
  if (h.upn === 'UN4') {
    const long = eps.find((e) => e.decom! < weekBefore && e.dec === null);
    if (long) {
      ctx.out.add('210', view, h.i, 'UPN',
        `${childLabel(h.child)} has been looked after since ${ukDate(long.decom!)}, more than a week before 31 March, so UPN cannot be UN4.`);
    }
  }
}

/** MOTHER: 1 is a mother, 0 is not. */
const MOTHER_CODES = new Set(['0', '1']);

function checkMother(ctx: Context, h: HeaderRow): void {
  const view = ctx.views.get('Header')!;
  const { i, child } = h;
  const isMother = h.mother === '1';
  const eps = child === null ? undefined : ctx.episodesByChild.get(child);
  if (isFemale(h.sex) && h.mother === null && eps) {
    // 393: a looked-after girl (not only in short breaks) must have MOTHER completed.
    if (eps.some((e) => !SHORT_BREAK_LS.has(e.ls ?? ''))) {
      ctx.out.add('393', view, i, 'MOTHER', `${childLabel(child)} is a looked-after female but MOTHER is blank (1 = is a mother, 0 = is not).`);
    }
    // 607: a girl who ceased care in the year (not from a short break) must have MOTHER completed.
    const ceased = eps.find((e) => e.dec !== null && e.rec !== null && e.rec !== 'X1' && !SHORT_BREAK_LS.has(e.ls ?? '')
      && e.dec >= ctx.year.start && e.dec <= ctx.year.end);
    if (ceased) {
      ctx.out.add('607', view, i, 'MOTHER',
        `${childLabel(child)} ceased to be looked after on ${ukDate(ceased.dec!)} but MOTHER is blank.`);
    }
  }
  // 165: MOTHER is 1 or 0, and only for a female. (The DfE's other 165 cases are 393, a looked-after female without
  // MOTHER, and 628, MOTHER for a care leaver not looked after this year.)
  if (h.mother !== null && (!MOTHER_CODES.has(h.mother) || isMale(h.sex))) {
    ctx.out.add('165', view, i, 'MOTHER', `${childLabel(child)}: MOTHER is ${shown(h.mother)}${MOTHER_CODES.has(h.mother) ? ' but SEX is male' : ', not 1 or 0'}.`);
  }
  if (isMother && h.mcDobRaw === null) {
    ctx.out.add('611', view, i, 'MC_DOB', `${childLabel(child)}: MOTHER is 1 but MC_DOB (her child's date of birth) is blank.`);
  }
  if (isMale(h.sex) && h.mcDobRaw !== null) {
    ctx.out.add('174', view, i, 'MC_DOB', `${childLabel(child)}: MC_DOB is ${shown(h.mcDobRaw)} but SEX is ${shown(h.sex)} (male).`);
  }
  if (isFemale(h.sex) && !isMother && h.mcDobRaw !== null) {
    ctx.out.add('612', view, i, 'MC_DOB',
      `${childLabel(child)}: MC_DOB is ${shown(h.mcDobRaw)} but MOTHER is ${shown(h.mother)}, not 1.`);
  }
  if (isMother && h.dob !== null && addYears(h.dob, 11) > ctx.year.start) {
    ctx.out.add('620', view, i, 'MOTHER', `${childLabel(child)} is recorded as a mother but was under 11 on ${ukDate(ctx.year.start)} (DOB ${ukDate(h.dob)}).`);
  }
  // 625: the first child is born by the end of the year and, when the mother has left care, by the day she left.
  // (The DfE tool takes the latest DEC of any episode, even one followed by an open episode; we take care's end.)
  if (h.mcDob !== null) {
    const last = eps?.[eps.length - 1];
    const left = last !== undefined && last.dec !== null && last.rec !== 'X1' ? last.dec : null;
    const limit = left !== null && left < ctx.year.end ? left : ctx.year.end;
    if (h.mcDob > limit) {
      ctx.out.add('625', view, i, 'MC_DOB',
        `${childLabel(child)}: MC_DOB ${ukDate(h.mcDob)} is after ${limit === left ? `the day she ceased to be looked after (${ukDate(limit)})` : `the end of the collection year (${ukDate(limit)})`}.`);
    }
  }
  if (h.mcDob !== null && h.dob !== null && h.mcDob <= h.dob) {
    ctx.out.add('621', view, i, 'MC_DOB',
      `${childLabel(child)}: MC_DOB ${ukDate(h.mcDob)} is not after the mother's own DOB ${ukDate(h.dob)}.`);
  }
}
