import { PARTICIPATION_CODES } from '../../../../shared/domain/metrics/types.ts';
import {
  CONTACT_KINDS, DECISION_TOPICS, FEEDBACK_ANSWERS, NOT_IMPLEMENTED_REASONS, type DecisionStatus, type DecisionTopic,
} from '../../../../shared/domain/practice/records.ts';

/** The practice records' codes as the IRO pages show them (each list's codes are the domain's). */

/** The DfE's participation codes (903 REVIEW_CODE), as the chair records them. */
export const PARTICIPATION: Record<(typeof PARTICIPATION_CODES)[number], string> = {
  PN0: 'PN0: child aged under 4 at the time of the review',
  PN1: 'PN1: child attended and spoke for themselves',
  PN2: 'PN2: child attended and an advocate spoke for them',
  PN3: 'PN3: child attended and conveyed their view non-verbally',
  PN4: 'PN4: child attended but did not speak or convey a view',
  PN5: 'PN5: child did not attend but briefed an advocate',
  PN6: 'PN6: child did not attend but gave their view another way',
  PN7: 'PN7: child did not attend or convey a view',
};
export const TOPIC_LABELS: Record<DecisionTopic, string> = {
  permanence: 'Permanence', placement: 'Placement', contact: 'Contact', education: 'Education', health: 'Health',
  care_plan: 'Care plan', participation: 'Participation', other: 'Other',
};
export const TOPICS = DECISION_TOPICS.map((t) => [t, TOPIC_LABELS[t]] as const);
export const CONTACT_LABELS: Record<(typeof CONTACT_KINDS)[number], string> = { midway_review: 'Midway review', visit: 'Visit', call: 'Call', message: 'Message' };
export const ANSWERS: Record<(typeof FEEDBACK_ANSWERS)[number], string> = { good: 'Good', ok: 'OK', not_happy: 'Not happy' };

export const STATUS_LABELS: Record<DecisionStatus, string> = { open: 'Open', implemented: 'Implemented', not_implemented: 'Not implemented', reopened: 'Reopened' };
export const STATUS_TAGS: Record<DecisionStatus, string> = { open: 'govuk-tag--blue', implemented: 'govuk-tag--green', not_implemented: 'govuk-tag--red', reopened: 'govuk-tag--purple' };
export const REASON_LABELS: Record<(typeof NOT_IMPLEMENTED_REASONS)[number], string> = {
  resources: 'Resources', placement_availability: 'No placement available', change_of_circumstances: 'Change of circumstances',
  child_wishes: "The child's wishes", court_direction: 'Court direction', la_disagrees: 'The LA disagrees', other: 'Other',
};

