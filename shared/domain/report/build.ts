/**
 * Builds the IRO annual report (IRO-PRACTICE.md §4; DESIGN.md §4 metrics 1–9) for an LA and a collection year from
 * stored snapshots only: the LA's snapshot of the year and of the year before (child-free), and its region and
 * England as published in the national snapshot (disclosure-controlled: suppressed cells stay `c`). Pure.
 */
import { suppressedCell } from '../disclosure/publish.ts';
import type { PublishedValue } from '../disclosure/types.ts';
import { PARTICIPATION_CODES, type Ratio } from '../metrics/types.ts';
import type { IroPracticeMetrics } from '../practice/metrics.ts';
import { DISPUTE_THEMES, FEEDBACK_ANSWERS, NOT_IMPLEMENTED_REASONS } from '../practice/records.ts';
import { HIGHEST_STAGES, OUTCOMES, type PublishedIroPractice } from '../rollup/practice-shape.ts';
import type { AggregateMetrics, LaSnapshot, PublishedMetrics, PublishedRatio } from '../rollup/types.ts';
import type { AnnualReport, ReportChart, ReportFigure, ReportSection, ReportTable } from './model.ts';
import { comparisonSentence, formatValue, yearLabel, type ReportValue } from './sentences.ts';

export interface ReportInputs {
  /** The LA's snapshot of the report's year. */
  current: LaSnapshot;
  /** The LA's snapshot of the year before, if it has one. */
  previous: LaSnapshot | null;
  /** Its region's and England's published figures for the same year; null before the rollup has run. */
  region: PublishedMetrics | null;
  england: PublishedMetrics | null;
}

/** Where each figure comes from, on each side of the comparison. */
interface Sides {
  current: AggregateMetrics;
  previous: AggregateMetrics | null;
  region: PublishedMetrics | null;
  england: PublishedMetrics | null;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** "2025-03-31" → "31 March 2025" (no Intl: the same text on every machine). */
function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}
const dayAndMonth = (iso: string) => longDate(iso).replace(/ \d{4}$/, '');

const percentOf = (r: Ratio | undefined): ReportValue => (r && r.denominator > 0 ? Math.round((100 * r.numerator) / r.denominator) : null);
const published = (v: PublishedValue | undefined): ReportValue => (v === undefined || v === null ? null : typeof v === 'number' ? v : 'c');
const oneDecimal = (v: number | null | undefined): ReportValue => (typeof v === 'number' ? Math.round(v * 10) / 10 : null);
const publishedDecimal = (v: number | { suppressed: 'c' } | null | undefined): ReportValue => (typeof v === 'number' ? oneDecimal(v) : v ? 'c' : null);
const count = (n: number) => n.toLocaleString('en-GB');

function rate(s: Sides, id: string, label: string, noun: string, own: (m: AggregateMetrics) => Ratio | undefined, pub: (m: PublishedMetrics) => PublishedRatio | undefined): ReportFigure {
  const r = own(s.current);
  return {
    id, label, unit: 'percent',
    la: percentOf(r),
    previous: s.previous ? percentOf(own(s.previous)) : null,
    region: s.region ? published(pub(s.region)?.percent ?? undefined) : null,
    england: s.england ? published(pub(s.england)?.percent ?? undefined) : null,
    ...(r && { basis: `${count(r.numerator)} of ${count(r.denominator)} ${noun}` }),
  };
}

function tally(s: Sides, id: string, label: string, own: (m: AggregateMetrics) => number | undefined, pub: (m: PublishedMetrics) => PublishedValue | undefined): ReportFigure {
  const value = (m: AggregateMetrics | null) => (m ? own(m) ?? null : null);
  return {
    id, label, unit: 'count',
    la: value(s.current), previous: value(s.previous),
    region: s.region ? published(pub(s.region)) : null,
    england: s.england ? published(pub(s.england)) : null,
  };
}

function decimal(s: Sides, id: string, label: string, own: (m: AggregateMetrics) => number | null | undefined, pub: (m: PublishedMetrics) => number | { suppressed: 'c' } | null | undefined): ReportFigure {
  return {
    id, label, unit: 'decimal',
    la: oneDecimal(own(s.current)), previous: s.previous ? oneDecimal(own(s.previous)) : null,
    region: s.region ? publishedDecimal(pub(s.region)) : null,
    england: s.england ? publishedDecimal(pub(s.england)) : null,
  };
}

const practice = <T>(get: (p: IroPracticeMetrics) => T) => (m: AggregateMetrics): T | undefined => (m.iroPractice ? get(m.iroPractice) : undefined);
const publishedPractice = <T>(get: (p: PublishedIroPractice) => T) => (m: PublishedMetrics): T | undefined => (m.iroPractice ? get(m.iroPractice) : undefined);

/** "placement_stability" → "Placement stability". */
const words = (key: string) => key.charAt(0).toUpperCase() + key.slice(1).replace(/_/g, ' ');

interface Category { key: string; label: string }

interface SectionExtras { notes?: string[]; tables?: ReportTable[] }

/**
 * A breakdown as shares of a total, side by side. The LA's own counts are shown (its own figures); the region's and
 * England's shares are worked out from their published counts: a share whose count or total is suppressed is `c`.
 */
function breakdown(
  s: Sides, names: { la: string; region: string }, id: string, caption: string, categories: readonly Category[],
  own: (m: AggregateMetrics) => Record<string, number> | undefined,
  pub: (m: PublishedMetrics) => Record<string, PublishedValue> | undefined,
  years: { current: number; previous: number },
): ReportTable {
  const ownShares = (m: AggregateMetrics | null) => {
    const counts = m ? own(m) : undefined;
    const total = counts ? categories.reduce((sum, c) => sum + (counts[c.key] ?? 0), 0) : 0;
    return (key: string): ReportValue => (counts && total > 0 ? Math.round((100 * (counts[key] ?? 0)) / total) : null);
  };
  const publishedShares = (m: PublishedMetrics | null) => {
    const counts = m ? pub(m) : undefined;
    const cells = categories.map((c) => published(counts?.[c.key] ?? undefined));
    const hidden = cells.includes('c');
    const total = cells.reduce<number>((sum, v) => sum + (typeof v === 'number' ? v : 0), 0);
    return (key: string): ReportValue => {
      if (!counts) return null;
      const cell = published(counts[key] ?? undefined);
      // Zero is published as 0 (DESIGN §5), and 0 is 0% of any total; any other share needs the whole total.
      if (cell === 0) return 0;
      if (cell === 'c' || hidden) return 'c';
      return cell === null || total === 0 ? null : Math.round((100 * cell) / total);
    };
  };
  const laCounts = own(s.current);
  const [now, before, region, england] = [ownShares(s.current), ownShares(s.previous), publishedShares(s.region), publishedShares(s.england)];
  return {
    id, caption,
    head: ['', `${names.la} ${yearLabel(years.current)}`, `% ${yearLabel(years.current)}`, `% ${yearLabel(years.previous)}`, `${names.region} %`, 'England %'],
    rows: categories.map((c) => [
      c.label,
      formatValue(laCounts ? laCounts[c.key] ?? 0 : null, 'count'),
      ...[now, before, region, england].map((share) => formatValue(share(c.key), 'percent')),
    ]),
    numericColumns: [1, 2, 3, 4, 5],
  };
}

/** A rate's chart: the LA this year (highlighted) and last year as bars, the region and England as lines. */
function chartOf(f: ReportFigure, names: { la: string; region: string }, years: { current: number; previous: number }): ReportChart {
  const reference = (name: string, v: ReportValue) => ({ label: `${name} ${formatValue(v, 'percent')}`, value: typeof v === 'number' ? v : null });
  return {
    title: `${f.label}: ${names.la} beside ${names.region} and England`,
    unit: '%', max: 100,
    bars: [
      { label: `${names.la} ${yearLabel(years.current)}`, value: typeof f.la === 'number' ? f.la : null, highlight: true },
      ...(typeof f.previous === 'number' ? [{ label: `${names.la} ${yearLabel(years.previous)}`, value: f.previous }] : []),
    ],
    references: [reference(names.region, f.region), reference('England', f.england)].filter((r, i) => (i === 0 ? f.region : f.england) !== null),
  };
}

export function buildAnnualReport(inputs: ReportInputs): AnnualReport {
  const { current } = inputs;
  const yearEnding = current.yearEnding;
  const previous = inputs.previous?.yearEnding === yearEnding - 1 ? inputs.previous : null;
  const s: Sides = { current: current.metrics, previous: previous?.metrics ?? null, region: inputs.region, england: inputs.england };
  const names = { la: current.name, region: current.region };
  const years = { current: yearEnding, previous: yearEnding - 1 };
  const onDate = dayAndMonth(current.asAt);
  const p = s.current.iroPractice;
  const noPractice = `No IRO practice records were kept in the platform for ${yearLabel(yearEnding)}, and the figures of this section come from them.`;

  const section = (id: string, title: string, figures: ReportFigure[], extra: SectionExtras = {}): ReportSection => ({
    id, title, figures,
    notes: extra.notes ?? [],
    sentences: figures.map((f) => comparisonSentence(f, names.region, yearEnding)).filter((t): t is string => t !== null),
    charts: figures.filter((f) => f.unit === 'percent' && typeof f.la === 'number').map((f) => chartOf(f, names, years)),
    tables: extra.tables ?? [],
  });
  /** A section of metric 9: only a note when the LA kept no practice records this year. */
  const practiceSection = (id: string, title: string, make: () => [ReportFigure[], SectionExtras?]): ReportSection =>
    (p ? section(id, title, ...make()) : section(id, title, [], { notes: [noPractice] }));
  const table = (id: string, caption: string, categories: readonly Category[], own: (m: AggregateMetrics) => Record<string, number> | undefined, pub: (m: PublishedMetrics) => Record<string, PublishedValue> | undefined) =>
    breakdown(s, names, id, caption, categories, own, pub, years);
  const sharesNote = `Shares for ${names.region} and England are worked out from their published counts, which are rounded to the nearest 10; c means suppressed to protect confidentiality (a count of 1 to 5, or one that would reveal it); x means not available.`;

  const sections: ReportSection[] = [
    section('children', 'Children looked after and reviews held', [
      tally(s, 'cla', `Children looked after on ${onDate}`, (m) => m.cla.count, (m) => m.cla.count),
      tally(s, 'cla-during-year', 'Children looked after at any time in the year', (m) => m.cla.duringYear, (m) => m.cla.duringYear),
      tally(s, 'reviews-held', 'Reviews held', (m) => m.reviewTimeliness.onTime.denominator, (m) => m.reviewTimeliness.onTime.denominator),
    ], { notes: [`${names.region} and England counts are published rounded to the nearest 10.`] }),

    section('timeliness', 'Timeliness of reviews', [
      rate(s, 'reviews-on-time', 'Reviews held on time', 'reviews', (m) => m.reviewTimeliness.onTime, (m) => m.reviewTimeliness.onTime),
      tally(s, 'reviews-overdue', `Children whose review was overdue on ${onDate}`, (m) => m.reviewTimeliness.overdue.count, (m) => m.reviewTimeliness.overdue.count),
    ], {
      notes: [
        'On time means within the Care Planning, Placement and Case Review (England) Regulations 2010 timescales: the first review within 20 working days of coming into care, the second within 3 months, then every 6 months.',
        'Why reviews were late: the stored data does not say. The 903 return records when a review was held, not why it was late, and the platform\'s review records have no field for a reason, so this report gives no reasons rather than guess them.',
      ],
    }),

    practiceSection('caseloads', 'IRO caseloads and staffing', () => [[
      decimal(s, 'fte', `IRO full-time equivalent on ${onDate}`, practice((x) => x.caseload.fte), publishedPractice((x) => x.caseload.fte)),
      decimal(s, 'caseload-per-fte', 'Children per full-time IRO', practice((x) => x.caseload.perFte), publishedPractice((x) => x.caseload.perFte)),
      rate(s, 'same-iro', 'Children who kept the same IRO through the year', 'children looked after all year', practice((x) => x.sameIroThroughYear), publishedPractice((x) => x.sameIroThroughYear)),
      rate(s, 'allocated-5-days', 'Children given an IRO within 5 working days of coming into care', 'children who came into care', practice((x) => x.allocatedWithin5WorkingDays), publishedPractice((x) => x.allocatedWithin5WorkingDays)),
    ], {
      notes: ['The IRO Handbook (2010) expects a caseload of 50 to 70 children per full-time IRO.', sharesNote],
      tables: [table('caseload-bands', 'IROs by their own caseload per full-time equivalent', [
        { key: 'below', label: 'Fewer than 50 children' }, { key: 'within', label: '50 to 70 children' }, { key: 'above', label: 'More than 70 children' },
      ], practice((x) => x.caseload.iros), publishedPractice((x) => x.caseload.iros))],
    }]),

    section('participation', "Children's participation in their reviews", [
      rate(s, 'participation', 'Reviews where the child took part (PN1 to PN6 of PN1 to PN7)', 'reviews of children aged 4 or over', (m) => m.participation.rate, (m) => m.participation.rate),
    ], {
      notes: [sharesNote],
      tables: [table('participation-codes', 'Reviews by participation code', PARTICIPATION_CODES.map((code) => ({ key: code, label: `${code}: ${PN_LABELS[code]}` })),
        (m) => m.participation.codes, (m) => m.participation.codes)],
    }),

    practiceSection('seen', 'Children seen by their IRO before and between reviews', () => [[
      rate(s, 'seen-before', 'Reviews where the IRO spoke to the child beforehand', 'reviews chaired in the platform', practice((x) => x.seenBeforeReview), publishedPractice((x) => x.seenBeforeReview)),
      rate(s, 'contact-between', 'Reviews with IRO contact since the previous review', 'second and later reviews', practice((x) => x.contactBetweenReviews), publishedPractice((x) => x.contactBetweenReviews)),
    ]]),

    practiceSection('escalations', 'Escalations (disputes) and Cafcass referrals', () => [[
      tally(s, 'disputes', 'Disputes raised', practice((x) => x.disputes.raised.numerator), publishedPractice((x) => x.disputes.raised.numerator)),
      decimal(s, 'disputes-per-100', 'Disputes raised per 100 children looked after', practice((x) => x.disputes.per100Cla), publishedPractice((x) => x.disputes.per100Cla)),
      tally(s, 'cafcass', 'Referrals to Cafcass', practice((x) => x.disputes.byOutcome.referred_to_cafcass), publishedPractice((x) => x.disputes.byOutcome.referred_to_cafcass)),
    ], {
      notes: [sharesNote],
      tables: [
        table('dispute-stages', 'Disputes by the highest stage reached', HIGHEST_STAGES.map((k) => ({ key: k, label: k === 'informal' ? 'Informal' : `Formal stage ${k.slice(5)}` })),
          practice((x) => x.disputes.byHighestStage), publishedPractice((x) => x.disputes.byHighestStage)),
        table('dispute-themes', 'Disputes by theme', DISPUTE_THEMES.map((k) => ({ key: k, label: words(k) })),
          practice((x) => x.disputes.byTheme), publishedPractice((x) => x.disputes.byTheme)),
        table('dispute-outcomes', `Disputes by outcome on ${onDate}`, OUTCOMES.map((k) => ({ key: k, label: k === 'referred_to_cafcass' ? 'Referred to Cafcass' : words(k) })),
          practice((x) => x.disputes.byOutcome), publishedPractice((x) => x.disputes.byOutcome)),
      ].map((t) => dropEmptyRows(t)),
    }]),

    practiceSection('decisions', 'Review decisions and decisions not implemented', () => [[
      tally(s, 'decisions-made', 'Decisions made at reviews', practice((x) => x.decisions.made), publishedPractice((x) => x.decisions.made)),
      rate(s, 'decisions-implemented', 'Decisions implemented, of those with an outcome', 'decisions with an outcome', practice((x) => x.decisions.implementedRate), publishedPractice((x) => x.decisions.implementedRate)),
      tally(s, 'decisions-not-implemented', 'Decisions not implemented', practice((x) => x.decisions.notImplemented), publishedPractice((x) => x.decisions.notImplemented)),
      tally(s, 'decisions-overdue', `Decisions overdue on ${onDate}`, practice((x) => x.decisions.overdue), publishedPractice((x) => x.decisions.overdue)),
    ], {
      notes: [sharesNote],
      tables: [table('not-implemented-reasons', "Decisions not implemented, by the LA's stated reason", NOT_IMPLEMENTED_REASONS.map((k) => ({ key: k, label: words(k) })),
        practice((x) => x.decisions.notImplementedReasons), publishedPractice((x) => x.decisions.notImplementedReasons))],
    }]),

    practiceSection('feedback', "Children's feedback (Rate My Review)", () => [[
      rate(s, 'rate-my-review', 'Rate My Review cards returned', 'reviews held', practice((x) => x.rateMyReview.responseRate), publishedPractice((x) => x.rateMyReview.responseRate)),
    ], {
      notes: [sharesNote],
      tables: [table('rate-my-review', 'Rate My Review answers', FEEDBACK_ANSWERS.map((k) => ({ key: k, label: k === 'ok' ? 'OK' : words(k) })),
        practice((x) => x.rateMyReview.answers), publishedPractice((x) => x.rateMyReview.answers))],
    }]),

    section('stability', 'Placement stability', [
      rate(s, 'short-term', 'Children with 3 or more placements in the year', `children looked after on ${onDate}`, (m) => m.shortTermStability, (m) => m.shortTermStability),
      rate(s, 'long-term', 'Children in care 2½ years or more who were in the same placement for 2 years', 'children under 16 in care 2½ years or more', (m) => m.longTermStability, (m) => m.longTermStability),
      rate(s, 'moves-1', 'Children with 1 or more placement moves in the year', 'children looked after in the year', (m) => m.placementMoves.oneOrMore, (m) => m.placementMoves.oneOrMore),
      rate(s, 'moves-2', 'Children with 2 or more placement moves in the year', 'children looked after in the year', (m) => m.placementMoves.twoOrMore, (m) => m.placementMoves.twoOrMore),
    ]),

    practiceSection('siblings', 'Brothers and sisters placed together', () => {
      const placed = [{ key: 'all', label: 'With all their looked-after siblings' }, { key: 'some', label: 'With some of them' }, { key: 'none', label: 'With none of them' }];
      const plain = (x: { all: number; some: number; none: number }) => ({ all: x.all, some: x.some, none: x.none });
      const together = (x: { all: number; some: number; none: number }): Ratio => ({ numerator: x.all, denominator: x.all + x.some + x.none, rate: null });
      /** Regions and England publish the three counts, not the share: worked out here, `c` if any count is. */
      const publishedTogether = (x: Record<'all' | 'some' | 'none', PublishedValue>): PublishedRatio => {
        const [all, some, none] = [x.all, x.some, x.none].map(published);
        const percent = [all, some, none].includes('c') ? suppressedCell('rate')
          : typeof all === 'number' && typeof some === 'number' && typeof none === 'number' ? percentOf(together({ all, some, none })) as number | null : null;
        return { numerator: x.all, denominator: null, percent };
      };
      return [[
        rate(s, 'siblings-together', 'Children placed with all their looked-after brothers and sisters', 'children with a looked-after sibling',
          practice((x) => together(x.siblings)), publishedPractice((x) => publishedTogether(x.siblings))),
      ], {
        notes: [`Children looked after on ${onDate} who have a looked-after brother or sister, by whether they live with them.`, sharesNote],
        tables: [
          table('siblings', 'Children placed with their looked-after siblings', placed, practice((x) => plain(x.siblings)), publishedPractice((x) => ({ all: x.siblings.all, some: x.siblings.some, none: x.siblings.none }))),
          table('siblings-foster', 'The same, for children in foster care', placed, practice((x) => x.siblings.foster), publishedPractice((x) => x.siblings.foster)),
        ],
      }];
    }),
  ];

  return {
    la: { code: current.la, name: current.name, region: current.region },
    yearEnding,
    previousYear: previous ? previous.yearEnding : null,
    period: `1 April ${yearEnding - 1} to ${longDate(current.asAt)}`,
    sections,
  };
}

const PN_LABELS: Record<(typeof PARTICIPATION_CODES)[number], string> = {
  PN0: 'child under 4',
  PN1: 'attends and speaks for themselves',
  PN2: 'attends, an advocate speaks',
  PN3: 'attends, views conveyed non-verbally',
  PN4: 'attends, no views conveyed',
  PN5: 'does not attend, briefs an advocate',
  PN6: 'does not attend, views conveyed another way',
  PN7: 'does not attend, no views conveyed',
};

/** Stages and themes nobody reached anywhere (every cell 0 or x) would only lengthen the board paper. */
function dropEmptyRows(t: ReportTable): ReportTable {
  return { ...t, rows: t.rows.filter((r) => r.slice(1).some((cell) => cell !== '0' && cell !== '0%' && cell !== 'x')) };
}

/** A section's figures as one table (page, Word and CSV alike): each figure beside last year, the region and England. */
export function figuresTable(report: AnnualReport, section: ReportSection): ReportTable {
  const { name, region } = report.la;
  return {
    id: `${section.id}-figures`,
    caption: `${section.title}: ${name} beside ${region} and England`,
    head: ['Figure', `${name} ${yearLabel(report.yearEnding)}`, `${name} ${yearLabel(report.yearEnding - 1)}`, region, 'England', `What ${name}'s ${yearLabel(report.yearEnding)} figure counts`],
    rows: section.figures.map((f) => [f.label, ...[f.la, f.previous, f.region, f.england].map((v) => formatValue(v, f.unit)), f.basis ?? '']),
    numericColumns: [1, 2, 3, 4],
  };
}

/** Every table of the report by its id: what `?csv=` may ask for. */
export function reportTables(report: AnnualReport): Map<string, ReportTable> {
  return new Map(report.sections.flatMap((s) => [...(s.figures.length > 0 ? [figuresTable(report, s)] : []), ...s.tables]).map((t) => [t.id, t]));
}
