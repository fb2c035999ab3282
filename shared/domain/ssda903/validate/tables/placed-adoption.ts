/**
 * PlacedAdoption (decisions that a child should be placed for adoption): dates and codes (115, 116, 120), a reversal
 * recorded whole (119, 563), dates in order (522, 184), decisions one after another (579, 583), against AD1 (523,
 * 525) and against the child's episodes (117, 118, 1003, 551, 552, 553, 554, 557, 558).
 */
import { parseUkDate, ukDate } from '../../dates.ts';
import type { IsoDate } from '../../records.ts';
import { checkDate } from '../checks.ts';
import { ADOPTION_PLACES } from '../codes.ts';
import { shown, type Context, type EpisodeRow, type TableView } from '../context.ts';
import { AD1_ITEMS } from './ad1.ts';
import { ADOPTED, REASON_PLACED_CEASED } from './codes.ts';
import { anyFilled, dobOf, report, rowsByChild } from './common.ts';

/** LS of a placement order. */
const PLACEMENT_ORDER = 'E1';

interface Decision {
  i: number;
  placed: IsoDate;
  /** Null when the decision is still in force (or its DATE_PLACED_CEASED is not a date). */
  ceased: IsoDate | null;
}

export function checkPlacedAdoption(ctx: Context): void {
  const view = ctx.views.get('PlacedAdoption');
  if (!view) return;
  const [cChild, cDob, cPlaced, cCeased, cReason] =
    ['CHILD', 'DOB', 'DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'].map((n) => view.col(n)) as [number, number, number, number, number];
  /** Each child's decisions with a real DATE_PLACED, and the count of its rows. */
  const decisions = new Map<string, { rows: number; dated: Decision[] }>();

  for (let i = 0; i < view.length; i++) {
    const child = view.cell(i, cChild);
    const dobRaw = view.cell(i, cDob);
    checkDate(ctx, view, i, 'DOB', child, dobRaw, parseUkDate(dobRaw), 'INVALID_DATE');
    const placedRaw = view.cell(i, cPlaced);
    const ceasedRaw = view.cell(i, cCeased);
    const reason = view.cell(i, cReason);
    const placed = parseUkDate(placedRaw);
    const ceased = parseUkDate(ceasedRaw);
    if (placedRaw !== null && placed === null) report(ctx, '115', view, i, 'DATE_PLACED', child, `DATE_PLACED ${shown(placedRaw)}`);
    if (ceasedRaw !== null && ceased === null) report(ctx, '116', view, i, 'DATE_PLACED_CEASED', child, `DATE_PLACED_CEASED ${shown(ceasedRaw)}`);
    if ((ceasedRaw === null) !== (reason === null)) {
      const column = ceasedRaw === null ? 'DATE_PLACED_CEASED' : 'REASON_PLACED_CEASED';
      report(ctx, '119', view, i, column, child, `${column} is blank but ${ceasedRaw === null ? `REASON_PLACED_CEASED is ${shown(reason)}` : `DATE_PLACED_CEASED is ${shown(ceasedRaw)}`}`);
    }
    if (reason !== null && !REASON_PLACED_CEASED.has(reason)) report(ctx, '120', view, i, 'REASON_PLACED_CEASED', child, `REASON_PLACED_CEASED ${shown(reason)}`);
    if (placed !== null && ceased !== null && ceased < placed) {
      report(ctx, '522', view, i, 'DATE_PLACED_CEASED', child, `DATE_PLACED_CEASED ${ukDate(ceased)} is before DATE_PLACED ${ukDate(placed)}`);
    }
    if (reason !== null && ceasedRaw !== null && placedRaw === null) report(ctx, '563', view, i, 'DATE_PLACED', child, 'DATE_PLACED is blank');
    const dob = placed === null ? null : dobOf(ctx, child, dobRaw);
    if (dob !== null && placed! < dob) report(ctx, '184', view, i, 'DATE_PLACED', child, `DATE_PLACED ${ukDate(placed!)} is before the DOB ${ukDate(dob)}`);
    if (child === null) continue;
    const entry = decisions.get(child) ?? { rows: 0, dated: [] };
    entry.rows++;
    if (placed !== null) entry.dated.push({ i, placed, ceased });
    decisions.set(child, entry);
  }
  for (const [child, { rows, dated }] of decisions) {
    if (rows > 1) checkSequence(ctx, view, child, dated);
  }
  checkAgainstAd1(ctx, view);
  checkAgainstEpisodes(ctx, view, decisions);
}

/**
 * 117: a decision after the year or after care ended; 118: reversed before the year or before care began; 554:
 * decided after the placement order; 553: a placement order with no decision, or one reversed while it is open. 1003: a decision dated before the child's first episode starting a period of care (RNE S) in the upload; both
 * rows. 552: the latest decision after the first adoption placement. 551: an adoption placement (A3–A6) of a child
 * with no dated decision in PlacedAdoption.
 */
function checkAgainstEpisodes(ctx: Context, view: TableView, decisions: Map<string, { dated: Decision[] }>): void {
  const episodes = ctx.views.get('Episodes');
  if (!episodes) return;
  const yearStart = ctx.year.start;
  for (const [child, { dated }] of decisions) {
    const eps = ctx.episodesByChild.get(child);
    if (!eps) continue;
    const first = eps.find((e) => e.rne === 'S');
    const firstCare = eps.find((e) => e.ls !== 'V3' && e.ls !== 'V4');
    const firstAdoption = eps.find((e) => e.place !== null && ADOPTION_PLACES.has(e.place));
    const firstOrder = eps.find((e) => e.ls === PLACEMENT_ORDER);
    const lastEnd = eps.findLast((e) => e.rec !== 'X1');
    let latest: Decision | null = null;
    for (const d of dated) {
      if (latest === null || d.placed > latest.placed) latest = d;
      // 554: decided after the placement order (LS E1) was granted.
      if (firstOrder && d.placed > firstOrder.decom!) {
        report(ctx, '554', view, d.i, 'DATE_PLACED', child, `DATE_PLACED ${ukDate(d.placed)} is after the placement order of ${ukDate(firstOrder.decom!)}`);
        report(ctx, '554', episodes, firstOrder.i, 'DECOM', child, `placement order (LS E1) from ${ukDate(firstOrder.decom!)}, before DATE_PLACED ${ukDate(d.placed)} in PlacedAdoption`);
      }
      // 117: a decision after the year or after care ended (the latest episode that does not continue).
      const ended = lastEnd?.dec ?? null;
      const limit = ended !== null && ended < ctx.year.end ? ended : ctx.year.end;
      const lateColumn = d.placed > limit ? 'DATE_PLACED' : d.ceased !== null && d.ceased > limit ? 'DATE_PLACED_CEASED' : null;
      if (lateColumn !== null) {
        const late = lateColumn === 'DATE_PLACED' ? d.placed : d.ceased!;
        report(ctx, '117', view, d.i, lateColumn, child, `${lateColumn} ${ukDate(late)} is after ${limit === ctx.year.end ? 'the year' : `care ended on ${ukDate(limit)}`}`);
      }
      if (first && d.placed < first.decom!) {
        report(ctx, '1003', view, d.i, 'DATE_PLACED', child, `DATE_PLACED ${ukDate(d.placed)} is before care began on ${ukDate(first.decom!)}`);
        report(ctx, '1003', episodes, first.i, 'DECOM', child, `care began ${ukDate(first.decom!)}, after DATE_PLACED ${ukDate(d.placed)} in PlacedAdoption`);
      }
      // 118: a reversal before the year, or before the first episode that is not a short break.
      if (firstCare && d.ceased !== null && (d.ceased < yearStart || d.ceased < firstCare.decom!)) {
        report(ctx, '118', view, d.i, 'DATE_PLACED_CEASED', child, d.ceased < yearStart
          ? `DATE_PLACED_CEASED ${ukDate(d.ceased)} is before the year began (${ukDate(yearStart)})`
          : `DATE_PLACED_CEASED ${ukDate(d.ceased)} is before care began on ${ukDate(firstCare.decom!)}`);
      }
    }
    // 552: the latest decision after the child was first placed for adoption (A3–A6); both rows.
    if (latest && firstAdoption && firstAdoption.decom! < latest.placed) {
      report(ctx, '552', view, latest.i, 'DATE_PLACED', child, `DATE_PLACED ${ukDate(latest.placed)} is after the adoption placement began (${ukDate(firstAdoption.decom!)})`);
      report(ctx, '552', episodes, firstAdoption.i, 'DECOM', child, `placed for adoption on ${ukDate(firstAdoption.decom!)}, before DATE_PLACED ${ukDate(latest.placed)} in PlacedAdoption`);
    }
  }
  const [cCeased, cReason] = ['DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'].map((n) => view.col(n)) as [number, number];
  const rowsOf = rowsByChild(view);
  for (const e of ctx.episodes) {
    // 553: a placement order (LS E1) with no PlacedAdoption row; while it is open, no decision may be reversed.
    if (e.child !== null && e.ls === PLACEMENT_ORDER) {
      const rows = rowsOf.get(e.child);
      if (!rows) report(ctx, '553', episodes, e.i, 'LS', e.child, 'placement order (LS E1) but no PlacedAdoption row');
      else if (e.dec === null) {
        for (const i of rows) {
          if (view.cell(i, cCeased) === null && view.cell(i, cReason) === null) continue;
          report(ctx, '553', view, i, 'DATE_PLACED_CEASED', e.child, 'the decision is reversed while the placement order (LS E1) is open');
        }
      }
    }
    if (e.child !== null && e.rec !== null && e.rec !== 'X1') checkCareEnd(ctx, view, episodes, e, rowsOf.get(e.child), cCeased, cReason);
    if (e.child === null || e.place === null || !ADOPTION_PLACES.has(e.place)) continue;
    if ((decisions.get(e.child)?.dated.length ?? 0) > 0) continue;
    report(ctx, '551', episodes, e.i, 'PLACE', e.child, `PLACE ${e.place} but no DATE_PLACED in PlacedAdoption`);
  }
}

/**
 * How care ended against the decisions. 557: care under a placement order (LS E1) or in a placement for adoption
 * (A3–A6) ended other than by adoption, and the decision has no complete reversal (or no row). 558: care ended by
 * adoption (REC E11/E12) but every decision of the child was reversed. The DfE tool raises 558 only for a child
 * with two or more reversed decisions; one reversed decision contradicts an adoption as much.
 */
function checkCareEnd(
  ctx: Context, view: TableView, episodes: TableView, e: EpisodeRow, rows: number[] | undefined, cCeased: number, cReason: number,
): void {
  const child = e.child!;
  if (ADOPTED.has(e.rec!)) {
    if (rows && rows.every((i) => view.cell(i, cCeased) !== null)) {
      report(ctx, '558', episodes, e.i, 'REC', child, `adopted (REC ${e.rec}) but every decision in PlacedAdoption has a DATE_PLACED_CEASED`);
    }
    return;
  }
  if (e.ls !== PLACEMENT_ORDER && (e.place === null || !ADOPTION_PLACES.has(e.place))) return;
  const incomplete = rows?.find((i) => view.cell(i, cCeased) === null || view.cell(i, cReason) === null);
  if (rows && incomplete === undefined) return;
  report(ctx, '557', episodes, e.i, 'REC', child, `care ended (REC ${e.rec}) without adoption, and ${rows ? 'the decision is not reversed in PlacedAdoption' : 'there is no PlacedAdoption row'}`);
  if (incomplete !== undefined) report(ctx, '557', view, incomplete, 'DATE_PLACED_CEASED', child, `care ended (REC ${e.rec}) without adoption, but the decision is not reversed`);
}

/**
 * 579: a decision starts while an earlier one is open or before it ceased, against every earlier decision (the DfE
 * tool compares only neighbours); 583: only the latest decision may be open.
 */
function checkSequence(ctx: Context, view: TableView, child: string, dated: Decision[]): void {
  dated.sort((a, b) => (a.placed < b.placed ? -1 : a.placed > b.placed ? 1 : a.i - b.i));
  let openSince: IsoDate | null = null;
  let lastCeased = '';
  for (let k = 0; k < dated.length; k++) {
    const d = dated[k]!;
    if (k > 0 && (openSince !== null || d.placed < lastCeased)) {
      report(ctx, '579', view, d.i, 'DATE_PLACED', child, openSince !== null
        ? `DATE_PLACED ${ukDate(d.placed)} while the decision of ${ukDate(openSince)} has not ceased`
        : `DATE_PLACED ${ukDate(d.placed)} is before an earlier decision ceased (${ukDate(lastCeased)})`);
    }
    if (d.ceased === null) openSince ??= d.placed;
    else if (d.ceased > lastCeased) lastCeased = d.ceased;
    if (k < dated.length - 1 && d.ceased === null) {
      report(ctx, '583', view, d.i, 'DATE_PLACED_CEASED', child, `the decision of ${ukDate(d.placed)} is not the latest and has no DATE_PLACED_CEASED`);
    }
  }
}

/** 523: DATE_PLACED differs from AD1's DATE_INT; 525: a reversed decision for a child with adoption data. Both rows. */
function checkAgainstAd1(ctx: Context, view: TableView): void {
  const ad1 = ctx.views.get('AD1');
  if (!ad1) return;
  const [cChild, cInt] = ['CHILD', 'DATE_INT'].map((n) => ad1.col(n)) as [number, number];
  const items = AD1_ITEMS.map((n) => ad1.col(n));
  const adoptions = new Map<string, number[]>();
  for (let j = 0; j < ad1.length; j++) {
    const child = ad1.cell(j, cChild);
    if (child === null) continue;
    const list = adoptions.get(child);
    if (list) list.push(j);
    else adoptions.set(child, [j]);
  }
  const [pChild, pPlaced, pCeased] = ['CHILD', 'DATE_PLACED', 'DATE_PLACED_CEASED'].map((n) => view.col(n)) as [number, number, number];
  for (let i = 0; i < view.length; i++) {
    const child = view.cell(i, pChild);
    const rows = child === null ? undefined : adoptions.get(child);
    if (!rows) continue;
    const placed = parseUkDate(view.cell(i, pPlaced));
    const ceasedRaw = view.cell(i, pCeased);
    for (const j of rows) {
      const dateInt = parseUkDate(ad1.cell(j, cInt));
      if (placed !== null && dateInt !== null && placed !== dateInt) {
        report(ctx, '523', view, i, 'DATE_PLACED', child, `DATE_PLACED ${ukDate(placed)} but DATE_INT ${ukDate(dateInt)} in AD1`);
        report(ctx, '523', ad1, j, 'DATE_INT', child, `DATE_INT ${ukDate(dateInt)} but DATE_PLACED ${ukDate(placed)} in PlacedAdoption`);
      }
      if (ceasedRaw !== null && anyFilled(ad1, j, items)) {
        report(ctx, '525', view, i, 'DATE_PLACED_CEASED', child, `DATE_PLACED_CEASED ${shown(ceasedRaw)} yet the child has adoption data in AD1`);
        report(ctx, '525', ad1, j, 'CHILD', child, `the decision to place for adoption ceased (${shown(ceasedRaw)}) in PlacedAdoption`);
      }
    }
  }
}
