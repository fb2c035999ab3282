/**
 * Missing table: each incident's dates and type (564–574, 1004–1006), then incidents against the child's
 * episodes and date of birth (575–586).
 */
import { addYears, ukDate } from '../dates.ts';
import { checkCode, checkDate } from './checks.ts';
import { childLabel, type Context, type EpisodeRow, type MissingRow, type TableView } from './context.ts';

export function checkMissing(ctx: Context): void {
  const view = ctx.views.get('Missing');
  if (!view) return;
  const { year } = ctx;
  for (const m of ctx.missing) {
    const { i, child } = m;
    checkDate(ctx, view, i, 'MIS_START', child, m.startRaw, m.start, m.startRaw === null ? '564' : '1004');
    checkDate(ctx, view, i, 'MIS_END', child, m.endRaw, m.end, '1005', true);
    checkCode(ctx, view, i, 'MISSING', child, m.missing, ctx.codes.missing, '1006', true);
    checkDate(ctx, view, i, 'DOB', child, m.dobRaw, m.dob, 'INVALID_DATE');
    if (m.missing === null && m.startRaw !== null) {
      ctx.out.add('565', view, i, 'MISSING', `${childLabel(child)}: MIS_START is ${m.startRaw} but MISSING (M missing, A away without authorisation) is blank.`);
    }
    if (m.missing === null && m.endRaw !== null) {
      ctx.out.add('566', view, i, 'MISSING', `${childLabel(child)}: MIS_END is ${m.endRaw} but MISSING (M missing, A away without authorisation) is blank.`);
    }
    if (m.start !== null && m.end !== null && m.end < m.start) {
      ctx.out.add('567', view, i, 'MIS_END', `${childLabel(child)}: the incident ends (MIS_END ${ukDate(m.end)}) before it starts (MIS_START ${ukDate(m.start)}).`);
    }
    if (m.start !== null && m.start > year.end) {
      ctx.out.add('570', view, i, 'MIS_START', `${childLabel(child)}: MIS_START ${ukDate(m.start)} is after the end of the collection year (${ukDate(year.end)}).`);
    }
    if (m.end !== null && (m.end < year.start || m.end > year.end)) {
      ctx.out.add('571', view, i, 'MIS_END',
        `${childLabel(child)}: MIS_END ${ukDate(m.end)} is outside the collection year (${ukDate(year.start)} to ${ukDate(year.end)}).`);
    }
  }
  for (const [child, list] of ctx.missingByChild) {
    // 574: a new incident cannot start while the previous one is still open or before it ended.
    for (let k = 1; k < list.length; k++) {
      const prev = list[k - 1]!;
      const cur = list[k]!;
      if (prev.end === null || cur.start! < prev.end) {
        ctx.out.add('574', view, cur.i, 'MIS_START',
          `${childLabel(child)}: an incident starts ${ukDate(cur.start!)} while the previous one (from ${ukDate(prev.start!)}) ${prev.end === null ? 'has no MIS_END' : `ended only on ${ukDate(prev.end)}`}.`);
      }
    }
    for (const m of list) checkAgainstCare(ctx, view, child, m);
  }
  checkMissingAtCareEnd(ctx);
}

/** The last episode of each period of care, if the period ended (REC other than X1). */
function careEnds(eps: EpisodeRow[]): EpisodeRow[] {
  return eps.filter((e) => e.dec !== null && e.rec !== null && e.rec !== 'X1');
}

function checkAgainstCare(ctx: Context, view: TableView, child: string, m: MissingRow): void {
  const start = m.start!;
  const dob = ctx.headerByChild.get(child)?.dob ?? m.dob;
  if (dob && start < dob) {
    ctx.out.add('586', view, m.i, 'MIS_START', `${childLabel(child)}: MIS_START ${ukDate(start)} is before the date of birth ${ukDate(dob)}.`);
  }
  const eps = ctx.episodesByChild.get(child);
  if (!eps || eps.length === 0) return;
  if (start < eps[0]!.decom!) {
    ctx.out.add('581', view, m.i, 'MIS_START',
      `${childLabel(child)}: MIS_START ${ukDate(start)} is before the child started to be looked after (${ukDate(eps[0]!.decom!)}).`);
    return;
  }
  const inCare = eps.some((e) => e.decom! <= start && (e.dec === null || start <= e.dec));
  if (!inCare) {
    ctx.out.add('578', view, m.i, 'MIS_START', `${childLabel(child)}: MIS_START ${ukDate(start)} is after the child ceased to be looked after.`);
    return;
  }
  if (m.endRaw !== null) return;
  // 577: care ended after the incident started yet the incident has no end; 575: its placement ended.
  const ended = careEnds(eps).find((e) => e.dec! >= start);
  if (ended) {
    ctx.out.add('577', view, m.i, 'MIS_END',
      `${childLabel(child)}: the child ceased to be looked after on ${ukDate(ended.dec!)} but the incident from ${ukDate(start)} has no MIS_END.`);
    return;
  }
  const placement = eps.find((e) => e.decom! <= start && e.dec !== null && start <= e.dec && e.dec <= ctx.year.end);
  if (placement) {
    ctx.out.add('575', view, m.i, 'MIS_END',
      `${childLabel(child)}: the placement the child went missing from ended on ${ukDate(placement.dec!)} but the incident from ${ukDate(start)} has no MIS_END.`);
  }
}

/**
 * 580: a child still missing on their 18th birthday, when care ends, leaves care for "any other reason" (E8). As the
 * DfE codes it: MIS_END, DEC and the 18th birthday are the same day and REC is not E8.
 */
function checkMissingAtCareEnd(ctx: Context): void {
  const ev = ctx.views.get('Episodes');
  if (!ev) return;
  for (const [child, list] of ctx.missingByChild) {
    const eps = ctx.episodesByChild.get(child);
    const dob = ctx.headerByChild.get(child)?.dob ?? list[0]!.dob;
    if (!eps || !dob) continue;
    const eighteen = addYears(dob, 18);
    if (!list.some((m) => m.end === eighteen)) continue;
    for (const e of eps) {
      if (e.dec !== eighteen || e.rec === null || e.rec === 'E8') continue;
      ctx.out.add('580', ev, e.i, 'REC',
        `${childLabel(child)} was missing until their 18th birthday (${ukDate(eighteen)}), the day care ended; REC should be E8, not ${e.rec}.`);
    }
  }
}
