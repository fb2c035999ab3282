/**
 * IRO practice records (pure): what the routes, the store and the nightly job call. See records.ts for the record
 * types and their schemas, and each module for its rules.
 */
export * from './records.ts';
export * from './outcome.ts';
export { allocateIro, allocationsByChild, iroOn, isAllocatedOn, isIroActiveOn } from './allocations.ts';
export { implementDecision, isAwaiting, isDecisionOverdue, makeDecision, markNotImplemented, reopenDecision } from './decisions.ts';
export { INFORMAL_STAGE, closeDispute, currentStep, escalateDispute, highestStage, isStepOverdue, raiseDispute, respondToDispute } from './disputes.ts';
export { FEEDBACK_LINK_DAYS, followUpCard, hashToken, issueFeedbackLink, needsFollowUp, paperCard, redeemFeedbackLink } from './feedback.ts';
export { markOverdue, type DeadlineChanges } from './deadlines.ts';
export { classifySiblingPlacements, summariseSiblingPlacements, type ChildSiblingPlacement, type SiblingPlacementSummary } from './siblings.ts';
export { buildWorklist, TEMPORARY_LIMIT_DAYS, type WorklistOptions, type WorklistReason, type WorklistRow } from './worklist.ts';
export { HANDBOOK_CASELOAD, decisionStatusOn, iroPracticeMetrics, type IroPracticeMetrics, type PracticeMetricsOptions } from './metrics.ts';
export { heldReviews, type HeldReview } from './reviews.ts';
export { ALLOCATION_WORKING_DAYS, dueAfterWorkingDays, workingDaysBetween } from './working-days.ts';
