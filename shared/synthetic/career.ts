/**
 * Who comes into care, when, and how each period of care ends: the cheap "plan" of a child's care career.
 * Arrivals are a Poisson stream from a fixed epoch, so the LA is in steady state long before any
 * collection year we emit, and the rate is calibrated so that about `laSize` children are looked after on
 * any 31 March. Each child draws from its own stream (seed, LA, child index), so a child's history never
 * depends on which years were asked for.
 */
import type { LocalAuthority } from '../domain/tenancy/local-authorities.ts';
import { type Day, ageOn, birthday, dateOf, dayOf, monthOf } from './calendar.ts';
import type { Child, Path, PeriodPlan } from './model.ts';
import { type PostcodeSource, ethnicity, makeUpn, ofstedUrn, postcodes } from './people.ts';
import { Rng, hashString, table } from './prng.ts';
import { type LaProfile, makeProfile } from './profile.ts';

/** Arrivals start here: 18+ years before the earliest year anyone is likely to ask for. */
export const EPOCH: Day = dayOf(1998, 4, 1);

/** Streams: the second word of every Rng names what it draws, so streams never collide. */
export const STREAM = { arrivals: 1, child: 2, period: 3, year: 4, shortBreaks: 5, shortBreakChild: 6, calib: 7, person: 8, family: 9 } as const;

export interface Context {
  la: LocalAuthority;
  seed: number;
  laHash: number;
  profile: LaProfile;
  post: PostcodeSource;
  /** Children's homes and fostering agencies of the LA's market (shared URNs, so homes have several children). */
  homes: { urn: string; post: string; provider: string }[];
  agencies: string[];
  socialWorkers: string[];
}

export function makeContext(la: LocalAuthority, seed: number, size: number): Context {
  const laHash = hashString(la.code);
  const rng = new Rng(seed, laHash, 0);
  const post = postcodes(la);
  // Homes have a fixed address: most in the LA's area, a third out of area (as the DfE distance figures show).
  const homes = Array.from({ length: Math.max(3, Math.ceil(size / 12)) }, () => ({
    urn: ofstedUrn(rng),
    post: rng.chance(0.65) ? post.local(rng) : post.anywhere(rng),
    provider: rng.chance(0.78) ? 'PR4' : rng.chance(0.7) ? 'PR1' : 'PR5',
  }));
  const agencies = Array.from({ length: Math.max(2, Math.min(25, Math.ceil(size / 40))) }, () => ofstedUrn(rng));
  const socialWorkers = Array.from(
    { length: Math.max(3, Math.ceil(size / 14)) },
    (_, i) => `SW${la.code}${String(1000 + i * 7 + rng.int(0, 6)).padStart(5, '0')}`,
  );
  return {
    la, seed, laHash, profile: makeProfile(la, seed), post, homes, agencies, socialWorkers,
  };
}

const YEAR = 365.25;

/** Age on entry (DfE starters: about a fifth babies, a third 10-15, a fifth 16+). */
const AGE_BAND = table<readonly [number, number]>([
  [[0, 1], 19], [[1, 5], 14], [[5, 10], 15], [[10, 16], 31], [[16, 18], 21],
]);
const UASC_AGE = table<number>([[14, 8], [15, 22], [16, 40], [17, 30]]);

const PATH_BY_BAND: readonly ReturnType<typeof table<Path>>[] = [
  table<Path>([['adopt', 35], ['sgo', 22], ['home', 23], ['leave18', 13], ['other', 7]]),
  table<Path>([['adopt', 20], ['sgo', 25], ['home', 32], ['leave18', 16], ['other', 7]]),
  table<Path>([['adopt', 1], ['sgo', 18], ['home', 40], ['leave18', 32], ['other', 9]]),
  table<Path>([['sgo', 5], ['home', 48], ['leave18', 35], ['other', 9], ['remand', 2], ['pace', 1]]),
  table<Path>([['home', 33], ['leave18', 52], ['other', 10], ['remand', 3], ['pace', 2]]),
];
const PATH_UASC = table<Path>([['leave18', 80], ['other', 20]]);

const REC_ADOPT = table<string>([['E11', 80], ['E12', 20]]);
const REC_SGO = table<string>([['E45', 62], ['E46', 22], ['E47', 8], ['E48', 8]]);
const REC_HOME = table<string>([['E4A', 62], ['E4B', 13], ['E13', 25]]);
const REC_EARLY_LEAVE = table<string>([['E5', 35], ['E6', 15], ['E4B', 25], ['E13', 15], ['E8', 10]]);
const REC_OTHER = table<string>([['E3', 35], ['E8', 50], ['E16', 5], ['E9', 10]]);
const REC_OTHER_UASC = table<string>([['E15', 25], ['E3', 35], ['E8', 40]]);

/** Placeholder REC for a period that runs to the 18th birthday: the detail picks E17/E5/E6/E7/E8 from the placement. */
export const AT_18 = 'AT18';

function bandIndex(ageYears: number): number {
  return ageYears < 1 ? 0 : ageYears < 5 ? 1 : ageYears < 10 ? 2 : ageYears < 16 ? 3 : 4;
}

function avoidLeapDay(day: Day): Day {
  return monthOf(day) === 2 && dateOf(day) === 29 ? day - 1 : day;
}

function clampInt(x: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, Math.round(x)));
}

/**
 * Plan one period starting on `start`; the end is capped at the 18th birthday. `sibling`: the plan of the brother or
 * sister who came into care the same day, whose way out this child shares (home, SGO or adoption on the same day,
 * or both staying to 18) unless it is youth justice, or adoption for a child of 5 or more.
 */
export function planPeriod(
  ctx: Context, rng: Rng, dob: Day, uasc: boolean, disabled: boolean, start: Day, reentry: boolean, sibling: PeriodPlan | null = null,
): PeriodPlan {
  const age = ageOn(dob, start);
  let path = rng.from(uasc ? PATH_UASC : PATH_BY_BAND[bandIndex(age)]!);
  const shared = sibling !== null && !['remand', 'pace'].includes(sibling.path) && (sibling.path !== 'adopt' || age < 5);
  if (shared) path = sibling.path;
  if (reentry && path === 'adopt' && age >= 2) path = 'home';
  const bday18 = birthday(dob, 18);
  // Remand and PACE are for children over 10; the DfE (358) flags a start on the 10th birthday itself.
  if ((path === 'remand' || path === 'pace') && start <= birthday(dob, 10)) path = 'home';
  const plan: PeriodPlan = {
    start, end: start + 1, rec: 'E8', path, s20: false, adoptDecision: 0, placementOrder: 0, adoptivePlacement: 0,
  };
  const s20 = (p: number) => rng.chance(Math.min(0.92, p * ctx.profile.s20));
  switch (path) {
    case 'adopt': {
      plan.adoptDecision = start + rng.int(45, 200);
      plan.placementOrder = Math.max(plan.adoptDecision + 14, start + rng.int(150, 390));
      plan.adoptivePlacement = plan.placementOrder + rng.int(25, 200);
      plan.end = plan.adoptivePlacement + rng.int(90, 420);
      // Not adopted on a 31 March: the DfE would count the child looked after all year (OC2 due, 191) yet refuse
      // the adoption details (AD1, 187).
      if (monthOf(plan.end) === 3 && dateOf(plan.end) === 31) plan.end -= 1;
      plan.rec = rng.from(REC_ADOPT);
      break;
    }
    case 'sgo':
      plan.end = start + clampInt(rng.lognormal(420, 0.45), 120, 1600);
      plan.rec = rng.from(REC_SGO);
      break;
    case 'home':
      plan.s20 = s20(age < 1 ? 0.25 : age < 10 ? 0.45 : 0.62);
      plan.end = start + clampInt(rng.lognormal(140, 1.1), 1, 3000);
      plan.rec = rng.from(REC_HOME);
      break;
    case 'leave18': {
      plan.s20 = uasc || s20(age >= 13 ? 0.36 : 0.06);
      const bday16 = birthday(dob, 16);
      if (!uasc && age < 16 && rng.chance(0.15)) {
        plan.end = Math.max(start + 30, bday16 + rng.int(0, 600));
        plan.rec = rng.from(REC_EARLY_LEAVE);
      } else {
        plan.end = bday18;
        plan.rec = disabled && rng.chance(0.5) ? 'E7' : AT_18;
      }
      break;
    }
    case 'other':
      plan.s20 = uasc || s20(0.5);
      plan.rec = rng.from(uasc ? REC_OTHER_UASC : REC_OTHER);
      if (plan.rec === 'E9' && age < 12) plan.rec = 'E8';
      plan.end = start + (plan.rec === 'E15' ? rng.int(20, 200) : clampInt(rng.lognormal(220, 0.9), 7, 2500));
      break;
    case 'remand':
      plan.end = start + rng.int(5, 120);
      plan.rec = rng.chance(0.7) ? 'E14' : 'E9';
      break;
    case 'pace':
      plan.end = start + rng.int(1, 2);
      plan.rec = 'E14';
      break;
  }
  if (shared && path !== 'leave18') {
    // Leaving together: the same day (and for adoption the same decision, order and adoptive placement days).
    const { end, adoptDecision, placementOrder, adoptivePlacement } = sibling;
    Object.assign(plan, path === 'adopt' ? { end, adoptDecision, placementOrder, adoptivePlacement } : { end });
  }
  if (plan.end >= bday18) {
    plan.end = bday18;
    if (plan.rec !== 'E7') plan.rec = AT_18;
  }
  if (plan.end <= start) plan.end = start + 1;
  return plan;
}

/**
 * Plan a child who first comes into care on `arrival` (index = arrival order within the LA); `sibling` is the first
 * period of the brother or sister the child arrives with.
 */
export function planChild(ctx: Context, index: number, arrival: Day, sibling: PeriodPlan | null = null): Child {
  const rng = new Rng(ctx.seed, ctx.laHash, STREAM.child, index);
  const uasc = rng.chance(ctx.profile.uasc);
  let ageDays: number;
  if (uasc) {
    ageDays = Math.floor((rng.from(UASC_AGE) + rng.next()) * YEAR);
  } else {
    const [lo, hi] = rng.from(AGE_BAND);
    ageDays = lo === 0 && rng.chance(0.35) ? rng.int(0, 6) : Math.floor((lo + (hi - lo) * rng.next()) * YEAR);
  }
  ageDays = Math.min(ageDays, Math.floor(18 * YEAR) - 45);
  const dob = avoidLeapDay(arrival - ageDays);
  const disabled = !uasc && rng.chance(0.04);
  const child: Child = {
    index, id: childId(ctx, index), dob, sex: 1, ethnic: '', uasc, disabled, upn: '', upnMissing: null, homePost: '',
    motherChildDob: null, plans: [], periods: [], shortBreakLs: null, lead: null,
  };
  const bday18 = birthday(dob, 18);
  let start = arrival;
  let reentry = false;
  for (let n = 0; n < 4 && start < bday18 - 30; n++) {
    const plan = planPeriod(
      ctx, new Rng(ctx.seed, ctx.laHash, STREAM.child, index, 100 + n), dob, uasc, disabled, start, reentry, n === 0 ? sibling : null,
    );
    child.plans.push(plan);
    if (plan.path !== 'home') break;
    // Re-entry after going home: DfE sees roughly a quarter back within a year, a few later.
    if (rng.chance(ctx.profile.reentry)) start = plan.end + 1 + Math.min(364, Math.floor(rng.exp(100)));
    else if (rng.chance(0.06)) start = plan.end + rng.int(366, 1500);
    else break;
    reentry = true;
  }
  return child;
}

/**
 * Brothers and sisters who come into care together: a family's first arrival (never UASC) brings the next one or
 * two arrivals with it, moved to its day. Moving an arrival a few weeks earlier keeps the number of arrivals (so,
 * roughly, the LA's size). Seed 002: most looked-after children have siblings, many come into care with them.
 */
const FAMILY_CHANCE = 0.7;
const FAMILY_FOLLOWERS = table<number>([[1, 55], [2, 45]]);
/** The next arrivals join only if they would have come within this many days (longer waits are other families). */
const FAMILY_WINDOW_DAYS = 60;
/** Brothers and sisters are at most 10 years apart (each pair), so a family of three spans 10 years at most. */
const FAMILY_AGE_GAP_DAYS = Math.floor(10 * YEAR);

export interface Family {
  members: Child[];
  size: number;
}

/** Whether this arrival is the first of a family, from the family stream (so no other stream's draws move). */
export function startFamily(ctx: Context, child: Child): Family | null {
  if (child.uasc) return null;
  const rng = new Rng(ctx.seed, ctx.laHash, STREAM.family, child.index);
  return rng.chance(FAMILY_CHANCE) ? { members: [child], size: 1 + rng.from(FAMILY_FOLLOWERS) } : null;
}

/**
 * The arrival numbered `index` (due on `arrival`) as the family's next child, arriving on the first one's day; null
 * (the family is complete) when it would come too late, is UASC, or is too far in age from one of them.
 */
export function joinFamily(ctx: Context, family: Family, index: number, arrival: Day): Child | null {
  const lead = family.members[0]!;
  const day = lead.plans[0]!.start;
  if (arrival - day > FAMILY_WINDOW_DAYS) return null;
  const child = planChild(ctx, index, day, lead.plans[0]!);
  if (child.uasc || family.members.some((m) => Math.abs(m.dob - child.dob) > FAMILY_AGE_GAP_DAYS)) return null;
  child.lead = lead;
  family.members.push(child);
  return child;
}

/**
 * Personal details, drawn from their own stream and only for the children a return will show: most
 * arrivals since the epoch left care long before the requested years and never need them.
 */
export function personalise(ctx: Context, child: Child): void {
  const rng = new Rng(ctx.seed, ctx.laHash, STREAM.person, child.index);
  const { dob, uasc } = child;
  child.sex = uasc ? (rng.chance(0.93) ? 1 : 2) : child.shortBreakLs ? (rng.chance(0.65) ? 1 : 2) : rng.chance(0.55) ? 1 : 2;
  child.ethnic = ethnicity(rng, ctx.profile.diverse, uasc);
  const upnYear = Math.floor((dob + 5 * YEAR) / YEAR) + 1970;
  child.upn = makeUpn(rng, rng.chance(0.85) ? ctx.la.code : String(rng.int(800, 940)), upnYear, child.index);
  const roll = rng.next();
  // UN4 (not yet obtained) is left out: the DfE reads it against the year's starts (210) and a later UPN (208).
  child.upnMissing = uasc ? 'UN2' : roll < 0.03 ? 'UN3' : roll < 0.035 ? 'UN5' : null;
  const homePost = ctx.post.local(rng);
  // Brothers and sisters come into care from one home (its postcode is never their foster home's, DfE 392).
  child.homePost = child.lead ? child.lead.homePost : homePost;
  // A few older girls become mothers while looked after (Header MOTHER/MC_DOB).
  const firstStart = child.plans[0]?.start ?? dob;
  if (child.sex === 2 && !uasc && !child.shortBreakLs && firstStart - dob > 13 * YEAR && rng.chance(0.06)) {
    const born = birthday(dob, 15) + rng.int(0, 3 * 365 - 30);
    // Only a birth while she is looked after: one at home between periods would be reported on her return with a
    // date before that year, contradicting last year's MOTHER 0 (DfE 626).
    if (child.plans.some((p) => born >= p.start && born <= p.end)) child.motherChildDob = born;
  }
}

/** Short-break-only children (disabled children on an agreed series of short breaks): each break is a period. */
export function planShortBreakChild(ctx: Context, index: number, arrival: Day): Child {
  const rng = new Rng(ctx.seed, ctx.laHash, STREAM.shortBreakChild, index);
  const dob = avoidLeapDay(arrival - Math.floor((5 + 11 * rng.next()) * YEAR));
  const child: Child = {
    index, id: childId(ctx, index), dob, sex: 1, ethnic: '', uasc: false, disabled: true, upn: '', upnMissing: null,
    homePost: '', motherChildDob: null, plans: [], periods: [], shortBreakLs: rng.chance(0.8) ? 'V3' : 'V4', lead: null,
  };
  const stop = Math.min(arrival + Math.floor(rng.lognormal(2.2, 0.5) * YEAR), birthday(dob, 18) - 7);
  // Breaks of 1-3 nights every 3-8 weeks: under the 17-day and 75-days-a-year short-break limits.
  for (let t = arrival; t < stop; t += rng.int(21, 56)) {
    const nights = rng.int(1, 3);
    child.plans.push({
      start: t, end: t + nights, rec: 'E4A', path: 'other', s20: true, adoptDecision: 0, placementOrder: 0, adoptivePlacement: 0,
    });
    t += nights;
  }
  return child;
}

/** Stable, LA-unique CHILD ids; short-break children are numbered from 500000 so the ranges never meet. */
export function childId(ctx: Context, index: number): string {
  return `${ctx.la.code}${String(index).padStart(6, '0')}`;
}

/** Mean days in care (all periods, re-entries included) per arrival: sets the arrival rate for the target size. */
export function meanCareDays(ctx: Context, samples = 5000): number {
  const rng = new Rng(ctx.seed, ctx.laHash, STREAM.calib);
  let total = 0;
  // Plans only (no personal details): cheap enough to run per LA.
  const base = dayOf(2010, 4, 1);
  for (let i = 0; i < samples; i++) {
    const child = planChild(ctx, 900_000_000 + i, base + rng.int(0, 364));
    for (const p of child.plans) total += p.end - p.start;
  }
  return total / samples;
}
