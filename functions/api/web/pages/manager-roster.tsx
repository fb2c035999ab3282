import { listAllRecords, practiceCollections } from '../../../../shared/data/repositories/practice-collections.ts';
import { isAllocatedOn, isIroActiveOn } from '../../../../shared/domain/practice/allocations.ts';
import { HANDBOOK_CASELOAD } from '../../../../shared/domain/practice/metrics.ts';
import { workingDaysBetween } from '../../../../shared/domain/practice/working-days.ts';
import {
  addIroToRoster, allocateChild, allocationOverview, changeIroEntry, childAllocationSpells,
} from '../../routes/practice-roster.ts';
import { found, today } from '../../routes/practice-support.ts';
import { CsrfField, ErrorSummary, Pages, Pagination, pageOfRows, render, type PageContext } from '../kit.tsx';
import {
  DateField, errorList, formErrors, formValues, longDate, SelectField, SuccessBanner, TextField, type FieldErrors, type FormFields, type FormValues,
} from '../forms.tsx';
import { ChildLink, may, newId, SubNavigation } from './manager-common.tsx';

/**
 * The IRO roster (FTE, active dates, caseload) and the children's allocations (IRO Handbook: an IRO allocated
 * within 5 working days of a period of care starting; a change of IRO keeps the history), through the same
 * functions as the JSON routes.
 */

const { iros, allocations } = practiceCollections;

// ---- The roster -----------------------------------------------------------------------------------------------

async function rosterPage(c: PageContext<'roster.read'>) {
  const on = today();
  const [roster, spells] = await Promise.all([listAllRecords(c.var.data, iros), listAllRecords(c.var.data, allocations)]);
  const caseload = new Map<string, number>();
  for (const s of spells) if (isAllocatedOn(s.fields, on)) caseload.set(s.fields.iro, (caseload.get(s.fields.iro) ?? 0) + 1);
  const rows = [...roster].sort((a, b) => a.fields.name.localeCompare(b.fields.name));
  const saved = c.req.query('saved');
  return render(c, { title: 'IRO roster' }, <>
    <SuccessBanner message={saved ? `${roster.find((r) => r.id === saved)?.fields.name ?? 'The IRO'} is saved on the roster.` : undefined} />
    <SubNavigation c={c} />
    <h1 class="govuk-heading-l">IRO roster</h1>
    <p class="govuk-body">{`The IRO Handbook expects a caseload of ${HANDBOOK_CASELOAD.min} to ${HANDBOOK_CASELOAD.max} children for a full-time IRO. Caseloads are the children allocated to each IRO today.`}</p>
    {may(c, 'roster.write') && <a href="/app/roster/new" role="button" draggable="false" class="govuk-button" data-module="govuk-button">Add an IRO</a>}
    {rows.length === 0 ? <p class="govuk-body">No IRO is on the roster yet.</p> : (
      <table class="govuk-table" id="roster">
        <caption class="govuk-table__caption govuk-table__caption--m">{`${rows.length} IRO${rows.length === 1 ? '' : 's'}`}</caption>
        <thead class="govuk-table__head"><tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">Name</th>
          <th scope="col" class="govuk-table__header govuk-table__header--numeric">FTE</th>
          <th scope="col" class="govuk-table__header">Active from</th>
          <th scope="col" class="govuk-table__header">Active to</th>
          <th scope="col" class="govuk-table__header govuk-table__header--numeric">Children</th>
          <th scope="col" class="govuk-table__header govuk-table__header--numeric">Per FTE</th>
        </tr></thead>
        <tbody class="govuk-table__body">
          {rows.map(({ id, fields: iro }) => {
            const children = caseload.get(id) ?? 0;
            const perFte = Math.round(children / iro.fte);
            const active = isIroActiveOn(iro, on);
            return (
              <tr class="govuk-table__row" data-iro={id}>
                <th scope="row" class="govuk-table__header">
                  {may(c, 'roster.write') ? <a class="govuk-link" href={`/app/roster/${id}`}>{iro.name}<span class="govuk-visually-hidden">: change</span></a> : iro.name}
                  {!active && <> <strong class="govuk-tag govuk-tag--grey">Not active</strong></>}
                </th>
                <td class="govuk-table__cell govuk-table__cell--numeric">{iro.fte}</td>
                <td class="govuk-table__cell">{longDate(iro.activeFrom)}</td>
                <td class="govuk-table__cell">{iro.activeTo ? longDate(iro.activeTo) : '—'}</td>
                <td class="govuk-table__cell govuk-table__cell--numeric">{children}</td>
                <td class="govuk-table__cell govuk-table__cell--numeric">
                  {perFte > HANDBOOK_CASELOAD.max ? <strong class="govuk-tag govuk-tag--red">{`${perFte} (above ${HANDBOOK_CASELOAD.max})`}</strong> : perFte}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    )}
  </>);
}

const IRO_FIELDS: FormFields = {
  id: { id: 'name', label: 'Record' },
  name: { id: 'name', label: 'Name' },
  fte: { id: 'fte', label: 'FTE' },
  activeFrom: { id: 'activeFrom', label: 'Active from' },
  activeTo: { id: 'activeTo', label: 'Active to' },
  sub: { id: 'sub', label: 'Sign-in subject' },
};

/** The add form (no `rev`) or the change form of IRO `id` at revision `rev`. */
function iroForm(c: PageContext<'roster.write'>, target: { id: string; rev: number } | null, values: FormValues, errors: FieldErrors = {}, status: 200 | 400 | 409 | 422 = 200) {
  const title = target ? `Change ${values['name'] || 'the IRO'}` : 'Add an IRO';
  return render(c, { title, crumbs: [['IRO roster', '/app/roster']] }, <>
    <ErrorSummary errors={errorList(errors)} />
    <h1 class="govuk-heading-l">{title}</h1>
    <form method="post" action={target ? `/app/roster/${target.id}` : '/app/roster/new'} id="iro" novalidate>
      <CsrfField session={c.var.session} />
      {target && <input type="hidden" name="rev" value={String(target.rev)} />}
      <TextField id="name" name="name" label="Name" value={values['name']} errors={errors} />
      <TextField id="fte" name="fte" label="Full-time equivalent (FTE)" hint="From 0.1 to 1, for example 0.8" width="4" inputmode="decimal" value={values['fte']} errors={errors} />
      <DateField id="activeFrom" name="activeFrom" label="Active from" value={values['activeFrom']} errors={errors} />
      <DateField id="activeTo" name="activeTo" label="Active to (optional)" hint="Leave blank while the IRO is in post" value={values['activeTo']} errors={errors} />
      <TextField id="sub" name="sub" label="Sign-in subject (optional)" hint="The IRO's sign-in identity, so their worklist shows their own children" value={values['sub']} errors={errors} spellcheck={false} />
      <button type="submit" class="govuk-button" data-module="govuk-button">{target ? 'Save the changes' : 'Add the IRO'}</button>
    </form>
  </>, status);
}

/** The form as an IRO entry: blank optional fields are absent, numbers are numbers (the schema says what is wrong). */
function iroFrom(id: string, values: FormValues) {
  const text = (name: string) => values[name]?.trim() ?? '';
  return {
    id, name: text('name'), fte: text('fte') === '' ? undefined : Number(text('fte')), activeFrom: text('activeFrom'),
    activeTo: text('activeTo') === '' ? null : text('activeTo'), ...(text('sub') !== '' && { sub: text('sub') }),
  };
}

// ---- Allocations ----------------------------------------------------------------------------------------------

async function allocationsPage(c: PageContext<'practice.read'>) {
  const on = today();
  const [rows, roster] = await Promise.all([allocationOverview(c.var.data, on), listAllRecords(c.var.data, iros)]);
  const names = new Map(roster.map((r) => [r.id, r.fields.name]));
  rows.sort((a, b) => (a.iro === null) !== (b.iro === null) ? (a.iro === null ? -1 : 1) : a.child.localeCompare(b.child));
  const unallocated = rows.filter((r) => r.iro === null).length;
  const { shown, page, pages } = pageOfRows(rows, c.req.query('page'));
  return render(c, { title: 'Allocations' }, <>
    <SubNavigation c={c} />
    <h1 class="govuk-heading-l">Allocations</h1>
    <p class="govuk-body">{`Children looked after today and their IRO, children with no IRO first. The IRO Handbook expects an IRO to be allocated within 5 working days of a period of care starting.`}</p>
    <p class="govuk-body" id="unallocated"><strong>{`${unallocated} of ${rows.length}`}</strong> children have no IRO allocated today.</p>
    <table class="govuk-table" id="allocations">
      <caption class="govuk-table__caption govuk-visually-hidden">Children looked after today, their IRO and when one was allocated</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header">Child</th>
        <th scope="col" class="govuk-table__header">IRO</th>
        <th scope="col" class="govuk-table__header">In care since</th>
        <th scope="col" class="govuk-table__header">Allocated</th>
        <th scope="col" class="govuk-table__header">Within 5 working days</th>
      </tr></thead>
      <tbody class="govuk-table__body">
        {shown.map((r) => (
          <tr class="govuk-table__row" data-child={r.child}>
            <td class="govuk-table__cell"><ChildLink child={r.child} /></td>
            <td class="govuk-table__cell">
              <a class="govuk-link" href={`/app/allocations/${encodeURIComponent(r.child)}`}>{r.iro === null ? 'No IRO' : names.get(r.iro) ?? r.iro}<span class="govuk-visually-hidden">{`: allocation history of child ${r.child}`}</span></a>
            </td>
            <td class="govuk-table__cell">{longDate(r.periodStart)}</td>
            <td class="govuk-table__cell">{r.allocated ? longDate(r.allocated) : '—'}</td>
            <td class="govuk-table__cell">
              {r.allocated !== null && r.allocated <= r.deadline ? <strong class="govuk-tag govuk-tag--green">Yes</strong>
                : r.allocated !== null ? <strong class="govuk-tag govuk-tag--red">{`No: ${workingDaysBetween(r.deadline, r.allocated)} working days late`}</strong>
                  : on > r.deadline ? <strong class="govuk-tag govuk-tag--red">{`Overdue since ${longDate(r.deadline)}`}</strong>
                    : <strong class="govuk-tag govuk-tag--yellow">{`Due by ${longDate(r.deadline)}`}</strong>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    <Pagination url={c.req.url} page={page} pages={pages} label="Pages of the allocations" />
  </>);
}

const ALLOCATE_FIELDS: FormFields = { iro: { id: 'iro', label: 'IRO' }, from: { id: 'from', label: 'Allocated from' }, child: { id: 'iro', label: 'Child' }, id: { id: 'iro', label: 'Allocation' } };

async function childAllocationPage(c: PageContext<'practice.read'>, attempt?: { values: FormValues; errors: FieldErrors; status: 400 | 409 | 422 }) {
  const child = c.req.param('child')!;
  const on = today();
  const [{ current, spells }, roster] = await Promise.all([childAllocationSpells(c.var.data, child, on), listAllRecords(c.var.data, iros)]);
  const names = new Map(roster.map((r) => [r.id, r.fields.name]));
  const errors = attempt?.errors ?? {};
  const values = attempt?.values ?? {};
  return render(c, { title: `IRO allocation of child ${child}`, crumbs: [['Allocations', '/app/allocations']] }, <>
    <ErrorSummary errors={errorList(errors)} />
    <SuccessBanner message={c.req.query('allocated') === '1' && current ? `${names.get(current.fields.iro) ?? current.fields.iro} is allocated from ${longDate(current.fields.from)}.` : undefined} />
    <span class="govuk-caption-l">Child <ChildLink child={child} /></span>
    <h1 class="govuk-heading-l">IRO allocation</h1>
    <p class="govuk-body" id="current">{current ? <>Their IRO today is <strong>{names.get(current.fields.iro) ?? current.fields.iro}</strong>, allocated from {longDate(current.fields.from)}.</> : 'No IRO is allocated today.'}</p>
    <h2 class="govuk-heading-m">History</h2>
    {spells.length === 0 ? <p class="govuk-body">No IRO has been allocated yet.</p> : (
      <table class="govuk-table" id="history">
        <caption class="govuk-table__caption govuk-visually-hidden">The child's IROs, oldest first</caption>
        <thead class="govuk-table__head"><tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">IRO</th>
          <th scope="col" class="govuk-table__header">From</th>
          <th scope="col" class="govuk-table__header">To</th>
        </tr></thead>
        <tbody class="govuk-table__body">
          {spells.map((s) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">{names.get(s.fields.iro) ?? s.fields.iro}</td>
              <td class="govuk-table__cell">{longDate(s.fields.from)}</td>
              <td class="govuk-table__cell">{s.fields.to ? longDate(s.fields.to) : 'Current'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
    {may(c, 'allocations.write') && (
      <form method="post" action={`/app/allocations/${encodeURIComponent(child)}`} id="allocate" novalidate>
        <h2 class="govuk-heading-m">{current ? 'Re-allocate to another IRO' : 'Allocate an IRO'}</h2>
        <CsrfField session={c.var.session} />
        <SelectField id="iro" name="iro" label="IRO" value={values['iro']} errors={errors}
          options={roster.filter((r) => isIroActiveOn(r.fields, on)).map((r): [string, string] => [r.id, r.fields.name])} />
        <DateField id="from" name="from" label="Allocated from" hint={current ? 'The current IRO’s allocation ends the day before' : undefined} value={values['from'] ?? on} errors={errors} />
        <button type="submit" class="govuk-button" data-module="govuk-button">Allocate</button>
      </form>
    )}
  </>, attempt?.status ?? 200);
}

export const rosterPages = new Pages()
  .get('/roster', 'roster.read', rosterPage)
  .get('/roster/new', 'roster.write', (c) => iroForm(c, null, {}))
  .post('/roster/new', 'roster.write', async (c) => {
    const values = await formValues(c);
    const id = newId('iro');
    try {
      await addIroToRoster(c.var.data, iroFrom(id, values));
    } catch (error) {
      const { status, errors } = formErrors(error, 'name', IRO_FIELDS);
      return iroForm(c, null, values, errors, status);
    }
    return c.redirect(`/app/roster?saved=${id}`, 303);
  })
  .get('/roster/:iro', 'roster.write', async (c) => {
    const { id, rev, fields } = await found(c.var.data, iros, c.req.param('iro')!);
    return iroForm(c, { id, rev }, {
      name: fields.name, fte: String(fields.fte), activeFrom: fields.activeFrom, activeTo: fields.activeTo ?? '', sub: fields.sub ?? '',
    });
  })
  .post('/roster/:iro', 'roster.write', async (c) => {
    const id = c.req.param('iro')!;
    const values = await formValues(c);
    try {
      await changeIroEntry(c.var.data, id, values['rev'] ?? '', iroFrom(id, values));
    } catch (error) {
      const { status, errors } = formErrors(error, 'name', IRO_FIELDS);
      return iroForm(c, { id, rev: Number(values['rev']) }, values, errors, status);
    }
    return c.redirect(`/app/roster?saved=${id}`, 303);
  })
  .get('/allocations', 'practice.read', allocationsPage)
  .get('/allocations/:child', 'practice.read', (c) => childAllocationPage(c))
  .post('/allocations/:child', 'allocations.write', async (c) => {
    const child = c.req.param('child')!;
    const values = await formValues(c);
    try {
      await allocateChild(c.var.data, { id: newId('alloc'), child, iro: values['iro'], from: values['from'] });
    } catch (error) {
      return childAllocationPage(c, { values, ...formErrors(error, 'iro', ALLOCATE_FIELDS) });
    }
    return c.redirect(`/app/allocations/${encodeURIComponent(child)}?allocated=1`, 303);
  });
