/**
 * Metric 9, IRO practice (DESIGN.md §4; IRO-PRACTICE.md §4): pure functions of the LA's 903 dataset and its
 * practice records, each reporting numerator and denominator like metrics 1–8. Only counts leave here: no IRO
 * name, child id or free text (the figures go to regional and national aggregates).
 *
 * Definitions (for the year 1 April – as-at):
 *  - caseload: children looked after on the as-at date with an IRO allocated that day, over the FTE of the IROs
 *    active that day; each active IRO's own caseload per FTE is banded against the Handbook's 50–70.
 *  - same IRO: of children looked after on 1 April and on the as-at date, those with an IRO on 1 April and no
 *    other IRO allocated at any time up to the as-at date.
 *  - allocated within 5 working days: periods of care starting in the year whose deadline (start + 5 working
 *    days) is on or before the as-at date, with an IRO allocated by the deadline.
 *  - seen before the review: reviews chaired in the platform in the year where the IRO spoke to the child first.
 *  - contact between reviews: reviews held in the year (903 and platform merged) that follow an earlier review of
 *    the same period of care, with an IRO contact strictly between the two.
 *  - decisions made in the year, with their status as at the as-at date (from their history).
 *  - disputes raised in the year, per 100 children looked after during the year, with the highest stage reached
 *    and the outcome as at the as-at date; resolution time over disputes resolved in the year.
 *  - Rate My Review: cards about reviews held in the year over reviews held in the year.
 *  - siblings: on the as-at date, children with a looked-after sibling placed with all, some or none of them.
 */
import { addWorkingDays } from '../calendar/working-days.ts';
import { childrenLookedAfter } from '../metrics/cla.ts';
import { isLookedAfterOn } from '../metrics/looked-after.ts';
import { timelineOf, yearWindow, type ChildTimeline } from '../metrics/timeline.ts';
import { ratio, type Ratio } from '../metrics/types.ts';
import type { IsoDate, LaDataset } from '../ssda903/records.ts';
import { allocationsByChild, iroOn, isIroActiveOn } from './allocations.ts';
import {
  DISPUTE_THEMES, FEEDBACK_ANSWERS, NOT_IMPLEMENTED_REASONS, type Decision, type DecisionStatus, type Dispute,
  type DisputeTheme, type FeedbackAnswer, type PracticeRecords,
} from './records.ts';
import { groupByChild, heldReviews, type HeldReview } from './reviews.ts';
import { classifySiblingPlacements, summariseSiblingPlacements, type SiblingPlacementSummary } from './siblings.ts';
import { ALLOCATION_WORKING_DAYS, workingDaysBetween } from './working-days.ts';

export const HANDBOOK_CASELOAD = { min: 50, max: 70 } as const;

export interface IroPracticeMetrics {
  caseload: {
    children: number;
    fte: number;
    perFte: number | null;
    /** Active IROs by their own caseload per FTE against the Handbook's 50–70. */
    iros: { below: number; within: number; above: number };
  };
  sameIroThroughYear: Ratio;
  allocatedWithin5WorkingDays: Ratio;
  seenBeforeReview: Ratio;
  contactBetweenReviews: Ratio;
  decisions: {
    made: number;
    implemented: number;
    notImplemented: number;
    notImplementedReasons: Record<(typeof NOT_IMPLEMENTED_REASONS)[number], number>;
    awaiting: number;
    overdue: number;
    /** Implemented over decisions with an outcome (implemented or not). */
    implementedRate: Ratio;
  };
  disputes: {
    /** Disputes raised in the year over children looked after during the year; ×100 for "per 100 CLA". */
    raised: Ratio;
    per100Cla: number | null;
    byTheme: Record<DisputeTheme, number>;
    /** `informal`, then `stage1`…: the highest stage each dispute raised in the year had reached. */
    byHighestStage: Record<string, number>;
    byOutcome: { open: number; resolved: number; withdrawn: number; referred_to_cafcass: number };
    cafcassReferrals: number;
    /** Over disputes resolved in the year, working days from the informal alert to resolution. */
    medianWorkingDaysToResolution: number | null;
    /** The same disputes in bands: additive, so regions and England can be given them (a median is not). */
    resolvedByWorkingDays: { upTo20: number; from21To40: number; over40: number };
    /** Disputes open on the as-at date by working days since raised. */
    openByAge: { upTo20: number; from21To40: number; over40: number };
  };
  rateMyReview: { answers: Record<FeedbackAnswer, number>; responseRate: Ratio };
  siblings: SiblingPlacementSummary;
}

export interface PracticeMetricsOptions {
  yearEnding: number;
  asAt?: IsoDate;
}

/** Metric 9 for one LA. `dataset` should carry the earlier years (mergeDatasets) so periods start where they did. */
export function iroPracticeMetrics(dataset: LaDataset, records: PracticeRecords, options: PracticeMetricsOptions): IroPracticeMetrics {
  const window = yearWindow(options.yearEnding, options.asAt);
  const { start, asAt } = window;
  const timelines = dataset.children.map(timelineOf);
  const allocations = allocationsByChild(records.allocations);
  const practiceReviews = groupByChild(records.reviews);
  const contacts = groupByChild(records.contacts);

  // Caseload on the as-at date.
  const caseloadByIro = new Map<string, number>();
  let allocatedChildren = 0;
  for (const t of timelines) {
    if (!t.episodes.some((e) => isLookedAfterOn(e, asAt))) continue;
    const iro = iroOn(allocations.get(t.child), asAt);
    if (iro === null) continue;
    allocatedChildren++;
    caseloadByIro.set(iro, (caseloadByIro.get(iro) ?? 0) + 1);
  }
  const active = records.iros.filter((i) => isIroActiveOn(i, asAt));
  const fte = Math.round(active.reduce((sum, i) => sum + i.fte, 0) * 100) / 100;
  const iros = { below: 0, within: 0, above: 0 };
  for (const i of active) {
    const perFte = (caseloadByIro.get(i.id) ?? 0) / i.fte;
    iros[perFte < HANDBOOK_CASELOAD.min ? 'below' : perFte > HANDBOOK_CASELOAD.max ? 'above' : 'within']++;
  }

  // IRO continuity and allocation timeliness.
  let continuityDenominator = 0;
  let continuityNumerator = 0;
  let allocationDenominator = 0;
  let allocationNumerator = 0;
  for (const t of timelines) {
    const spells = allocations.get(t.child) ?? [];
    if (t.episodes.some((e) => isLookedAfterOn(e, start)) && t.episodes.some((e) => isLookedAfterOn(e, asAt))) {
      continuityDenominator++;
      const first = iroOn(spells, start);
      if (first !== null && spells.every((a) => a.from > asAt || (a.to !== null && a.to <= start) || a.iro === first)) continuityNumerator++;
    }
    for (const p of t.periods) {
      if (p.start < start || p.start > asAt) continue;
      const deadline = addWorkingDays(p.start, ALLOCATION_WORKING_DAYS);
      if (deadline > asAt) continue;
      allocationDenominator++;
      if (spells.some((a) => a.from <= deadline && (a.to === null || a.to > p.start))) allocationNumerator++;
    }
  }

  // Reviews: seen before, contact between, Rate My Review.
  let seen = 0;
  let chairedHere = 0;
  for (const r of records.reviews) {
    if (r.date < start || r.date > asAt) continue;
    chairedHere++;
    if (r.spokeToChildBefore) seen++;
  }
  let reviewsHeld = 0;
  let followOn = 0;
  let withContact = 0;
  for (const t of timelines) {
    const held = heldReviews(t.records, practiceReviews.get(t.child), t.child);
    const childContacts = contacts.get(t.child) ?? [];
    held.forEach((r, i) => {
      if (r.date < start || r.date > asAt) return;
      reviewsHeld++;
      const previous = previousInPeriod(t, held, i);
      if (!previous) return;
      followOn++;
      if (childContacts.some((c) => c.date > previous.date && c.date < r.date)) withContact++;
    });
  }
  const reviewDates = new Map(records.reviews.map((r) => [r.id, r.date]));
  const answers = Object.fromEntries(FEEDBACK_ANSWERS.map((a) => [a, 0])) as Record<FeedbackAnswer, number>;
  let returned = 0;
  for (const card of records.cards) {
    const reviewDate = reviewDates.get(card.review);
    if (reviewDate === undefined || reviewDate < start || reviewDate > asAt || card.received > asAt) continue;
    returned++;
    answers[card.answer]++;
  }

  return {
    caseload: { children: allocatedChildren, fte, perFte: fte === 0 ? null : allocatedChildren / fte, iros },
    sameIroThroughYear: ratio(continuityNumerator, continuityDenominator),
    allocatedWithin5WorkingDays: ratio(allocationNumerator, allocationDenominator),
    seenBeforeReview: ratio(seen, chairedHere),
    contactBetweenReviews: ratio(withContact, followOn),
    decisions: decisionFigures(records.decisions, start, asAt),
    disputes: disputeFigures(records.disputes, start, asAt, childrenLookedAfter(timelines, window).duringYear),
    rateMyReview: { answers, responseRate: ratio(returned, reviewsHeld) },
    siblings: summariseSiblingPlacements(classifySiblingPlacements(dataset, records.siblingGroups, asAt)),
  };
}

/** The review before `held[i]` when both fall in the same period of care. */
function previousInPeriod(t: ChildTimeline, held: readonly HeldReview[], i: number): HeldReview | undefined {
  const previous = held[i - 1];
  const current = held[i]!;
  if (!previous) return undefined;
  const period = t.periods.find((p) => p.start <= current.date && (p.end === null || current.date <= p.end));
  return period && previous.date >= period.start ? previous : undefined;
}

/** A decision's status on `date`, replayed from its history (the nightly `overdue` marks change no status). */
export function decisionStatusOn(decision: Decision, date: IsoDate): { status: DecisionStatus; reason: Decision['reason'] } | null {
  let state: { status: DecisionStatus; reason: Decision['reason'] } | null = null;
  for (const e of decision.history) {
    if (e.date > date) break;
    if (e.action !== 'overdue') state = { status: e.status, reason: e.reason ?? null };
  }
  return state;
}

function decisionFigures(decisions: readonly Decision[], start: IsoDate, asAt: IsoDate): IroPracticeMetrics['decisions'] {
  const reasons = Object.fromEntries(NOT_IMPLEMENTED_REASONS.map((r) => [r, 0])) as IroPracticeMetrics['decisions']['notImplementedReasons'];
  const out = { made: 0, implemented: 0, notImplemented: 0, awaiting: 0, overdue: 0 };
  for (const d of decisions) {
    if (d.made < start || d.made > asAt) continue;
    const state = decisionStatusOn(d, asAt);
    if (!state) continue;
    out.made++;
    if (state.status === 'implemented') out.implemented++;
    else if (state.status === 'not_implemented') {
      out.notImplemented++;
      if (state.reason) reasons[state.reason.category]++;
    } else {
      out.awaiting++;
      if (d.due < asAt) out.overdue++;
    }
  }
  return { ...out, notImplementedReasons: reasons, implementedRate: ratio(out.implemented, out.implemented + out.notImplemented) };
}

/** The dispute as it stood on `date`: its highest stage then, and its outcome if it had closed by then. */
function disputeOn(d: Dispute, date: IsoDate): { stage: number; outcome: Dispute['status'] } {
  const reached = d.steps.filter((s) => s.date <= date);
  return { stage: reached[reached.length - 1]!.stage, outcome: d.closure && d.closure.date <= date ? d.closure.outcome : 'open' };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function disputeFigures(disputes: readonly Dispute[], start: IsoDate, asAt: IsoDate, claDuringYear: number): IroPracticeMetrics['disputes'] {
  const byTheme = Object.fromEntries(DISPUTE_THEMES.map((t) => [t, 0])) as Record<DisputeTheme, number>;
  const byHighestStage: Record<string, number> = {};
  const byOutcome = { open: 0, resolved: 0, withdrawn: 0, referred_to_cafcass: 0 };
  const openByAge = { upTo20: 0, from21To40: 0, over40: 0 };
  const resolutionDays: number[] = [];
  let raised = 0;
  for (const d of disputes) {
    if (d.raised > asAt) continue;
    const state = disputeOn(d, asAt);
    if (d.raised >= start) {
      raised++;
      byTheme[d.theme]++;
      const key = state.stage === 0 ? 'informal' : `stage${state.stage}`;
      byHighestStage[key] = (byHighestStage[key] ?? 0) + 1;
      byOutcome[state.outcome]++;
    }
    if (state.outcome === 'open') {
      const age = workingDaysBetween(d.raised, asAt);
      openByAge[age <= 20 ? 'upTo20' : age <= 40 ? 'from21To40' : 'over40']++;
    } else if (d.closure && d.closure.outcome === 'resolved' && d.closure.date >= start) {
      resolutionDays.push(workingDaysBetween(d.raised, d.closure.date));
    }
  }
  const raisedRatio = ratio(raised, claDuringYear);
  return {
    raised: raisedRatio,
    per100Cla: raisedRatio.rate === null ? null : raisedRatio.rate * 100,
    byTheme,
    byHighestStage,
    byOutcome,
    cafcassReferrals: byOutcome.referred_to_cafcass,
    medianWorkingDaysToResolution: median(resolutionDays),
    resolvedByWorkingDays: {
      upTo20: resolutionDays.filter((d) => d <= 20).length,
      from21To40: resolutionDays.filter((d) => d > 20 && d <= 40).length,
      over40: resolutionDays.filter((d) => d > 40).length,
    },
    openByAge,
  };
}
