import type { FC } from 'hono/jsx';
import { listAllRecords, loadDisputeChain, practiceCollections } from '../../../../shared/data/repositories/practice-collections.ts';
import { listChildRecords, type PracticeRecord } from '../../../../shared/data/repositories/records.ts';
import { currentStep, highestStage, INFORMAL_STAGE, isStepOverdue } from '../../../../shared/domain/practice/disputes.ts';
import {
  DISPUTE_OUTCOMES, DISPUTE_THEMES, type Dispute, type DisputeChain, type DisputeStep, type Iro,
} from '../../../../shared/domain/practice/records.ts';
import { workingDaysBetween } from '../../../../shared/domain/practice/working-days.ts';
import { disputeSteps, raiseNewDispute, readDisputeSettings, saveDisputeSettings } from '../../routes/practice-disputes.ts';
import { found, today } from '../../routes/practice-support.ts';
import { CsrfField, ErrorSummary, Pages, Pagination, pageOfRows, render, type PageContext } from '../kit.tsx';
import {
  DateField, errorList, formErrors, formValues, longDate, RadiosField, SelectField, SuccessBanner, TextareaField, TextField,
  type FieldErrors, type FormFields, type FormValues,
} from '../forms.tsx';
import { ChildLink, label, may, newId } from './manager-common.tsx';

/**
 * Disputes (IRO Handbook ch. 6; IRO-PRACTICE.md §2): the LA's list with filters, raising one with its informal
 * alert, one dispute's steps with their deadlines and the forms that move it on, and the LA's escalation chain.
 * Every write goes through the same functions as the JSON routes; each form carries the revision it read.
 */

const { disputes, iros } = practiceCollections;
const TEXT_LIMIT = 2000;

const STATUS_TAGS: Record<Dispute['status'], [string, string]> = {
  open: ['Open', 'govuk-tag--blue'],
  resolved: ['Resolved', 'govuk-tag--green'],
  withdrawn: ['Withdrawn', 'govuk-tag--grey'],
  referred_to_cafcass: ['Referred to Cafcass', 'govuk-tag--purple'],
};

const StatusTag: FC<{ status: Dispute['status'] }> = ({ status }) => <strong class={`govuk-tag ${STATUS_TAGS[status][1]}`}>{STATUS_TAGS[status][0]}</strong>;

function stageTitle(chain: DisputeChain, stage: number): string {
  if (stage === INFORMAL_STAGE) return 'Informal alert';
  return `Stage ${stage}: ${chain.stages[stage - 1]?.title ?? 'no longer in the chain'}`;
}

const iroNames = (roster: PracticeRecord<Iro>[]) => new Map(roster.map((r) => [r.id, r.fields.name]));

/** Whether a step's deadline was met, is still to come, or has passed unanswered (a closed dispute waits no longer). */
const Deadline: FC<{ step: DisputeStep; on: string; closed: boolean }> = ({ step, on, closed }) => {
  if (step.response) {
    const late = workingDaysBetween(step.due, step.response.date);
    return late === 0
      ? <strong class="govuk-tag govuk-tag--green">Met</strong>
      : <strong class="govuk-tag govuk-tag--red">{`Missed by ${late} working day${late === 1 ? '' : 's'}`}</strong>;
  }
  if (closed) return <strong class="govuk-tag govuk-tag--grey">Not answered</strong>;
  return isStepOverdue(step, on) || step.overdueSince
    ? <strong class="govuk-tag govuk-tag--red">Overdue</strong>
    : <strong class="govuk-tag govuk-tag--yellow">Awaiting response</strong>;
};

const THEME_OPTIONS: [string, string][] = DISPUTE_THEMES.map((t) => [t, label(t)]);

// ---- The list -------------------------------------------------------------------------------------------------

async function listPage(c: PageContext<'practice.read'>) {
  const status = c.req.query('status') ?? 'all';
  const theme = c.req.query('theme') ?? '';
  const stage = c.req.query('stage') ?? '';
  const child = c.req.query('child')?.trim() || undefined;
  const [records, roster, chain] = await Promise.all([
    child === undefined ? listAllRecords(c.var.data, disputes) : listChildRecords(c.var.data, disputes, child),
    listAllRecords(c.var.data, iros), loadDisputeChain(c.var.data),
  ]);
  const names = iroNames(roster);
  const on = today();
  const rows = records
    .filter((r) => status === 'all' || (status === 'open' ? r.fields.status === 'open' : r.fields.status !== 'open'))
    .filter((r) => theme === '' || r.fields.theme === theme)
    .filter((r) => stage === '' || String(highestStage(r.fields)) === stage)
    .sort((a, b) => (a.fields.raised < b.fields.raised ? 1 : a.fields.raised > b.fields.raised ? -1 : a.id < b.id ? -1 : 1));
  const { shown, page, pages } = pageOfRows(rows, c.req.query('page'));
  const stageOptions: [string, string][] = [['', 'Any stage'], ...[INFORMAL_STAGE, ...chain.stages.map((_, i) => i + 1)].map((s): [string, string] => [String(s), stageTitle(chain, s)])];
  return render(c, { title: 'Disputes' }, <>
    <h1 class="govuk-heading-l">Disputes</h1>
    <p class="govuk-body">Informal alerts and formal escalations raised by IROs about the care of a child. To raise one, open the child's record or <a class="govuk-link" href="/app/disputes/new">raise a dispute</a>. <a class="govuk-link" href="/app/settings/disputes">The escalation chain and its deadlines</a>.</p>
    <form method="get" action="/app/disputes" class="app-filters" id="filters">
      <SelectField id="filter-status" name="status" label="Status" value={status} options={[['all', 'All'], ['open', 'Open'], ['closed', 'Closed']]} />
      <SelectField id="filter-theme" name="theme" label="Theme" value={theme} options={[['', 'Any theme'], ...THEME_OPTIONS]} />
      <SelectField id="filter-stage" name="stage" label="Highest stage reached" value={stage} options={stageOptions} />
      <TextField id="filter-child" name="child" label="Child" value={child ?? ''} width="10" />
      <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Apply filters</button>
    </form>
    {rows.length === 0 ? <p class="govuk-body" id="no-disputes">No dispute matches these filters.</p> : (
      <table class="govuk-table" id="disputes">
        <caption class="govuk-table__caption govuk-table__caption--m">{`${rows.length} dispute${rows.length === 1 ? '' : 's'}`}</caption>
        <thead class="govuk-table__head"><tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">Child</th>
          <th scope="col" class="govuk-table__header">Theme</th>
          <th scope="col" class="govuk-table__header">IRO</th>
          <th scope="col" class="govuk-table__header">Raised</th>
          <th scope="col" class="govuk-table__header">Stage</th>
          <th scope="col" class="govuk-table__header">Deadline</th>
          <th scope="col" class="govuk-table__header">Status</th>
        </tr></thead>
        <tbody class="govuk-table__body">
          {shown.map(({ id, fields: d }) => {
            const step = currentStep(d);
            return (
              <tr class="govuk-table__row" data-dispute={id}>
                <td class="govuk-table__cell"><ChildLink child={d.child} /></td>
                <td class="govuk-table__cell"><a class="govuk-link" href={`/app/disputes/${id}`}>{label(d.theme)}<span class="govuk-visually-hidden">{` dispute about child ${d.child}`}</span></a></td>
                <td class="govuk-table__cell">{names.get(d.iro) ?? d.iro}</td>
                <td class="govuk-table__cell">{longDate(d.raised)}</td>
                <td class="govuk-table__cell">{stageTitle(chain, step.stage)}</td>
                <td class="govuk-table__cell">{d.status === 'open' ? <>{longDate(step.due)} <Deadline step={step} on={on} closed={false} /></> : '—'}</td>
                <td class="govuk-table__cell"><StatusTag status={d.status} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    )}
    <Pagination url={c.req.url} page={page} pages={pages} label="Pages of the disputes" />
  </>);
}

// ---- Raising one ----------------------------------------------------------------------------------------------

const RAISE_FIELDS: FormFields = {
  child: { id: 'child', label: 'Child' },
  theme: { id: 'theme', label: 'Theme' },
  iro: { id: 'iro', label: 'IRO' },
  raised: { id: 'raised', label: 'Date of the informal alert' },
  alertRecipient: { id: 'alertRecipient', label: 'Who received the alert' },
};

async function raiseForm(c: PageContext<'disputes.write'>, values: FormValues, errors: FieldErrors = {}, status: 200 | 400 | 409 | 422 = 200) {
  const [roster, chain] = await Promise.all([listAllRecords(c.var.data, iros), loadDisputeChain(c.var.data)]);
  const mine = roster.find((r) => r.fields.sub === c.var.principal.subject)?.id;
  return render(c, { title: 'Raise a dispute', crumbs: [['Disputes', '/app/disputes']] }, <>
    <ErrorSummary errors={errorList(errors)} />
    <h1 class="govuk-heading-l">Raise a dispute</h1>
    <p class="govuk-body">{`A dispute starts with an informal alert to the child's social worker or team manager, who has ${chain.informalWorkingDays} working days to answer before you consider the formal process.`}</p>
    <form method="post" action="/app/disputes/new" novalidate>
      <CsrfField session={c.var.session} />
      <TextField id="child" name="child" label="Child (903 CHILD id)" value={values['child']} errors={errors} width="10" spellcheck={false} />
      <SelectField id="theme" name="theme" label="Theme" value={values['theme']} errors={errors} options={THEME_OPTIONS} />
      <SelectField id="iro" name="iro" label="IRO raising the dispute" value={values['iro'] ?? mine} errors={errors}
        options={roster.map((r): [string, string] => [r.id, r.fields.name])} />
      <DateField id="raised" name="raised" label="Date of the informal alert" value={values['raised'] ?? today()} errors={errors} />
      <TextField id="alertRecipient" name="alertRecipient" label="Who received the alert" hint="Name and role, for example Sam Jones, team manager" value={values['alertRecipient']} errors={errors} />
      <button type="submit" class="govuk-button" data-module="govuk-button">Raise the dispute</button>
    </form>
  </>, status);
}

// ---- One dispute ----------------------------------------------------------------------------------------------

type StepForm = 'escalate' | 'respond' | 'close';

const STEP_FIELDS: Record<StepForm, FormFields> = {
  escalate: { stage: { id: 'escalate-stage', label: 'Stage' }, recipient: { id: 'escalate-recipient', label: 'Recipient' }, date: { id: 'escalate-date', label: 'Date' } },
  respond: { date: { id: 'respond-date', label: 'Date of the response' }, text: { id: 'respond-text', label: 'Response' } },
  close: { outcome: { id: 'close-outcome', label: 'Outcome' }, date: { id: 'close-date', label: 'Date' }, summary: { id: 'close-summary', label: 'What changed for the child' } },
};

const DONE: Record<string, string> = {
  raised: 'The dispute was raised with its informal alert.',
  escalate: 'The dispute was escalated.',
  respond: 'The response was recorded.',
  close: 'The dispute was closed.',
};

interface Attempt {
  form: StepForm;
  values: FormValues;
  errors: FieldErrors;
  status: 400 | 409 | 422;
}

async function disputePage(c: PageContext<'practice.read'>, attempt?: Attempt) {
  const id = c.req.param('dispute')!;
  const [record, roster, chain] = await Promise.all([found(c.var.data, disputes, id), listAllRecords(c.var.data, iros), loadDisputeChain(c.var.data)]);
  const d = record.fields;
  const on = today();
  const open = d.status === 'open' && may(c, 'disputes.write');
  const errors = attempt?.errors ?? {};
  const valuesOf = (form: StepForm): FormValues => (attempt?.form === form ? attempt.values : {});
  const next = chain.stages.map((s, i) => ({ stage: i + 1, title: s.title })).filter((s) => s.stage > highestStage(d));
  const done = c.req.query('done');
  return render(c, { title: `${label(d.theme)} dispute`, crumbs: [['Disputes', '/app/disputes']] }, <>
    <ErrorSummary errors={errorList(errors)} />
    <SuccessBanner message={done ? DONE[done] : undefined} />
    <span class="govuk-caption-l">Dispute about child <ChildLink child={d.child} /></span>
    <h1 class="govuk-heading-l">{`${label(d.theme)}`} <StatusTag status={d.status} /></h1>
    <dl class="govuk-summary-list" id="summary">
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">IRO</dt><dd class="govuk-summary-list__value">{iroNames(roster).get(d.iro) ?? d.iro}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Raised</dt><dd class="govuk-summary-list__value">{longDate(d.raised)}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Highest stage reached</dt><dd class="govuk-summary-list__value">{stageTitle(chain, highestStage(d))}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Formal process deadline</dt><dd class="govuk-summary-list__value">
        {d.formalDue ? `${longDate(d.formalDue)} (${chain.totalWorkingDays} working days from the first formal stage)` : 'Not started: the dispute is informal'}
      </dd></div>
    </dl>

    <h2 class="govuk-heading-m">Steps</h2>
    <ol class="app-timeline" id="steps">
      {d.steps.map((step) => (
        <li class="app-timeline__item" data-stage={String(step.stage)}>
          <div class="govuk-summary-card">
            <div class="govuk-summary-card__title-wrapper">
              <h3 class="govuk-summary-card__title">{stageTitle(chain, step.stage)}</h3>
              <Deadline step={step} on={on} closed={d.status !== 'open'} />
            </div>
            <div class="govuk-summary-card__content">
              <dl class="govuk-summary-list govuk-!-margin-bottom-0">
                <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Date</dt><dd class="govuk-summary-list__value">{longDate(step.date)}</dd></div>
                <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Sent to</dt><dd class="govuk-summary-list__value">{step.recipient}</dd></div>
                <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Response due</dt><dd class="govuk-summary-list__value">
                  {`${longDate(step.due)} (${workingDaysBetween(step.date, step.due)} working days)`}
                </dd></div>
                <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Response</dt><dd class="govuk-summary-list__value">
                  {step.response ? <><p class="govuk-body govuk-!-margin-bottom-1">{longDate(step.response.date)}</p><p class="govuk-body app-pre-line govuk-!-margin-bottom-0">{step.response.text}</p></> : 'None yet'}
                </dd></div>
              </dl>
            </div>
          </div>
        </li>
      ))}
      {d.closure && (
        <li class="app-timeline__item" id="closure">
          <div class="govuk-summary-card">
            <div class="govuk-summary-card__title-wrapper"><h3 class="govuk-summary-card__title">{`Outcome: ${STATUS_TAGS[d.closure.outcome][0].toLowerCase()}`}</h3></div>
            <div class="govuk-summary-card__content">
              <dl class="govuk-summary-list govuk-!-margin-bottom-0">
                <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Date</dt><dd class="govuk-summary-list__value">{longDate(d.closure.date)}</dd></div>
                <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">What changed for the child</dt><dd class="govuk-summary-list__value app-pre-line">{d.closure.summary}</dd></div>
              </dl>
            </div>
          </div>
        </li>
      )}
    </ol>

    {open && <>
      {next.length > 0 && (
        <form method="post" action={`/app/disputes/${id}/escalate`} id="escalate" novalidate>
          <h2 class="govuk-heading-m">Escalate to a formal stage</h2>
          <CsrfField session={c.var.session} />
          <input type="hidden" name="rev" value={String(record.rev)} />
          <RadiosField bold id="escalate-stage" name="stage" label="Stage" hint="You may skip stages; a dispute never goes back to one it has passed." small
            value={valuesOf('escalate')['stage']} errors={errors}
            options={next.map((s): [string, string] => [String(s.stage), `Stage ${s.stage}: ${s.title} (${chain.stages[s.stage - 1]!.workingDays} working days to respond)`])} />
          <TextField id="escalate-recipient" name="recipient" label="Sent to" hint="Name and role" value={valuesOf('escalate')['recipient']} errors={errors} />
          <DateField id="escalate-date" name="date" label="Date" value={valuesOf('escalate')['date'] ?? on} errors={errors} />
          <button type="submit" class="govuk-button" data-module="govuk-button">Escalate</button>
        </form>
      )}
      {!currentStep(d).response && (
        <form method="post" action={`/app/disputes/${id}/respond`} id="respond" novalidate>
          <h2 class="govuk-heading-m">{`Record the response to the ${currentStep(d).stage === INFORMAL_STAGE ? 'informal alert' : `stage ${currentStep(d).stage} escalation`}`}</h2>
          <CsrfField session={c.var.session} />
          <input type="hidden" name="rev" value={String(record.rev)} />
          <DateField id="respond-date" name="date" label="Date of the response" value={valuesOf('respond')['date'] ?? on} errors={errors} />
          <TextareaField id="respond-text" name="text" label="Response" maxLength={TEXT_LIMIT} value={valuesOf('respond')['text']} errors={errors} />
          <button type="submit" class="govuk-button" data-module="govuk-button">Record the response</button>
        </form>
      )}
      <form method="post" action={`/app/disputes/${id}/close`} id="close" novalidate>
        <h2 class="govuk-heading-m">Close the dispute</h2>
        <CsrfField session={c.var.session} />
        <input type="hidden" name="rev" value={String(record.rev)} />
        <RadiosField bold id="close-outcome" name="outcome" label="Outcome" small value={valuesOf('close')['outcome']} errors={errors}
          options={DISPUTE_OUTCOMES.map((o): [string, string] => [o, STATUS_TAGS[o][0]])} />
        <DateField id="close-date" name="date" label="Date" value={valuesOf('close')['date'] ?? on} errors={errors} />
        <TextareaField id="close-summary" name="summary" label="What changed for the child" maxLength={TEXT_LIMIT} value={valuesOf('close')['summary']} errors={errors} />
        <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">Close the dispute</button>
      </form>
    </>}
  </>, attempt?.status ?? 200);
}

/** Posts one step of the dispute; a refusal re-renders the page with the domain's message on the field it names. */
function stepHandler(form: StepForm) {
  return async (c: PageContext<'disputes.write'>) => {
    const id = c.req.param('dispute')!;
    const values = await formValues(c);
    const { rev = '', ...fields } = values;
    const command = form === 'escalate' ? { ...fields, stage: Number(fields['stage']) } : fields;
    try {
      await disputeSteps[form](c.var.data, id, rev, command);
    } catch (error) {
      return disputePage(c, { form, values, ...formErrors(error, form, STEP_FIELDS[form]) });
    }
    return c.redirect(`/app/disputes/${id}?done=${form}`, 303);
  };
}

// ---- The LA's chain -------------------------------------------------------------------------------------------

const MAX_STAGES = 8;

function settingsFields(): FormFields {
  const fields: FormFields = {
    informalWorkingDays: { id: 'informalWorkingDays', label: 'Working days to answer the informal alert' },
    totalWorkingDays: { id: 'totalWorkingDays', label: 'Working days for the whole formal process' },
    stages: { id: 'stage-1-title', label: 'Stages' },
  };
  for (let i = 0; i < MAX_STAGES; i++) {
    fields[`stages.${i}.title`] = { id: `stage-${i + 1}-title`, label: `Stage ${i + 1} title` };
    fields[`stages.${i}.workingDays`] = { id: `stage-${i + 1}-days`, label: `Stage ${i + 1} working days` };
  }
  return fields;
}

async function settingsPage(c: PageContext<'practice.read'>, attempt?: { values: FormValues; errors: FieldErrors; status: 400 | 409 | 422 }) {
  const { rev, chain } = await readDisputeSettings(c.var.data);
  const errors = attempt?.errors ?? {};
  const value = (name: string, fallback: number | string | undefined) => attempt ? attempt.values[name] : fallback === undefined ? '' : String(fallback);
  const rows = Math.min(MAX_STAGES, chain.stages.length + 2);
  return render(c, { title: 'Dispute escalation chain', crumbs: [['Disputes', '/app/disputes']] }, <>
    <ErrorSummary errors={errorList(errors)} />
    <SuccessBanner message={c.req.query('saved') === '1' ? 'The escalation chain was saved. It applies to disputes raised or escalated from now on.' : undefined} />
    <h1 class="govuk-heading-l">Dispute escalation chain</h1>
    <p class="govuk-body">{rev === 0 ? 'Your LA uses the default chain (IRO Handbook chapter 6).' : `Your LA's own chain, revision ${rev}.`}</p>
    <table class="govuk-table" id="chain">
      <caption class="govuk-table__caption govuk-table__caption--m">Stages and response deadlines</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header">Stage</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">Working days to respond</th>
      </tr></thead>
      <tbody class="govuk-table__body">
        <tr class="govuk-table__row"><th scope="row" class="govuk-table__header">Informal alert</th><td class="govuk-table__cell govuk-table__cell--numeric">{chain.informalWorkingDays}</td></tr>
        {chain.stages.map((s, i) => <tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{`Stage ${i + 1}: ${s.title}`}</th><td class="govuk-table__cell govuk-table__cell--numeric">{s.workingDays}</td></tr>)}
        <tr class="govuk-table__row"><th scope="row" class="govuk-table__header">The whole formal process</th><td class="govuk-table__cell govuk-table__cell--numeric">{chain.totalWorkingDays}</td></tr>
      </tbody>
    </table>
    {may(c, 'disputes.configure') && (
      <form method="post" action="/app/settings/disputes" id="settings" novalidate>
        <h2 class="govuk-heading-m">Change the chain</h2>
        <CsrfField session={c.var.session} />
        <input type="hidden" name="rev" value={String(rev)} />
        <TextField id="informalWorkingDays" name="informalWorkingDays" label="Working days to answer the informal alert" width="3" inputmode="numeric" value={value('informalWorkingDays', chain.informalWorkingDays)} errors={errors} />
        {Array.from({ length: rows }, (_, i) => (
          <fieldset class="govuk-fieldset govuk-!-margin-bottom-4">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{`Stage ${i + 1}${i >= chain.stages.length ? ' (optional)' : ''}`}</legend>
            <TextField id={`stage-${i + 1}-title`} name={`stage-${i + 1}-title`} label="Title" value={value(`stage-${i + 1}-title`, chain.stages[i]?.title)} errors={errors} />
            <TextField id={`stage-${i + 1}-days`} name={`stage-${i + 1}-days`} label="Working days to respond" width="3" inputmode="numeric" value={value(`stage-${i + 1}-days`, chain.stages[i]?.workingDays)} errors={errors} />
          </fieldset>
        ))}
        <TextField id="totalWorkingDays" name="totalWorkingDays" label="Working days for the whole formal process" width="3" inputmode="numeric" value={value('totalWorkingDays', chain.totalWorkingDays)} errors={errors} />
        <button type="submit" class="govuk-button" data-module="govuk-button">Save the chain</button>
      </form>
    )}
  </>, attempt?.status ?? 200);
}

/** The form's rows as the chain: a stage row left blank is not a stage. */
function chainFrom(values: FormValues) {
  const stages = [];
  for (let i = 1; i <= MAX_STAGES; i++) {
    const title = values[`stage-${i}-title`]?.trim() ?? '';
    const days = values[`stage-${i}-days`]?.trim() ?? '';
    if (title === '' && days === '') continue;
    stages.push({ title, workingDays: Number(days) });
  }
  return { informalWorkingDays: Number(values['informalWorkingDays']), stages, totalWorkingDays: Number(values['totalWorkingDays']) };
}

export const disputePages = new Pages()
  .get('/disputes', 'practice.read', listPage)
  .get('/disputes/new', 'disputes.write', (c) => raiseForm(c, { child: c.req.query('child') ?? '' }))
  .post('/disputes/new', 'disputes.write', async (c) => {
    const values = await formValues(c);
    let raised;
    try {
      raised = await raiseNewDispute(c.var.data, { ...values, id: newId('dispute') });
    } catch (error) {
      const { status, errors } = formErrors(error, 'child', RAISE_FIELDS);
      return raiseForm(c, values, errors, status);
    }
    return c.redirect(`/app/disputes/${raised.id}?done=raised`, 303);
  })
  .get('/disputes/:dispute', 'practice.read', (c) => disputePage(c))
  .post('/disputes/:dispute/escalate', 'disputes.write', stepHandler('escalate'))
  .post('/disputes/:dispute/respond', 'disputes.write', stepHandler('respond'))
  .post('/disputes/:dispute/close', 'disputes.write', stepHandler('close'))
  .get('/settings/disputes', 'practice.read', (c) => settingsPage(c))
  .post('/settings/disputes', 'disputes.configure', async (c) => {
    const values = await formValues(c);
    try {
      await saveDisputeSettings(c.var.data, values['rev'] ?? '', chainFrom(values));
    } catch (error) {
      return settingsPage(c, { values, ...formErrors(error, 'settings', settingsFields()) });
    }
    return c.redirect('/app/settings/disputes?saved=1', 303);
  });
