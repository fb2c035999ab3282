/**
 * Metric 9 (IRO practice) in the regional and national snapshots: its additive counts as canonical measures
 * (suppressed jointly with metrics 1–8), its row relations as equations for secondary suppression, and its
 * published form. Only counts are aggregated: `iroPracticeMetrics` holds no IRO name, child id or free text.
 * Not aggregated: the median days to resolution (a median of medians means nothing; the banded counts
 * `resolvedByWorkingDays` are published instead).
 */
import { suppressedCell } from '../disclosure/publish.ts';
import type { Equation } from '../disclosure/suppress.ts';
import type { PublishedValue, SuppressedCell } from '../disclosure/types.ts';
import { DISPUTE_THEMES, FEEDBACK_ANSWERS, NOT_IMPLEMENTED_REASONS } from '../practice/records.ts';
import type { IroPracticeMetrics } from '../practice/metrics.ts';
import type { AggregateMetrics, PublishedRatio } from './types.ts';
import { BANDS, CASELOAD_BANDS, HIGHEST_STAGES, OUTCOMES, PLACED, type Counts, type PublishedIroPractice } from './practice-shape.ts';

export { HIGHEST_STAGES, type PublishedIroPractice };

type Getter = (m: AggregateMetrics) => number | null | undefined;


const P = 'iroPractice.';
const practice = (get: (p: IroPracticeMetrics) => number | null | undefined): Getter => (m) => (m.iroPractice ? get(m.iroPractice) : undefined);
const ratioMeasures = (name: 'sameIroThroughYear' | 'allocatedWithin5WorkingDays' | 'seenBeforeReview' | 'contactBetweenReviews'): [string, Getter][] => [
  [`${P}${name}.numerator`, practice((p) => p[name].numerator)],
  [`${P}${name}.denominator`, practice((p) => p[name].denominator)],
];

/** The counts of metric 9; null (not in any equation) for an LA with no practice snapshot. */
export const PRACTICE_MEASURES: readonly (readonly [string, Getter])[] = [
  [`${P}caseload.children`, practice((p) => p.caseload.children)],
  ...CASELOAD_BANDS.map((b): [string, Getter] => [`${P}caseload.iros.${b}`, practice((p) => p.caseload.iros[b])]),
  ...ratioMeasures('sameIroThroughYear'),
  ...ratioMeasures('allocatedWithin5WorkingDays'),
  ...ratioMeasures('seenBeforeReview'),
  ...ratioMeasures('contactBetweenReviews'),
  [`${P}decisions.made`, practice((p) => p.decisions.made)],
  [`${P}decisions.implemented`, practice((p) => p.decisions.implemented)],
  [`${P}decisions.notImplemented`, practice((p) => p.decisions.notImplemented)],
  [`${P}decisions.withOutcome`, practice((p) => p.decisions.implementedRate.denominator)],
  [`${P}decisions.awaiting`, practice((p) => p.decisions.awaiting)],
  [`${P}decisions.overdue`, practice((p) => p.decisions.overdue)],
  ...NOT_IMPLEMENTED_REASONS.map((r): [string, Getter] => [`${P}decisions.notImplementedReasons.${r}`, practice((p) => p.decisions.notImplementedReasons[r])]),
  [`${P}disputes.raised`, practice((p) => p.disputes.raised.numerator)],
  [`${P}disputes.claDuringYear`, practice((p) => p.disputes.raised.denominator)],
  ...DISPUTE_THEMES.map((t): [string, Getter] => [`${P}disputes.byTheme.${t}`, practice((p) => p.disputes.byTheme[t])]),
  ...HIGHEST_STAGES.map((s): [string, Getter] => [`${P}disputes.byHighestStage.${s}`, practice((p) => p.disputes.byHighestStage[s] ?? 0)]),
  ...OUTCOMES.map((o): [string, Getter] => [`${P}disputes.byOutcome.${o}`, practice((p) => p.disputes.byOutcome[o])]),
  ...BANDS.map((b): [string, Getter] => [`${P}disputes.openByAge.${b}`, practice((p) => p.disputes.openByAge[b])]),
  ...BANDS.map((b): [string, Getter] => [`${P}disputes.resolvedByWorkingDays.${b}`, practice((p) => p.disputes.resolvedByWorkingDays[b])]),
  ...FEEDBACK_ANSWERS.map((a): [string, Getter] => [`${P}rateMyReview.answers.${a}`, practice((p) => p.rateMyReview.answers[a])]),
  [`${P}rateMyReview.returned`, practice((p) => p.rateMyReview.responseRate.numerator)],
  [`${P}rateMyReview.reviewsHeld`, practice((p) => p.rateMyReview.responseRate.denominator)],
  ...PLACED.map((s): [string, Getter] => [`${P}siblings.${s}`, practice((p) => p.siblings[s])]),
  ...PLACED.map((s): [string, Getter] => [`${P}siblings.foster.${s}`, practice((p) => p.siblings.foster[s])]),
];

/** Metric 9's row relations: every breakdown sums to its total, so no suppressed part can be recovered from it. */
export function practiceEquations(cell: (measure: string) => string): Equation[] {
  const c = (m: string) => cell(P + m);
  const raised = c('disputes.raised');
  return [
    { total: c('decisions.made'), parts: [c('decisions.withOutcome'), c('decisions.awaiting')] },
    { total: c('decisions.withOutcome'), parts: [c('decisions.implemented'), c('decisions.notImplemented')] },
    // A decision is marked not implemented only with the LA's stated reason (records.ts), so the reasons sum.
    { total: c('decisions.notImplemented'), parts: NOT_IMPLEMENTED_REASONS.map((r) => c(`decisions.notImplementedReasons.${r}`)) },
    { total: raised, parts: DISPUTE_THEMES.map((t) => c(`disputes.byTheme.${t}`)) },
    { total: raised, parts: HIGHEST_STAGES.map((s) => c(`disputes.byHighestStage.${s}`)) },
    { total: raised, parts: OUTCOMES.map((o) => c(`disputes.byOutcome.${o}`)) },
    { total: c('rateMyReview.returned'), parts: FEEDBACK_ANSWERS.map((a) => c(`rateMyReview.answers.${a}`)) },
  ];
}

/** How index.ts publishes one entity's cells (shared with metrics 1–8, so both follow the same rules). */
export interface CellPublisher {
  value(measure: string): number | null;
  hidden(measure: string): boolean;
  count(measure: string): PublishedValue;
  ratio(numerator: string, denominator: string): PublishedRatio;
  rate(numerator: string, denominator: string, scale: number): number | SuppressedCell | null;
}

/** null when no LA aggregated (or this LA) has practice records. */
export function publishPractice(cells: CellPublisher, fte: number | null): PublishedIroPractice | null {
  if (cells.value(`${P}caseload.children`) === null || fte === null) return null;
  const count = (m: string) => cells.count(P + m);
  const ratio = (m: string, den = `${m}.denominator`) => cells.ratio(`${P}${m}.numerator`, P + den);
  const counts = <K extends string>(prefix: string, keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, count(`${prefix}.${k}`)])) as Counts<K>;
  const children = `${P}caseload.children`;
  return {
    caseload: {
      children: count('caseload.children'),
      fte: Math.round(fte * 10) / 10,
      perFte: cells.hidden(children) ? suppressedCell('rate') : fte === 0 ? null : Math.round((10 * cells.value(children)!) / fte) / 10,
      iros: counts('caseload.iros', CASELOAD_BANDS),
    },
    sameIroThroughYear: ratio('sameIroThroughYear'),
    allocatedWithin5WorkingDays: ratio('allocatedWithin5WorkingDays'),
    seenBeforeReview: ratio('seenBeforeReview'),
    contactBetweenReviews: ratio('contactBetweenReviews'),
    decisions: {
      made: count('decisions.made'),
      implemented: count('decisions.implemented'),
      notImplemented: count('decisions.notImplemented'),
      notImplementedReasons: counts('decisions.notImplementedReasons', NOT_IMPLEMENTED_REASONS),
      awaiting: count('decisions.awaiting'),
      overdue: count('decisions.overdue'),
      implementedRate: cells.ratio(`${P}decisions.implemented`, `${P}decisions.withOutcome`),
    },
    disputes: {
      raised: cells.ratio(`${P}disputes.raised`, `${P}disputes.claDuringYear`),
      per100Cla: cells.rate(`${P}disputes.raised`, `${P}disputes.claDuringYear`, 100),
      byTheme: counts('disputes.byTheme', DISPUTE_THEMES),
      byHighestStage: counts('disputes.byHighestStage', HIGHEST_STAGES),
      byOutcome: counts('disputes.byOutcome', OUTCOMES),
      openByAge: counts('disputes.openByAge', BANDS),
      resolvedByWorkingDays: counts('disputes.resolvedByWorkingDays', BANDS),
    },
    rateMyReview: {
      answers: counts('rateMyReview.answers', FEEDBACK_ANSWERS),
      responseRate: cells.ratio(`${P}rateMyReview.returned`, `${P}rateMyReview.reviewsHeld`),
    },
    siblings: { ...counts('siblings', PLACED), foster: counts('siblings.foster', PLACED) },
  };
}
