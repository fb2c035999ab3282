import type { FC } from 'hono/jsx';
import { listLaSnapshots, listNationalSnapshots } from '../../../../shared/data/repositories/snapshots.ts';
import { NATIONAL_SCOPE } from '../../../../shared/data/scopes.ts';
import { isSuppressed, type PublishedRatio, type PublishedValue, type SuppressedCell } from '../../../../shared/domain/disclosure/types.ts';
import type { MembershipFigure } from '../../../../shared/domain/metrics/membership.ts';
import type { Ratio } from '../../../../shared/domain/metrics/types.ts';
import type { AggregateMetrics, PublishedMetrics } from '../../../../shared/domain/rollup/types.ts';
import { comparatorsOf, loadLaDashboard } from '../../routes/dashboards.ts';
import { TrendChart, type TrendPoint } from '../charts.tsx';
import { CsvLink, csvRequested, csvResponse } from '../csv.tsx';
import { render, type PageContext } from '../kit.tsx';
import { longDate } from '../forms.tsx';
import { childrenHref, parseYear } from './la-common.tsx';

/** A published cell: a number, `c` (suppressed) or null (not available, `x`). */
type Cell = number | SuppressedCell | null;

/** The LA's own figure with its parts; null parts are not shown (a count has no denominator). */
interface Own {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/** Where a figure's children are listed: the membership figure whose numerator (or denominator) selects them. */
interface Behind {
  numerator?: MembershipFigure;
  denominator?: MembershipFigure;
}

/** One dashboard row: how to read it from the LA's snapshot and from a published (region, England) one. */
interface Figure {
  label: string;
  unit: '%' | '' | 'per FTE' | 'per 100 children';
  own: (m: AggregateMetrics) => Own | null;
  published: (p: PublishedMetrics) => Cell;
  behind: Behind;
  /** Drawn as a trend over the collection years. */
  trend?: boolean;
}

const pct = (r: Ratio): Own => ({ value: r.rate === null ? null : Math.round(r.rate * 100), numerator: r.numerator, denominator: r.denominator });
const cnt = (n: number): Own => ({ value: n, numerator: n, denominator: null });
const oneDp = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
const pubPct = (r: PublishedRatio | null | undefined): Cell => r?.percent ?? null;
const pubCount = (v: PublishedValue | undefined): Cell => v ?? null;

/** Metrics 1–8 (DESIGN.md §4), each beside its region and England. */
const METRICS_1_TO_8: { heading: string; figures: Figure[] }[] = [
  { heading: '1. Children looked after', figures: [
    { label: 'Looked after on the as-at date', unit: '', own: (m) => cnt(m.cla.count), published: (p) => pubCount(p.cla.count), behind: { numerator: 'cla' }, trend: true },
    { label: 'Looked after at any time in the year', unit: '', own: (m) => cnt(m.cla.duringYear), published: (p) => pubCount(p.cla.duringYear), behind: { numerator: 'lookedAfterInYear' } },
  ] },
  { heading: '2. Short-term placement stability', figures: [
    { label: '3 or more placements in the year', unit: '%', own: (m) => pct(m.shortTermStability), published: (p) => pubPct(p.shortTermStability), behind: { numerator: 'shortTermStability', denominator: 'cla' }, trend: true },
    { label: '3 or more placements in the two years', unit: '%', own: (m) => pct(m.twoYearStability), published: (p) => pubPct(p.twoYearStability), behind: { numerator: 'twoYearStability', denominator: 'twoYearStability' } },
  ] },
  { heading: '3. Long-term placement stability', figures: [
    { label: 'In the same placement for 2 years', unit: '%', own: (m) => pct(m.longTermStability), published: (p) => pubPct(p.longTermStability), behind: { numerator: 'longTermStability', denominator: 'longTermStability' }, trend: true },
    { label: 'Living with the same carer for 2 years', unit: '%', own: (m) => pct(m.longTermStabilitySameCarer), published: (p) => pubPct(p.longTermStabilitySameCarer), behind: { numerator: 'longTermStabilitySameCarer', denominator: 'longTermStabilitySameCarer' } },
  ] },
  { heading: '4. Placement moves', figures: [
    { label: '1 or more placement moves in the year', unit: '%', own: (m) => pct(m.placementMoves.oneOrMore), published: (p) => pubPct(p.placementMoves.oneOrMore), behind: { numerator: 'movesOneOrMore', denominator: 'lookedAfterInYear' }, trend: true },
    { label: '2 or more placement moves in the year', unit: '%', own: (m) => pct(m.placementMoves.twoOrMore), published: (p) => pubPct(p.placementMoves.twoOrMore), behind: { numerator: 'movesTwoOrMore', denominator: 'lookedAfterInYear' } },
  ] },
  { heading: '5. Review timeliness', figures: [
    { label: 'Reviews held on time (reviews)', unit: '%', own: (m) => pct(m.reviewTimeliness.onTime), published: (p) => pubPct(p.reviewTimeliness.onTime), behind: { numerator: 'reviewsOnTime', denominator: 'reviewsOnTime' }, trend: true },
    { label: 'Children whose next review is overdue', unit: '', own: (m) => cnt(m.reviewTimeliness.overdue.count), published: (p) => pubCount(p.reviewTimeliness.overdue.count), behind: { numerator: 'reviewOverdue' } },
  ] },
  { heading: '6. Participation in reviews', figures: [
    { label: 'Participation rate (reviews)', unit: '%', own: (m) => pct(m.participation.rate), published: (p) => pubPct(p.participation.rate), behind: { numerator: 'participation', denominator: 'participation' }, trend: true },
  ] },
  { heading: '7. Missing and away from placement', figures: [
    { label: 'Children missing in the year', unit: '%', own: (m) => pct(m.missing.children), published: (p) => pubPct(p.missing.children), behind: { numerator: 'missing', denominator: 'lookedAfterInYear' }, trend: true },
    { label: 'Children away without authorisation', unit: '%', own: (m) => pct(m.missing.away.children), published: (p) => pubPct(p.missing.away.children), behind: { numerator: 'away', denominator: 'lookedAfterInYear' } },
  ] },
  { heading: '8. Return home', figures: [
    { label: 'Back in care within 12 months of going home', unit: '%', own: (m) => pct(m.reunification.reentryWithin12Months), published: (p) => pubPct(p.reunification.reentryWithin12Months), behind: { numerator: 'reentry', denominator: 'reentry' }, trend: true },
  ] },
];

/** Metric 9, IRO practice: absent for an LA that keeps no practice records in the platform. */
const PRACTICE: Figure[] = [
  { label: 'Caseload per FTE (children with an IRO over IRO FTE; Handbook 50–70)', unit: 'per FTE', own: (m) => m.iroPractice ? { value: oneDp(m.iroPractice.caseload.perFte), numerator: m.iroPractice.caseload.children, denominator: m.iroPractice.caseload.fte } : null, published: (p) => p.iroPractice?.caseload.perFte ?? null, behind: { numerator: 'caseload' }, trend: true },
  { label: 'Kept the same IRO through the year', unit: '%', own: (m) => m.iroPractice ? pct(m.iroPractice.sameIroThroughYear) : null, published: (p) => pubPct(p.iroPractice?.sameIroThroughYear), behind: { numerator: 'sameIroThroughYear', denominator: 'sameIroThroughYear' }, trend: true },
  { label: 'IRO allocated within 5 working days', unit: '%', own: (m) => m.iroPractice ? pct(m.iroPractice.allocatedWithin5WorkingDays) : null, published: (p) => pubPct(p.iroPractice?.allocatedWithin5WorkingDays), behind: { numerator: 'allocatedWithin5WorkingDays', denominator: 'allocatedWithin5WorkingDays' } },
  { label: 'Seen by their IRO before the review (reviews)', unit: '%', own: (m) => m.iroPractice ? pct(m.iroPractice.seenBeforeReview) : null, published: (p) => pubPct(p.iroPractice?.seenBeforeReview), behind: { numerator: 'seenBeforeReview', denominator: 'seenBeforeReview' }, trend: true },
  { label: 'IRO contact between reviews (reviews)', unit: '%', own: (m) => m.iroPractice ? pct(m.iroPractice.contactBetweenReviews) : null, published: (p) => pubPct(p.iroPractice?.contactBetweenReviews), behind: { numerator: 'contactBetweenReviews', denominator: 'contactBetweenReviews' } },
  { label: 'Review decisions made in the year', unit: '', own: (m) => m.iroPractice ? cnt(m.iroPractice.decisions.made) : null, published: (p) => pubCount(p.iroPractice?.decisions.made), behind: { numerator: 'decisionsMade' } },
  { label: 'Decisions implemented (of those with an outcome)', unit: '%', own: (m) => m.iroPractice ? pct(m.iroPractice.decisions.implementedRate) : null, published: (p) => pubPct(p.iroPractice?.decisions.implementedRate), behind: { numerator: 'decisionsImplemented', denominator: 'decisionsImplemented' } },
  { label: 'Decisions overdue', unit: '', own: (m) => m.iroPractice ? cnt(m.iroPractice.decisions.overdue) : null, published: (p) => pubCount(p.iroPractice?.decisions.overdue), behind: { numerator: 'decisionsOverdue' } },
  { label: 'Disputes raised per 100 children looked after in the year', unit: 'per 100 children', own: (m) => m.iroPractice ? { value: oneDp(m.iroPractice.disputes.per100Cla), numerator: m.iroPractice.disputes.raised.numerator, denominator: m.iroPractice.disputes.raised.denominator } : null, published: (p) => p.iroPractice?.disputes.per100Cla ?? null, behind: { numerator: 'disputes', denominator: 'lookedAfterInYear' }, trend: true },
  { label: 'Rate My Review response rate (reviews)', unit: '%', own: (m) => m.iroPractice ? pct(m.iroPractice.rateMyReview.responseRate) : null, published: (p) => pubPct(p.iroPractice?.rateMyReview.responseRate), behind: { numerator: 'rateMyReview', denominator: 'rateMyReview' } },
  { label: 'Placed with all their looked-after siblings', unit: '', own: (m) => m.iroPractice ? cnt(m.iroPractice.siblings.all) : null, published: (p) => pubCount(p.iroPractice?.siblings.all), behind: { numerator: 'siblingsAll' } },
  { label: 'Placed with some of their looked-after siblings', unit: '', own: (m) => m.iroPractice ? cnt(m.iroPractice.siblings.some) : null, published: (p) => pubCount(p.iroPractice?.siblings.some), behind: { numerator: 'siblingsSome' } },
  { label: 'Placed with none of their looked-after siblings', unit: '', own: (m) => m.iroPractice ? cnt(m.iroPractice.siblings.none) : null, published: (p) => pubCount(p.iroPractice?.siblings.none), behind: { numerator: 'siblingsNone' } },
];

const suffix = (unit: Figure['unit']) => (unit === '%' ? '%' : '');
/** A figure as text: `c` suppressed, `x` not available. */
function shown(cell: Cell, unit: Figure['unit']): string {
  if (cell === null) return 'x';
  if (isSuppressed(cell)) return 'c';
  return `${cell}${suffix(unit)}`;
}
const trendValue = (cell: Cell): number | null => (typeof cell === 'number' ? cell : null);

interface Line {
  figure: Figure;
  own: Own | null;
  region: Cell;
  england: Cell;
}

/** The CSV of a dashboard table: the same figures as the page, `c` and `x` as shown. */
const CSV_HEADER = ['Measure', 'This LA', 'Numerator', 'Denominator', 'Region', 'England'];
function csvRows(lines: Line[]): string[][] {
  return lines.map(({ figure, own, region, england }) => [
    figure.label, own?.value == null ? 'x' : `${own.value}${suffix(figure.unit)}`, own?.numerator == null ? '' : String(own.numerator),
    own?.denominator == null ? '' : String(own.denominator), shown(region, figure.unit), shown(england, figure.unit),
  ]);
}

const CellText: FC<{ cell: Cell; unit: Figure['unit'] }> = ({ cell, unit }) => {
  const text = shown(cell, unit);
  return text === 'c' || text === 'x' ? <span class="app-suppressed">{text}</span> : <>{text}</>;
};

const FigureTable: FC<{ id: string; caption: string; groups: { heading?: string; lines: Line[] }[]; year: number; region: string }> = ({ id, caption, groups, year, region }) => (
  <table class="govuk-table app-figures" id={id}>
    <caption class="govuk-table__caption govuk-table__caption--m">{caption}</caption>
    <thead class="govuk-table__head"><tr class="govuk-table__row">
      <th scope="col" class="govuk-table__header">Measure</th>
      <th scope="col" class="govuk-table__header govuk-table__header--numeric">This LA</th>
      <th scope="col" class="govuk-table__header govuk-table__header--numeric">Numerator</th>
      <th scope="col" class="govuk-table__header govuk-table__header--numeric">Denominator</th>
      <th scope="col" class="govuk-table__header govuk-table__header--numeric">{region}</th>
      <th scope="col" class="govuk-table__header govuk-table__header--numeric">England</th>
    </tr></thead>
    {groups.map((g) => (
      <tbody class="govuk-table__body">
        {g.heading && <tr class="govuk-table__row"><th scope="rowgroup" colspan={6} class="govuk-table__header app-figures__group">{g.heading}</th></tr>}
        {g.lines.map(({ figure, own, region: r, england }) => (
          <tr class="govuk-table__row" data-figure={figure.behind.numerator}>
            <th scope="row" class="govuk-table__header">{figure.label}</th>
            <td class="govuk-table__cell govuk-table__cell--numeric app-figure-cell">{own?.value == null ? <span class="app-suppressed">x</span> : `${own.value}${suffix(figure.unit)}`}</td>
            <td class="govuk-table__cell govuk-table__cell--numeric"><Part value={own?.numerator ?? null} figure={figure.behind.numerator} part="numerator" label={figure.label} year={year} /></td>
            <td class="govuk-table__cell govuk-table__cell--numeric"><Part value={own?.denominator ?? null} figure={figure.behind.denominator} part="denominator" label={figure.label} year={year} /></td>
            <td class="govuk-table__cell govuk-table__cell--numeric"><CellText cell={r} unit={figure.unit} /></td>
            <td class="govuk-table__cell govuk-table__cell--numeric"><CellText cell={england} unit={figure.unit} /></td>
          </tr>
        ))}
      </tbody>
    ))}
  </table>
);

/** A numerator or denominator, linked to the children behind it when they can be listed (not FTE). */
const Part: FC<{ value: number | null; figure: MembershipFigure | undefined; part: 'numerator' | 'denominator'; label: string; year: number }> = ({ value, figure, part, label, year }) => {
  if (value === null) return <></>;
  // Nobody is behind a zero: no link to an empty list.
  if (!figure || value === 0) return <>{String(value)}</>;
  return <a class="govuk-link" href={childrenHref(year, figure, part)}>{value}<span class="govuk-visually-hidden">{`: the children behind the ${part} of ${label.toLowerCase()}`}</span></a>;
};

/** dashboard.la.read: the LA's metrics 1–9 for a year, beside its region and England, and their trend. */
export async function dashboardPage(c: PageContext<'dashboard.la.read'>): Promise<Response> {
  const year = parseYear(c.req.query('year'));
  const [loaded, years, nationals] = await Promise.all([
    loadLaDashboard(c.var.data, c.var.deps, year),
    listLaSnapshots(c.var.data),
    listNationalSnapshots(c.var.deps.data.for(NATIONAL_SCOPE)),
  ]);
  const yearOptions = years.map((s) => s.snapshot.yearEnding);
  const crumbs: [string, string][] = [['Home', '/app']];
  const selector = <YearSelector years={yearOptions} selected={loaded?.own.snapshot.yearEnding ?? year} />;
  if (!loaded) {
    return render(c, { title: 'Dashboard', crumbs }, <>
      <h1 class="govuk-heading-l">Dashboard</h1>
      {yearOptions.length > 0 && selector}
      <div class="govuk-inset-text" id="not-computed">
        {`The figures${year ? ` for the year ending 31 March ${year}` : ''} are not computed yet. They are computed after a 903 return is uploaded, usually within a few minutes.`}
      </div>
    </>);
  }
  const { snapshot, computedAt } = loaded.own;
  const regionName = loaded.comparators.region?.name ?? snapshot.region;
  const line = (figure: Figure, m: AggregateMetrics, comparators: typeof loaded.comparators): Line => ({
    figure,
    own: figure.own(m),
    region: comparators.region ? figure.published(comparators.region.metrics) : null,
    england: comparators.england ? figure.published(comparators.england.metrics) : null,
  });
  const groups = METRICS_1_TO_8.map((g) => ({ heading: g.heading, lines: g.figures.map((f) => line(f, snapshot.metrics, loaded.comparators)) }));
  const practice = snapshot.metrics.iroPractice ? PRACTICE.map((f) => line(f, snapshot.metrics, loaded.comparators)) : [];

  const wanted = csvRequested(c);
  if (wanted === 'metrics') return csvResponse(c, `${snapshot.la}-${snapshot.yearEnding}-metrics`, CSV_HEADER, csvRows(groups.flatMap((g) => g.lines)));
  if (wanted === 'practice' && practice.length > 0) return csvResponse(c, `${snapshot.la}-${snapshot.yearEnding}-iro-practice`, CSV_HEADER, csvRows(practice));

  // The trend: every stored year's LA snapshot, and that year's region and England from its national snapshot.
  const byYear = new Map(nationals.map((n) => [n.snapshot.yearEnding, comparatorsOf(n.snapshot, snapshot.region)]));
  const trend = (figure: Figure) => {
    const lines = years.map((s) => ({ year: s.snapshot.yearEnding, line: line(figure, s.snapshot.metrics, byYear.get(s.snapshot.yearEnding) ?? { region: null, england: null }) }));
    const series = (name: string, value: (l: Line) => number | null): { name: string; points: TrendPoint[] } => ({ name, points: lines.map((l) => ({ year: l.year, value: value(l.line) })) });
    return [series(snapshot.name, (l) => l.own?.value ?? null), series(regionName, (l) => trendValue(l.region)), series('England', (l) => trendValue(l.england))];
  };
  const trended = [...METRICS_1_TO_8.flatMap((g) => g.figures), ...(practice.length > 0 ? PRACTICE : [])].filter((f) => f.trend);

  return render(c, { title: `Dashboard ${snapshot.yearEnding}`, crumbs }, <>
    <span class="govuk-caption-l">{`${snapshot.name} · year ending 31 March ${snapshot.yearEnding}`}</span>
    <h1 class="govuk-heading-l">Dashboard</h1>
    {selector}
    <p class="govuk-body">{`Figures as at ${longDate(snapshot.asAt)}, computed ${longDate(computedAt.slice(0, 10))}. Each numerator and denominator links to the children behind it.`}</p>
    <Legend />
    <FigureTable id="metrics" caption="Metrics 1 to 8" groups={groups} year={snapshot.yearEnding} region={regionName} />
    <CsvLink c={c} table="metrics" />
    <h2 class="govuk-heading-l" id="iro-practice">9. IRO practice</h2>
    {practice.length === 0
      ? <p class="govuk-body">No IRO practice records are kept in the platform for this LA yet, so metric 9 is not computed.</p>
      : <>
        <FigureTable id="practice" caption="Metric 9: IRO practice" groups={[{ lines: practice }]} year={snapshot.yearEnding} region={regionName} />
        <CsvLink c={c} table="practice" />
      </>}
    <h2 class="govuk-heading-l" id="trends">Trends over the collection years</h2>
    <p class="govuk-body">{`${snapshot.name} beside ${regionName} and England for each year with figures. A gap is a figure suppressed or not available.`}</p>
    <div class="govuk-grid-row">
      {trended.map((f) => (
        <div class="govuk-grid-column-one-half">
          <TrendChart title={f.label} series={trend(f)} unit={f.unit === '%' ? '%' : f.unit || undefined} max={f.unit === '%' ? 100 : undefined} />
        </div>
      ))}
    </div>
  </>);
}

const YearSelector: FC<{ years: number[]; selected: number | undefined }> = ({ years, selected }) => (
  <form method="get" action="/app/dashboard" class="app-no-print app-inline-form">
    <div class="govuk-form-group">
      <label class="govuk-label" for="year">Collection year ending 31 March</label>
      <select class="govuk-select" id="year" name="year">
        {[...years].reverse().map((y) => <option value={String(y)} selected={y === selected}>{y}</option>)}
      </select>
    </div>
    <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Show year</button>
  </form>
);

const Legend: FC = () => (
  <div class="govuk-inset-text" id="legend">
    <p class="govuk-body govuk-!-margin-bottom-1"><strong>c</strong>: suppressed to protect confidentiality (a count of 1 to 5, or a figure that would reveal one).</p>
    <p class="govuk-body govuk-!-margin-bottom-1"><strong>x</strong>: not available (no figure for the year, or nothing to count).</p>
    <p class="govuk-body govuk-!-margin-bottom-0">Region and England figures are published figures: counts rounded to the nearest 10.</p>
  </div>
);
