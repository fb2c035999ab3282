/**
 * Synthetic SSDA903 returns for one LA: simulate every child's care career as a timeline, then emit each
 * requested collection year's CSV tables from it. Deterministic: same LA + seed (+ scale) gives
 * byte-identical output, and a year's files do not depend on which other years were asked for.
 */
import type { TableName } from '../domain/ssda903/records.ts';
import type { LocalAuthority } from '../domain/tenancy/local-authorities.ts';
import { collectionYear } from './calendar.ts';
import { type Context, EPOCH, STREAM, makeContext, meanCareDays, personalise, planChild, planShortBreakChild } from './career.ts';
import { emitYear } from './emit.ts';
import type { Child } from './model.ts';
import { laSize } from './national.ts';
import { detailPeriod } from './period.ts';
import { Rng } from './prng.ts';

export interface GenerateOptions {
  seed: number;
  yearsEnding: number[];
  /** Multiplies the LA's size (laSize); 0.1 gives a tenth of the children, for fast tests. */
  scale?: number;
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
  const ctx = makeContext(la, options.seed, size, years[years.length - 1]! < 2026);
  const children = simulateLa(ctx, size, years);
  for (const year of years) out.set(year, emitYear(ctx, children, year));
  return out;
}

/** The children whose care touches the requested years, with those periods simulated in full. */
export function simulateLa(ctx: Context, size: number, years: readonly number[]): Child[] {
  const windowStart = collectionYear(Math.min(...years)).start;
  const horizon = collectionYear(Math.max(...years)).end;
  const touches = (child: Child) => child.plans.some((p) => p.start <= horizon && p.end >= windowStart);

  const children: Child[] = [];
  const perDay = size / meanCareDays(ctx);
  const arrivals = new Rng(ctx.seed, ctx.laHash, STREAM.arrivals);
  // Anyone arriving this early is 18 (so out of care for good) before the window opens: count, don't plan.
  const tooEarly = windowStart - 18 * 366 - 7;
  for (let t = EPOCH, index = 0; ; ) {
    t += arrivals.exp(1 / perDay);
    if (t > horizon) break;
    ++index;
    if (t < tooEarly) continue;
    const child = planChild(ctx, index, Math.floor(t));
    if (touches(child)) children.push(child);
  }
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
  for (const child of children) {
    personalise(ctx, child);
    child.plans.forEach((p, i) => {
      if (p.start <= horizon && p.end >= windowStart) child.periods[i] = detailPeriod(ctx, child, i);
    });
  }
  return children;
}
