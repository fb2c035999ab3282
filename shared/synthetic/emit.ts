/**
 * One collection year's return from the simulated timelines: every child looked after at any time in the
 * year, with the earlier episodes and reviews of the period(s) of care running in that year (DESIGN §3),
 * truncated at 31 March (an episode still running then is open: DEC, REC and REASON_PLACE_CHANGE blank).
 */
import { TABLE_COLUMNS } from '../domain/ssda903/columns.ts';
import type { TableName } from '../domain/ssda903/records.ts';
import { ageOn, birthday, collectionYear } from './calendar.ts';
import { STREAM, type Context } from './career.ts';
import { CsvWriter } from './csv-writer.ts';
import type { Day } from './calendar.ts';
import type { Child, Period, SocialWorkerEpisode } from './model.ts';
import { Rng } from './prng.ts';

/** The generator writes exactly the columns the validator recognises (one list, in the domain). */
const COLUMNS = TABLE_COLUMNS;

/** Social worker episodes are collected from 2023-24. */
export const SW_EPISODES_FROM = 2024;

export function emitYear(ctx: Context, children: readonly Child[], yearEnding: number): Map<TableName, string> {
  const { start: A, end: Z } = collectionYear(yearEnding);
  const w = {} as Record<TableName, CsvWriter>;
  for (const name of Object.keys(COLUMNS) as TableName[]) w[name] = new CsvWriter(COLUMNS[name]);
  const newSex = yearEnding >= 2025;
  const periods: Period[] = [];
  for (const child of children) {
    periods.length = 0;
    for (let i = 0; i < child.plans.length; i++) {
      const plan = child.plans[i]!;
      if (plan.start <= Z && plan.end >= A) periods.push(child.periods[i]!);
    }
    if (periods.length === 0) continue;
    const id = child.id;
    const dob = child.dob;
    const shortBreaks = child.shortBreakLs !== null;
    const sex = newSex ? (child.sex === 1 ? 'M' : 'F') : child.sex === 1 ? '1' : '2';
    const age = ageOn(dob, Z);
    const upn = child.uasc ? 'UN2' : age < 5 ? 'UN1' : (child.upnMissing ?? child.upn);
    const header = w.Header.cell(id).cell(sex).date(dob).cell(child.ethnic).cell(upn);
    // 393: MOTHER is completed for every looked-after girl (0 for the youngest too); never for short breaks only (399).
    if (child.sex === 2 && !shortBreaks) {
      const isMother = child.motherChildDob !== null && child.motherChildDob <= Z;
      if (isMother) header.cell('1').date(child.motherChildDob!);
      else header.cell('0').blank();
    } else header.blank().blank();
    header.endRow();
    if (child.uasc) w.UASC.cell(id).cell(sex).date(dob).date(birthday(dob, 18)).endRow();

    let prevPermDone = false;
    /** The child's social worker episodes running in the year; the last one is still open at 31 March (DfE SW17). */
    const socialWorkers: SocialWorkerEpisode[] = [];
    for (const period of periods) {
      for (const ep of period.episodes) {
        if (ep.start > Z) break;
        const p = ep.placement;
        const row = w.Episodes.cell(id).date(ep.start).cell(ep.rne).cell(ep.ls).cell(ep.cin).cell(p.place).cell(p.provider);
        // An episode still open on 31 March has DEC, REC and REASON_PLACE_CHANGE blank.
        if (ep.end <= Z) row.date(ep.end).cell(ep.rec).cell(ep.reasonPlaceChange ?? '');
        else row.blank().blank().blank();
        row.cell(child.homePost).cell(p.plPost).cell(p.urn).endRow();
      }
      for (const r of period.reviews) {
        if (r.day > Z) break;
        w.Reviews.cell(id).date(dob).date(r.day).cell(r.code).endRow();
      }
      for (const m of period.missing) {
        if (m.start > Z) break;
        if (m.start >= A) w.Missing.cell(id).date(dob).cell(m.kind).date(m.start).date(m.end).endRow();
      }
      for (const sw of period.socialWorkers) {
        if (sw.start > Z) break;
        if (sw.end >= A) socialWorkers.push(sw);
      }
      if (shortBreaks) continue;
      const endsInYear = period.end >= A && period.end <= Z;
      const oc3 = period.oc3;
      if (oc3 && endsInYear) w.OC3.cell(id).date(dob).cell(oc3.inTouch).cell(oc3.activ).cell(oc3.accom).endRow();
      const adoption = period.adoption;
      if (adoption && adoption.decision <= Z) w.PlacedAdoption.cell(id).date(dob).date(adoption.decision).blank().blank().endRow();
      if (adoption && endsInYear && (period.rec === 'E11' || period.rec === 'E12')) {
        w.AD1.cell(id).date(dob).date(adoption.decision).date(adoption.matched).cell(adoption.fosterCarer ? '1' : '0')
          .cell(String(adoption.adopters)).cell(adoption.adoptersSex).cell(adoption.adoptersLs).endRow();
      }
      if (period.start >= A && !prevPermDone) {
        // One PrevPerm row per child: the first period that starts in the year.
        prevPermDone = true;
        const pp = period.prevPerm;
        const row = w.PrevPerm.cell(id).date(dob).cell(pp.code).blank();
        (pp.date === null ? row.blank() : row.date(pp.date)).endRow();
      }
    }
    if (yearEnding >= SW_EPISODES_FROM) {
      socialWorkers.forEach((sw, k) => {
        const row = w.SWEpisodes.cell(id).date(dob).cell(sw.id).date(sw.start);
        (sw.end <= Z && k < socialWorkers.length - 1 ? row.date(sw.end) : row.blank()).cell(sw.reason).endRow();
      });
    }
    // OC2: looked after continuously for 12 months at 31 March: in care from 1 April to after 31 March, no break.
    if (!shortBreaks && periods.every((p) => p.start <= A && p.end > Z)) oc2Row(ctx, w.OC2, child, yearEnding, A, Z);
  }
  const out = new Map<TableName, string>();
  for (const name of Object.keys(COLUMNS) as TableName[]) {
    if (name === 'SWEpisodes' && yearEnding < SW_EPISODES_FROM) continue;
    out.set(name, w[name].toString());
  }
  return out;
}

/**
 * Outcomes for children looked after 12 months: health checks, offending, substance misuse, and the SDQ as the DfE
 * asks (157, 188, 189, 197B): none under 4 at 31 March or 17 by 1 April; a score or a reason other than SDQ1 (under
 * 4 or over 16) from 4 on 1 April to 16 on 31 March; a score or SDQ1 for a child turning 4 or 17 in the year.
 */
function oc2Row(ctx: Context, out: CsvWriter, child: Child, yearEnding: number, A: Day, Z: Day): void {
  const rng = new Rng(ctx.seed, ctx.laHash, STREAM.year, child.index, yearEnding);
  const age = ageOn(child.dob, Z);
  let score = '';
  let reason = '';
  if (birthday(child.dob, 4) <= Z && birthday(child.dob, 17) >= A) {
    const sdqAge = birthday(child.dob, 4) <= A && birthday(child.dob, 16) >= Z;
    if (rng.chance(0.8)) score = String(Math.min(40, Math.max(0, Math.round(14 + 7 * rng.normal()))));
    else reason = sdqAge ? rng.pick(['SDQ2', 'SDQ3', 'SDQ4', 'SDQ5']) : 'SDQ1';
  }
  const bit = (p: number) => (rng.chance(p) ? '1' : '0');
  const convicted = age >= 10 ? bit(0.04) : '0';
  const misuse = age >= 10 ? bit(0.04) : '0';
  const received = misuse === '1' ? bit(0.6) : '';
  // The DfE asks whether an intervention was offered only when none was received (158, 159).
  const offered = misuse === '1' ? (received === '1' ? '' : bit(0.5)) : '';
  // Health promotion (HEALTH_CHECK) is for children under 5 at 31 March only (DfE 545, 546); drawn for all, so the
  // items after it keep their values.
  const healthCheck = bit(0.9);
  out.cell(child.id).date(child.dob).cell(score).cell(reason).cell(convicted).cell(age < 5 ? healthCheck : '')
    .cell(bit(0.86)).cell(bit(0.78)).cell(bit(0.9)).cell(misuse).cell(received).cell(offered).endRow();
}
