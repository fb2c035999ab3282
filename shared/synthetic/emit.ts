/**
 * One collection year's return from the simulated timelines, as LAs submit it and the DfE expects it: every
 * child looked after at any time in the year with the episodes of the year plus the one open on 1 April (the
 * DfE's 502/503 rules compare it with last year's open episode), the reviews, missing incidents and social
 * worker episodes of the year, and the care leavers due a follow-up (OC3). Earlier history lives in the
 * earlier years' returns. An episode still running on 31 March is open: DEC, REC and REASON_PLACE_CHANGE blank.
 */
import { TABLE_COLUMNS } from '../domain/ssda903/columns.ts';
import type { TableName } from '../domain/ssda903/records.ts';
import { ageOn, birthday, collectionYear, yearEndingOf } from './calendar.ts';
import { STREAM, type Context } from './career.ts';
import { CsvWriter } from './csv-writer.ts';
import type { Child, Period, SocialWorkerEpisode } from './model.ts';
import { Rng } from './prng.ts';

/** The generator writes exactly the columns the validator recognises (one list, in the domain). */
const COLUMNS = TABLE_COLUMNS;

/** Social worker episodes are collected from 2023-24. */
export const SW_EPISODES_FROM = 2024;

/**
 * Birthdays whose year brings a care leaver's follow-up (OC3). The DfE asks about 17-21 year olds, but its tool
 * checks relevance (1001, 1002) against this year's and last year's episodes only and rejects the year they
 * left at 18 (1016): the 19th birthday is the one follow-up it can verify.
 */
const FOLLOW_UP_BIRTHDAYS = [19];

/**
 * `wholePeriods`: each return also carries the earlier episodes and reviews of the periods of care running in its
 * year, the form returns took before the DfE's in-year rules (some LA systems still export it).
 */
export function emitYear(ctx: Context, children: readonly Child[], yearEnding: number, wholePeriods = false): Map<TableName, string> {
  const { start: A, end: Z } = collectionYear(yearEnding);
  const w = {} as Record<TableName, CsvWriter>;
  for (const name of Object.keys(COLUMNS) as TableName[]) w[name] = new CsvWriter(COLUMNS[name]);
  const newSex = yearEnding >= 2025;
  const periods: Period[] = [];
  for (const child of children) {
    periods.length = 0;
    let followUp: Period | null = null;
    for (let i = 0; i < child.plans.length; i++) {
      const plan = child.plans[i]!;
      if (plan.start <= Z && plan.end >= A) periods.push(child.periods[i]!);
      else if (plan.end < A && followUpDue(child, child.periods[i], A, Z)) {
        followUp = child.periods[i]!;
      }
    }
    if (periods.length === 0 && followUp === null) continue;
    const id = child.id;
    const dob = child.dob;
    const shortBreaks = child.shortBreakLs !== null;
    const sex = newSex ? (child.sex === 1 ? 'M' : 'F') : child.sex === 1 ? '1' : '2';
    const age = ageOn(dob, Z);
    const upn = child.uasc ? 'UN2' : age < 5 ? 'UN1' : (child.upnMissing ?? child.upn);
    const header = w.Header.cell(id).cell(sex).date(dob).cell(child.ethnic).cell(upn);
    // 393: MOTHER is completed for every looked-after girl (0 for the youngest too); never for short breaks only
    // (399) nor for a care leaver only followed up (628, though 624 then sees a mother's MC_DOB go blank).
    if (child.sex === 2 && !shortBreaks && periods.length > 0) {
      // A birth after care ended is not hers to report (625: MC_DOB by the day she left, or 31 March); one while
      // she is looked after is reported that year, or next year's 626 sees a mother who was not one last year.
      // (The DfE tool's 625 reads the latest DEC of any episode, even one followed by another: its bug, not ours.)
      const careEnd = periods[periods.length - 1]!.end;
      const isMother = child.motherChildDob !== null && child.motherChildDob <= Math.min(careEnd, Z);
      if (isMother) header.cell('1').date(child.motherChildDob!);
      else header.cell('0').blank();
    } else header.blank().blank();
    header.endRow();
    if (child.uasc && periods.length > 0) w.UASC.cell(id).cell(sex).date(dob).date(birthday(dob, 18)).endRow();
    if (followUp) oc3Row(w.OC3, child, followUp);

    let openAtEnd: Period | null = null;
    /** The child's social worker episodes running in the year; the last is still open at 31 March (DfE SW17). */
    const socialWorkers: SocialWorkerEpisode[] = [];
    let prevPermDone = false;
    for (const period of periods) {
      for (const ep of period.episodes) {
        if (ep.start > Z) break;
        // Only the episode open on 1 April and later ones (an episode ending on 1 April was open on 31 March).
        if (ep.end < A && !wholePeriods) continue;
        const p = ep.placement;
        const row = w.Episodes.cell(id).date(ep.start).cell(ep.rne).cell(ep.ls).cell(ep.cin).cell(p.place).cell(p.provider);
        if (ep.end <= Z) row.date(ep.end).cell(ep.rec).cell(ep.reasonPlaceChange ?? '');
        else row.blank().blank().blank();
        // Short breaks carry no postcodes or URN (DfE 214, 398).
        if (shortBreaks) row.blank().blank().blank().endRow();
        // A UASC child's home postcode is unknown, so no distance is derived (DfE 406).
        else row.cell(child.uasc ? '' : child.homePost).cell(p.plPost).cell(p.urn).endRow();
      }
      for (const r of period.reviews) {
        if (r.day > Z) break;
        if (r.day >= A || wholePeriods) w.Reviews.cell(id).date(dob).date(r.day).cell(r.code).endRow();
      }
      for (const m of period.missing) {
        if (m.start > Z) break;
        if (m.start >= A) w.Missing.cell(id).date(dob).cell(m.kind).date(m.start).date(m.end).endRow();
      }
      for (const sw of period.socialWorkers) {
        if (sw.start > Z) break;
        if (sw.end >= A) socialWorkers.push(sw);
      }
      if (period.start >= A && !prevPermDone) {
        // One PrevPerm row for every child who starts to be looked after in the year, short breaks too (DfE 630).
        prevPermDone = true;
        const pp = period.prevPerm;
        const row = w.PrevPerm.cell(id).date(dob).cell(pp.code).cell(pp.la ?? '');
        (pp.date === null ? row.blank() : row.date(pp.date)).endRow();
      }
      if (shortBreaks) continue;
      // The DfE counts a period ending on 31 March as looked after that day (its OC2 is due, 191).
      if (period.end >= Z) openAtEnd = period;
      const endsInYear = period.end >= A && period.end <= Z;
      const adoption = period.adoption;
      if (adoption && adoption.decision <= Z) w.PlacedAdoption.cell(id).date(dob).date(adoption.decision).blank().blank().endRow();
      if (adoption && endsInYear && (period.rec === 'E11' || period.rec === 'E12')) {
        w.AD1.cell(id).date(dob).date(adoption.decision).date(adoption.matched).cell(adoption.fosterCarer ? '1' : '0')
          .cell(String(adoption.adopters)).cell(adoption.adoptersSex).cell(adoption.adoptersLs).endRow();
      }
    }
    if (yearEnding >= SW_EPISODES_FROM) {
      // A child who left care keeps an allocated social worker (child in need, care leaver): no SW_DEC on the last.
      socialWorkers.forEach((sw, k) => {
        const row = w.SWEpisodes.cell(id).date(dob).cell(sw.id).date(sw.start);
        (sw.end <= Z && k < socialWorkers.length - 1 ? row.date(sw.end) : row.blank()).cell(sw.reason).endRow();
      });
    }
    // OC2: looked after continuously for 12 months at 31 March, i.e. since 1 April (191).
    if (openAtEnd && openAtEnd.start <= A) oc2Row(ctx, w.OC2, child, yearEnding, age);
  }
  const out = new Map<TableName, string>();
  for (const name of Object.keys(COLUMNS) as TableName[]) {
    if (name === 'SWEpisodes' && yearEnding < SW_EPISODES_FROM) continue;
    out.set(name, w[name].toString());
  }
  return out;
}

function inYear(day: number, start: number, end: number): boolean {
  return day >= start && day <= end;
}

/**
 * A relevant care leaver's follow-up is due this year, and the DfE tool can see it is relevant: 13 weeks looked
 * after since the 14th birthday within the episodes of the year they left (the one open on its 1 April onward).
 */
function followUpDue(child: Child, period: Period | undefined, A: number, Z: number): boolean {
  if (!period?.oc3 || !FOLLOW_UP_BIRTHDAYS.some((n) => inYear(birthday(child.dob, n), A, Z))) return false;
  const leftYearStart = collectionYear(yearEndingOf(period.end)).start;
  const firstVisible = period.episodes.find((e) => e.end >= leftYearStart) ?? period.episodes[0]!;
  return period.end - Math.max(firstVisible.start, birthday(child.dob, 14)) >= 91;
}

function oc3Row(out: CsvWriter, child: Child, period: Period): void {
  const oc3 = period.oc3!;
  out.cell(child.id).date(child.dob).cell(oc3.inTouch).cell(oc3.activ).cell(oc3.accom).endRow();
}

/**
 * Outcomes for children looked after 12 months, each item only for the ages the DfE collects it: SDQ for 4-16
 * year olds (188; from a 17th birthday in the year, 197B; blank if 17 before 1 April, 189), health promotion (HEALTH_CHECK) under 5 (546), convictions from 10 (542), substance misuse for all (182);
 * INTERVENTION_OFFERED only when none was received (158).
 */
function oc2Row(ctx: Context, out: CsvWriter, child: Child, yearEnding: number, age: number): void {
  const rng = new Rng(ctx.seed, ctx.laHash, STREAM.year, child.index, yearEnding);
  let score = '';
  let reason = '';
  if (age >= 4 && age <= 16) {
    if (rng.chance(0.8)) score = String(Math.min(40, Math.max(0, Math.round(14 + 7 * rng.normal()))));
    else reason = rng.pick(['SDQ2', 'SDQ3', 'SDQ4', 'SDQ5']);
  } else if (age > 16 && birthday(child.dob, 17) >= collectionYear(yearEnding).start) reason = 'SDQ1';
  const bit = (p: number) => (rng.chance(p) ? '1' : '0');
  const convicted = age >= 10 ? bit(0.04) : '';
  const misuse = age >= 10 ? bit(0.04) : '0';
  const received = misuse === '1' ? bit(0.6) : '';
  const offered = misuse === '1' && received === '0' ? bit(0.5) : '';
  const healthCheck = age < 5 ? bit(0.9) : '';
  out.cell(child.id).date(child.dob).cell(score).cell(reason).cell(convicted).cell(healthCheck).cell(bit(0.86))
    .cell(bit(0.78)).cell(bit(0.9)).cell(misuse).cell(received).cell(offered).endRow();
}
