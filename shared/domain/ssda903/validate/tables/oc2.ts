/**
 * OC2 (children looked after continuously for 12 months at 31 March): its codes (180, 181, 196), which items go
 * together (182, 192, 193, 158, 159, 197a, 544, 547), the SDQ by age (188, 189), and against the child's episodes
 * (157, 185, 186, 190, 198, 191, 197B, 543, 545, 546), conviction under 10 (542); one row per child (INT33).
 */
import { parseUkDate, ukDate } from '../../dates.ts';
import { checkDate } from '../checks.ts';
import { shown, type Context } from '../context.ts';
import { SDQ_REASONS, ZERO_ONE } from './codes.ts';
import { anyFilled, birthday, checkOnePerChild, dobOf, firstBlank, lookedAfterAllYear, report, rowsByChild } from './common.ts';

/** The items of a child looked after for 12 months, and the four of them every such child must have. */
export const OC2_ITEMS = [
  'CONVICTED', 'HEALTH_CHECK', 'IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE',
  'INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED',
] as const;
const CORE_ITEMS = ['IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE'] as const;
/** The items other than the core four: any of them filled asks for the core four (182). */
const OTHER_ITEMS = ['CONVICTED', 'HEALTH_CHECK', 'INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED'] as const;

const SDQ_MAX = 40;

export function checkOc2(ctx: Context): void {
  const view = ctx.views.get('OC2');
  if (!view) return;
  const col = (n: string) => view.col(n);
  const [cChild, cDob, cScore, cReason, cConvicted, cHealth, cMisuse, cReceived, cOffered] =
    ['CHILD', 'DOB', 'SDQ_SCORE', 'SDQ_REASON', 'CONVICTED', 'HEALTH_CHECK', 'SUBSTANCE_MISUSE', 'INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED'].map(col) as [number, number, number, number, number, number, number, number, number];
  const items = OC2_ITEMS.map(col);
  const core = CORE_ITEMS.map(col);
  const others = OTHER_ITEMS.map(col);
  const withEpisodes = ctx.views.has('Episodes');
  const allYear = lookedAfterAllYear(ctx);
  const { start, end } = ctx.year;

  for (let i = 0; i < view.length; i++) {
    const child = view.cell(i, cChild);
    const dobRaw = view.cell(i, cDob);
    checkDate(ctx, view, i, 'DOB', child, dobRaw, parseUkDate(dobRaw), 'INVALID_DATE');
    const score = view.cell(i, cScore);
    const reason = view.cell(i, cReason);
    if (score !== null && !(/^\d{1,2}$/.test(score) && Number(score) <= SDQ_MAX)) {
      report(ctx, '180', view, i, 'SDQ_SCORE', child, `SDQ_SCORE ${shown(score)} is not a whole number from 0 to ${SDQ_MAX}`);
    }
    if (reason !== null && !SDQ_REASONS.has(reason)) report(ctx, '196', view, i, 'SDQ_REASON', child, `SDQ_REASON ${shown(reason)}`);
    if (score !== null && reason !== null) report(ctx, '197a', view, i, 'SDQ_REASON', child, `SDQ_SCORE ${shown(score)} and SDQ_REASON ${shown(reason)}`);
    for (let k = 0; k < items.length; k++) {
      const v = view.cell(i, items[k]!);
      if (v !== null && !ZERO_ONE.has(v)) {
        report(ctx, '181', view, i, OC2_ITEMS[k]!, child, `${OC2_ITEMS[k]} ${shown(v)} is not 0 or 1`);
        break;
      }
    }
    const coreBlank = firstBlank(view, i, CORE_ITEMS, core);
    if (coreBlank !== null) {
      if (anyFilled(view, i, others)) report(ctx, '182', view, i, coreBlank, child, `${coreBlank} is blank`);
      if (view.cell(i, cConvicted) === '1') report(ctx, '544', view, i, coreBlank, child, `CONVICTED is 1 but ${coreBlank} is blank`);
      if (view.cell(i, cHealth) === '1') report(ctx, '547', view, i, coreBlank, child, `HEALTH_CHECK is 1 but ${coreBlank} is blank`);
    }
    const misuse = view.cell(i, cMisuse);
    const received = view.cell(i, cReceived);
    const offered = view.cell(i, cOffered);
    if (misuse === '1' && received === null) report(ctx, '192', view, i, 'INTERVENTION_RECEIVED', child, 'SUBSTANCE_MISUSE is 1');
    if ((misuse === null || misuse === '0') && (received !== null || offered !== null)) {
      const filled = received !== null ? 'INTERVENTION_RECEIVED' : 'INTERVENTION_OFFERED';
      report(ctx, '193', view, i, filled, child, `SUBSTANCE_MISUSE is ${shown(misuse)} but ${filled} is ${shown(received ?? offered)}`);
    }
    if (received === '1' && offered !== null) report(ctx, '158', view, i, 'INTERVENTION_OFFERED', child, `INTERVENTION_RECEIVED is 1 and INTERVENTION_OFFERED is ${shown(offered)}`);
    if (misuse === '1' && received === '0' && offered === null) report(ctx, '159', view, i, 'INTERVENTION_OFFERED', child, 'INTERVENTION_RECEIVED is 0');

    const dob = dobOf(ctx, child, dobRaw);
    const sdqColumn = score !== null ? 'SDQ_SCORE' : 'SDQ_REASON';
    const fourth = birthday(dob, 4);
    const seventeenth = birthday(dob, 17);
    if ((score !== null || reason !== null) && fourth !== null && fourth > end) {
      report(ctx, '188', view, i, sdqColumn, child, `4th birthday ${ukDate(fourth)} is after ${ukDate(end)}`);
    }
    if ((score !== null || reason !== null) && seventeenth !== null && seventeenth < start) {
      report(ctx, '189', view, i, sdqColumn, child, `17th birthday ${ukDate(seventeenth)} is before ${ukDate(start)}`);
    }
    const tenth = birthday(dob, 10);
    const convicted = view.cell(i, cConvicted);
    if (convicted !== null && tenth !== null && tenth > end) {
      report(ctx, '542', view, i, 'CONVICTED', child, `CONVICTED ${shown(convicted)} but under 10 on ${ukDate(end)} (10th birthday ${ukDate(tenth)})`);
    }
    if (!withEpisodes) continue;
    const lookedAfter = child !== null && allYear.has(child);
    if (!lookedAfter) {
      const filled = items.findIndex((c) => view.cell(i, c) !== null);
      if (filled >= 0) report(ctx, '190', view, i, OC2_ITEMS[filled]!, child, `${OC2_ITEMS[filled]} is filled`);
      if (score !== null) report(ctx, '185', view, i, 'SDQ_SCORE', child, `SDQ_SCORE ${shown(score)} is filled`);
      if (reason !== null) report(ctx, '198', view, i, 'SDQ_REASON', child, `SDQ_REASON ${shown(reason)} is filled`);
      continue;
    }
    if (coreBlank !== null) report(ctx, '191', view, i, coreBlank, child, `${coreBlank} is blank`);
    const inYear = (d: string | null) => d !== null && d >= start && d <= end;
    if (score === null && reason === null && (inYear(fourth) || inYear(seventeenth))) {
      report(ctx, '197B', view, i, 'SDQ_SCORE', child, `turned ${inYear(fourth) ? 4 : 17} in the year and both SDQ items are blank`);
    }
    if (score === null && reason === null && fourth !== null && fourth <= start && seventeenth !== null && seventeenth > end) {
      report(ctx, '186', view, i, 'SDQ_SCORE', child, 'aged 4 to 16 all year and both SDQ items are blank');
    }
    if (convicted === null && tenth !== null && tenth < end) {
      report(ctx, '543', view, i, 'CONVICTED', child, `10 or over on ${ukDate(end)} and CONVICTED is blank`);
    }
    const sixteenth = birthday(dob, 16);
    if (score === null && reason === 'SDQ1' && fourth !== null && fourth <= start && sixteenth !== null && sixteenth >= end) {
      report(ctx, '157', view, i, 'SDQ_REASON', child, 'SDQ_REASON SDQ1 for a child aged 4 to 16');
    }
    const fifth = birthday(dob, 5);
    const healthCheck = view.cell(i, cHealth);
    if (fifth !== null && fifth > end && healthCheck === null) {
      report(ctx, '545', view, i, 'HEALTH_CHECK', child, `under 5 on ${ukDate(end)} and HEALTH_CHECK is blank`);
    }
    if (fifth !== null && fifth <= end && healthCheck !== null) {
      report(ctx, '546', view, i, 'HEALTH_CHECK', child, `HEALTH_CHECK ${shown(healthCheck)} but 5 or over on ${ukDate(end)}`);
    }
  }

  const byChild = rowsByChild(view);
  checkOnePerChild(ctx, 'INT33', view, byChild);
  // 191, the other half: a child looked after all year with no OC2 row at all, reported on the first episode.
  const ev = ctx.views.get('Episodes');
  if (!ev) return;
  for (const child of allYear) {
    if (byChild.has(child)) continue;
    const first = ctx.episodesByChild.get(child)![0]!;
    report(ctx, '191', ev, first.i, 'CHILD', child, 'looked after all year but has no OC2 row');
  }
}
