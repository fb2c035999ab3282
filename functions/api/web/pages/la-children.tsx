import type { FC, PropsWithChildren } from 'hono/jsx';
import { listPointers, loadLiveYears } from '../../../../shared/data/repositories/datasets.ts';
import { loadPracticeRecords } from '../../../../shared/data/repositories/practice-collections.ts';
import { getLaSnapshot } from '../../../../shared/data/repositories/snapshots.ts';
import { mergeDatasets, yearEnd } from '../../../../shared/domain/metrics/index.ts';
import { isPracticeFigure, memberships, type Membership, type MembershipFigure, type Share } from '../../../../shared/domain/metrics/membership.ts';
import { placementsInYear } from '../../../../shared/domain/metrics/placements.ts';
import { inRange, timelineOf, yearWindow } from '../../../../shared/domain/metrics/timeline.ts';
import { childSummary, livePointer } from '../../routes/children.ts';
import { CsvLink, csvRequested, csvResponse } from '../csv.tsx';
import { ErrorSummary, Pagination, pageOfRows, render, type PageContext } from '../kit.tsx';
import { longDate } from '../forms.tsx';
import { FIGURE_PARTS, isFigure, isPart, parseYear, type FigurePart } from './la-common.tsx';

/** What each figure's children are, in words (the list says which children it shows). */
const FIGURE_NAMES: Record<MembershipFigure, string> = {
  cla: 'looked after on the as-at date',
  lookedAfterInYear: 'looked after at any time in the year',
  shortTermStability: 'short-term placement stability (3 or more placements in the year)',
  longTermStability: 'long-term placement stability (same placement for 2 years)',
  longTermStabilitySameCarer: 'long-term stability (same carer for 2 years)',
  movesOneOrMore: '1 or more placement moves in the year',
  movesTwoOrMore: '2 or more placement moves in the year',
  reviewsOnTime: 'reviews held on time (a child is listed when at least one of its reviews is counted)',
  reviewOverdue: 'next review overdue',
  participation: 'participation in reviews (a child is listed when at least one of its reviews is counted)',
  missing: 'missing in the year',
  away: 'away without authorisation in the year',
  reentry: 'back in care within 12 months of going home',
  twoYearStability: '3 or more placements in the two years',
  caseload: 'looked after with an IRO allocated on the as-at date',
  sameIroThroughYear: 'kept the same IRO through the year',
  allocatedWithin5WorkingDays: 'IRO allocated within 5 working days',
  seenBeforeReview: 'seen by their IRO before the review (reviews)',
  contactBetweenReviews: 'IRO contact between reviews (reviews)',
  decisionsMade: 'review decisions made in the year',
  decisionsImplemented: 'decisions implemented',
  decisionsOverdue: 'decisions overdue',
  disputes: 'disputes raised in the year',
  rateMyReview: 'Rate My Review cards returned',
  siblingsAll: 'placed with all their looked-after siblings',
  siblingsSome: 'placed with some of their looked-after siblings',
  siblingsNone: 'placed with none of their looked-after siblings',
};
const PART_NAMES: Record<FigurePart, string> = { numerator: 'counted in', denominator: 'in the denominator of', outside: 'in the denominator but not counted in' };

/** Whether a child's share puts it in that part of a figure. */
function inPart(share: Share | undefined, part: FigurePart): boolean {
  if (!share) return false;
  if (part === 'numerator') return share.numerator > 0;
  if (part === 'denominator') return share.denominator > 0;
  return share.denominator > share.numerator;
}

const STATUSES = { looked_after: 'Looked after at the end of the year', started: 'Started care in the year', ceased: 'Ceased care in the year' } as const;
const REVIEWS = { late: 'A review held late in the year', overdue: 'Next review overdue', on_time: 'Every review in the year on time' } as const;
type Status = keyof typeof STATUSES;
type ReviewFilter = keyof typeof REVIEWS;
const PAGE_SIZE = 25;

interface Filters {
  year?: number;
  q: string;
  status?: Status;
  legal?: string;
  placement?: string;
  placements3: boolean;
  review?: ReviewFilter;
  figure?: MembershipFigure;
  part: FigurePart;
  page: number;
}

interface Row {
  child: string;
  dob: string;
  lookedAfter: boolean;
  legalStatus: string | null;
  placement: string | null;
  placements: number;
  reviews: number;
  startedInYear: boolean;
  ceasedInYear: boolean;
  shares: Membership;
}

/** The query as filters, with a message naming each field that is not one of its choices. */
function readFilters(query: Record<string, string>): { filters: Filters; errors: { field: string; message: string }[] } {
  const errors: { field: string; message: string }[] = [];
  const pick = <K extends string>(field: string, choices: Record<K, string> | readonly K[], message: string): K | undefined => {
    const value = query[field];
    if (!value) return undefined;
    const ok = Array.isArray(choices) ? (choices as readonly string[]).includes(value) : value in choices;
    if (!ok) errors.push({ field, message });
    return ok ? (value as K) : undefined;
  };
  const code = (field: string, label: string) => {
    const value = query[field];
    if (!value) return undefined;
    if (/^[A-Z0-9]{2,3}$/.test(value)) return value;
    errors.push({ field, message: `${label}: choose one from the list` });
    return undefined;
  };
  const page = query.page ?? '1';
  if (!/^[1-9]\d{0,4}$/.test(page)) errors.push({ field: 'page', message: 'page: must be a page number such as 2' });
  const q = (query.q ?? '').trim();
  if (q.length > 10) errors.push({ field: 'q', message: 'Child ID: enter at most 10 characters' });
  const figure = query.figure;
  if (figure && !isFigure(figure)) errors.push({ field: 'figure', message: 'figure: not a dashboard figure' });
  const part = query.part ?? 'numerator';
  if (!isPart(part)) errors.push({ field: 'part', message: `part: choose ${FIGURE_PARTS.join(', ')}` });
  return {
    errors,
    filters: {
      year: parseYear(query.year),
      q: q.slice(0, 10),
      status: pick('status', STATUSES, 'Status: choose one of the statuses listed'),
      legal: code('legal', 'Legal status'),
      placement: code('placement', 'Placement type'),
      placements3: query.placements3 === '1',
      review: pick('review', REVIEWS, 'Reviews: choose one of the options listed'),
      figure: isFigure(figure) ? figure : undefined,
      part: isPart(part) ? part : 'numerator',
      page: /^[1-9]\d{0,4}$/.test(page) ? Number(page) : 1,
    },
  };
}

function matches(row: Row, f: Filters): boolean {
  if (f.q && !row.child.toLowerCase().includes(f.q.toLowerCase())) return false;
  if (f.status === 'looked_after' && !row.lookedAfter) return false;
  if (f.status === 'started' && !row.startedInYear) return false;
  if (f.status === 'ceased' && !row.ceasedInYear) return false;
  if (f.legal && row.legalStatus !== f.legal) return false;
  if (f.placement && row.placement !== f.placement) return false;
  if (f.placements3 && row.placements < 3) return false;
  if (f.review === 'late' && !inPart(row.shares.reviewsOnTime, 'outside')) return false;
  if (f.review === 'overdue' && !inPart(row.shares.reviewOverdue, 'numerator')) return false;
  if (f.review === 'on_time' && !(inPart(row.shares.reviewsOnTime, 'denominator') && !inPart(row.shares.reviewsOnTime, 'outside'))) return false;
  if (f.figure && !inPart(row.shares[f.figure], f.part)) return false;
  return true;
}

/**
 * Every child of the year's return with what the filters need. The look-back figures see the earlier years'
 * returns too, and the as-at date is the snapshot's, exactly as the dashboard's figures were computed.
 */
async function loadRows(c: PageContext<'children.read'>, year: number | undefined, figure: MembershipFigure | undefined) {
  const pointer = await livePointer(c.var.data, year);
  const [years, stored] = await Promise.all([loadLiveYears(c.var.data), getLaSnapshot(c.var.data, pointer.yearEnding)]);
  const upTo = years.filter((y) => y.pointer.yearEnding <= pointer.yearEnding).map((y) => y.dataset);
  const dataset = upTo.find((d) => d.yearEnding === pointer.yearEnding)!;
  const merged = mergeDatasets(upTo);
  const asAt = stored?.snapshot.asAt ?? yearEnd(pointer.yearEnding);
  const window = yearWindow(pointer.yearEnding, asAt);
  // Every practice record of the LA only for a metric-9 figure's children: the other filters read the 903 returns.
  const practice = stored?.snapshot.metrics.iroPractice && figure !== undefined && isPracticeFigure(figure) ? await loadPracticeRecords(c.var.data) : null;
  const shares = memberships(merged, dataset.children.map((ch) => ch.child), practice, { yearEnding: pointer.yearEnding, asAt });
  const history = new Map(merged.children.map((ch) => [ch.child, ch]));
  const rows: Row[] = dataset.children.map((records) => {
    const timeline = timelineOf(history.get(records.child) ?? records);
    const summary = childSummary(records, asAt);
    return {
      child: records.child, dob: summary.dob, lookedAfter: summary.lookedAfter, legalStatus: summary.legalStatus, placement: summary.placement,
      placements: placementsInYear(timeline, window).count,
      reviews: records.reviews.filter((r) => inRange(r.review, window.start, asAt)).length,
      startedInYear: timeline.periods.some((p) => inRange(p.start, window.start, asAt)),
      ceasedInYear: timeline.periods.some((p) => p.end !== null && inRange(p.end, window.start, asAt)),
      shares: shares.get(records.child) ?? {},
    };
  }).sort((a, b) => a.child.localeCompare(b.child));
  return { pointer, asAt, rows, years: years.map((y) => y.pointer.yearEnding).reverse() };
}

const CSV_HEADER = ['Child', 'Date of birth', 'Looked after at the as-at date', 'Legal status', 'Placement', 'Placements in the year', 'Reviews in the year'];
const yesNo = (b: boolean) => (b ? 'Yes' : 'No');
const cells = (r: Row) => [r.child, r.dob, yesNo(r.lookedAfter), r.legalStatus ?? '', r.placement ?? '', r.placements, r.reviews];

/** children.read: the LA's children of a collection year, searchable, filterable, paged and downloadable. */
export async function childrenPage(c: PageContext<'children.read'>): Promise<Response> {
  const query = c.req.query();
  const { filters, errors } = readFilters(query);
  const crumbs: [string, string][] = [['Home', '/app'], ['Dashboard', '/app/dashboard']];
  if ((await listPointers(c.var.data)).length === 0) {
    return render(c, { title: 'Children', crumbs }, <>
      <h1 class="govuk-heading-l">Children</h1>
      <p class="govuk-body" id="no-return">No 903 return has been uploaded for your LA yet.</p>
    </>);
  }
  const { pointer, asAt, rows, years } = await loadRows(c, filters.year, filters.figure);
  const options = (pick: (r: Row) => string | null) => [...new Set(rows.map(pick).filter((v): v is string => v !== null))].sort();
  const form = <FilterForm filters={filters} years={years} year={pointer.yearEnding} legal={options((r) => r.legalStatus)} placements={options((r) => r.placement)} errors={errors} />;
  if (errors.length > 0) {
    return render(c, { title: 'Error: Children', crumbs }, <>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-l">Children</h1>
      {form}
    </>, 400);
  }
  const found = rows.filter((r) => matches(r, filters));
  if (csvRequested(c) === 'children') return csvResponse(c, `children-${pointer.yearEnding}`, CSV_HEADER, found.map(cells));
  const { shown, page, pages } = pageOfRows(found, filters.page, PAGE_SIZE);
  return render(c, { title: `Children ${pointer.yearEnding}`, crumbs }, <>
    <span class="govuk-caption-l">{`Year ending 31 March ${pointer.yearEnding} · as at ${longDate(asAt)}`}</span>
    <h1 class="govuk-heading-l">Children</h1>
    {filters.figure && (
      <div class="govuk-inset-text" id="figure-filter">
        {`Showing the children ${PART_NAMES[filters.part]} the dashboard figure: ${FIGURE_NAMES[filters.figure]}.`}{' '}
        <a class="govuk-link" href={`/app/children?year=${pointer.yearEnding}`}>Show every child</a>
      </div>
    )}
    {form}
    <p class="govuk-body" id="found">{`${found.length} ${found.length === 1 ? 'child' : 'children'} found of ${rows.length}.`}</p>
    {found.length > 0 && <>
      <table class="govuk-table" id="children">
        <caption class="govuk-table__caption govuk-visually-hidden">{`Children in the ${pointer.yearEnding} return`}</caption>
        <thead class="govuk-table__head"><tr class="govuk-table__row">
          {CSV_HEADER.map((h, i) => <th scope="col" class={`govuk-table__header${i >= 5 ? ' govuk-table__header--numeric' : ''}`}>{h}</th>)}
        </tr></thead>
        <tbody class="govuk-table__body">
          {shown.map((r) => (
            <tr class="govuk-table__row">
              <th scope="row" class="govuk-table__header"><a class="govuk-link" href={`/app/children/${encodeURIComponent(r.child)}`}>{r.child}</a></th>
              <td class="govuk-table__cell">{r.dob}</td>
              <td class="govuk-table__cell">{yesNo(r.lookedAfter)}</td>
              <td class="govuk-table__cell">{r.legalStatus ?? ''}</td>
              <td class="govuk-table__cell">{r.placement ?? ''}</td>
              <td class="govuk-table__cell govuk-table__cell--numeric">{r.placements}</td>
              <td class="govuk-table__cell govuk-table__cell--numeric">{r.reviews}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <CsvLink c={c} table="children" label={`Download all ${found.length} as CSV`} />
      <Pagination url={c.req.url} page={page} pages={pages} label="Pages of the children" />
    </>}
  </>);
}

const FilterForm: FC<{ filters: Filters; years: number[]; year: number; legal: string[]; placements: string[]; errors: { field: string; message: string }[] }> = ({ filters, years, year, legal, placements, errors }) => {
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  const Group: FC<PropsWithChildren<{ field: string }>> = ({ field, children }) => (
    <div class={`govuk-form-group${error(field) ? ' govuk-form-group--error' : ''}`}>{children}</div>
  );
  const ErrorText = ({ field }: { field: string }) => error(field) ? <p class="govuk-error-message" id={`${field}-error`}><span class="govuk-visually-hidden">Error:</span> {error(field)}</p> : null;
  return (
    <form method="get" action="/app/children" class="app-filters app-no-print" novalidate>
      {filters.figure && <><input type="hidden" name="figure" value={filters.figure} /><input type="hidden" name="part" value={filters.part} /></>}
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-third">
          <Group field="q">
            <label class="govuk-label" for="q">Child ID</label>
            <div class="govuk-hint" id="q-hint">Part or all of it</div>
            <ErrorText field="q" />
            <input class={`govuk-input${error('q') ? ' govuk-input--error' : ''}`} id="q" name="q" type="search" value={filters.q} aria-describedby="q-hint" spellcheck={false} autocomplete="off" />
          </Group>
          <Group field="year">
            <label class="govuk-label" for="year">Year ending 31 March</label>
            <select class="govuk-select" id="year" name="year">
              {years.map((y) => <option value={String(y)} selected={y === year}>{y}</option>)}
            </select>
          </Group>
        </div>
        <div class="govuk-grid-column-one-third">
          <Group field="status">
            <label class="govuk-label" for="status">In care</label>
            <ErrorText field="status" />
            <select class="govuk-select" id="status" name="status">
              <option value="">Any</option>
              {Object.entries(STATUSES).map(([v, label]) => <option value={v} selected={filters.status === v}>{label}</option>)}
            </select>
          </Group>
          <Group field="review">
            <label class="govuk-label" for="review">Reviews</label>
            <ErrorText field="review" />
            <select class="govuk-select" id="review" name="review">
              <option value="">Any</option>
              {Object.entries(REVIEWS).map(([v, label]) => <option value={v} selected={filters.review === v}>{label}</option>)}
            </select>
          </Group>
        </div>
        <div class="govuk-grid-column-one-third">
          <Group field="legal">
            <label class="govuk-label" for="legal">Legal status</label>
            <ErrorText field="legal" />
            <select class="govuk-select" id="legal" name="legal">
              <option value="">Any</option>
              {legal.map((v) => <option value={v} selected={filters.legal === v}>{v}</option>)}
            </select>
          </Group>
          <Group field="placement">
            <label class="govuk-label" for="placement">Placement type</label>
            <ErrorText field="placement" />
            <select class="govuk-select" id="placement" name="placement">
              <option value="">Any</option>
              {placements.map((v) => <option value={v} selected={filters.placement === v}>{v}</option>)}
            </select>
          </Group>
        </div>
      </div>
      <div class="govuk-form-group">
        <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
          <div class="govuk-checkboxes__item">
            <input class="govuk-checkboxes__input" id="placements3" name="placements3" type="checkbox" value="1" checked={filters.placements3} />
            <label class="govuk-label govuk-checkboxes__label" for="placements3">3 or more placements in the year</label>
          </div>
        </div>
      </div>
      <button type="submit" class="govuk-button" data-module="govuk-button">Search</button>
    </form>
  );
};
