/**
 * The detail of one period of care: legal statuses, placements (moves, temporary placements, permanence),
 * episodes with RNE/REC/REASON_PLACE_CHANGE, reviews, missing incidents and social workers. A period is
 * always simulated whole, from its own stream, so every year's return shows the same history.
 */
import { FOSTER_PLACEMENTS } from '../domain/practice/siblings.ts';
import { type Day, addMonths, ageOn, birthday, dayOf, yearEndingOf } from './calendar.ts';
import { AT_18, type Context, STREAM } from './career.ts';
import type {
  AdoptionDetail, Child, Episode, MissingIncident, Period, PeriodPlan, Placement, Review, SocialWorkerEpisode,
} from './model.ts';
import { Rng, type Table, table } from './prng.ts';

const INF = Number.MAX_SAFE_INTEGER;

type Weights = [string, number][];

const tableCache = new WeakMap<Context, Map<Weights, Table<string>[]>>();

/** A placement-type table for an age band, scaling children's homes and kinship by the LA profile (cached). */
function placeTable(ctx: Context, rows: Weights, allowP1: boolean): Table<string> {
  let byRows = tableCache.get(ctx);
  if (!byRows) tableCache.set(ctx, (byRows = new Map()));
  let pair = byRows.get(rows);
  if (!pair) byRows.set(rows, (pair = [buildPlaceTable(ctx, rows, false), buildPlaceTable(ctx, rows, true)]));
  return pair[allowP1 ? 1 : 0]!;
}

function buildPlaceTable(ctx: Context, rows: Weights, allowP1: boolean): Table<string> {
  const { residential, kinship } = ctx.profile;
  const out: [string, number][] = [];
  for (const [code, w] of rows) {
    if (code === 'P1' && !allowP1) {
      out.push(['U6', w]);
      continue;
    }
    out.push([code, code === 'K2' ? w * residential : code === 'U3' ? w * kinship : w]);
  }
  return table(out);
}

const INITIAL: readonly (readonly [number, Weights])[] = [
  [1, [['U6', 70], ['U3', 16], ['R3', 4], ['P1', 4]]],
  [5, [['U6', 70], ['U3', 20], ['P1', 5]]],
  [10, [['U6', 68], ['U3', 20], ['K2', 4], ['P1', 5], ['S1', 1]]],
  [13, [['U6', 60], ['U3', 15], ['K2', 16], ['P1', 4], ['S1', 1], ['R1', 1]]],
  [16, [['U6', 52], ['U3', 11], ['K2', 27], ['P1', 3], ['K1', 1], ['R1', 1], ['S1', 1]]],
  [18, [['U6', 38], ['U3', 8], ['K2', 21], ['K3', 32]]],
];
const MOVE: readonly (readonly [number, Weights])[] = [
  [5, [['U6', 85], ['U3', 10], ['P1', 3]]],
  [10, [['U6', 78], ['U3', 10], ['K2', 8], ['S1', 2]]],
  [13, [['U6', 60], ['K2', 28], ['U3', 6], ['S1', 2], ['R1', 2], ['K1', 1], ['R2', 0.5]]],
  [16, [['U6', 45], ['K2', 43], ['U3', 5], ['K1', 2], ['R1', 2], ['S1', 2], ['R2', 1]]],
  [18, [['K3', 40], ['K2', 28], ['U6', 29], ['U3', 3]]],
];
const UASC_OLDER = table<string>([['K3', 60], ['U6', 30], ['K2', 10]]);
const UASC_YOUNGER = table<string>([['U6', 85], ['K2', 15]]);
const SGO_INITIAL = table<string>([['U3', 80], ['U6', 20]]);
const YOUTH_JUSTICE = table<string>([['K2', 50], ['U6', 40], ['K1', 10]]);

function rowsFor(bands: readonly (readonly [number, Weights])[], age: number): Weights {
  for (const [upTo, rows] of bands) if (age < upTo) return rows;
  return bands[bands.length - 1]![1];
}

/** REASON_PLACE_CHANGE for unplanned moves (DfE stability data: care-plan changes and carer requests lead). */
const MOVE_REASON = table<string>([
  ['CARPL', 30], ['CREQB', 18], ['CREQO', 9], ['CHILD', 9], ['LAREQ', 7], ['CLOSE', 4], ['STAND', 3], ['ALLEG', 3],
  ['APPRR', 1], ['CUSTOD', 1], ['OTHER', 10],
]);

const PARTICIPATION: readonly (readonly [number, Table<string>])[] = [
  [8, table([['PN1', 25], ['PN2', 5], ['PN3', 25], ['PN4', 8], ['PN5', 5], ['PN6', 22], ['PN7', 10]])],
  [12, table([['PN1', 55], ['PN2', 6], ['PN3', 6], ['PN4', 4], ['PN5', 7], ['PN6', 15], ['PN7', 7]])],
  [16, table([['PN1', 60], ['PN2', 6], ['PN3', 2], ['PN4', 3], ['PN5', 8], ['PN6', 13], ['PN7', 8]])],
  [99, table([['PN1', 55], ['PN2', 5], ['PN3', 1], ['PN4', 2], ['PN5', 10], ['PN6', 14], ['PN7', 13]])],
];

const CIN_CARE = table<string>([['N1', 72], ['N3', 3], ['N4', 7], ['N5', 13], ['N7', 0.3], ['N8', 5]]);
const CIN_TEEN = table<string>([['N1', 45], ['N3', 3], ['N4', 15], ['N5', 22], ['N6', 8], ['N8', 7]]);

const SW_REASON = table<string>([
  ['LEFTRL', 30], ['TSPROC', 25], ['MANAGE', 15], ['ORGRST', 8], ['ABSENC', 7], ['CHCHAN', 4], ['PCCHAN', 6],
  ['FCONTA', 1], ['OTHERS', 4],
]);

const ACTIV = table<string>([
  ['F2', 30], ['P2', 5], ['F4', 14], ['P4', 5], ['F1', 5], ['F5', 1], ['P5', 1], ['G4', 8], ['G5', 26], ['G6', 5],
]);
const ACCOM_BY_REC: Readonly<Record<string, Table<string>>> = {
  E17: table([['Z1', 92], ['Z2', 8]]),
  E5: table([['D1', 40], ['E1', 25], ['T1', 15], ['D2', 10], ['K1', 10]]),
  E6: table([['U1', 65], ['K1', 20], ['U2', 10], ['V2', 5]]),
  E8: table([['B1', 35], ['Y1', 25], ['E1', 20], ['B2', 10], ['V2', 10]]),
  E7: table([['Y1', 100]]),
};

interface Span {
  start: Day;
  p: Placement;
  /** REASON_PLACE_CHANGE for the move that ends this span, if it is a counted move. */
  endReason: string | null;
}

/** Moves per year differ most between children: most are settled, a tenth move again and again. */
function instabilityMean(rng: Rng, age: number, factor: number): number {
  const x = rng.next();
  const [stable, moderate] = age < 5 ? [0.7, 0.94] : age < 12 ? [0.55, 0.88] : [0.42, 0.82];
  const mean = x < stable ? 4500 : x < moderate ? 600 : 150;
  return mean / factor;
}

function durationFactor(place: string): number {
  switch (place) {
    case 'K2': return 0.7;
    case 'K1': case 'R1': case 'R2': case 'R3': return 0.5;
    case 'U3': case 'U1': case 'U4': return 1.6;
    case 'K3': return 1.2;
    default: return 1;
  }
}

function collectionEnd(day: Day): Day {
  return dayOf(yearEndingOf(day), 3, 31);
}

export function detailPeriod(ctx: Context, child: Child, planIndex: number): Period {
  const plan = child.plans[planIndex]!;
  if (child.shortBreakLs) return shortBreak(ctx, child, plan, planIndex);
  // A child who came into care with a brother or sister may share their foster homes in that first period.
  const lead = planIndex === 0 && child.lead ? (child.lead.periods[0] ??= detailPeriod(ctx, child.lead, 0)) : null;
  return fullPeriod(ctx, child, plan, planIndex, new Rng(ctx.seed, ctx.laHash, STREAM.period, child.index, planIndex), lead);
}

/** Brothers and sisters arriving together go to one foster home this often (when the first one is fostered)… */
const PLACED_TOGETHER = 0.9;
/** …and move with them to their next foster home this often (otherwise they are split and stay behind). */
const MOVES_TOGETHER = 0.85;

/** A stretch of a period at one address (PL_POST, URN, PLACE_PROVIDER), temporary placements inside it ignored. */
interface Stay {
  start: Day;
  end: Day;
  p: Placement;
  /** REASON_PLACE_CHANGE of the move that ends it, if it ends in a move. */
  reason: string | null;
}

const addressOf = (p: Placement) => `${p.plPost}|${p.urn}|${p.provider}`;

function staysOf(period: Period): Stay[] {
  const stays: Stay[] = [];
  for (const e of period.episodes) {
    if (e.placement.temporary) continue;
    const last = stays[stays.length - 1];
    if (last && addressOf(last.p) === addressOf(e.placement)) {
      last.end = e.end;
      last.reason = e.reasonPlaceChange;
    } else stays.push({ start: e.start, end: e.end, p: e.placement, reason: e.reasonPlaceChange });
  }
  return stays;
}

const shortBreakPlacements = new WeakMap<Child, Placement>();

function shortBreak(ctx: Context, child: Child, plan: PeriodPlan, planIndex: number): Period {
  // The same short-break unit or carer every time: one draw per child, not per break.
  let placement = shortBreakPlacements.get(child);
  if (!placement) {
    const rng = new Rng(ctx.seed, ctx.laHash, STREAM.shortBreakChild, child.index, 1);
    const home = rng.chance(0.6) ? rng.pick(ctx.homes) : null;
    placement = home
      ? { place: 'K2', provider: 'PR1', plPost: home.post, urn: home.urn, carer: 1, temporary: false }
      : { place: 'U6', provider: 'PR1', plPost: ctx.post.local(rng), urn: 'XXXXXXX', carer: 1, temporary: false };
    shortBreakPlacements.set(child, placement);
  }
  const episode: Episode = {
    start: plan.start, end: plan.end, rne: 'S', ls: child.shortBreakLs!, cin: 'N2', placement, rec: plan.rec,
    reasonPlaceChange: null,
  };
  return {
    ...plan, index: planIndex, cin: 'N2', episodes: [episode], reviews: [], missing: [], socialWorkers: [],
    adoption: null, prevPerm: { code: 'Z1', date: null, la: null }, oc3: null,
  };
}

function fullPeriod(ctx: Context, child: Child, plan: PeriodPlan, planIndex: number, rng: Rng, lead: Period | null): Period {
  const { start: s, end } = plan;
  const ageAtStart = ageOn(child.dob, s);
  const bday16 = birthday(child.dob, 16);
  let carerSeq = 0;

  // Legal status timeline: [day, LS] with strictly increasing days, all before the end.
  const statuses: [Day, string][] = [];
  if (plan.path === 'remand') statuses.push([s, 'J1']);
  else if (plan.path === 'pace') statuses.push([s, 'J2']);
  else if (plan.s20) {
    statuses.push([s, 'V2']);
    // Some s20 arrangements turn into care proceedings.
    if (!child.uasc && end - s > 400 && rng.chance(0.12)) {
      const c1 = s + rng.int(60, 300);
      statuses.push([c1, 'C1'], [c1 + rng.int(120, 350), 'C2']);
    }
  } else {
    let t = s;
    const roll = rng.next();
    if (roll < 0.04 && end - s > 10) {
      statuses.push([s, 'L1']);
      t = s + rng.int(1, 2); // police protection: 72 hours at most
    } else if (roll < 0.06 && end - s > 20) {
      statuses.push([s, 'L2']);
      t = s + rng.int(3, 8); // emergency protection order: 8 days, extendable to 15
    }
    statuses.push([t, 'C1']);
    if (plan.path === 'adopt') statuses.push([plan.placementOrder, 'E1']);
    else if (plan.path !== 'sgo' || rng.chance(0.6)) statuses.push([s + rng.int(90, 270), 'C2']);
  }
  const ls = statuses.filter(([d], i) => d < end && (i === 0 || d > statuses[i - 1]![0]));
  const careOrder = (day: Day): boolean => {
    let cur = ls[0]![1];
    for (const [d, code] of ls) if (d <= day) cur = code;
    return cur === 'C1' || cur === 'C2' || cur === 'E1';
  };

  const newPlacement = (place: string, from?: Placement): Placement => {
    let provider = 'PR1';
    let urn = 'XXXXXXX';
    let plPost = rng.chance(0.75) ? ctx.post.local(rng) : ctx.post.anywhere(rng);
    switch (place) {
      case 'P1': provider = 'PR0'; plPost = child.homePost; break;
      case 'U4': case 'U5': case 'U6':
        if (rng.chance(ctx.profile.ifa)) { provider = 'PR4'; urn = rng.pick(ctx.agencies); }
        break;
      case 'K1': case 'K2': case 'R1': case 'S1': case 'R3': {
        // A move is to another home: never back to the one the child is leaving.
        const n = rng.int(0, ctx.homes.length - 1);
        let home = ctx.homes[n]!;
        if (home.urn === from?.urn) home = ctx.homes[(n + 1) % ctx.homes.length]!;
        // R1 (residential care home, registered with CQC) carries no Ofsted URN (DfE 222).
        urn = place === 'R1' ? 'XXXXXXX' : home.urn;
        plPost = home.post;
        provider = home.provider;
        break;
      }
      case 'K3': case 'H5': provider = rng.chance(0.7) ? 'PR4' : rng.chance(0.6) ? 'PR1' : 'PR5'; break;
      case 'A6': provider = rng.chance(0.7) ? 'PR1' : 'PR5'; break;
      case 'R2': provider = 'PR3'; break;
      // Temporary placements carry no provider (DfE 213).
      case 'T0': case 'T1': case 'T2': case 'T3': case 'T4': provider = ''; break;
    }
    // Only a placement with parents is at the home postcode (DfE 392d): a chance match gets another address.
    while (place !== 'P1' && plPost === child.homePost) plPost = ctx.post.anywhere(rng);
    // A move must change something the validator can see (435): rare postcode collisions get a new address.
    if (from && from.place === place && from.provider === provider && from.urn === urn && from.plPost === plPost) {
      plPost = ctx.post.anywhere(rng);
    }
    return { place, provider, plPost, urn, carer: ++carerSeq, temporary: place.startsWith('T') };
  };
  const choose = (rows: Weights, day: Day): string => rng.from(placeTable(ctx, rows, careOrder(day)));

  // Placements.
  let initial: string;
  if (plan.path === 'remand' || plan.path === 'pace') initial = rng.from(YOUTH_JUSTICE);
  else if (child.uasc) initial = rng.from(ageAtStart >= 16 ? UASC_OLDER : UASC_YOUNGER);
  else if (plan.path === 'sgo') initial = rng.from(SGO_INITIAL);
  else if (plan.path === 'adopt' && rng.chance(0.08)) initial = 'U5';
  else initial = choose(rowsFor(INITIAL, ageAtStart), s);
  // The brother or sister's foster home this child lives in too (null once they are apart): the same carers, so the
  // same PL_POST, URN and PLACE_PROVIDER; the child's own code is kinship (U3) or not (U6) as theirs is.
  const family = new Rng(ctx.seed, ctx.laHash, STREAM.family, child.index, 1);
  const leadStays = lead ? staysOf(lead) : [];
  const joinable = (stay: Stay | undefined, day: Day): stay is Stay =>
    stay !== undefined && stay.start === day && FOSTER_PLACEMENTS.has(stay.p.place);
  const join = (stay: Stay): Placement => ({
    ...stay.p, place: ['U1', 'U2', 'U3'].includes(stay.p.place) ? 'U3' : 'U6', carer: ++carerSeq, temporary: false,
  });
  const youthJustice = plan.path === 'remand' || plan.path === 'pace';
  let withLead: Stay | null =
    !youthJustice && joinable(leadStays[0], s) && family.chance(PLACED_TOGETHER) ? leadStays[0]! : null;
  const spans: Span[] = [{ start: s, p: withLead ? join(withLead) : newPlacement(initial), endReason: null }];

  const meanStay = instabilityMean(rng, ageAtStart, ctx.profile.instability);
  let homeDay = INF;
  if (!plan.s20 && plan.path === 'home' && rng.chance(0.45)) homeDay = end - rng.int(45, 400);
  if (!plan.s20 && plan.path === 'leave18' && rng.chance(0.1)) homeDay = s + rng.int(30, 500);
  if (homeDay <= s + 21 || !careOrder(homeDay)) homeDay = INF;
  let adoptDay = plan.path === 'adopt' ? plan.adoptivePlacement : INF;
  let k3Day = (plan.path === 'leave18' || plan.path === 'other') && rng.chance(0.45)
    ? Math.max(bday16, s) + rng.int(14, 400) : INF;
  const redesignation = (p: Placement, from: Day): Day =>
    (p.place === 'U6' || p.place === 'U3') && (plan.path === 'leave18' || plan.path === 'other') && rng.chance(0.55)
      ? from + rng.int(120, 540) : INF;
  let redesDay = redesignation(spans[0]!.p, s);
  let frozen = false;
  let t = s;
  for (;;) {
    const cur = spans[spans.length - 1]!.p;
    // Living with a brother or sister, the child moves when they do (or stays behind), not on its own.
    let randomDay = frozen || withLead ? INF : t + Math.max(7, Math.round(rng.exp(meanStay * durationFactor(cur.place))));
    // Once the placement order is made the child waits where they are for the adoptive placement.
    if (randomDay >= plan.placementOrder && plan.path === 'adopt') randomDay = INF;
    const leadDay = withLead ? withLead.end : INF;
    const next = Math.min(randomDay, homeDay, adoptDay, k3Day, redesDay, leadDay);
    if (next >= end - 10) break;
    if (next <= t) {
      // Two planned changes on one day: keep the first, drop the other (episodes need distinct days).
      if (k3Day === next) k3Day = INF;
      if (redesDay === next) redesDay = INF;
      if (homeDay === next) homeDay = INF;
      if (leadDay === next) withLead = null;
      continue;
    }
    let p: Placement;
    let reason: string;
    if (next === adoptDay) {
      // A5: placed with current foster carers (early permanence: fostered by approved adopters), same carer (T);
      // A6: placed with new adopters (P). Both under a placement order.
      const sameCarer = cur.place === 'U5' || ((cur.place === 'U6' || cur.place === 'U4') && rng.chance(0.2));
      p = sameCarer
        ? { ...cur, place: 'A5', provider: rng.chance(0.7) ? 'PR1' : 'PR5', urn: 'XXXXXXX' }
        : newPlacement('A6', cur);
      reason = 'CARPL';
      frozen = true;
      adoptDay = homeDay = k3Day = redesDay = INF;
    } else if (next === homeDay) {
      if (cur.place === 'P1') {
        // Already placed with parents: the plan is just to end the care order there.
        homeDay = INF;
        frozen = true;
        t = next;
        continue;
      }
      p = newPlacement('P1', cur);
      reason = 'CARPL';
      frozen = true;
      homeDay = k3Day = redesDay = INF;
    } else if (next === k3Day) {
      k3Day = INF;
      if (cur.place === 'K3' || cur.place === 'P1' || cur.place.startsWith('A') || ageOn(child.dob, next) < 16) {
        t = next;
        continue;
      }
      p = newPlacement('K3', cur);
      reason = 'CARPL';
    } else if (next === redesDay) {
      // Long-term foster care confirmed with the same carers: a T change with reason PLACE.
      p = { ...cur, place: cur.place === 'U3' ? 'U1' : 'U4' };
      reason = 'PLACE';
      redesDay = INF;
    } else if (next === leadDay) {
      // The brother or sister leaves this home: to another foster home, most often with this child.
      const after = leadStays[leadStays.indexOf(withLead!) + 1];
      const leadReason = withLead!.reason;
      withLead = null;
      if (!joinable(after, next) || frozen || !family.chance(MOVES_TOGETHER)) {
        t = next;
        continue;
      }
      withLead = after;
      p = join(after);
      reason = leadReason === null || leadReason === 'CUSTOD' ? 'CARPL' : leadReason;
      if (redesDay !== INF || p.place === 'U6' || p.place === 'U3') redesDay = redesignation(p, next);
    } else {
      const age = ageOn(child.dob, next);
      let code = choose(rowsFor(MOVE, age), next);
      if (child.uasc) code = rng.from(age >= 16 ? UASC_OLDER : UASC_YOUNGER);
      if (code === 'P1' && cur.place === 'P1') code = 'U6';
      p = newPlacement(code, cur);
      reason = rng.from(MOVE_REASON);
      // The episode that ends for custody starts no earlier than this placement did: under 10 then, no CUSTOD (DfE 234).
      if (reason === 'CUSTOD' && birthday(child.dob, 10) > spans[spans.length - 1]!.start) reason = 'OTHER';
      if (redesDay !== INF || p.place === 'U6' || p.place === 'U3') redesDay = redesignation(p, next);
    }
    // Any move of the child's own (home, adoption, supported accommodation) leaves the brother or sister behind.
    if (withLead && addressOf(p) !== addressOf(withLead.p)) withLead = null;
    spans[spans.length - 1]!.endReason = reason;
    spans.push({ start: next, p, endReason: null });
    t = next;
  }

  // Temporary placements (hospital, carers' holiday, other) inside settled placements, returning to them.
  const withTemps: Span[] = [];
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    const spanEnd = i + 1 < spans.length ? spans[i + 1]!.start : end;
    const len = spanEnd - span.start;
    const place = span.p.place;
    const eligible = len >= 45 && !['P1', 'K3', 'H5', 'P2', 'A5', 'A6', 'R2'].includes(place);
    if (eligible && rng.chance(1 - Math.exp((-len / 365) * 0.06))) {
      const kind = rng.from(TEMP_KIND);
      const days = kind === 'T4' ? rng.int(1, 6) : kind === 'T3' ? rng.int(2, 14) : rng.int(2, 35);
      const from = span.start + 14;
      const to = spanEnd - 14 - days;
      if (to > from) {
        const ts = rng.int(from, to);
        const te = ts + days;
        if (!ls.some(([d]) => d >= ts - 1 && d <= te + 1)) {
          withTemps.push({ start: span.start, p: span.p, endReason: null });
          withTemps.push({ start: ts, p: newPlacement(kind), endReason: null });
          withTemps.push({ start: te, p: span.p, endReason: span.endReason });
          continue;
        }
      }
    }
    withTemps.push(span);
  }

  recodeSupportedAccommodation(withTemps, end, rng);

  // Episodes: a new one whenever legal status or placement changes.
  const cin = child.uasc ? 'N8' : child.disabled ? 'N2' : rng.from(ageAtStart >= 10 ? CIN_TEEN : CIN_CARE);
  const episodes: Episode[] = [];
  let li = 0;
  let si = 0;
  let day = s;
  while (day < end) {
    while (li + 1 < ls.length && ls[li + 1]![0] <= day) li++;
    while (si + 1 < withTemps.length && withTemps[si + 1]!.start <= day) si++;
    const nextLs = li + 1 < ls.length ? ls[li + 1]![0] : INF;
    const nextSpan = si + 1 < withTemps.length ? withTemps[si + 1]!.start : INF;
    const epEnd = Math.min(nextLs, nextSpan, end);
    const span = withTemps[si]!;
    const prev = episodes[episodes.length - 1];
    let rne = 'S';
    if (prev) {
      const lsChanged = prev.ls !== ls[li]![1];
      const placeChanged = prev.placement !== span.p;
      const sameCarer = prev.placement.carer === span.p.carer;
      rne = placeChanged ? (lsChanged ? (sameCarer ? 'U' : 'B') : sameCarer ? 'T' : 'P') : 'L';
      // The reason sits on the episode that ends before a counted move, never around temporary placements.
      if (placeChanged && !prev.placement.temporary && !span.p.temporary) {
        prev.reasonPlaceChange = withTemps[si - 1]?.endReason ?? 'OTHER';
      }
    }
    episodes.push({
      start: day, end: epEnd, rne, ls: ls[li]![1], cin, placement: span.p, rec: 'X1', reasonPlaceChange: null,
    });
    day = epEnd;
  }
  const last = episodes[episodes.length - 1]!;
  last.rec = finalRec(rng, plan.rec, last.placement.place);

  const reviews = plan.path === 'pace' ? [] : makeReviews(ctx, child, s, end, rng);
  const missing = makeMissing(ctx, child, episodes, ageAtStart, rng);
  const before = child.plans[planIndex - 1];
  const socialWorkers = makeSocialWorkers(ctx, before ? socialWorkerEnd(before.start, before.end) : s, s, end, rng);

  let adoption: AdoptionDetail | null = null;
  if (plan.path === 'adopt') {
    const placed = plan.adoptivePlacement;
    const adoptive = episodes.find((e) => e.start === placed);
    const adopters: 1 | 2 = rng.chance(0.86) ? 2 : 1;
    const sex = adopters === 1 ? (rng.chance(0.85) ? 'F1' : 'M1') : rng.from(ADOPTER_SEX);
    adoption = {
      decision: plan.adoptDecision, placementOrder: plan.placementOrder, placed,
      matched: Math.min(placed, Math.max(plan.placementOrder + 1, placed - rng.int(7, 45))),
      fosterCarer: adoptive?.placement.place === 'A5', adopters, adoptersSex: sex,
      adoptersLs: adopters === 1 ? 'L0' : rng.from(sex === 'MF' ? COUPLE_LS_MF : COUPLE_LS_SAME_SEX),
    };
  }

  let prevPerm: Period['prevPerm'] = { code: 'Z1', date: null, la: null };
  const roll = rng.next();
  // Only a first period can follow a permanence order: a re-entry's order would postdate its earlier episodes (DfE 632).
  if (planIndex === 0 && s - child.dob > 400 && roll < 0.12) {
    // LA_PERM and DATE_PERM are completed for every option but Z1 (DfE 630); most orders were the LA's own.
    prevPerm = { code: roll < 0.02 ? 'P1' : roll < 0.08 ? 'P2' : 'P3', date: child.dob + rng.int(180, s - child.dob - 60), la: ctx.la.code };
  }

  let oc3: Period['oc3'] = null;
  // Care-leaver follow-up only for relevant children: 13 weeks (91 days) looked after since the 14th birthday (DfE 1001).
  if (end === birthday(child.dob, 18) && end - Math.max(s, birthday(child.dob, 14)) >= 91) {
    const inTouch = rng.chance(0.92) ? 'YES' : rng.chance(0.6) ? 'NO' : 'REFU';
    oc3 = inTouch === 'YES'
      ? { inTouch, activ: rng.from(ACTIV), accom: rng.from(ACCOM_BY_REC[last.rec] ?? ACCOM_BY_REC.E8!) }
      : { inTouch, activ: '0', accom: '0' };
  }

  return { ...plan, index: planIndex, rec: last.rec, cin, episodes, reviews, missing, socialWorkers, adoption, prevPerm, oc3 };
}

/** Supported accommodation is K3 from 28 October 2023; before, semi-independent living was H5 or P2 (DfE 217t, 146). */
export const K3_FROM: Day = dayOf(2023, 10, 28);

/**
 * Codes the semi-independent placements of a period by date: K3 before the switch becomes H5 or P2, and one
 * running across it ends on 28 October 2023 and continues as K3 with the same carer (REASON_PLACE_CHANGE PLACE,
 * a change in the placement's status only), as LAs recorded it.
 */
function recodeSupportedAccommodation(spans: Span[], end: Day, rng: Rng): void {
  const recoded = new Map<Placement, Placement>();
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    if (span.p.place !== 'K3' || span.start >= K3_FROM) continue;
    let old = recoded.get(span.p);
    if (!old) recoded.set(span.p, (old = { ...span.p, place: rng.chance(0.6) ? 'H5' : 'P2' }));
    const spanEnd = i + 1 < spans.length ? spans[i + 1]!.start : end;
    if (spanEnd > K3_FROM) {
      spans.splice(i + 1, 0, { start: K3_FROM, p: span.p, endReason: span.endReason });
      span.endReason = 'PLACE';
    }
    span.p = old;
  }
}

const TEMP_KIND = table<string>([['T4', 50], ['T3', 30], ['T1', 20]]);
const ADOPTER_SEX = table<string>([['MF', 80], ['MM', 10], ['FF', 10]]);
/** Adopters' legal status against their sex (DfE 514-524): L11 married and L3 unmarried are MF; L12 married and L4 unmarried are same sex; L2 civil partners either. */
const COUPLE_LS_MF = table<string>([['L11', 70], ['L3', 24], ['L2', 6]]);
const COUPLE_LS_SAME_SEX = table<string>([['L12', 45], ['L2', 35], ['L4', 20]]);
const REC_AT_18_FOSTER = table<string>([['E17', 45], ['E5', 25], ['E6', 10], ['E8', 20]]);
const REC_AT_18_OTHER = table<string>([['E5', 50], ['E6', 25], ['E8', 25]]);

function finalRec(rng: Rng, planned: string, place: string): string {
  if (planned === AT_18) return rng.from(place.startsWith('U') ? REC_AT_18_FOSTER : REC_AT_18_OTHER);
  // Special guardianship (E45 to former foster carers, E46 to others) is coded only from a foster placement
  // (DfE 516); from anywhere else the order is a child arrangements order to other carers.
  if ((planned === 'E45' || planned === 'E46' || planned === 'E47') && !place.startsWith('U')) return 'E48';
  return planned;
}

/**
 * Reg. 33 reviews: first within 20 working days, second within 3 months, then every 6 months. On-time
 * reviews fall safely inside the limit (27 calendar days never exceed 20 working days) and late ones safely
 * outside (40+ calendar days), so the metric's working-day calendar agrees with the simulation's intent.
 */
function makeReviews(ctx: Context, child: Child, s: Day, end: Day, rng: Rng): Review[] {
  const reviews: Review[] = [];
  const onTime = Math.min(0.99, Math.max(0.5, ctx.profile.reviewOnTime + (rng.next() - 0.5) * 0.12));
  let prev = s;
  for (let n = 0; ; n++) {
    const ok = rng.chance(onTime);
    let day: Day;
    if (n === 0) day = ok ? s + rng.int(7, 27) : s + rng.int(40, 70);
    else {
      const due = addMonths(prev, n === 1 ? 3 : 6);
      day = ok ? due - Math.min(rng.int(0, n === 1 ? 30 : 42), due - prev - 14) : due + rng.int(1, 50);
    }
    if (day > end) break;
    const age = ageOn(child.dob, day);
    let code = 'PN0';
    if (age >= 4) for (const [upTo, t] of PARTICIPATION) if (age < upTo) { code = rng.from(t); break; }
    reviews.push({ day, code });
    prev = day;
  }
  return reviews;
}

/** Missing from placement: mostly teenagers, most of all in children's homes, a few "runners" with many incidents. */
function makeMissing(ctx: Context, child: Child, episodes: Episode[], ageAtStart: number, rng: Rng): MissingIncident[] {
  const out: MissingIncident[] = [];
  const runner = rng.chance(ageAtStart >= 11 ? 0.26 : ageAtStart >= 8 ? 0.04 : 0);
  let lastEnd = -INF;
  for (const ep of episodes) {
    if (ep.placement.temporary || ageOn(child.dob, ep.start) < 7) continue;
    const place = ep.placement.place;
    const base = !runner ? 0.03
      : place === 'K2' || place === 'K1' || place === 'R1' ? 16
      : place === 'K3' || place === 'H5' || place === 'P2' ? 9
      : place.startsWith('U') ? 6 : 3.5;
    const rate = base * ctx.profile.missing;
    for (let t = ep.start + rng.exp(365 / rate); t < ep.end - 1; t += rng.exp(365 / rate)) {
      const start = Math.floor(t);
      if (start <= lastEnd) continue;
      const r = rng.next();
      let stop = start + (r < 0.45 ? 0 : r < 0.8 ? 1 : rng.int(2, 7));
      // Incidents never straddle 31 March (the Missing table holds one year) nor outlast the episode.
      stop = Math.min(stop, collectionEnd(start), ep.end - 1);
      out.push({ kind: rng.chance(0.12) ? 'A' : 'M', start, end: stop });
      lastEnd = stop;
    }
  }
  return out;
}

/**
 * Social worker episodes of a period, each starting the day the previous one ends (DfE SW10, SW11a). A child
 * who comes back into care kept a social worker while at home: that episode runs from the last period's end
 * (`from`) to the day care starts again, where a new one starts (DfE SW12: an episode starting care needs a social
 * worker episode starting on or after it). A change never falls in the 6 days before 31 March and the last
 * episode then ends on the 6th day before (DfE SW11b reads an end there as a missing successor).
 */
function makeSocialWorkers(ctx: Context, from: Day, careStart: Day, end: Day, rng: Rng): SocialWorkerEpisode[] {
  const out: SocialWorkerEpisode[] = [];
  if (from < careStart) out.push({ id: rng.pick(ctx.socialWorkers), start: from, end: careStart, reason: rng.from(SW_REASON) });
  let previous = out[0]?.id ?? '';
  const last = socialWorkerEnd(careStart, end);
  for (let t = careStart; t < last; ) {
    let next = Math.min(last, t + Math.max(30, Math.round(rng.exp(330))));
    const changeYearEnd = collectionEnd(next);
    if (next < last && next >= changeYearEnd - 6) next = Math.min(last, changeYearEnd + 1);
    let id = rng.pick(ctx.socialWorkers);
    if (id === previous) id = rng.pick(ctx.socialWorkers);
    const first = out.length === 0;
    out.push({ id, start: t, end: next, reason: first ? (rng.chance(0.6) ? 'TSPROC' : 'MANAGE') : rng.from(SW_REASON) });
    previous = id;
    t = next;
  }
  return out;
}

/** The day a period's last social worker episode ends: its end, or the 6th day before a 31 March it falls close to. */
function socialWorkerEnd(start: Day, end: Day): Day {
  const yearEnd = collectionEnd(end);
  return end >= yearEnd - 5 && yearEnd - 6 > start ? yearEnd - 6 : end;
}
