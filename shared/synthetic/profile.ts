/**
 * Per-LA practice profile: the knobs that make LAs differ on the dashboards (review timeliness, use of
 * residential care, placement instability, missing, UASC). Drawn once from seed + LA code, within ranges
 * that keep every LA plausible against the DfE national picture.
 */
import type { LocalAuthority } from '../domain/tenancy/local-authorities.ts';
import { Rng, hashString } from './prng.ts';

export interface LaProfile {
  /** Probability that a statutory review is held by its due date. */
  reviewOnTime: number;
  /** Multiplier on the chance of a children's home placement for 10+ year olds. */
  residential: number;
  /** Multiplier on the rate of unplanned placement moves. */
  instability: number;
  /** Multiplier on missing-incident rates. */
  missing: number;
  /** Multiplier on kinship (family and friends) foster care. */
  kinship: number;
  /** Multiplier on the use of s20 (V2) accommodation. */
  s20: number;
  /** Share of arrivals who are unaccompanied asylum-seeking children. */
  uasc: number;
  /** Share of mainstream foster placements made through independent fostering agencies (PR4). */
  ifa: number;
  /** Probability that a child who goes home re-enters care within 12 months. */
  reentry: number;
  /** Whether the LA's population is ethnically diverse (cities, London): shifts the ETHNIC mix. */
  diverse: boolean;
}

const DIVERSE = new Set([
  '330', '331', '333', '336', '341', '352', '353', '373', '380', '382', '383', '801', '821', '831', '856', '870',
  '871', '874', '889', '892',
]);

/** UASC share of arrivals by region: Kent, London and the South East receive most, the NTS spreads the rest. */
const UASC_BY_REGION: Readonly<Record<string, number>> = {
  London: 0.13, 'South East': 0.1, 'East of England': 0.08, 'West Midlands': 0.07, 'East Midlands': 0.06,
  'North West': 0.06, 'Yorkshire and the Humber': 0.06, 'North East': 0.05, 'South West': 0.06,
};

function between(rng: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * rng.next();
}

export function makeProfile(la: LocalAuthority, seed: number): LaProfile {
  const rng = new Rng(seed, hashString(`profile:${la.code}`));
  return {
    reviewOnTime: between(rng, 0.8, 0.95),
    residential: between(rng, 0.75, 1.3),
    instability: between(rng, 0.75, 1.35),
    missing: between(rng, 0.6, 1.6),
    kinship: between(rng, 0.75, 1.35),
    s20: between(rng, 0.6, 1.4),
    uasc: la.code === '886' ? 0.3 : (UASC_BY_REGION[la.region] ?? 0.06) * between(rng, 0.6, 1.4),
    ifa: between(rng, 0.25, 0.55),
    reentry: between(rng, 0.22, 0.32),
    diverse: la.region === 'London' || DIVERSE.has(la.code),
  };
}
