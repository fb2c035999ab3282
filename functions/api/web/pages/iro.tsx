import { listAllRecords, practiceCollections } from '../../../../shared/data/repositories/practice-collections.ts';
import { loadWorklistInputs } from '../../../../shared/data/repositories/worklist.ts';
import { buildWorklist, type WorklistReason, type WorklistRow } from '../../../../shared/domain/practice/worklist.ts';
import { ApiError } from '../../problems.ts';
import { href, worklistOwner } from '../../routes/practice-worklist.ts';
import { today } from '../../routes/practice-support.ts';
import { Pages, Pagination, pageOfRows, render, type PageContext } from '../kit.tsx';
import { decisionPages } from './iro-decisions.tsx';
import { longDate } from '../forms.tsx';
import { reviewPages } from './iro-reviews.tsx';

/** Why a row is on the worklist, as the IRO reads it (the filter's options, in this order). */
const REASONS: Record<WorklistReason, string> = {
  review_overdue: 'Review overdue',
  review_due_soon: 'Review due soon',
  decision_overdue: 'Decision overdue',
  dispute_step_overdue: 'Dispute stage past its deadline',
  feedback_follow_up: 'Rate My Review to follow up',
  no_iro_allocated: 'No IRO allocated',
  temporary_placement_too_long: 'Temporary placement beyond its limit',
  three_or_more_placements: '3 or more placements this year',
  no_permanence_decision: 'No permanence decision after 2 years',
};
const URGENT: ReadonlySet<WorklistReason> = new Set(['review_overdue', 'decision_overdue', 'dispute_step_overdue', 'no_iro_allocated']);

/** The page of a row's record: the child's, a decision's, a dispute's (as the API's `href`), or a card's follow-up. */
function rowLink(row: WorklistRow): { href: string; text: string } {
  if (row.record.type === 'card') return { href: `/app/cards/${row.record.id}`, text: 'Follow up the card' };
  if (row.record.type === 'review_sequence') return { href: `/app/reviews/new?child=${encodeURIComponent(row.child)}`, text: 'Record the review' };
  const text = row.record.type === 'decision' ? 'Open the decision' : row.record.type === 'dispute' ? 'Open the dispute' : "Open the child's record";
  return { href: `/app${href(row)}`, text };
}

const Message = (c: PageContext<'worklist.read'>, heading: string, detail: string) => render(c, { title: 'Worklist' }, <>
  <h1 class="govuk-heading-l">Worklist</h1>
  <div class="govuk-inset-text"><h2 class="govuk-heading-s">{heading}</h2><p class="govuk-body">{detail}</p></div>
</>);

/** The worklist, loaded as `GET /worklist` loads it: whose rows, then the stored basis and changed records, then buildWorklist. */
const worklistPages = new Pages().get('/worklist', 'worklist.read', async (c) => {
  const manager = c.var.principal.role !== 'iro';
  const asked = manager ? c.req.query('iro') || undefined : undefined;
  const reason = c.req.query('reason') as WorklistReason | undefined;
  const kind = reason && reason in REASONS ? reason : undefined;
  let iro: string | undefined;
  try {
    iro = await worklistOwner(c.var.data, c.var.principal, asked);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'not_on_roster') {
      return Message(c, 'You are not on your LA’s IRO roster', 'Your worklist shows the children allocated to you, so your sign-in must be on the roster. Ask your IRO manager to add it to your entry.');
    }
    throw error;
  }
  const date = today();
  // The same stored basis (plus the records changed since) as GET /worklist: no scan of every record per page view.
  const [inputs, roster] = await Promise.all([loadWorklistInputs(c.var.data, date), listAllRecords(c.var.data, practiceCollections.iros)]);
  if (!inputs) return Message(c, 'No 903 return yet', 'The worklist is built from your LA’s 903 return: it appears once one has been uploaded.');
  const all = buildWorklist(inputs.dataset, inputs.records, date, iro === undefined ? {} : { iro });
  const rows = kind ? all.filter((r) => r.reason === kind) : all;
  const names = new Map(roster.map((r) => [r.id, r.fields.name]));
  const { shown, page, pages } = pageOfRows(rows, c.req.query('page'));
  const counts = Object.keys(REASONS).map((r) => [r as WorklistReason, all.filter((row) => row.reason === r).length] as const).filter(([, n]) => n > 0);
  const whose = manager ? (iro ? `${names.get(iro) ?? iro}’s children` : 'every child of your LA') : 'your children';

  return render(c, { title: 'Worklist' }, <>
    <h1 class="govuk-heading-l">Worklist</h1>
    <p class="govuk-body-l">What needs attention on {longDate(date)} for {whose}.</p>
    <form method="get" action="/app/worklist" class="app-filters">
      {manager && (
        <div class="govuk-form-group">
          <label class="govuk-label" for="iro">IRO</label>
          <select class="govuk-select" id="iro" name="iro">
            <option value="">All IROs</option>
            {roster.map((r) => <option value={r.id} selected={r.id === asked}>{r.fields.name}</option>)}
          </select>
        </div>
      )}
      <div class="govuk-form-group">
        <label class="govuk-label" for="reason">Kind of row</label>
        <select class="govuk-select" id="reason" name="reason">
          <option value="">Every kind</option>
          {Object.entries(REASONS).map(([value, label]) => <option value={value} selected={value === kind}>{label}</option>)}
        </select>
      </div>
      <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Filter</button>
    </form>
    {counts.length > 0 && (
      <ul class="govuk-list app-counts" id="counts">
        {counts.map(([r, n]) => <li><a class="govuk-link" href={`/app/worklist?${new URLSearchParams({ ...(manager && asked ? { iro: asked } : {}), reason: r })}`}>{REASONS[r]}</a>: <strong>{n}</strong></li>)}
      </ul>
    )}
    {rows.length === 0 ? <p class="govuk-body" id="empty">Nothing needs attention{kind ? ` of this kind` : ''}.</p> : <>
      <table class="govuk-table" id="worklist">
        <caption class="govuk-table__caption govuk-table__caption--m">{rows.length} {rows.length === 1 ? 'row' : 'rows'}, earliest date first</caption>
        <thead class="govuk-table__head"><tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">Date</th>
          <th scope="col" class="govuk-table__header">Child</th>
          <th scope="col" class="govuk-table__header">Why it is here</th>
          {manager && <th scope="col" class="govuk-table__header">IRO</th>}
          <th scope="col" class="govuk-table__header">Record</th>
        </tr></thead>
        <tbody class="govuk-table__body">
          {shown.map((row) => {
            const link = rowLink(row);
            return (
              <tr class="govuk-table__row" data-reason={row.reason}>
                <td class="govuk-table__cell app-nowrap">{longDate(row.date)}</td>
                <td class="govuk-table__cell"><a class="govuk-link" href={`/app/children/${encodeURIComponent(row.child)}`}>{row.child}</a></td>
                <td class="govuk-table__cell">
                  <strong class={`govuk-tag ${URGENT.has(row.reason) ? 'govuk-tag--red' : 'govuk-tag--yellow'}`}>{REASONS[row.reason]}</strong>
                  <span class="govuk-body-s app-detail">{row.detail}</span>
                </td>
                {manager && <td class="govuk-table__cell">{row.iro === null ? 'None' : names.get(row.iro) ?? row.iro}</td>}
                <td class="govuk-table__cell"><a class="govuk-link" href={link.href}>{link.text}<span class="govuk-visually-hidden"> for {row.child}</span></a></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Pagination url={c.req.url} page={page} pages={pages} label="Pages of the worklist" />
    </>}
  </>);
});

/** The IRO's pages: the worklist, reviews with their decisions and Rate My Review, contacts, decisions. */
export const iroPages: Pages[] = [worklistPages, reviewPages, decisionPages];
