import { describe, expect, it } from 'vitest';
import { computeLaMetrics } from '../../shared/domain/metrics/index.ts';
import { ratio } from '../../shared/domain/metrics/types.ts';
import { iroPracticeMetrics, type IroPracticeMetrics } from '../../shared/domain/practice/metrics.ts';
import { DEFAULT_DISPUTE_CHAIN } from '../../shared/domain/practice/records.ts';
import { buildNationalSnapshot } from '../../shared/domain/rollup/index.ts';
import { separateChildLevel, type AggregateMetrics, type LaSnapshot } from '../../shared/domain/rollup/types.ts';
import { buildAnnualReport, comparisonSentence, type AnnualReport, type ReportInputs } from '../../shared/domain/report/index.ts';
import { child, dataset } from '../helpers/records.ts';

/**
 * The annual report's model, from hand-set snapshots: the figures a board reads are worked out in each test's
 * comment. Region and England come from the real rollup (buildNationalSnapshot), so suppression is the real one.
 */

const percent = (label: string, la: number | 'c' | null, previous: number | 'c' | null, region: number | 'c' | null, england: number | 'c' | null) =>
  ({ label, unit: 'percent' as const, la, previous, region, england });

describe('the comparison sentence', () => {
  it('rose, fell, stayed the same, beside the region and England', () => {
    expect(comparisonSentence(percent('Reviews held on time', 87, 82, 85, 87), 'North East', 2025))
      .toBe('Reviews held on time rose from 82% to 87%; North East 85%, England 87%.');
    expect(comparisonSentence(percent('Reviews held on time', 80, 82, 85, 87), 'North East', 2025))
      .toBe('Reviews held on time fell from 82% to 80%; North East 85%, England 87%.');
    expect(comparisonSentence(percent('Reviews held on time', 82, 82, 85, 87), 'North East', 2025))
      .toBe('Reviews held on time stayed the same at 82%; North East 85%, England 87%.');
  });

  it('leaves out a suppressed or missing comparator instead of writing it', () => {
    expect(comparisonSentence(percent('Reviews held on time', 87, 82, 'c', 87), 'North East', 2025))
      .toBe('Reviews held on time rose from 82% to 87%; England 87%.');
    expect(comparisonSentence(percent('Reviews held on time', 87, 82, null, null), 'North East', 2025))
      .toBe('Reviews held on time rose from 82% to 87%.');
  });

  it('makes no sentence from a figure that is not there, and says so when last year is missing', () => {
    expect(comparisonSentence(percent('Reviews held on time', 'c', 82, 85, 87), 'North East', 2025)).toBeNull();
    expect(comparisonSentence(percent('Reviews held on time', null, 82, 85, 87), 'North East', 2025)).toBeNull();
    expect(comparisonSentence(percent('Reviews held on time', 87, null, 85, 87), 'North East', 2025))
      .toBe('Reviews held on time stood at 87% in 2024-25; there is no figure for 2023-24 to compare with; North East 85%, England 87%.');
  });

  it('gives counts with thousands separators and without comparators; rates per FTE to one decimal place', () => {
    expect(comparisonSentence({ label: 'Reviews held', unit: 'count', la: 1600, previous: 1450, region: 9870, england: 120_000 }, 'North East', 2025))
      .toBe('Reviews held rose from 1,450 to 1,600.');
    expect(comparisonSentence({ label: 'Children per full-time IRO', unit: 'decimal', la: 55.3, previous: 61, region: 58.2, england: 'c' }, 'North East', 2025))
      .toBe('Children per full-time IRO fell from 61.0 to 55.3; North East 58.2.');
  });
});

/** Metric 9 with every count 0, in the real shape. */
const ZERO_PRACTICE: IroPracticeMetrics = iroPracticeMetrics({ yearEnding: 2025, children: [] }, {
  iros: [], allocations: [], reviews: [], contacts: [], decisions: [], disputes: [], cards: [], siblingGroups: [], disputeChain: DEFAULT_DISPUTE_CHAIN,
}, { yearEnding: 2025 });

/** An LA's snapshot with `n` children in care (ids prefixed by the LA code) and figures set over the real shape. */
function snapshot(la: string, name: string, region: LaSnapshot['region'], yearEnding: number, n: number, set: (m: AggregateMetrics) => AggregateMetrics = (m) => m): LaSnapshot {
  const children = Array.from({ length: n }, (_, i) => child(`${la}X${i}`, [{ decom: '2020-01-06' }]));
  const { aggregate } = separateChildLevel(computeLaMetrics(dataset(yearEnding, children), { yearEnding }));
  return { la, name, region, yearEnding, asAt: `${yearEnding}-03-31`, datasetVersion: 'v1', metrics: set(aggregate) };
}

/** Reviews: `onTime` of `held`, every one coded PN1 (so metrics 5 and 6 agree, as the rollup's equations expect). */
const reviews = (onTime: number, held: number) => (m: AggregateMetrics): AggregateMetrics => ({
  ...m,
  reviewTimeliness: { ...m.reviewTimeliness, onTime: ratio(onTime, held) },
  participation: { codes: { ...m.participation.codes, PN1: held }, rate: ratio(held, held) },
});

function reportOf(inputs: { current: LaSnapshot; previous?: LaSnapshot | null; others?: LaSnapshot[] }): AnnualReport {
  const national = buildNationalSnapshot(inputs.current.yearEnding, [inputs.current, ...(inputs.others ?? [])]);
  const region = national.regions.find((r) => r.region === inputs.current.region)!.metrics;
  const built: ReportInputs = { current: inputs.current, previous: inputs.previous ?? null, region, england: national.england.metrics };
  return buildAnnualReport(built);
}

const figure = (report: AnnualReport, section: string, id: string) => report.sections.find((s) => s.id === section)!.figures.find((f) => f.id === id)!;
const sectionOf = (report: AnnualReport, id: string) => report.sections.find((s) => s.id === id)!;

describe('the annual report model', () => {
  // Gateshead: 174 of 200 reviews on time this year (87%), 164 of 200 last year (82%). Newcastle, in the same
  // region: 80 of 100 (80%). Region = (174 + 80) / (200 + 100) = 254 / 300 = 84.7% → 85%. England here is the two
  // North East LAs and Kent, 90 of 100: (254 + 90) / 400 = 86%.
  const gateshead = snapshot('390', 'Gateshead', 'North East', 2025, 30, reviews(174, 200));
  const lastYear = snapshot('390', 'Gateshead', 'North East', 2024, 30, reviews(164, 200));
  const newcastle = snapshot('391', 'Newcastle upon Tyne', 'North East', 2025, 40, reviews(80, 100));
  const kent = snapshot('886', 'Kent', 'South East', 2025, 50, reviews(90, 100));

  it('puts each figure beside the previous year, the region and England, with its sentence and chart', () => {
    const report = reportOf({ current: gateshead, previous: lastYear, others: [newcastle, kent] });
    expect(report.period).toBe('1 April 2024 to 31 March 2025');
    expect(report.previousYear).toBe(2024);
    const onTime = figure(report, 'timeliness', 'reviews-on-time');
    expect(onTime).toMatchObject({ la: 87, previous: 82, region: 85, england: 86, basis: '174 of 200 reviews' });
    expect(sectionOf(report, 'timeliness').sentences).toContain('Reviews held on time rose from 82% to 87%; North East 85%, England 86%.');
    expect(sectionOf(report, 'timeliness').charts[0]).toEqual({
      title: 'Reviews held on time: Gateshead beside North East and England', unit: '%', max: 100,
      bars: [{ label: 'Gateshead 2024-25', value: 87, highlight: true }, { label: 'Gateshead 2023-24', value: 82 }],
      references: [{ label: 'North East 85%', value: 85 }, { label: 'England 86%', value: 86 }],
    });
    // Children looked after: 30 here, 30 last year; the region 30 + 40 = 70 and England 120, published rounded to 10.
    expect(figure(report, 'children', 'cla')).toMatchObject({ la: 30, previous: 30, region: 70, england: 120 });
    expect(sectionOf(report, 'children').sentences).toContain('Children looked after on 31 March stayed the same at 30.');
    // Participation: every review PN1, so PN1 is 100% of each column and PN7 0%.
    const codes = sectionOf(report, 'participation').tables[0]!;
    expect(codes.head).toEqual(['', 'Gateshead 2024-25', '% 2024-25', '% 2023-24', 'North East %', 'England %']);
    expect(codes.rows.find((r) => r[0]!.startsWith('PN1'))).toEqual(['PN1: attends and speaks for themselves', '200', '100%', '100%', '100%', '100%']);
  });

  it('says honestly that the stored data holds no reasons for late reviews', () => {
    const report = reportOf({ current: gateshead, previous: lastYear });
    expect(sectionOf(report, 'timeliness').notes.join(' ')).toMatch(/stored data does not say.*gives no reasons rather than guess/);
  });

  it('with no previous year (or only an older one): no "rose" or "fell", a single bar, x in the table', () => {
    const twoYearsAgo = snapshot('390', 'Gateshead', 'North East', 2023, 30, reviews(100, 200));
    for (const previous of [null, twoYearsAgo]) {
      const report = reportOf({ current: gateshead, previous, others: [newcastle, kent] });
      expect(report.previousYear).toBeNull();
      expect(figure(report, 'timeliness', 'reviews-on-time').previous).toBeNull();
      const sentences = report.sections.flatMap((s) => s.sentences);
      expect(sentences.filter((t) => / (rose|fell) | stayed the same /.test(t))).toEqual([]);
      expect(sentences).toContain('Reviews held on time stood at 87% in 2024-25; there is no figure for 2023-24 to compare with; North East 85%, England 86%.');
      expect(sectionOf(report, 'timeliness').charts[0]!.bars).toEqual([{ label: 'Gateshead 2024-25', value: 87, highlight: true }]);
      expect(sectionOf(report, 'participation').tables[0]!.rows[1]![3]).toBe('x');
    }
  });

  it('keeps suppressed region and England figures as c: in the table, out of the sentence, as a labelled gap in the chart', () => {
    // Darlington alone in the North East and in England, with 4 of 5 reviews on time: the region's and England's
    // numerator 4 is a count of 1 to 5, so both are suppressed and so is their percentage. The LA's own 80% is not.
    const darlington = snapshot('841', 'Darlington', 'North East', 2025, 3, reviews(4, 5));
    const report = reportOf({ current: darlington });
    expect(figure(report, 'timeliness', 'reviews-on-time')).toMatchObject({ la: 80, region: 'c', england: 'c' });
    // Three children looked after: the LA shows 3, the region and England c.
    expect(figure(report, 'children', 'cla')).toMatchObject({ la: 3, region: 'c', england: 'c' });
    expect(sectionOf(report, 'timeliness').sentences[0]).toBe('Reviews held on time stood at 80% in 2024-25; there is no figure for 2023-24 to compare with.');
    expect(sectionOf(report, 'timeliness').charts[0]!.references).toEqual([{ label: 'North East c', value: null }, { label: 'England c', value: null }]);
    // Participation shares of a suppressed count are suppressed too, never worked out from the rest.
    expect(sectionOf(report, 'participation').tables[0]!.rows.find((r) => r[0]!.startsWith('PN1'))!.slice(4)).toEqual(['c', 'c']);
  });

  it('an LA with no practice records: the practice sections say so and have no figures; a zero denominator makes no sentence', () => {
    const report = reportOf({ current: gateshead, previous: lastYear });
    for (const id of ['caseloads', 'seen', 'escalations', 'decisions', 'feedback', 'siblings']) {
      const section = sectionOf(report, id);
      expect(section.figures).toEqual([]);
      expect(section.notes).toEqual(['No IRO practice records were kept in the platform for 2024-25, and the figures of this section come from them.']);
    }
    // The generated children are all in one long placement from 2020: no one has 3+ placements, but 0 of 30 is a
    // figure (0%); long-term stability counts children under 16 in care 2½ years, all 30 of them, all stable: 100%.
    expect(figure(report, 'stability', 'short-term')).toMatchObject({ la: 0, basis: '0 of 30 children looked after on 31 March' });
    expect(figure(report, 'stability', 'long-term')).toMatchObject({ la: 100 });
  });

  it('metric 9: caseload per FTE to one decimal, disputes by stage, theme and outcome, Cafcass, feedback shares', () => {
    // 4.0 FTE with 221 children allocated: 55.25 per FTE → 55.3. 12 disputes: 8 about placement stability, 4 about
    // permanence (67% and 33%); 7 stopped at the informal stage, 5 reached formal stage 1; 2 referred to Cafcass.
    // Rate My Review: 19 cards for 50 reviews (38%): 10 good (53%), 6 OK (32%), 3 not happy (16%).
    // Siblings: 6 placed with all, 2 with some, 2 with none: 6 / 10 = 60%. Only this LA keeps practice records, so
    // the region's and England's "some" and "none" are counts of 2 (suppressed): their share is c, not guessed.
    const practice: IroPracticeMetrics = {
      ...ZERO_PRACTICE,
      caseload: { children: 221, fte: 4, perFte: 55.25, iros: { below: 1, within: 3, above: 0 } },
      disputes: {
        ...ZERO_PRACTICE.disputes,
        raised: ratio(12, 30), per100Cla: 40,
        byTheme: { ...ZERO_PRACTICE.disputes.byTheme, placement_stability: 8, permanence: 4 },
        byHighestStage: { informal: 7, stage1: 5 },
        byOutcome: { open: 3, resolved: 7, withdrawn: 0, referred_to_cafcass: 2 },
        cafcassReferrals: 2,
      },
      rateMyReview: { answers: { good: 10, ok: 6, not_happy: 3 }, responseRate: ratio(19, 50) },
      siblings: { all: 6, some: 2, none: 2, foster: { all: 3, some: 1, none: 0 } },
    };
    const withPractice = { ...gateshead, metrics: { ...gateshead.metrics, iroPractice: practice } };
    const report = reportOf({ current: withPractice, previous: lastYear, others: [newcastle, kent] });
    expect(figure(report, 'caseloads', 'caseload-per-fte')).toMatchObject({ la: 55.3, previous: null });
    expect(sectionOf(report, 'caseloads').sentences).toContain('Children per full-time IRO stood at 55.3 in 2024-25; there is no figure for 2023-24 to compare with; North East 55.3, England 55.3.');
    expect(figure(report, 'escalations', 'cafcass')).toMatchObject({ la: 2, region: 'c', england: 'c' });
    const rows = (table: string) => sectionOf(report, 'escalations').tables.find((t) => t.id === table)!.rows.map((r) => r.slice(0, 3));
    expect(rows('dispute-themes')).toEqual([['Placement stability', '8', '67%'], ['Permanence', '4', '33%']]);
    expect(rows('dispute-stages')).toEqual([['Informal', '7', '58%'], ['Formal stage 1', '5', '42%']]);
    expect(rows('dispute-outcomes')).toEqual([['Open', '3', '25%'], ['Resolved', '7', '58%'], ['Referred to Cafcass', '2', '17%']]);
    const feedback = sectionOf(report, 'feedback');
    expect(figure(report, 'feedback', 'rate-my-review')).toMatchObject({ la: 38, basis: '19 of 50 reviews held' });
    expect(figure(report, 'siblings', 'siblings-together')).toMatchObject({ la: 60, region: 'c', england: 'c' });
    expect(sectionOf(report, 'siblings').sentences).toEqual(['Children placed with all their looked-after brothers and sisters stood at 60% in 2024-25; there is no figure for 2023-24 to compare with.']);
    expect(feedback.tables[0]!.rows.map((r) => r.slice(0, 3))).toEqual([['Good', '10', '53%'], ['OK', '6', '32%'], ['Not happy', '3', '16%']]);
  });

  it('never carries a child id, even when the snapshot it is given still holds the overdue list', () => {
    // Overdue children (ids) are what separateChildLevel takes out; here they are put back, as a careless caller
    // might, to prove the builder copies figures, not objects. The input holds the ids; the report must not.
    const children = [child('SECRET01', [{ decom: '2020-01-06' }]), child('SECRET02', [{ decom: '2024-11-01' }])];
    const full = computeLaMetrics(dataset(2025, children), { yearEnding: 2025 });
    expect(full.reviewTimeliness.overdue.children.map((o) => o.child)).toContain('SECRET01');
    const leaky = { la: '390', name: 'Gateshead', region: 'North East', yearEnding: 2025, asAt: '2025-03-31', datasetVersion: 'v1', metrics: full } as unknown as LaSnapshot;
    expect(JSON.stringify(leaky)).toContain('SECRET0');
    const report = buildAnnualReport({ current: leaky, previous: null, region: null, england: null });
    const text = JSON.stringify(report);
    expect(text).not.toMatch(/SECRET0/);
    expect(figure(report, 'timeliness', 'reviews-overdue').la).toBe(full.reviewTimeliness.overdue.count);
  });
});
