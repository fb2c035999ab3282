import type { FC } from 'hono/jsx';
import { decisionList, listAllRecords, practiceCollections } from '../../../../shared/data/repositories/practice-collections.ts';
import { historyOf, listChildRecords, listOrderedRecords } from '../../../../shared/data/repositories/records.ts';
import { InvalidCursor } from '../../../../shared/data/scoped-table.ts';
import { implementDecision, isDecisionOverdue, markNotImplemented, reopenDecision } from '../../../../shared/domain/practice/decisions.ts';
import {
  DECISION_STATUSES, decisionImplementedSchema, decisionNotImplementedSchema, decisionReopenSchema, type Decision, type DecisionStatus,
} from '../../../../shared/domain/practice/records.ts';
import { holds } from '../../../../shared/platform/auth/capabilities.ts';
import { applyDecisionChange } from '../../routes/practice-decisions.ts';
import { found, today } from '../../routes/practice-support.ts';
import { CsrfField, CursorPagination, ErrorSummary, PAGE_ROWS, Pages, Pagination, pageOfRows, render, type PageContext } from '../kit.tsx';
import {
  dateTime, DateField, RadiosField, SummaryRow, SelectField, SuccessBanner, TextareaField, errorList, formValues, issuesToErrors, longDate, pathParam,
  type FieldErrors, type FormValues,
} from '../forms.tsx';
import { refusedFields } from './iro-reviews.tsx';
import { REASON_LABELS, STATUS_LABELS, STATUS_TAGS, TOPIC_LABELS } from './iro-labels.ts';

const StatusTag: FC<{ d: Decision; on: string }> = ({ d, on }) => <>
  <strong class={`govuk-tag ${STATUS_TAGS[d.status]}`}>{STATUS_LABELS[d.status]}</strong>
  {isDecisionOverdue(d, on) && <> <strong class="govuk-tag govuk-tag--orange">Overdue</strong></>}
</>;

/** The transitions the form offers; the domain says which the decision's status allows. */
const ACTIONS = [['implemented', 'Implemented'], ['not_implemented', 'Not implemented'], ['reopen', 'Reopen']] as const;
type Action = (typeof ACTIONS)[number][0];

type Form = FormValues;

async function decisionPage(c: PageContext<'practice.read'>, id: string, form: Form = {}, errors: FieldErrors = {}, status: 200 | 400 | 409 | 422 = 200) {
  const table = c.var.data;
  const [record, history, roster] = await Promise.all([
    found(table, practiceCollections.decisions, id), historyOf(table, practiceCollections.decisions, id), listAllRecords(table, practiceCollections.iros),
  ]);
  const d = record.fields;
  const on = today();
  const who = new Map(roster.filter((r) => r.fields.sub).map((r) => [r.fields.sub!, r.fields.name]));
  const statusChanges = history.flatMap((h) => {
    const change = h.changes.find((ch) => ch.field === 'status');
    return change ? [{ at: h.at, who: who.get(h.actor.sub) ?? h.actor.sub, from: change.before as DecisionStatus | undefined, to: change.after as DecisionStatus }] : [];
  });
  return render(c, { title: `${Object.keys(errors).length ? 'Error: ' : ''}Decision`, crumbs: [['Decisions', '/app/decisions'], ['The review', `/app/reviews/${d.review}`]] }, <>
    <ErrorSummary errors={errorList(errors)} />
    {c.req.query('updated') === '1' && <SuccessBanner message={`The decision is now ${STATUS_LABELS[d.status].toLowerCase()}.`} />}
    <span class="govuk-caption-l">Child {d.child}, review of {longDate(d.made)}</span>
    <h1 class="govuk-heading-l">Decision</h1>
    <dl class="govuk-summary-list" id="decision">
      <SummaryRow k="Decision">{d.text}</SummaryRow>
      <SummaryRow k="Topic">{TOPIC_LABELS[d.topic]}</SummaryRow>
      <SummaryRow k="Responsible">{d.owner.name} ({d.owner.role})</SummaryRow>
      <SummaryRow k="Due">{longDate(d.due)}</SummaryRow>
      <SummaryRow k="Status"><StatusTag d={d} on={on} /></SummaryRow>
      {d.reason && <SummaryRow k="The LA's reason">{REASON_LABELS[d.reason.category]}: {d.reason.text}</SummaryRow>}
      <SummaryRow k="Child"><a class="govuk-link" href={`/app/children/${d.child}`}>{d.child}</a></SummaryRow>
    </dl>
    <h2 class="govuk-heading-m">History</h2>
    <table class="govuk-table" id="history">
      <caption class="govuk-table__caption govuk-visually-hidden">Every change of the decision's status, oldest first</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header">When</th>
        <th scope="col" class="govuk-table__header">Who</th>
        <th scope="col" class="govuk-table__header">From</th>
        <th scope="col" class="govuk-table__header">To</th>
      </tr></thead>
      <tbody class="govuk-table__body">
        {statusChanges.map((h) => (
          <tr class="govuk-table__row">
            <td class="govuk-table__cell">{dateTime(h.at)}</td>
            <td class="govuk-table__cell">{h.who}</td>
            <td class="govuk-table__cell">{h.from ? STATUS_LABELS[h.from] : 'Made at the review'}</td>
            <td class="govuk-table__cell">{STATUS_LABELS[h.to]}</td>
          </tr>
        ))}
      </tbody>
    </table>
    {holds(c.var.principal, 'decisions.write') && (
      <form method="post" action={`/app/decisions/${id}`} novalidate>
        <h2 class="govuk-heading-m">Update the decision</h2>
        <CsrfField session={c.var.session} />
        {/* The revision this form was read at: a change made meanwhile by someone else is refused, not overwritten. */}
        <input type="hidden" name="rev" value={form.rev ?? String(record.rev)} />
        {/* Not GOV.UK's conditional reveal: its script puts aria-expanded on the radios, which WCAG checkers refuse. */}
        <RadiosField bold name="action" label="What has happened?" value={form.action} options={ACTIONS} errors={errors} />
        <DateField bold name="date" label="Date" value={form.date ?? on} errors={errors} />
        <SelectField bold name="reason-category" label="If not implemented: the LA's reason" value={form['reason-category']}
          options={[['', 'Choose a reason'], ...Object.entries(REASON_LABELS)]} errors={errors} />
        <TextareaField bold name="reason-text" label="If not implemented: the LA's reason in its words" value={form['reason-text']} rows={3} maxLength={2000} errors={errors} />
        <DateField bold name="due" label="If reopened: new due date (optional)" value={form.due} errors={errors} />
        <button type="submit" class="govuk-button" data-module="govuk-button">Save the update</button>
      </form>
    )}
  </>, status);
}

/**
 * One page of the decisions the filters match, earliest due first. A child's few decisions are read through the
 * child index and numbered pages; the LA's, a page at a time from the order index (Previous/Next with a cursor), never
 * all of them. A cursor not issued for these filters (edited, or from yesterday's overdue list) is the first page.
 */
async function decisionsShown(c: PageContext<'practice.read'>, status: DecisionStatus | undefined, overdue: boolean, child: string | undefined, on: string) {
  const { decisions } = practiceCollections;
  const label = 'Pages of the decisions';
  if (child !== undefined) {
    const items = (await listChildRecords(c.var.data, decisions, child))
      .filter((r) => (status === undefined || r.fields.status === status) && (!overdue || isDecisionOverdue(r.fields, on)))
      .sort((a, b) => (a.fields.due < b.fields.due ? -1 : a.fields.due > b.fields.due ? 1 : a.id < b.id ? -1 : 1));
    const { shown, page, pages } = pageOfRows(items, c.req.query('page'));
    return { shown, caption: `${items.length} ${items.length === 1 ? 'decision' : 'decisions'}, earliest due first`, pagination: <Pagination url={c.req.url} page={page} pages={pages} label={label} /> };
  }
  const list = decisionList(status, overdue, on);
  if (list === undefined) return { shown: [], caption: '', pagination: null };
  const read = (page: { after?: string; before?: string }) => listOrderedRecords(c.var.data, decisions, list, { size: PAGE_ROWS, ...page });
  const [after, before] = [c.req.query('after'), c.req.query('before')];
  const listed = await read({ ...(after !== undefined && { after }), ...(before !== undefined && { before }) }).catch((error: unknown) => {
    if (error instanceof InvalidCursor) return read({});
    throw error;
  });
  return { shown: listed.records, caption: 'Decisions, earliest due first', pagination: <CursorPagination url={c.req.url} {...listed} label={label} /> };
}

/** The form as one transition of the domain's state machine, or the fields it gets wrong. */
function commandOf(form: Form): { errors: FieldErrors; change?: (d: Decision) => ReturnType<typeof implementDecision> } {
  const action = form.action as Action | undefined;
  if (action === 'implemented') {
    const parsed = decisionImplementedSchema.safeParse({ date: form.date });
    return parsed.success ? { errors: {}, change: (d) => implementDecision(d, parsed.data.date) } : { errors: issuesToErrors(parsed.error.issues) };
  }
  if (action === 'not_implemented') {
    const parsed = decisionNotImplementedSchema.safeParse({ date: form.date, reason: { category: form['reason-category'] || undefined, text: form['reason-text'] } });
    if (parsed.success) return { errors: {}, change: (d) => markNotImplemented(d, parsed.data.date, parsed.data.reason) };
    const errors = issuesToErrors(parsed.error.issues);
    if (errors['reason-category']) errors['reason-category'] = "Choose the LA's reason";
    if (errors['reason-text']) errors['reason-text'] = "Enter the LA's reason in its words";
    return { errors };
  }
  if (action === 'reopen') {
    const parsed = decisionReopenSchema.safeParse({ date: form.date, ...(form.due ? { due: form.due } : {}) });
    return parsed.success ? { errors: {}, change: (d) => reopenDecision(d, parsed.data.date, parsed.data.due) } : { errors: issuesToErrors(parsed.error.issues) };
  }
  return { errors: { action: 'Choose what has happened' } };
}

export const decisionPages = new Pages()
  .get('/decisions', 'practice.read', async (c) => {
    const status = DECISION_STATUSES.find((s) => s === c.req.query('status'));
    const overdue = c.req.query('overdue') === 'yes';
    const child = c.req.query('child')?.trim() || undefined;
    const on = today();
    const { shown, caption, pagination } = await decisionsShown(c, status, overdue, child, on);
    return render(c, { title: 'Decisions' }, <>
      <h1 class="govuk-heading-l">Review decisions</h1>
      <form method="get" action="/app/decisions" class="app-filters">
        <div class="govuk-form-group">
          <label class="govuk-label" for="status">Status</label>
          <select class="govuk-select" id="status" name="status">
            <option value="">Any status</option>
            {DECISION_STATUSES.map((s) => <option value={s} selected={s === status}>{STATUS_LABELS[s]}</option>)}
          </select>
        </div>
        <div class="govuk-form-group">
          <label class="govuk-label" for="child">Child</label>
          <input class="govuk-input govuk-input--width-10" id="child" name="child" type="text" value={child ?? ''} />
        </div>
        <div class="govuk-form-group">
          <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
            <div class="govuk-checkboxes__item">
              <input class="govuk-checkboxes__input" id="overdue" name="overdue" type="checkbox" value="yes" checked={overdue} />
              <label class="govuk-label govuk-checkboxes__label" for="overdue">Overdue only</label>
            </div>
          </div>
        </div>
        <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Filter</button>
      </form>
      {shown.length === 0 ? <p class="govuk-body" id="empty">No decision matches.</p> : (
        <table class="govuk-table" id="decisions">
          <caption class="govuk-table__caption govuk-table__caption--m">{caption}</caption>
          <thead class="govuk-table__head"><tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">Child</th>
            <th scope="col" class="govuk-table__header">Decision</th>
            <th scope="col" class="govuk-table__header">Responsible</th>
            <th scope="col" class="govuk-table__header">Due</th>
            <th scope="col" class="govuk-table__header">Status</th>
          </tr></thead>
          <tbody class="govuk-table__body">
            {shown.map((r) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell"><a class="govuk-link" href={`/app/children/${r.fields.child}`}>{r.fields.child}</a></td>
                <td class="govuk-table__cell"><a class="govuk-link" href={`/app/decisions/${r.id}`}>{r.fields.text}</a></td>
                <td class="govuk-table__cell">{r.fields.owner.name} ({r.fields.owner.role})</td>
                <td class="govuk-table__cell app-nowrap">{longDate(r.fields.due)}</td>
                <td class="govuk-table__cell"><StatusTag d={r.fields} on={on} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pagination}
    </>);
  })
  .get('/decisions/:decision', 'practice.read', (c) => decisionPage(c, pathParam(c, 'decision')))
  .post('/decisions/:decision', 'decisions.write', async (c) => {
    const id = pathParam(c, 'decision');
    const form = await formValues(c);
    const { errors, change } = commandOf(form);
    if (!change) return decisionPage(c, id, form, errors, 400);
    try {
      await applyDecisionChange(c.var.data, id, form.rev ?? '', change);
    } catch (error) {
      // A stale revision is rethrown: the "someone else changed this" page (409), and nothing is written.
      const refused = refusedFields(error, { status: 'action' });
      return decisionPage(c, id, form, refused.errors, refused.status);
    }
    return c.redirect(`/app/decisions/${id}?updated=1`, 303);
  });
