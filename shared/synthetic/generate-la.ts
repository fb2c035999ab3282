/**
 * Synthetic SSDA903 returns for one LA: simulate every child's care career as a timeline, then emit each
 * requested collection year's CSV tables from it. Deterministic: same LA + seed (+ scale) gives
 * byte-identical output, and a year's files do not depend on which other years were asked for.
 *
 * Targets (roughly DfE CLA statistics; each LA's profile moves them within plausible ranges):
 * - size: laSize() children looked after on 31 March (England ~84,000); ~30% of the year's children start in it;
 * - placements at 31 March: ~70% foster (U1-U6, a sixth kinship), ~10% children's homes (K2), ~8% placed with
 *   parents (P1), ~2-3% placed for adoption (A5/A6 after E1), ~9% supported accommodation (K3, 16+), a few
 *   R1/R2/R3/S1/K1 and temporary T1/T3/T4 inside settled placements;
 * - legal status: ~65% C2, ~15% C1 early in proceedings, ~15% V2, ~3-4% E1, a few L1/L2/J1/J2; short breaks V3/V4;
 * - ages: under 1 ~5%, 1-4 ~13%, 5-9 ~18%, 10-15 ~39%, 16+ ~25%;
 * - stability: ~10% of CLA with 3+ placements in the year, ~25-30% with a move, long-term stability ~60-75%;
 * - reviews: reg. 33 sequence, 80-95% on time by LA; participation PN0 under 4, PN1 most common for older children;
 * - missing: ~10% of children, ~5 incidents each, mostly 12-17 year olds in children's homes; some away (A);
 * - leavers: ~33% home (E4A/E4B/E13; 22-32% re-enter within a year), ~8% adopted, ~11% SGO/CAO, ~28% at 18;
 * - siblings: 70% of non-UASC arrivals bring one or two brothers or sisters (same day, same home postcode, same way
 *   out), fostered together and moving together most of the time: on 31 March ~27-36% of fostered children live
 *   with a brother or sister (same PL_POST, URN, PLACE_PROVIDER), some families split by then.
 */
import type { TableName } from '../domain/ssda903/records.ts';
import type { LocalAuthority } from '../domain/tenancy/local-authorities.ts';
import { collectionYear } from './calendar.ts';
import {
  AT_18, type Context, EPOCH, type Family, STREAM, joinFamily, makeContext, meanCareDays, personalise, planChild, planShortBreakChild,
  startFamily,
} from './career.ts';
import { emitYear } from './emit.ts';
import type { Child, PeriodPlan } from './model.ts';
import { laSize } from './national.ts';
import { detailPeriod } from './period.ts';
import { Rng } from './prng.ts';

export interface GenerateOptions {
  seed: number;
  yearsEnding: number[];
  /** Multiplies the LA's size (laSize); 0.1 gives a tenth of the children, for fast tests. */
  scale?: number;
  /** Each return also carries the earlier episodes and reviews of its periods of care (see emitYear). */
  wholePeriods?: boolean;
}

/** Short-break-only children active at any time, as a share of the LA's CLA. */
const SHORT_BREAK_SHARE = 0.025;
const SHORT_BREAK_MEAN_YEARS = 2.2;
/** Short-break children are numbered from here so their CHILD ids never meet the others'. */
const SHORT_BREAK_INDEX = 500_000;

export function generateLaReturns(la: LocalAuthority, options: GenerateOptions): Map<number, Map<TableName, string>> {
  const out = new Map<number, Map<TableName, string>>();
  const years = [...new Set(options.yearsEnding)].sort((a, b) => a - b);
  if (years.length === 0) return out;
  const size = Math.max(1, Math.round(laSize(la, options.seed) * (options.scale ?? 1)));
  const ctx = makeContext(la, options.seed, size);
  const children = simulateLa(ctx, size, years);
  for (const year of years) out.set(year, emitYear(ctx, children, year, options.wholePeriods));
  return out;
}

/** The children whose care touches the requested years, with those periods simulated in full. */
export function simulateLa(ctx: Context, size: number, years: readonly number[]): Child[] {
  const windowStart = collectionYear(Math.min(...years)).start;
  const horizon = collectionYear(Math.max(...years)).end;
  // A care leaver's follow-up (OC3) runs to the 21st birthday: periods ending at 18 up to 3 years before count too.
  const followUpStart = windowStart - 3 * 366;
  const needed = (p: PeriodPlan) =>
    p.start <= horizon && (p.end >= windowStart || (p.end >= followUpStart && (p.rec === AT_18 || p.rec === 'E7')));
  const touches = (child: Child) => child.plans.some(needed);

  const children: Child[] = [];
  const perDay = size / meanCareDays(ctx);
  const arrivals = new Rng(ctx.seed, ctx.laHash, STREAM.arrivals);
  // Every arrival is planned, even those long out of care before the window: whether the next one joins a family
  // depends on them, and a year's children must not depend on which years were asked for.
  let family: Family | null = null;
  for (let t = EPOCH, index = 0; ; ) {
    t += arrivals.exp(1 / perDay);
    if (t > horizon) break;
    ++index;
    let child = family ? joinFamily(ctx, family, index, Math.floor(t)) : null;
    if (child === null) {
      child = planChild(ctx, index, Math.floor(t));
      family = startFamily(ctx, child);
    } else if (family!.members.length === family!.size) family = null;
    if (touches(child)) children.push(child);
  }
  // A short-break child arriving this early is 18 (so out of care for good) before the follow-up window opens: count, don't plan.
  const tooEarly = followUpStart - 18 * 366 - 7;
  const breaksPerDay = (size * SHORT_BREAK_SHARE) / (SHORT_BREAK_MEAN_YEARS * 365.25);
  const breakArrivals = new Rng(ctx.seed, ctx.laHash, STREAM.shortBreaks);
  for (let t = EPOCH, index = SHORT_BREAK_INDEX; ; ) {
    t += breakArrivals.exp(1 / breaksPerDay);
    if (t > horizon) break;
    ++index;
    if (t < tooEarly) continue;
    const child = planShortBreakChild(ctx, index, Math.floor(t));
    if (touches(child)) children.push(child);
  }
  const personalised = new Set<Child>();
  const personaliseOnce = (child: Child) => {
    if (!personalised.has(child)) personalise(ctx, child);
    personalised.add(child);
  };
  for (const child of children) {
    // A family's first child is simulated first (its home postcode and placements are shared), even when it left
    // care before the years asked for.
    if (child.lead) personaliseOnce(child.lead);
    personaliseOnce(child);
    child.plans.forEach((p, i) => {
      if (needed(p)) child.periods[i] = detailPeriod(ctx, child, i);
    });
  }
  return children;
}
