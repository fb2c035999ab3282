import { listAuditForChild } from '../../../../shared/data/repositories/audit.ts';
import { listAllRecords, practiceCollections } from '../../../../shared/data/repositories/practice-collections.ts';
import { ChildId } from '../../../../shared/contracts/api/children.ts';
import { InvalidCursor } from '../../../../shared/data/scoped-table.ts';
import { CAPABILITIES, type Capability } from '../../../../shared/platform/auth/capabilities.ts';
import { ApiError } from '../../problems.ts';
import { recordSiblingGroup, siblingPlacementReport } from '../../routes/practice-siblings.ts';
import { today } from '../../routes/practice-support.ts';
import { CsrfField, ErrorSummary, Pages, Pagination, pageOfRows, render, type PageContext } from '../kit.tsx';
import { disputePages } from './manager-disputes.tsx';
import {
  dateTime, DateField, errorList, formErrors, formValues, longDate, SuccessBanner, TextField, type FieldErrors, type FormValues,
} from '../forms.tsx';
import { ChildLink, may, newId, SubNavigation } from './manager-common.tsx';
import { rosterPages } from './manager-roster.tsx';

/**
 * The IRO manager's practice pages: disputes (manager-disputes.tsx), the roster and allocations
 * (manager-roster.tsx), and here the sibling groups with the siblings-placed-together report (Children Act 1989
 * s.22C; IRO-PRACTICE.md §6) and a child's audit trail.
 */

const { siblingGroups } = practiceCollections;

// ---- Sibling groups -------------------------------------------------------------------------------------------

const PLACEMENT_TAGS = { all: ['With all', 'govuk-tag--green'], some: ['With some', 'govuk-tag--yellow'], none: ['With none', 'govuk-tag--red'] } as const;

async function siblingsPage(c: PageContext<'practice.read'>, attempt?: { values: FormValues; errors: FieldErrors; status: 400 | 409 | 422 }) {
  const on = today();
  const [stored, report] = await Promise.all([listAllRecords(c.var.data, siblingGroups), siblingPlacementReport(c.var.data, on)]);
  const groups = stored.sort((a, b) => a.fields.children[0]!.localeCompare(b.fields.children[0]!));
  const { summary } = report;
  const errors = attempt?.errors ?? {};
  const values = attempt?.values ?? {};
  const total = summary.all + summary.some + summary.none;
  const fosterTotal = summary.foster.all + summary.foster.some + summary.foster.none;
  const rows: [string, number, number][] = [
    ['Placed with all their looked-after siblings', summary.all, summary.foster.all],
    ['Placed with some of them', summary.some, summary.foster.some],
    ['Placed with none of them', summary.none, summary.foster.none],
  ];
  const share = (n: number, of: number) => (of === 0 ? '—' : `${Math.round((100 * n) / of)}%`);
  // Two long lists, each paged on its own (a large LA has hundreds of groups); the children's list opens on its pages.
  const childPage = pageOfRows(report.children, c.req.query('children-page'));
  const groupPage = pageOfRows(groups, c.req.query('page'));
  return render(c, { title: 'Sibling groups' }, <>
    <ErrorSummary errors={errorList(errors)} />
    <SuccessBanner message={c.req.query('recorded') === '1' ? 'The sibling group was recorded.' : undefined} />
    <SubNavigation c={c} />
    <h1 class="govuk-heading-l">Sibling groups</h1>
    <h2 class="govuk-heading-m">Siblings placed together</h2>
    <p class="govuk-body">{`Children looked after on ${longDate(on)} who have a looked-after sibling in a recorded group, by whether they live with them (the same placement postcode, URN and provider).`}</p>
    <table class="govuk-table" id="report">
      <caption class="govuk-table__caption govuk-visually-hidden">Children with a looked-after sibling, by siblings placed together, all placements and foster care</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header">Children</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">All placements</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">Share</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">In foster care</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">Share</th>
      </tr></thead>
      <tbody class="govuk-table__body">
        {rows.map(([text, n, foster]) => (
          <tr class="govuk-table__row">
            <th scope="row" class="govuk-table__header">{text}</th>
            <td class="govuk-table__cell govuk-table__cell--numeric">{n}</td>
            <td class="govuk-table__cell govuk-table__cell--numeric">{share(n, total)}</td>
            <td class="govuk-table__cell govuk-table__cell--numeric">{foster}</td>
            <td class="govuk-table__cell govuk-table__cell--numeric">{share(foster, fosterTotal)}</td>
          </tr>
        ))}
        <tr class="govuk-table__row">
          <th scope="row" class="govuk-table__header">Total</th>
          <td class="govuk-table__cell govuk-table__cell--numeric">{total}</td>
          <td class="govuk-table__cell govuk-table__cell--numeric"></td>
          <td class="govuk-table__cell govuk-table__cell--numeric">{fosterTotal}</td>
          <td class="govuk-table__cell govuk-table__cell--numeric"></td>
        </tr>
      </tbody>
    </table>
    {report.children.length > 0 && (
      <details class="govuk-details" open={c.req.query('children-page') !== undefined}>
        <summary class="govuk-details__summary"><span class="govuk-details__summary-text">{`The ${report.children.length} children`}</span></summary>
        <div class="govuk-details__text">
          <table class="govuk-table" id="report-children">
            <caption class="govuk-table__caption govuk-visually-hidden">Each child with a looked-after sibling</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">Child</th>
              <th scope="col" class="govuk-table__header govuk-table__header--numeric">Looked-after siblings</th>
              <th scope="col" class="govuk-table__header govuk-table__header--numeric">Placed with them</th>
              <th scope="col" class="govuk-table__header">Placed together</th>
            </tr></thead>
            <tbody class="govuk-table__body">
              {childPage.shown.map((r) => (
                <tr class="govuk-table__row" data-child={r.child}>
                  <td class="govuk-table__cell"><ChildLink child={r.child} /></td>
                  <td class="govuk-table__cell govuk-table__cell--numeric">{r.siblings}</td>
                  <td class="govuk-table__cell govuk-table__cell--numeric">{r.together}</td>
                  <td class="govuk-table__cell"><strong class={`govuk-tag ${PLACEMENT_TAGS[r.placement][1]}`}>{PLACEMENT_TAGS[r.placement][0]}</strong></td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination url={c.req.url} page={childPage.page} pages={childPage.pages} label="Pages of the children with a looked-after sibling" param="children-page" anchor="report-children" />
        </div>
      </details>
    )}
    <h2 class="govuk-heading-m">{`Recorded groups (${groups.length})`}</h2>
    {groups.length === 0 ? <p class="govuk-body">No sibling group has been recorded yet.</p> : (
      <table class="govuk-table" id="groups">
        <caption class="govuk-table__caption govuk-visually-hidden">Sibling groups and when they were recorded</caption>
        <thead class="govuk-table__head"><tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">Children</th>
          <th scope="col" class="govuk-table__header">Recorded</th>
        </tr></thead>
        <tbody class="govuk-table__body">
          {groupPage.shown.map((g) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">{g.fields.children.map((child, i) => <>{i > 0 && ', '}<ChildLink child={child} /></>)}</td>
              <td class="govuk-table__cell">{longDate(g.fields.recorded)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
    <Pagination url={c.req.url} page={groupPage.page} pages={groupPage.pages} label="Pages of the recorded groups" anchor="groups" />
    {may(c, 'siblings.write') && (
      <form method="post" action="/app/siblings" id="record-group" novalidate>
        <h2 class="govuk-heading-m">Record a sibling group</h2>
        <CsrfField session={c.var.session} />
        <TextField id="children" name="children" label="Children" hint="Their 903 CHILD ids, separated by commas or spaces: 2 to 12 children" value={values['children']} errors={errors} spellcheck={false} />
        <DateField id="recorded" name="recorded" label="Date recorded" value={values['recorded'] ?? on} errors={errors} />
        <button type="submit" class="govuk-button" data-module="govuk-button">Record the group</button>
      </form>
    )}
  </>, attempt?.status ?? 200);
}

const GROUP_FIELDS = { children: { id: 'children', label: 'Children' }, recorded: { id: 'recorded', label: 'Date recorded' }, id: { id: 'children', label: 'Group' } };

// ---- Audit trail ----------------------------------------------------------------------------------------------

const AUDIT_PAGE = 25;

const why = (capability: string) => CAPABILITIES[capability as Capability]?.description ?? capability;

/** One page of the trail; a cursor that is not one of ours (edited by hand) is a 400 page, not a failure. */
async function auditEntries(c: PageContext<'audit.read'>, child: string, cursor: string | undefined) {
  try {
    return await listAuditForChild(c.var.data, child, { limit: AUDIT_PAGE, ...(cursor !== undefined && { cursor }) });
  } catch (error) {
    if (error instanceof InvalidCursor) throw new ApiError('invalid_request', 'this page of the audit trail no longer exists: start again from the newest reads');
    throw error;
  }
}

async function auditPage(c: PageContext<'audit.read'>) {
  const child = c.req.query('child')?.trim() ?? '';
  const cursor = c.req.query('cursor');
  const valid = child !== '' && ChildId.safeParse(child).success;
  const errors: FieldErrors = child !== '' && !valid ? { child: "Enter the child's 903 CHILD id: letters, digits, - and _ only, up to 20 characters" } : {};
  const page = valid ? await auditEntries(c, child, cursor) : undefined;
  return render(c, { title: valid ? `Audit trail of child ${child}` : 'Audit trail' }, <>
    <ErrorSummary errors={errorList(errors)} />
    <SubNavigation c={c} />
    <h1 class="govuk-heading-l">{valid ? <>Audit trail of child <ChildLink child={child} /></> : 'Audit trail'}</h1>
    <p class="govuk-body">Every read of a child's records: who read them, when, and the purpose their role was given access for.</p>
    <form method="get" action="/app/audit" id="find-child" novalidate>
      <TextField id="child" name="child" label="Child (903 CHILD id)" width="10" value={child} errors={errors} spellcheck={false} />
      <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Show the audit trail</button>
    </form>
    {page && (page.items.length === 0 ? <p class="govuk-body" id="no-reads">{cursor ? 'There are no older reads.' : "No one has read this child's records."}</p> : <>
      <table class="govuk-table" id="audit">
        <caption class="govuk-table__caption govuk-table__caption--m">{cursor ? 'Older reads' : 'Reads, newest first'}</caption>
        <thead class="govuk-table__head"><tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">When</th>
          <th scope="col" class="govuk-table__header">Who</th>
          <th scope="col" class="govuk-table__header">Role</th>
          <th scope="col" class="govuk-table__header">What</th>
          <th scope="col" class="govuk-table__header">Why</th>
        </tr></thead>
        <tbody class="govuk-table__body">
          {page.items.map((e) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">{dateTime(e.at)}</td>
              <td class="govuk-table__cell">{e.actor.sub}</td>
              <td class="govuk-table__cell">{e.actor.role.replaceAll('_', ' ')}</td>
              <td class="govuk-table__cell">{e.read}</td>
              <td class="govuk-table__cell">{why(e.actor.capability)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {(page.cursor !== undefined || cursor !== undefined) && (
        <nav class="govuk-pagination govuk-pagination--block" aria-label="Audit trail pages">
          {cursor !== undefined && (
            <div class="govuk-pagination__prev">
              <a class="govuk-link govuk-pagination__link" href={`/app/audit?child=${encodeURIComponent(child)}`} rel="prev">
                <span class="govuk-pagination__link-title">Newest reads</span>
              </a>
            </div>
          )}
          {page.cursor !== undefined && (
            <div class="govuk-pagination__next">
              <a class="govuk-link govuk-pagination__link" href={`/app/audit?child=${encodeURIComponent(child)}&cursor=${encodeURIComponent(page.cursor)}`} rel="next">
                <span class="govuk-pagination__link-title">Older reads</span>
              </a>
            </div>
          )}
        </nav>
      )}
    </>)}
  </>, Object.keys(errors).length > 0 ? 400 : 200);
}

const practicePages = new Pages()
  .get('/siblings', 'practice.read', (c) => siblingsPage(c))
  .post('/siblings', 'siblings.write', async (c) => {
    const values = await formValues(c);
    const children = (values['children'] ?? '').split(/[\s,;]+/).filter((s) => s !== '');
    try {
      await recordSiblingGroup(c.var.data, { id: newId('siblings'), children, recorded: values['recorded'] });
    } catch (error) {
      return siblingsPage(c, { values, ...formErrors(error, 'children', GROUP_FIELDS) });
    }
    return c.redirect('/app/siblings?recorded=1', 303);
  })
  .get('/audit', 'audit.read', auditPage);

/** Every set of the IRO manager's practice pages (functions/api/web/app.tsx mounts them). */
export const managerPageSets: Pages[] = [disputePages, rosterPages, practicePages];
