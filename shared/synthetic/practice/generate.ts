/**
 * Synthetic IRO practice records for a generated LA's 903 dataset: roster, allocations, reviews chaired in the
 * platform, contacts, decisions, disputes, Rate My Review cards and sibling groups. Deterministic: the same
 * dataset, LA code and seed give the same records. Records are built through the domain's own commands (so they
 * obey the state machines) and cover the two collection years up to the as-at date (the platform "in use"
 * for two years), with the nightly overdue marks applied as the store would hold them.
 *
 * Targets: caseloads of 52–66 children per FTE; ~86% of IROs allocated within 5 working days; ~92% of 903
 * reviews chaired in the platform, ~70% with the child seen first; 2–4 decisions a review, ~84% implemented;
 * ~10 disputes per 100 children a year, most resolved informally, a few escalated to the DCS and the Chief
 * Executive, a few referred to Cafcass; a card returned for 22–42% of reviews (about 62% good, 27% ok, 11% not
 * happy); 80% of looked-after children in a sibling group (see siblings.ts).
 */
import { addDays, addMonths, daysBetween } from '../../domain/calendar/dates.ts';
import { addWorkingDays } from '../../domain/calendar/working-days.ts';
import { isLookedAfterOn } from '../../domain/metrics/looked-after.ts';
import { timelineOf, yearEnd, yearStart, type ChildTimeline } from '../../domain/metrics/timeline.ts';
import { iroOn, isIroActiveOn } from '../../domain/practice/allocations.ts';
import { markOverdue } from '../../domain/practice/deadlines.ts';
import { implementDecision, makeDecision, markNotImplemented, reopenDecision } from '../../domain/practice/decisions.ts';
import { closeDispute, escalateDispute, raiseDispute, respondToDispute } from '../../domain/practice/disputes.ts';
import { needsFollowUp } from '../../domain/practice/feedback.ts';
import type { Outcome } from '../../domain/practice/outcome.ts';
import {
  DEFAULT_DISPUTE_CHAIN, NOT_IMPLEMENTED_REASONS, type Allocation, type Contact, type Decision, type DecisionTopic,
  type Dispute, type DisputeTheme, type FeedbackCard, type Iro, type PracticeRecords, type PracticeReview,
} from '../../domain/practice/records.ts';
import type { IsoDate, LaDataset } from '../../domain/ssda903/records.ts';
import { Rng, hashString, table } from '../prng.ts';
import { generateSiblingGroups } from './siblings.ts';
import {
  CARD_COMMENTS, DECISION_TEXTS, FIRST_NAMES, LAST_NAMES, NOT_IMPLEMENTED_TEXTS, OWNER_ROLES, RESOLUTION_SUMMARIES, RESPONSE_TEXTS,
} from './texts.ts';

export interface PracticeGenerationOptions {
  seed: number;
  /** The LA's code: one word of every random stream, so two LAs with similar data still differ. */
  laCode: string;
  /** Defaults to 31 March of the dataset's collection year. */
  asAt?: IsoDate;
}

const STREAM = { roster: 1, siblings: 2, allocation: 3, child: 4, disputes: 5 } as const;
const FTE = table<number>([[1, 60], [0.8, 20], [0.6, 10], [0.5, 10]]);
const IRO_CHANGES_PER_YEAR = 0.12;
const RECORDED_IN_PLATFORM = 0.92;
/** Decision outcomes: ~84% implemented, ~11% not implemented, ~5% never followed up (they go overdue). */
const IMPLEMENTED_BELOW = 0.84;
const NOT_IMPLEMENTED_BELOW = 0.95;
const TOPICS = table<DecisionTopic>([
  ['placement', 18], ['contact', 20], ['education', 16], ['health', 16], ['care_plan', 14], ['participation', 8], ['other', 8],
]);
const THEMES = table<DisputeTheme>([
  ['placement_stability', 18], ['permanence', 15], ['drift_and_delay', 14], ['contact', 12], ['care_plan_not_implemented', 12],
  ['education', 8], ['health', 7], ['social_worker_not_allocated', 6], ['child_participation', 4], ['other', 4],
]);
type Path = 'informal' | 'withdrawn' | 'cafcass' | 1 | 2 | 3 | 4;
/** How far a dispute goes: most end informally; stage 3 is the AD/DCS, stage 4 the Chief Executive. */
const PATHS = table<Path>([['informal', 58], ['withdrawn', 6], [1, 15], [2, 9], [3, 5], [4, 2.5], ['cafcass', 2]]);
const ANSWERS = table<FeedbackCard['answer']>([['good', 62], ['ok', 27], ['not_happy', 11]]);
const CONTACT_KINDS = table<Contact['kind']>([['midway_review', 50], ['visit', 25], ['call', 15], ['message', 10]]);

function personName(rng: Rng): string {
  return `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
}

/** Applies a command when it is dated on or before the as-at date; otherwise the record stays as it was. */
function until<T>(asAt: IsoDate, state: T, date: IsoDate, command: (s: T) => Outcome<T>): { state: T; done: boolean } {
  if (date > asAt) return { state, done: false };
  const outcome = command(state);
  if (!outcome.ok) throw new Error(`synthetic practice: ${outcome.refusal.message}`);
  return { state: outcome.value, done: true };
}

export function generatePracticeRecords(dataset: LaDataset, options: PracticeGenerationOptions): PracticeRecords {
  const asAt = options.asAt ?? yearEnd(dataset.yearEnding);
  const since = addMonths(yearStart(dataset.yearEnding), -12);
  const laHash = hashString(`practice:${options.laCode}`);
  const stream = (name: number, ...words: number[]) => new Rng(options.seed, laHash, name, ...words);
  const timelines = dataset.children.map(timelineOf).filter((t) => t.periods.length > 0);
  const lookedAfterNow = timelines.filter((t) => t.episodes.some((e) => isLookedAfterOn(e, asAt)));

  const siblingGroups = generateSiblingGroups(lookedAfterNow, asAt, stream(STREAM.siblings));
  const iros = makeRoster(lookedAfterNow.length, since, asAt, stream(STREAM.roster));
  const allocations = allocate(timelines, iros, siblingGroups, asAt, new Set(lookedAfterNow.map((t) => t.child)), stream(STREAM.allocation));
  const byChild = new Map<string, Allocation[]>();
  for (const a of allocations) {
    const list = byChild.get(a.child);
    if (list) list.push(a);
    else byChild.set(a.child, [a]);
  }

  const reviews: PracticeReview[] = [];
  const contacts: Contact[] = [];
  const decisions: Decision[] = [];
  const cards: FeedbackCard[] = [];
  const returnRate = 0.22 + stream(STREAM.roster, 1).next() * 0.2;
  timelines.forEach((t, index) => {
    const rng = stream(STREAM.child, index);
    const spells = byChild.get(t.child);
    const held = t.records.reviews.filter((r) => r.review >= since && r.review <= asAt);
    held.forEach((r, i) => {
      const iro = iroOn(spells, r.review);
      if (iro === null) return;
      const period = t.periods.find((p) => p.start <= r.review && (p.end === null || r.review <= p.end));
      const previous = held[i - 1];
      if (period && previous && previous.review >= period.start) {
        for (let k = 0; k < 2; k++) {
          if (!rng.chance(k === 0 ? 0.55 : 0.15)) break;
          const date = addDays(previous.review, rng.int(1, Math.max(1, daysBetween(previous.review, r.review) - 1)));
          const by = iroOn(spells, date);
          if (by !== null && date < r.review) {
            contacts.push({ id: `ct-${t.child}-${r.review}-${k}`, child: t.child, iro: by, date, kind: rng.from(CONTACT_KINDS), with: rng.chance(0.8) ? 'child' : 'carer' });
          }
        }
      }
      if (!rng.chance(RECORDED_IN_PLATFORM)) return;
      const review: PracticeReview = {
        id: `rv-${t.child}-${r.review}`, child: t.child, iro, date: r.review,
        participation: r.reviewCode as PracticeReview['participation'],
        spokeToChildBefore: rng.chance(r.reviewCode === 'PN0' ? 0.4 : 0.72),
      };
      reviews.push(review);
      const settled = period !== undefined && daysBetween(period.start, r.review) >= 90;
      const count = rng.int(2, 4);
      for (let k = 0; k < count; k++) {
        const topic: DecisionTopic = k === 0 && settled && rng.chance(0.6) ? 'permanence' : rng.from(TOPICS);
        decisions.push(decisionLifecycle(review, k, topic, asAt, rng));
      }
      if (rng.chance(returnRate)) {
        const received = addDays(r.review, rng.int(1, 21));
        if (received <= asAt) {
          const answer = rng.from(ANSWERS);
          const card: FeedbackCard = {
            id: `cd-${review.id}`, review: review.id, child: t.child, iro, answer,
            comment: rng.chance(answer === 'not_happy' ? 0.5 : 0.18) ? rng.pick(CARD_COMMENTS) : null,
            received, source: rng.chance(0.15) ? 'paper' : 'link', followedUp: null,
          };
          const followUp = addDays(received, rng.int(1, 14));
          if (needsFollowUp(card) && rng.chance(0.85) && followUp <= asAt) card.followedUp = followUp;
          cards.push(card);
        }
      }
    });
  });

  const disputes = generateDisputes(timelines, byChild, since, asAt, stream(STREAM.disputes));
  const marked = markOverdue({ decisions, disputes }, asAt);
  const replace = <T extends { id: string }>(all: T[], changed: T[]) => {
    const byId = new Map(changed.map((c) => [c.id, c]));
    return all.map((x) => byId.get(x.id) ?? x);
  };
  return {
    iros, allocations, reviews, contacts,
    decisions: replace(decisions, marked.decisions),
    disputes: replace(disputes, marked.disputes),
    cards, siblingGroups, disputeChain: DEFAULT_DISPUTE_CHAIN,
  };
}

/** IROs enough for 52–66 children per FTE; in bigger teams one IRO leaves during the year and another joins. */
function makeRoster(children: number, since: IsoDate, asAt: IsoDate, rng: Rng): Iro[] {
  const target = children / (52 + rng.next() * 14);
  const iros: Iro[] = [];
  let fte = 0;
  while (iros.length === 0 || fte < target - 0.25) {
    const f = rng.from(FTE);
    iros.push({ id: `iro-${iros.length + 1}`, name: personName(rng), fte: f, activeFrom: '2000-01-01', activeTo: null });
    fte += f;
  }
  if (iros.length >= 4 && rng.chance(0.6)) {
    const leaver = iros[rng.int(0, iros.length - 1)]!;
    const left = addDays(since, rng.int(400, Math.max(400, daysBetween(since, asAt) - 30)));
    leaver.activeTo = left;
    iros.push({ id: `iro-${iros.length + 1}`, name: personName(rng), fte: leaver.fte, activeFrom: addDays(left, 1), activeTo: null });
  }
  return iros;
}

/**
 * One spell per period of care from its allocation day (within 5 working days of the start for most), an
 * occasional change of IRO, and a hand-over when an IRO leaves. Siblings share an IRO where one is active.
 * Each IRO is chosen as the less loaded (per FTE) of two drawn, counting children looked after on the as-at date.
 */
function allocate(
  timelines: readonly ChildTimeline[], iros: readonly Iro[], groups: PracticeRecords['siblingGroups'], asAt: IsoDate,
  countsAtAsAt: ReadonlySet<string>, rng: Rng,
): Allocation[] {
  const load = new Map(iros.map((i) => [i.id, 0]));
  const groupOf = new Map<string, string>();
  for (const g of groups) for (const c of g.children) groupOf.set(c, g.id);
  const groupIro = new Map<string, string>();
  const choose = (date: IsoDate, except?: string): string => {
    const active = iros.filter((i) => isIroActiveOn(i, date) && i.id !== except);
    const pool = active.length > 0 ? active : iros.filter((i) => isIroActiveOn(i, date));
    const a = rng.pick(pool);
    const b = rng.pick(pool);
    return (load.get(a.id)! / a.fte <= load.get(b.id)! / b.fte ? a : b).id;
  };
  const out: Allocation[] = [];
  for (const t of timelines) {
    const counts = countsAtAsAt.has(t.child);
    for (const p of t.periods) {
      const delay = rng.chance(0.86) ? rng.int(0, 5) : rng.int(6, 15);
      let from = addWorkingDays(p.start, delay);
      const end = p.end !== null && p.end <= asAt ? p.end : null;
      if (end !== null && from >= end) from = p.start;
      if (from > asAt || (end !== null && from >= end)) continue;
      const group = groupOf.get(t.child);
      const shared = group === undefined ? undefined : groupIro.get(group);
      let iro = shared !== undefined && iros.some((i) => i.id === shared && isIroActiveOn(i, from)) ? shared : choose(from);
      if (group !== undefined && shared === undefined) groupIro.set(group, iro);
      // Change points: a random change of IRO, and the day after an IRO's last day.
      const last = end ?? asAt;
      const changes: IsoDate[] = [];
      const years = daysBetween(from, last) / 365.25;
      if (rng.chance(Math.min(0.5, IRO_CHANGES_PER_YEAR * years))) changes.push(addDays(from, rng.int(1, Math.max(1, daysBetween(from, last)))));
      let spellFrom = from;
      let n = 0;
      const close = (to: IsoDate | null) => out.push({ id: `al-${t.child}-${p.start}-${n++}`, child: t.child, iro, from: spellFrom, to });
      for (;;) {
        const current = iros.find((i) => i.id === iro)!;
        const handOver = current.activeTo !== null ? addDays(current.activeTo, 1) : null;
        const candidates = [...changes.filter((c) => c > spellFrom), ...(handOver !== null && handOver > spellFrom ? [handOver] : [])]
          .filter((c) => c <= last && (end === null || c < end));
        const next = candidates.sort()[0];
        if (next === undefined) break;
        close(next);
        spellFrom = next;
        iro = choose(next, iro);
      }
      close(end);
      if (counts && end === null) load.set(iro, load.get(iro)! + 1);
    }
  }
  return out;
}

function decisionLifecycle(review: PracticeReview, k: number, topic: DecisionTopic, asAt: IsoDate, rng: Rng): Decision {
  const dueDays = rng.int(14, 90);
  let d = makeDecision({
    id: `dc-${review.child}-${review.date}-${k}`, child: review.child, review: review.id, made: review.date,
    text: rng.pick(DECISION_TEXTS[topic]), topic, owner: { role: rng.pick(OWNER_ROLES), name: personName(rng) },
    due: addDays(review.date, dueDays),
  });
  const u = rng.next();
  let outcomeDate: IsoDate | null = null;
  if (u < NOT_IMPLEMENTED_BELOW) {
    outcomeDate = addDays(review.date, rng.int(5, dueDays + 21));
    const reason = { category: rng.pick(NOT_IMPLEMENTED_REASONS), text: rng.pick(NOT_IMPLEMENTED_TEXTS) };
    const step = until(asAt, d, outcomeDate, (s) => (u < IMPLEMENTED_BELOW ? implementDecision(s, outcomeDate!) : markNotImplemented(s, outcomeDate!, reason)));
    d = step.state;
    if (step.done && rng.chance(0.06)) {
      const reopened = addDays(outcomeDate, rng.int(7, 60));
      const again = until(asAt, d, reopened, (s) => reopenDecision(s, reopened, addDays(reopened, rng.int(30, 60))));
      d = again.state;
      if (again.done && rng.chance(0.6)) {
        const done = addDays(reopened, rng.int(10, 50));
        d = until(asAt, d, done, (s) => implementDecision(s, done)).state;
      }
    }
  }
  return d;
}

/** About 10 disputes per 100 children a year (the LA's own rate varies 0.6–1.4×), raised while the child is in care. */
function generateDisputes(
  timelines: readonly ChildTimeline[], allocations: ReadonlyMap<string, Allocation[]>, since: IsoDate, asAt: IsoDate, rng: Rng,
): Dispute[] {
  const chain = DEFAULT_DISPUTE_CHAIN;
  const rate = 0.1 * (0.6 + rng.next() * 0.8);
  const out: Dispute[] = [];
  for (const t of timelines) {
    for (const p of t.periods) {
      const from = p.start > since ? p.start : since;
      const to = p.end !== null && p.end < asAt ? p.end : asAt;
      const days = daysBetween(from, to);
      if (days <= 0) continue;
      const expected = (rate * days) / 365.25;
      const n = Math.floor(expected) + (rng.chance(expected - Math.floor(expected)) ? 1 : 0);
      for (let k = 0; k < n; k++) {
        const raised = addDays(from, rng.int(0, days - 1));
        const iro = iroOn(allocations.get(t.child), raised);
        if (iro === null) continue;
        out.push(disputeLifecycle(`ds-${t.child}-${raised}-${k}`, t.child, iro, raised, chain, asAt, rng));
      }
    }
  }
  return out;
}

function disputeLifecycle(id: string, child: string, iro: string, raised: IsoDate, chain: PracticeRecords['disputeChain'], asAt: IsoDate, rng: Rng): Dispute {
  const path = rng.from(PATHS);
  let d = raiseDispute({ id, child, iro, theme: rng.from(THEMES), raised, alertRecipient: personName(rng) }, chain);
  let day = raised;
  const act = (date: IsoDate, command: (s: Dispute) => Outcome<Dispute>): boolean => {
    const step = until(asAt, d, date, command);
    d = step.state;
    if (step.done) day = date;
    return step.done;
  };
  const respond = (afterWorkingDays: number) => {
    const date = addWorkingDays(day, afterWorkingDays);
    return act(date, (s) => respondToDispute(s, date, rng.pick(RESPONSE_TEXTS)));
  };
  const close = (outcome: 'resolved' | 'withdrawn' | 'referred_to_cafcass', afterWorkingDays: number) => {
    const date = addWorkingDays(day, afterWorkingDays);
    return act(date, (s) => closeDispute(s, { outcome, date, summary: rng.pick(RESOLUTION_SUMMARIES) }));
  };
  if (path === 'withdrawn') {
    close('withdrawn', rng.int(1, 8));
    return d;
  }
  if (path === 'informal') {
    if (respond(rng.int(2, 12))) close('resolved', rng.int(0, 5));
    return d;
  }
  if (rng.chance(0.7) && !respond(rng.int(3, 12))) return d;
  const top = path === 'cafcass' ? rng.int(0, 2) : path;
  for (let stage = 1; stage <= top; stage++) {
    if (stage === 2 && top >= 3 && rng.chance(0.3)) continue; // the IRO may skip a stage
    const date = addWorkingDays(day, rng.int(1, 4));
    if (!act(date, (s) => escalateDispute(s, { stage, recipient: `${personName(rng)}, ${chain.stages[stage - 1]!.title}`, date }, chain))) return d;
    if (!respond(rng.int(2, 8))) return d;
  }
  close(path === 'cafcass' ? 'referred_to_cafcass' : 'resolved', rng.int(1, 5));
  return d;
}
