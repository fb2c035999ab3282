/**
 * The worklist of one IRO or of the whole LA on a date: every row says why it is there and which record it
 * concerns. Built from the LA's 903 dataset (merge earlier years first: the review sequence and drift look back)
 * and its practice records, indexed once by child so a 3,000-child LA is one pass.
 */
import { addMonths, daysBetween } from '../calendar/dates.ts';
import { isLookedAfterOn } from '../metrics/looked-after.ts';
import { placementsInYear } from '../metrics/placements.ts';
import { nextReviewDue } from '../metrics/review-schedule.ts';
import { periodOn, timelineOf, yearWindow } from '../metrics/timeline.ts';
import type { EpisodeRecord, IsoDate, LaDataset } from '../ssda903/records.ts';
import { allocationsByChild, iroOn } from './allocations.ts';
import { isAwaiting, isDecisionOverdue } from './decisions.ts';
import { currentStep, isStepOverdue } from './disputes.ts';
import { needsFollowUp } from './feedback.ts';
import type { PracticeRecords } from './records.ts';
import { collectionYearOf, groupByChild, heldReviews } from './reviews.ts';
import { REVIEW_LOOKAHEAD_WORKING_DAYS, dueAfterWorkingDays } from './working-days.ts';

export type WorklistReason =
  | 'review_overdue' | 'review_due_soon' | 'decision_overdue' | 'dispute_step_overdue' | 'feedback_follow_up'
  | 'no_iro_allocated' | 'temporary_placement_too_long' | 'three_or_more_placements' | 'no_permanence_decision';

export interface WorklistRow {
  reason: WorklistReason;
  /** One line for the IRO, e.g. "review due 2025-05-02 (second review: 3 months after the first)". */
  detail: string;
  child: string;
  /** The child's IRO on the date (or, for a dispute or card, the IRO it belongs to); null when none. */
  iro: string | null;
  /** The date the row is about (a due date, an episode start, a card's arrival): the list's order. */
  date: IsoDate;
  /** The record to open: a practice record by id, or the child's 903 record (`episode` id = its DECOM). */
  record: { type: 'review_sequence' | 'decision' | 'dispute' | 'card' | 'child' | 'episode'; id: string };
}

/** Temporary placements' limits in days (DESIGN §3: T1 hospital 6 weeks, T3 carers' holiday 3 weeks, T4 7 days). */
export const TEMPORARY_LIMIT_DAYS: Readonly<Record<string, number>> = { T1: 42, T3: 21, T4: 7 };
const DRIFT_MONTHS = 24;

export interface WorklistOptions {
  /** Rows of this IRO only; omitted = the whole LA, including children with no IRO. */
  iro?: string;
}

/** The practice records the worklist reads. */
export type WorklistRecords = Pick<PracticeRecords, 'allocations' | 'reviews' | 'decisions' | 'disputes' | 'cards'>;

export function buildWorklist(dataset: LaDataset, records: WorklistRecords, date: IsoDate, options: WorklistOptions = {}): WorklistRow[] {
  const rows: WorklistRow[] = [];
  const allocations = allocationsByChild(records.allocations);
  const practiceReviews = groupByChild(records.reviews);
  const permanenceDecisions = groupByChild(records.decisions.filter((d) => d.topic === 'permanence'));
  const lookahead = dueAfterWorkingDays(date, REVIEW_LOOKAHEAD_WORKING_DAYS);
  const window = yearWindow(collectionYearOf(date), date);
  const driftStart = addMonths(date, -DRIFT_MONTHS);

  for (const records903 of dataset.children) {
    if (!records903.episodes.some((e) => isLookedAfterOn(e, date))) continue;
    const timeline = timelineOf(records903);
    const child = timeline.child;
    const iro = iroOn(allocations.get(child), date);
    const add = (row: Omit<WorklistRow, 'child' | 'iro'>) => rows.push({ ...row, child, iro });
    if (iro === null) add({ reason: 'no_iro_allocated', detail: 'looked after with no IRO allocated', date, record: { type: 'child', id: child } });

    const period = periodOn(timeline, date);
    if (!period) continue;
    const held = heldReviews(records903, practiceReviews.get(child), child)
      .filter((r) => r.date >= period.start && r.date <= date)
      .map((r) => r.date);
    const due = nextReviewDue(period.start, held);
    const which = held.length === 0 ? 'first review' : held.length === 1 ? 'second review' : 'next review';
    if (due < date) {
      add({ reason: 'review_overdue', detail: `${which} was due ${due}`, date: due, record: { type: 'review_sequence', id: child } });
    } else if (due <= lookahead) {
      add({ reason: 'review_due_soon', detail: `${which} due ${due}`, date: due, record: { type: 'review_sequence', id: child } });
    }

    const temporary = temporaryRunStart(period.episodes, date);
    if (temporary) {
      add({
        reason: 'temporary_placement_too_long',
        detail: `temporary placement ${temporary.place} since ${temporary.start}: ${daysBetween(temporary.start, date)} days, limit ${TEMPORARY_LIMIT_DAYS[temporary.place]}`,
        date: temporary.start,
        record: { type: 'episode', id: temporary.start },
      });
    }
    const placements = placementsInYear(timeline, window).count;
    if (placements >= 3) {
      add({ reason: 'three_or_more_placements', detail: `${placements} placements since ${window.start}`, date: window.start, record: { type: 'child', id: child } });
    }
    if (period.start <= driftStart && !(permanenceDecisions.get(child) ?? []).some((d) => d.made >= period.start)) {
      add({
        reason: 'no_permanence_decision',
        detail: `in care since ${period.start} with no permanence decision recorded`,
        date: period.start,
        record: { type: 'child', id: child },
      });
    }
  }

  for (const d of records.decisions) {
    if (!isDecisionOverdue(d, date)) continue;
    rows.push({
      reason: 'decision_overdue', detail: `decision of ${d.made} (${d.topic.replaceAll('_', ' ')}) was due ${d.due}`,
      child: d.child, iro: iroOn(allocations.get(d.child), date), date: d.due, record: { type: 'decision', id: d.id },
    });
  }
  for (const d of records.disputes) {
    if (d.status !== 'open') continue;
    const step = currentStep(d);
    if (!isStepOverdue(step, date)) continue;
    rows.push({
      reason: 'dispute_step_overdue',
      detail: `${step.stage === 0 ? 'informal alert' : `stage ${step.stage}`} of ${step.date} unanswered, due ${step.due}`,
      child: d.child, iro: d.iro, date: step.due, record: { type: 'dispute', id: d.id },
    });
  }
  for (const card of records.cards) {
    if (!needsFollowUp(card)) continue;
    rows.push({
      reason: 'feedback_follow_up', detail: card.answer === 'not_happy' ? 'Rate My Review: not happy' : 'Rate My Review card with a comment',
      child: card.child, iro: card.iro, date: card.received, record: { type: 'card', id: card.id },
    });
  }

  const mine = options.iro === undefined ? rows : rows.filter((r) => r.iro === options.iro);
  return mine.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.child < b.child ? -1 : a.child > b.child ? 1 : 0));
}

/**
 * The part of the 903 dataset and the practice records that can put a row on the worklist of any date on or after
 * `from`: buildWorklist on it gives the same rows as on everything, for every such date (tested). Kept: children
 * still looked after after `from`, with their whole records (the review sequence and drift look back); allocation
 * spells not ended by `from`; practice reviews and permanence decisions since the start of a period of care that
 * runs past `from`; decisions still awaiting an outcome; open disputes; cards awaiting follow-up. Each condition
 * holds on every later date until the record itself changes, which is what lets the tenant job store this basis
 * and the route patch in only the records changed since.
 */
export function worklistBasis(dataset: LaDataset, records: WorklistRecords, from: IsoDate): { dataset: LaDataset; records: WorklistRecords } {
  const since = new Map<string, IsoDate>();
  const children = dataset.children.filter((c) => {
    if (!c.episodes.some((e) => e.dec === null || e.dec > from)) return false;
    const starts = timelineOf(c).periods.filter((p) => p.end === null || p.end > from).map((p) => p.start).sort();
    if (starts[0] !== undefined) since.set(c.child, starts[0]);
    return true;
  });
  const inLaterPeriod = (r: { child: string }, date: IsoDate) => {
    const start = since.get(r.child);
    return start !== undefined && date >= start;
  };
  return {
    dataset: { yearEnding: dataset.yearEnding, children },
    records: {
      allocations: records.allocations.filter((a) => a.to === null || a.to > from),
      reviews: records.reviews.filter((r) => inLaterPeriod(r, r.date)),
      decisions: records.decisions.filter((d) => isAwaiting(d) || (d.topic === 'permanence' && inLaterPeriod(d, d.made))),
      disputes: records.disputes.filter((d) => d.status === 'open'),
      cards: records.cards.filter(needsFollowUp),
    },
  };
}

/** The start and code of the temporary placement in force on `date`, when it has run beyond its limit. */
function temporaryRunStart(episodes: readonly EpisodeRecord[], date: IsoDate): { place: string; start: IsoDate } | null {
  const index = episodes.findIndex((e) => e.decom <= date && (e.dec === null || e.dec > date));
  const current = episodes[index];
  const limit = current ? TEMPORARY_LIMIT_DAYS[current.place] : undefined;
  if (!current || limit === undefined) return null;
  let start = current.decom;
  // A legal-status change inside the same temporary placement does not restart its clock.
  for (let i = index - 1; i >= 0 && episodes[i]!.place === current.place; i--) start = episodes[i]!.decom;
  return daysBetween(start, date) > limit ? { place: current.place, start } : null;
}
