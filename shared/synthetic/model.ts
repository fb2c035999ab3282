/** The simulated timeline of a child: periods of care made of episodes, reviews, missing incidents. */
import type { Day } from './calendar.ts';

/** Why a child is in care this time: decides legal statuses, how the period ends and roughly when. */
export type Path = 'home' | 'adopt' | 'sgo' | 'leave18' | 'other' | 'remand' | 'pace';

export interface Placement {
  place: string;
  provider: string;
  plPost: string;
  urn: string;
  /** Same number = same carer(s): decides RNE T/U (same carer) against P/B. */
  carer: number;
  temporary: boolean;
}

export interface Episode {
  start: Day;
  /** The day the episode ends (the next episode's start, or the period's end). */
  end: Day;
  rne: string;
  ls: string;
  cin: string;
  placement: Placement;
  /** X1 for all but the last episode of the period. */
  rec: string;
  reasonPlaceChange: string | null;
}

export interface Review {
  day: Day;
  code: string;
}

export interface MissingIncident {
  kind: 'M' | 'A';
  start: Day;
  end: Day;
}

export interface SocialWorkerEpisode {
  id: string;
  start: Day;
  end: Day;
  reason: string;
}

export interface AdoptionDetail {
  /** Agency decision that the child should be placed for adoption (PlacedAdoption DATE_PLACED, AD1 DATE_INT). */
  decision: Day;
  placementOrder: Day;
  placed: Day;
  matched: Day;
  fosterCarer: boolean;
  adopters: 1 | 2;
  adoptersSex: string;
  adoptersLs: string;
}

/** The plan of a period, cheap to draw: the arrival process and the national sizing only need these. */
export interface PeriodPlan {
  start: Day;
  end: Day;
  rec: string;
  path: Path;
  /** V2 (s20) throughout, else care proceedings (C1, C2, E1…). */
  s20: boolean;
  /** Adoption path: decision, placement order, adoptive placement days. */
  adoptDecision: Day;
  placementOrder: Day;
  adoptivePlacement: Day;
}

export interface Period extends PeriodPlan {
  index: number;
  cin: string;
  episodes: Episode[];
  reviews: Review[];
  missing: MissingIncident[];
  socialWorkers: SocialWorkerEpisode[];
  adoption: AdoptionDetail | null;
  /** PrevPerm: the option, its date and the LA that arranged it (null for Z1). */
  prevPerm: { code: string; date: Day | null; la: string | null };
  /** Care-leaver follow-up (OC3) for a relevant child whose period ends at the 18th birthday: reported in the
   * years of the 19th, 20th and 21st birthdays (DfE 1016: not in the year the young person left at 18). */
  oc3: { inTouch: string; activ: string; accom: string } | null;
}

export interface Child {
  index: number;
  id: string;
  dob: Day;
  sex: 1 | 2;
  ethnic: string;
  uasc: boolean;
  disabled: boolean;
  /** A permanent UPN, used once the child is of school age; younger children carry UN1. */
  upn: string;
  /** Some children never get a UPN recorded (UN3–UN5). */
  upnMissing: string | null;
  homePost: string;
  /** Date of birth of this girl's own child, if she becomes a mother while looked after. */
  motherChildDob: Day | null;
  plans: PeriodPlan[];
  /** Filled on demand for the periods that touch the requested years. */
  periods: (Period | undefined)[];
  /** Short-break-only children: every break is a one-episode period (V3/V4, no reviews). */
  shortBreakLs: 'V3' | 'V4' | null;
  /** The brother or sister this child came into care with (its family's first arrival), whose foster homes the
   * child may share; null for a child who arrived alone or is the first of its family. */
  lead: Child | null;
}
