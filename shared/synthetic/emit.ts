/**
 * One collection year's return from the simulated timelines: every child looked after at any time in the
 * year, with the earlier episodes and reviews of the period(s) of care running in that year (DESIGN §3),
 * truncated at 31 March (an episode still running then is open: DEC, REC and REASON_PLACE_CHANGE blank).
 */
import type { TableName } from '../domain/ssda903/records.ts';
import { ageOn, birthday, collectionYear, dmy } from './calendar.ts';
import { STREAM, type Context } from './career.ts';
import type { Child, Episode, Period } from './model.ts';
import { Rng } from './prng.ts';

/** Column names exactly as the DfE specifies them (DESIGN §3; OC2…PrevPerm from the DfE 903 guidance). */
export const COLUMNS: Readonly<Record<TableName, readonly string[]>> = {
  Header: ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'],
  Episodes: [
    'CHILD', 'DECOM', 'RNE', 'LS', 'CIN', 'PLACE', 'PLACE_PROVIDER', 'DEC', 'REC', 'REASON_PLACE_CHANGE', 'HOME_POST',
    'PL_POST', 'URN',
  ],
  Reviews: ['CHILD', 'DOB', 'REVIEW', 'REVIEW_CODE'],
  Missing: ['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'],
  UASC: ['CHILD', 'SEX', 'DOB', 'DUC'],
  OC2: [
    'CHILD', 'DOB', 'SDQ_SCORE', 'SDQ_REASON', 'CONVICTED', 'HEALTH_CHECK', 'IMMUNISATIONS', 'TEETH_CHECK',
    'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE', 'INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED',
  ],
  OC3: ['CHILD', 'DOB', 'IN_TOUCH', 'ACTIV', 'ACCOM'],
  AD1: ['CHILD', 'DOB', 'DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'],
  PlacedAdoption: ['CHILD', 'DOB', 'DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'],
  PrevPerm: ['CHILD', 'DOB', 'PREV_PERM', 'LA_PERM', 'DATE_PERM'],
  SWEpisodes: ['CHILD', 'DOB', 'SW_ID', 'SW_DECOM', 'SW_DEC', 'SW_REASON'],
};

/** Social worker episodes are collected from 2023-24. */
export const SW_EPISODES_FROM = 2024;

const EOL = '\n';

export function emitYear(ctx: Context, children: readonly Child[], yearEnding: number): Map<TableName, string> {
  const { start: A, end: Z } = collectionYear(yearEnding);
  const rows: Record<TableName, string[]> = {
    Header: [], Episodes: [], Reviews: [], Missing: [], UASC: [], OC2: [], OC3: [], AD1: [], PlacedAdoption: [],
    PrevPerm: [], SWEpisodes: [],
  };
  const newSex = yearEnding >= 2025;
  for (const child of children) {
    const periods: Period[] = [];
    child.plans.forEach((plan, i) => {
      if (plan.start <= Z && plan.end >= A) periods.push(child.periods[i]!);
    });
    if (periods.length === 0) continue;
    const id = child.id;
    const dob = dmy(child.dob);
    const shortBreaks = child.shortBreakLs !== null;
    const sex = newSex ? (child.sex === 1 ? 'M' : 'F') : String(child.sex);
    const age = ageOn(child.dob, Z);
    const upn = child.uasc ? 'UN2' : age < 5 ? 'UN1' : (child.upnMissing ?? child.upn);
    let mother = '';
    let mcDob = '';
    // 393: MOTHER is completed for every looked-after girl (0 for the youngest too); never for short breaks only (399).
    if (child.sex === 2 && !shortBreaks) {
      const isMother = child.motherChildDob !== null && child.motherChildDob <= Z;
      mother = isMother ? '1' : '0';
      if (isMother) mcDob = dmy(child.motherChildDob!);
    }
    rows.Header.push(`${id},${sex},${dob},${child.ethnic},${upn},${mother},${mcDob}`);
    if (child.uasc) rows.UASC.push(`${id},${sex},${dob},${dmy(birthday(child.dob, 18))}`);

    let openAtEnd: Period | null = null;
    let prevPermDone = false;
    for (const period of periods) {
      for (const ep of period.episodes) {
        if (ep.start > Z) break;
        if (ep.end <= Z) {
          rows.Episodes.push((ep.row ??= episodeRow(id, child.homePost, ep, true)));
        } else rows.Episodes.push(episodeRow(id, child.homePost, ep, false));
      }
      for (const r of period.reviews) {
        if (r.day > Z) break;
        rows.Reviews.push((r.row ??= `${id},${dob},${dmy(r.day)},${r.code}`));
      }
      for (const m of period.missing) {
        if (m.start > Z) break;
        if (m.start >= A) rows.Missing.push(`${id},${dob},${m.kind},${dmy(m.start)},${dmy(m.end)}`);
      }
      if (yearEnding >= SW_EPISODES_FROM) {
        for (const sw of period.socialWorkers) {
          if (sw.start > Z) break;
          if (sw.end < A) continue;
          if (sw.end <= Z) rows.SWEpisodes.push((sw.row ??= `${id},${dob},${sw.id},${dmy(sw.start)},${dmy(sw.end)},${sw.reason}`));
          else rows.SWEpisodes.push(`${id},${dob},${sw.id},${dmy(sw.start)},,${sw.reason}`);
        }
      }
      if (shortBreaks) continue;
      if (period.end > Z) openAtEnd = period;
      const endsInYear = period.end >= A && period.end <= Z;
      if (period.oc3 && endsInYear) rows.OC3.push(`${id},${dob},${period.oc3.inTouch},${period.oc3.activ},${period.oc3.accom}`);
      const adoption = period.adoption;
      if (adoption && adoption.decision <= Z) rows.PlacedAdoption.push(`${id},${dob},${dmy(adoption.decision)},,`);
      if (adoption && endsInYear && (period.rec === 'E11' || period.rec === 'E12')) {
        rows.AD1.push(
          `${id},${dob},${dmy(adoption.decision)},${dmy(adoption.matched)},${adoption.fosterCarer ? 1 : 0},` +
            `${adoption.adopters},${adoption.adoptersSex},${adoption.adoptersLs}`,
        );
      }
      if (period.start >= A && !prevPermDone) {
        // One PrevPerm row per child: the first period that starts in the year.
        prevPermDone = true;
        const pp = period.prevPerm;
        rows.PrevPerm.push(`${id},${dob},${pp.code},,${pp.date === null ? '' : dmy(pp.date)}`);
      }
    }
    // OC2: looked after continuously for 12 months at 31 March.
    if (openAtEnd && openAtEnd.start <= Z - 365) rows.OC2.push(oc2Row(ctx, child, yearEnding, age));
  }
  const out = new Map<TableName, string>();
  for (const name of Object.keys(COLUMNS) as TableName[]) {
    if (name === 'SWEpisodes' && yearEnding < SW_EPISODES_FROM) continue;
    out.set(name, [COLUMNS[name].join(','), ...rows[name]].join(EOL) + EOL);
  }
  return out;
}

/** An Episodes row; an episode still open on 31 March has DEC, REC and REASON_PLACE_CHANGE blank. */
function episodeRow(id: string, homePost: string, ep: Episode, closed: boolean): string {
  const p = ep.placement;
  const tail = `${homePost},${p.plPost},${p.urn}`;
  const head = `${id},${dmy(ep.start)},${ep.rne},${ep.ls},${ep.cin},${p.place},${p.provider}`;
  return closed ? `${head},${dmy(ep.end)},${ep.rec},${ep.reasonPlaceChange ?? ''},${tail}` : `${head},,,,${tail}`;
}

/** Outcomes for children looked after 12 months: SDQ for 4-16 year olds, health checks, offending, substance misuse. */
function oc2Row(ctx: Context, child: Child, yearEnding: number, age: number): string {
  const rng = new Rng(ctx.seed, ctx.laHash, STREAM.year, child.index, yearEnding);
  let score = '';
  let reason = '';
  if (age >= 4 && age <= 16) {
    if (rng.chance(0.8)) score = String(Math.min(40, Math.max(0, Math.round(14 + 7 * rng.normal()))));
    else reason = rng.pick(['SDQ2', 'SDQ3', 'SDQ4', 'SDQ5']);
  } else reason = 'SDQ1';
  const bit = (p: number) => (rng.chance(p) ? '1' : '0');
  const convicted = age >= 10 ? bit(0.04) : '0';
  const misuse = age >= 10 ? bit(0.04) : '0';
  const received = misuse === '1' ? bit(0.6) : '';
  const offered = misuse === '1' ? (received === '1' ? '1' : bit(0.5)) : '';
  return `${child.id},${dmy(child.dob)},${score},${reason},${convicted},${bit(0.9)},${bit(0.86)},${bit(0.78)},` +
    `${bit(0.9)},${misuse},${received},${offered}`;
}
