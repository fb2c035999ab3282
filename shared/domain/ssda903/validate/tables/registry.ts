/**
 * The DfE rules whose primary table is OC2, OC3, AD1, PlacedAdoption, PrevPerm, UASC or SWEpisodes, plus the DfE
 * integrity checks on those tables: each with the DfE's code, its message (DfE guidance wording) and severity, and
 * the first collection year (named by its end) it applies to.
 *
 * The DfE tool carries no severity, so it follows the DfE wording: an invalid code or date, a "must"/"cannot"
 * rule, contradictory items and the integrity (INT) checks are errors; a rule the DfE words "should", "appears"
 * or "check" is a query (NOT-IMPLEMENTED-TABLES.md says so beside the list).
 */
import type { Severity } from '../severity.ts';

interface TableRule {
  severity: Severity;
  message: string;
  /** The first collection year the rule applies to (2025 = 2024-25) when it is newer than 2024-25. */
  from?: number;
}

const e = (message: string, from?: number): TableRule => (from ? { severity: 'error', message, from } : { severity: 'error', message });
const q = (message: string): TableRule => ({ severity: 'query', message });

export const TABLE_RULES = {
  // AD1
  '112': e('Date should be placed for adoption is not a valid date.'),
  '113': e('Date matching child and adopter(s) is not a valid date.'),
  '114': e('Data entry to record the status of former carer(s) of an adopted child is invalid.'),
  '151': e('All data items relating to a childs adoption must be coded or left blank.'),
  '175': e('The number of adopter(s) code is not a valid code.'),
  '176': e('The gender of adopter(s) at the date of adoption code is not a valid code.'),
  '177': e('The legal status of adopter(s) code is not a valid code.'),
  '331': q('Date of matching child and adopter(s) should be the same as, or prior to, the date of placement of adoption.'),
  '333': e('Date should be placed for adoption must be on or prior to the date of matching child with adopter(s).'),
  '511': q('If reporting that the number of person(s) adopting the looked after child is two adopters then the code should only be MM, FF or MF.'),
  '514': e('Data entry on the legal status of adopters shows a single adopter but data entry for the numbers of adopters shows it as a couple.'),
  '517': q('If reporting legal status of adopters is L3 then the genders of adopters should be coded as MF.'),
  '518': q('If reporting legal status of adopters is L4 then the genders of adopters should be coded as MM or FF.'),
  '519': e('Data entered on the legal status of adopters shows civil partnership couple, but data entered on genders of adopters does not show it as a couple.'),
  '520': e('Data entry on the legal status of adopters shows different gender married couple but data entry on genders of adopters shows it as a same gender couple.'),
  '524': q('If reporting legal status of adopters is L12 then the genders of adopters should be coded as MM or FF.'),
  INT31: e('Internal Check: Child should only exist once in AD1.'),
  // AD1 against Episodes
  '335': q('The current foster value (0) suggests that child is not adopted by current foster carer, but last placement is A2, A3, or A5. Or the current foster value (1) suggests that child is adopted by current foster carer, but last placement is A1, A4 or A6.'),
  '334': e('Date child started to be looked after in latest period of care must be on or prior to the date should be placed for adoption.'),
  '521': e("Date of local authority's decision (LA) that adoption is in the best interests of the child (date should be placed) must be on or prior to the date the child is placed for adoption."),
  '601': e('The additional fields relating to adoption have not been completed although the episode data shows that the child was adopted during the year.'),
  '602': e('The episode data submitted for this child does not show that he/she was adopted during the year.'),
  '582': q('Child is showing as ceasing to be looked after due to adoption, but the date of adoption is the same as the date reported for being matched with adopters. In most circumstances we expect the date the child is matched with adopters to be before the date of adoption.'),
  // OC2
  '157': e('Child is aged 4 years or over at the beginning of the year or 16 years or under at the end of the year and Strengths and Difficulties Questionnaire (SDQ) 1 has been recorded as the reason for no Strengths and Difficulties Questionnaire (SDQ) score.'),
  '158': q('If a child has been recorded as receiving an intervention for their substance misuse problem, then the additional item on whether an intervention was offered should be left blank.'),
  '159': q('If a child has been recorded as not receiving an intervention for their substance misuse problem, then the additional item on whether an intervention was offered should be completed as well.'),
  '180': e('Data entry for the strengths and difficulties questionnaire (SDQ) score is invalid.'),
  '181': e('Data items relating to children looked after continuously for 12 months should be completed with a 0 or 1.'),
  '182': q('Data entries on immunisations, teeth checks, health assessments and substance misuse problem identified should be completed or all OC2 fields should be left blank.'),
  '188': e('Child is aged under 4 years at the end of the year, but a Strengths and Difficulties (SDQ) score or a reason for no SDQ score has been completed.'),
  '189': e('Child is aged 17 years or over at the beginning of the year, but an Strengths and Difficulties (SDQ) score or a reason for no Strengths and Difficulties (SDQ) score has been completed.'),
  '190': e('Child has not been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been completed.'),
  '191': e('Child has been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been left blank.'),
  '192': e('Child has been identified as having a substance misuse problem but the additional item on whether an intervention was received has been left blank.'),
  '193': e('Child not identified as having a substance misuse problem but at least one of the two additional items on whether an intervention were offered and received have been completed.'),
  '196': e('Strengths and Difficulties (SDQ) reason is not a valid code.'),
  '197a': q('Reason for no Strengths and Difficulties (SDQ) score is not required if Strengths and Difficulties Questionnaire score is filled in.'),
  '197B': q('SDQ score or reason for no SDQ should be reported for 4- or 17-year-olds.'),
  '215': e('Child has care leaver information but one or more data items relating to children looked after for 12 months have been completed.'),
  '544': e('Any child who has conviction information completed must also have immunisation, teeth check, health assessment and substance misuse problem identified fields completed.'),
  '545': e('Child is aged under 5 at 31 March and has been looked after continuously for 12 months yet health promotion information has not been completed.'),
  '547': e('Any child who has health promotion information completed must also have immunisation, teeth check, health assessment and substance misuse problem identified fields completed.'),
  INT33: e('Internal Check: Child should only exist once in OC2.'),
  '185': e('Child has not been looked after continuously for at least 12 months at 31 March but a Strengths and Difficulties (SDQ) score has been completed.'),
  '198': e('Child has not been looked after continuously for at least 12 months at 31 March but a reason for no Strengths and Difficulties (SDQ) score has been completed.'),
  '186': q('Children aged 4 or over at the start of the year and children aged under 17 at the end of the year and who have been looked after for at least 12 months continuously should have a Strengths and Difficulties (SDQ) score completed.'),
  '543': e('Child is aged 10 or over at 31 March and has been looked after continuously for 12 months yet conviction information has not been completed.'),
  '546': q('Children aged 5 or over at 31 March should not have health promotion information completed.'),
  '542': q('A child aged under 10 at 31 March should not have conviction information completed.'),
  // OC3
  '131': e('Data entry for being in touch after leaving care is invalid.'),
  '132': e('Data entry for activity after leaving care is invalid.'),
  '133': e('Data entry for accommodation after leaving care is invalid. If reporting on a childs accommodation after leaving care the data entry must be valid'),
  '134': q('Data on adoption should not be entered for the OC3 cohort.'),
  '153': e("All data items relating to a child's activity or accommodation after leaving care must be coded or left blank."),
  '187': e('Child cannot be looked after continuously for 12 months at 31 March (OC2) and have any of adoption or care leavers returns completed.'),
  '344': e('The record shows the young person has died or returned home to live with parent(s) or someone with parental responsibility for a continuous period of 6 months or more, but activity and/or accommodation on leaving care have been completed.'),
  '345': e('The data collection record shows the local authority is in touch with this young person, but activity and/or accommodation data items are zero.'),
  '347': e('Care leavers aged under 18 years, can not be accommodated in a Foyer.'),
  '391': e('Young person was not 17, 18, 19, 20 or 21 during the current collection year.'),
  INT34: e('Internal Check: Child should only exist once in OC3.'),
  '3001': e('Where care leavers information is being returned for a young person around their 17th birthday, the accommodation cannot be with their former foster carer(s).'),
  // OC3 against Episodes and Header
  '1000': q('This child is recorded as having died in care and therefore should not have the care leaver information completed. [NOTE: This only tests the current and previous year data loaded into the tool]'),
  '1002': q("This child has no previous episodes of care, therefore should not have care leaver information recorded. [NOTE: This tool can only test the current and previous year data loaded into the tool - this check may generate false positives if a child had episodes prior to last year's collection.]"),
  '1007': q('Care leaver information is not required for 17- or 18-year olds who are still looked after [on their 17th or 18th birthday.]'),
  '1014': q('UASC information is not required for care leavers'),
  '1016': q('Care leaver information is not required for 17- or 18-year olds who cease to be looked after, after their birthday.'),
  '1010': q('This child has no episodes loaded for current year even though there was an open episode of care at the end of the previous year, and care leaver data has been entered.'),
  '1011': q('This child is recorded as having his/her care transferred to another local authority for the final episode and therefore should not have the care leaver information completed.'),
  '628': q('Motherhood details are not required for care leavers who have not been looked after during the year.'),
  // PlacedAdoption
  '115': e("Date of Local Authority's (LA) decision that a child should be placed for adoption is not a valid date."),
  '116': e("Date of Local Authority's (LA) decision that a child should no longer be placed for adoption is not a valid date."),
  '119': e('If the decision is made that a child should no longer be placed for adoption, then the date of this decision and the reason why this decision was made must be completed.'),
  '120': e('The reason for the reversal of the decision that the child should be placed for adoption code is not valid.'),
  '522': e('Date of decision that the child should be placed for adoption must be on or before the date that a child should no longer be placed for adoption.'),
  '523': q('Date of decision that the child should be placed for adoption should be the same date as the decision that adoption is in the best interest (date should be placed).'),
  '525': e('A child for whom the decision to be placed for adoption has been reversed cannot be adopted during the year.'),
  '563': e('The child should no longer be placed for adoption but the date of the decision that the child should be placed for adoption is blank'),
  '579': e('A new decision that the child should be placed for adoption this year cannot start when the previous decision is still open. Decisions to place the child for adoption should also not overlap.'),
  '583': q('More than one date the child should be placed for adoption has been reported, but an earlier decision has not been revoked. Check that both dates are required and add in the date the earlier decision was revoked.'),
  '184': e('Date of decision that a child should be placed for adoption is before the child was born.'),
  // PlacedAdoption against Episodes
  '1003': e("Date of LA's decision that a child should be placed for adoption is before the child started to be looked after."),
  '118': e('Date of decision that a child should no longer be placed for adoption is before the current collection year or before the date the child started to be looked after.'),
  '552': q('Date of Decision to place a child for adoption should be on or prior to the date that the child was placed for adoption.'),
  '117': e('Date of decision that a child should/should no longer be placed for adoption is beyond the current collection year or after the child ceased to be looked after.'),
  '553': e('Placement order has been granted but there is no date of decision that the child should be placed for adoption.'),
  '554': q('Date of decision that the child should be placed for adoption should be on or prior to the date that the placement order was granted. [NOTE: This rule may result in false positives or false negatives if relevant episodes are in previous years; please check carefully!]'),
  '557': e('Child for whom the decision was made that they should be placed for adoption has left care but was not adopted and information on the decision that they should no longer be placed for adoption items has not been completed.'),
  '558': q('If a child has been adopted, then the decision to place them for adoption has not been disrupted and the date of the decision that a child should no longer be placed for adoption should be left blank.'),
  '551': e('Child has been placed for adoption but there is no date of the decision that the child should be placed for adoption.'),
  // PrevPerm
  '631': e('Previous permanence option not a valid value.'),
  '633': e('Local authority code where previous permanence option was arranged is not a valid value.'),
  '635': e('There are entries for date of order and local authority code where previous permanence option was arranged but previous permanence code is Z1'),
  '632': e('Date of previous permanence order not a valid value. NOTE: This rule may result in false negatives where the period of care started before the current collection year'),
  '630': q('Information on previous permanence option should be returned.'),
  '634': q('There are entries for previous permanence options, but child has not started to be looked after from 1 April 2016 onwards.'),
  INT35: e('Internal Check: Child should only exist once in PrevPerm.'),
  // UASC
  '104': e('Date for Unaccompanied Asylum-Seeking Children (UASC) status ceased is not a valid date.'),
  '304': e('Date unaccompanied asylum-seeking child (UASC) status ceased must be on or before the 18th birthday of a child.'),
  INT21: e('Internal Check: SEX in UASC is different to SEX in Header.'),
  INT36: e('Internal Check: Child should only exist once in UASC.'),
  // Episodes against the other tables
  '1012': q('No other data should be returned for OC3 children who had no episodes in the current year'),
  // SWEpisodes
  SW01aSTG1: q('For each social worker episode, information should be complete'),
  SW01bSTG1: q('For each social worker episode, information should be complete'),
  SW02STG1: e('Social worker ID does not begin with the characters ‘SW’ or ‘XX’.'),
  SW04STG1: e('Date social worker episode began is not a valid date.'),
  SW05STG1: e('Date social worker episode ended is not a valid date.'),
  SW06STG2: q('Social worker episode data should be within the social worker data reporting year.'),
  SW07STG2: q('Social worker episode end date should be on or after the start of the social worker reporting period, and should be on or before the collection end date.'),
  SW08STG2: e('A new social worker episode has started, but the previous episode has not ended.'),
  SW09STG2: q('Social worker episode appears to have lasted for less than 24 hours.'),
  SW10STG2: e('A new social worker episode has started before the end date of the previous social worker episode.'),
  SW11bSTG2: e('Social worker episode has ended before 31 March and no subsequent social worker episode has been provided.'),
  SW12STG2: q('If a child is looked after on 31 March then all social worker episodes for the full previous year should be reported, even those whilst they were not looked after'),
  SW13STG1: e('The reason for social worker change is not valid.'),
  SW17STG2: e('There is no social worker episode open at 31 March', 2026),
} as const satisfies Record<string, TableRule>;

export type TableCode = keyof typeof TABLE_RULES;

const entries = Object.entries(TABLE_RULES) as [TableCode, TableRule][];
export const TABLE_ERRORS: readonly TableCode[] = entries.filter(([, r]) => r.severity === 'error').map(([c]) => c);
export const TABLE_QUERIES: readonly TableCode[] = entries.filter(([, r]) => r.severity === 'query').map(([c]) => c);
/** [code, severity] pairs, for the validator's one severity map. */
export const TABLE_SEVERITY: readonly (readonly [string, Severity])[] = entries.map(([c, r]) => [c, r.severity] as const);

/** Does the rule apply in this collection year? */
export function appliesIn(code: TableCode, yearEnding: number): boolean {
  const from = (TABLE_RULES[code] as TableRule).from;
  return from === undefined || yearEnding >= from;
}
