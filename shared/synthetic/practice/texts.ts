/** Made-up wording for synthetic practice records: plausible, never about a real person. */
import type { DecisionTopic } from '../../domain/practice/records.ts';

export const FIRST_NAMES = ['Alex', 'Sam', 'Jo', 'Chris', 'Priya', 'Tom', 'Aisha', 'Ruth', 'Daniel', 'Mei', 'Owen', 'Grace', 'Imran', 'Kate', 'Lewis', 'Nadia'];
export const LAST_NAMES = ['Morgan', 'Patel', 'Hughes', 'Okafor', 'Walsh', 'Campbell', 'Reid', 'Khan', 'Turner', 'Baker', 'Shaw', 'Ellis', 'Price', 'Nolan'];

export const OWNER_ROLES = ['Social worker', 'Team manager', 'Foster carer', 'Virtual school head', 'Looked-after children nurse', 'Residential key worker'];

export const DECISION_TEXTS: Readonly<Record<DecisionTopic, readonly string[]>> = {
  permanence: ['Present the permanence plan to the next panel', 'Complete the long-term fostering match', 'Progress the special guardianship assessment'],
  placement: ['Review placement support with the carers', 'Hold a placement stability meeting', 'Seek a placement closer to school'],
  contact: ['Arrange family time with siblings every fortnight', 'Review contact with birth parents', 'Set up letterbox contact with grandparents'],
  education: ['Update the personal education plan', 'Request one-to-one tutoring through the virtual school', 'Apply for a school place near the placement'],
  health: ['Complete the review health assessment', 'Refer to CAMHS for an assessment', 'Book the overdue dental check'],
  care_plan: ['Update the care plan after the review', 'Complete the pathway plan', 'Share the life story work with the child'],
  participation: ['Offer an independent advocate', 'Ask the child how they want to join the next review', 'Share the review record with the child in plain words'],
  other: ['Apply for the child’s passport', 'Open a junior ISA', 'Confirm the delegated authority agreement'],
};

export const NOT_IMPLEMENTED_TEXTS = [
  'No suitable placement available', 'Funding was not agreed', 'Circumstances changed before it could happen',
  'The child did not want this', 'The court directed otherwise', 'The service manager did not agree',
];

export const RESPONSE_TEXTS = [
  'Plan agreed and dates set', 'Social worker allocated this week', 'Matter taken to the placements panel',
  'Funding agreed for the support requested', 'Further assessment commissioned',
];

export const RESOLUTION_SUMMARIES = [
  'Brothers placed together', 'Care plan updated and implemented', 'Family time restarted',
  'School place secured', 'Social worker allocated', 'Permanence plan approved at panel', 'Health assessment completed',
];

export const CARD_COMMENTS = [
  'I want to see my brother more', 'The meeting was too long', 'I liked that I could speak first',
  'Nobody told me about the review', 'I want to stay where I am', 'Can my teacher come next time',
];
