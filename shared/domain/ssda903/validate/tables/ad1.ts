/**
 * AD1 (children adopted in the year): dates and codes (112–114, 175–177), items coded together (151), dates in order
 * (333, and 331 against the adoption episode), adopters' legal status against their sexes (511–524), the adoption
 * episode against the match and the foster carer (582, 335), the decision against the latest period of care and the adoption placement (334, 521), adoption data without an
 * adoption in the year (602), and an adoption without its data (601); one row per child (INT31).
 */
import { parseUkDate, ukDate } from '../../dates.ts';
import { checkDate } from '../checks.ts';
import { ADOPTION_PLACES } from '../codes.ts';
import { shown, type Context } from '../context.ts';
import {
  ADOPTED, COUPLE_OF_ADOPTERS, LEGAL_STATUS_OF_ADOPTERS, NUMBER_OF_ADOPTERS, SAME_SEX_COUPLE, SEX_OF_ADOPTERS, SINGLE_ADOPTER,
  ZERO_ONE,
} from './codes.ts';
import { anyFilled, checkOnePerChild, firstBlank, report, rowsByChild } from './common.ts';
import type { TableCode } from './registry.ts';

/** The adoption items: all coded or all blank (151). */
export const AD1_ITEMS = ['DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'] as const;

/**
 * 335: FOSTER_CARE of each adoption placement: A3 and A5 are with the current foster carer(s), A4 and A6 not. The
 * DfE tool also lists A1, A2 and REC E1, codes withdrawn before 2024-25.
 */
const FOSTER_CARE_OF_PLACE: ReadonlyMap<string, string> = new Map([['A3', '1'], ['A5', '1'], ['A4', '0'], ['A6', '0']]);

/** The SEX_ADOPTR codes each legal status of adopters allows, and the rule that says so. */
const SEXES_FOR_STATUS: ReadonlyMap<string, readonly [TableCode, ReadonlySet<string>]> = new Map([
  ['L0', ['514', SINGLE_ADOPTER]],
  ['L11', ['520', new Set(['MF'])]],
  ['L12', ['524', SAME_SEX_COUPLE]],
  ['L2', ['519', COUPLE_OF_ADOPTERS]],
  ['L3', ['517', new Set(['MF'])]],
  ['L4', ['518', SAME_SEX_COUPLE]],
]);

export function checkAd1(ctx: Context): void {
  const view = ctx.views.get('AD1');
  if (!view) return;
  const [cChild, cDob, cInt, cMatch, cFoster, cNb, cSex, cLs] =
    ['CHILD', 'DOB', ...AD1_ITEMS].map((n) => view.col(n)) as [number, number, number, number, number, number, number, number];
  const items = [cInt, cMatch, cFoster, cNb, cSex, cLs];
  const adoptionEpisodes = ctx.views.get('Episodes');

  for (let i = 0; i < view.length; i++) {
    const child = view.cell(i, cChild);
    const dobRaw = view.cell(i, cDob);
    checkDate(ctx, view, i, 'DOB', child, dobRaw, parseUkDate(dobRaw), 'INVALID_DATE');
    const intRaw = view.cell(i, cInt);
    const matchRaw = view.cell(i, cMatch);
    const dateInt = parseUkDate(intRaw);
    const dateMatch = parseUkDate(matchRaw);
    if (intRaw !== null && dateInt === null) report(ctx, '112', view, i, 'DATE_INT', child, `DATE_INT ${shown(intRaw)}`);
    if (matchRaw !== null && dateMatch === null) report(ctx, '113', view, i, 'DATE_MATCH', child, `DATE_MATCH ${shown(matchRaw)}`);
    const foster = view.cell(i, cFoster);
    const number = view.cell(i, cNb);
    const sex = view.cell(i, cSex);
    const status = view.cell(i, cLs);
    if (foster !== null && !ZERO_ONE.has(foster)) report(ctx, '114', view, i, 'FOSTER_CARE', child, `FOSTER_CARE ${shown(foster)}`);
    if (number !== null && !NUMBER_OF_ADOPTERS.has(number)) report(ctx, '175', view, i, 'NB_ADOPTR', child, `NB_ADOPTR ${shown(number)}`);
    if (sex !== null && !SEX_OF_ADOPTERS.has(sex)) report(ctx, '176', view, i, 'SEX_ADOPTR', child, `SEX_ADOPTR ${shown(sex)}`);
    if (status !== null && !LEGAL_STATUS_OF_ADOPTERS.has(status)) report(ctx, '177', view, i, 'LS_ADOPTR', child, `LS_ADOPTR ${shown(status)}`);
    const blank = firstBlank(view, i, AD1_ITEMS, items);
    if (blank !== null && anyFilled(view, i, items)) report(ctx, '151', view, i, blank, child, `${blank} is blank`);
    if (dateMatch !== null && (dateInt === null || dateInt > dateMatch)) {
      report(ctx, '333', view, i, 'DATE_INT', child, `DATE_INT ${shown(intRaw)} and DATE_MATCH ${ukDate(dateMatch)}`);
    }
    if (number === '2' && sex !== null && SINGLE_ADOPTER.has(sex)) report(ctx, '511', view, i, 'SEX_ADOPTR', child, `NB_ADOPTR 2 but SEX_ADOPTR ${sex}`);
    const allowed = status === null ? undefined : SEXES_FOR_STATUS.get(status);
    if (allowed && (sex === null || !allowed[1].has(sex))) {
      report(ctx, allowed[0], view, i, 'SEX_ADOPTR', child, `LS_ADOPTR ${status} but SEX_ADOPTR ${shown(sex)}`);
    }
    if (!adoptionEpisodes || child === null) continue;
    const eps = ctx.episodesByChild.get(child) ?? [];
    // 334: the decision to place for adoption before the latest period of care began (its last RNE S episode).
    const latestStart = eps.findLast((e) => e.rne === 'S');
    if (dateInt !== null && latestStart && dateInt < latestStart.decom!) {
      report(ctx, '334', view, i, 'DATE_INT', child, `DATE_INT ${ukDate(dateInt)} is before the latest period of care began (${ukDate(latestStart.decom!)})`);
      report(ctx, '334', adoptionEpisodes, latestStart.i, 'DECOM', child, `the latest period of care began ${ukDate(latestStart.decom!)}, after DATE_INT ${ukDate(dateInt)} in AD1`);
    }
    let adoptedInYear = false;
    for (const e of eps) {
      // 521: placed for adoption (A3–A6) before the decision that adoption is in the child's best interests.
      if (dateInt !== null && e.place !== null && ADOPTION_PLACES.has(e.place) && e.decom! < dateInt) {
        report(ctx, '521', adoptionEpisodes, e.i, 'DECOM', child, `placed for adoption (${e.place}) on ${ukDate(e.decom!)}, before DATE_INT ${ukDate(dateInt)} in AD1`);
        report(ctx, '521', view, i, 'DATE_INT', child, `DATE_INT ${ukDate(dateInt)} is after the adoption placement began (${ukDate(e.decom!)})`);
      }
      if (e.rec === null || !ADOPTED.has(e.rec)) continue;
      if (e.dec === null || e.dec < ctx.year.start || e.dec > ctx.year.end) continue;
      adoptedInYear = true;
      // 601: adopted this year, but an adoption item is blank.
      if (blank !== null) {
        report(ctx, '601', view, i, blank, child, `adopted (REC ${e.rec}) on ${ukDate(e.dec)} but ${blank} is blank`);
        report(ctx, '601', adoptionEpisodes, e.i, 'REC', child, `adopted (REC ${e.rec}) on ${ukDate(e.dec)} but ${blank} is blank in AD1`);
      }
      // 331: matched after the child was placed for the adoption that ended care (REC E11/E12).
      if (dateMatch !== null && dateMatch > e.decom!) {
        report(ctx, '331', view, i, 'DATE_MATCH', child, `DATE_MATCH ${ukDate(dateMatch)} is after the adoption placement began (${ukDate(e.decom!)})`);
        report(ctx, '331', adoptionEpisodes, e.i, 'DECOM', child, `the adoption placement began ${ukDate(e.decom!)}, before DATE_MATCH ${ukDate(dateMatch)} in AD1`);
      }
      if (dateMatch !== null && e.dec === dateMatch) {
        report(ctx, '582', adoptionEpisodes, e.i, 'DEC', child, `adopted (REC ${e.rec}) on ${ukDate(dateMatch)}, the DATE_MATCH in AD1`);
      }
      const expected = e.place === null ? undefined : FOSTER_CARE_OF_PLACE.get(e.place);
      if (expected !== undefined && foster !== null && ZERO_ONE.has(foster) && foster !== expected) {
        report(ctx, '335', adoptionEpisodes, e.i, 'PLACE', child, `PLACE ${e.place} but FOSTER_CARE ${foster} in AD1`);
        report(ctx, '335', view, i, 'FOSTER_CARE', child, `FOSTER_CARE ${foster} but the adoption placement is ${e.place}`);
      }
    }
    // 602: adoption data, but no episode ended in adoption (REC E11/E12) during the year.
    if (!adoptedInYear && anyFilled(view, i, items)) report(ctx, '602', view, i, 'CHILD', child, 'no episode ended in adoption (REC E11 or E12) this year');
  }
  checkOnePerChild(ctx, 'INT31', view, rowsByChild(view));
}
