/** Header table: codes and dates of each child (101, 102, 103, 168), one row per child (INT32), mother fields. */
import { addYears, ukDate } from '../dates.ts';
import { checkCode, checkDate } from './checks.ts';
import { SHORT_BREAK_LS, isValidUpn } from './codes.ts';
import { childLabel, shown, type Context, type HeaderRow } from './context.ts';

export function isFemale(sex: string | null): boolean {
  return sex === '2' || sex === 'F';
}

export function checkHeader(ctx: Context): void {
  const view = ctx.views.get('Header');
  if (!view) return;
  const seen = new Set<string>();
  for (const h of ctx.header) {
    const { i, child } = h;
    checkCode(ctx, view, i, 'SEX', child, h.sex, ctx.codes.sex, '101');
    checkDate(ctx, view, i, 'DOB', child, h.dobRaw, h.dob, '102');
    checkCode(ctx, view, i, 'ETHNIC', child, h.ethnic, ctx.codes.ethnic, '103');
    if (h.upn !== null && !isValidUpn(h.upn)) {
      ctx.out.add('168', view, i, 'UPN',
        `${childLabel(child)}: UPN ${shown(h.upn)} is not a valid UPN (13 characters with a correct check letter) nor UN1–UN5.`);
    }
    checkDate(ctx, view, i, 'MC_DOB', child, h.mcDobRaw, h.mcDob, 'INVALID_DATE', true);
    if (child !== null) {
      // INT32: the Header holds one row per child.
      if (seen.has(child)) ctx.out.add('INT32', view, i, 'CHILD', `${childLabel(child)} is listed more than once in Header.`);
      seen.add(child);
    }
    checkMother(ctx, h);
  }
}

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
  if (isMother && h.mcDobRaw === null) {
    ctx.out.add('611', view, i, 'MC_DOB', `${childLabel(child)}: MOTHER is 1 but MC_DOB (her child's date of birth) is blank.`);
  }
  if (isFemale(h.sex) && !isMother && h.mcDobRaw !== null) {
    ctx.out.add('612', view, i, 'MC_DOB',
      `${childLabel(child)}: MC_DOB is ${shown(h.mcDobRaw)} but MOTHER is ${shown(h.mother)}, not 1.`);
  }
  if (isMother && h.dob !== null && addYears(h.dob, 11) > ctx.year.start) {
    ctx.out.add('620', view, i, 'MOTHER', `${childLabel(child)} is recorded as a mother but was under 11 on ${ukDate(ctx.year.start)} (DOB ${ukDate(h.dob)}).`);
  }
  if (h.mcDob !== null && h.dob !== null && h.mcDob <= h.dob) {
    ctx.out.add('621', view, i, 'MC_DOB',
      `${childLabel(child)}: MC_DOB ${ukDate(h.mcDob)} is not after the mother's own DOB ${ukDate(h.dob)}.`);
  }
}
