import { randomUUID } from 'node:crypto';
import type { FC } from 'hono/jsx';
import { listAllRecords, practiceCollections } from '../../../../shared/data/repositories/practice-collections.ts';
import { newDecisionSchema, paperCardSchema, practiceReviewSchema, type FeedbackCard, type Iro } from '../../../../shared/domain/practice/records.ts';
import { holds } from '../../../../shared/platform/auth/capabilities.ts';
import { followUpFeedbackCard, issueReviewLink, recordPaperCard } from '../../routes/feedback.ts';
import { recordDecision } from '../../routes/practice-decisions.ts';
import { recordContact, recordReview, withLinks } from '../../routes/practice-reviews.ts';
import { found, today, type TenantTable } from '../../routes/practice-support.ts';
import { CsrfField, ErrorSummary, Pages, render, type PageContext } from '../kit.tsx';
import { ANSWERS, CONTACT_LABELS, PARTICIPATION, STATUS_LABELS, TOPICS } from './iro-labels.ts';
import { ApiError } from '../../problems.ts';
import {
  DateField, RadiosField, SummaryRow, SelectField, SuccessBanner, TextareaField, TextField, errorList, formValues, issuesToErrors, longDate, pathParam,
  type FieldErrors, type FormValues,
} from '../forms.tsx';

/** Empty decision rows the review form offers without JavaScript ("add another" re-renders with one more). */
const DECISION_ROWS = 3;
const MAX_DECISION_ROWS = 20;

type Form = FormValues;

const rosterOptions = (roster: readonly Iro[]) => [['', 'Choose the IRO'] as const, ...roster.map((r) => [r.id, r.name] as const)];

/** The caller's own roster entry (an IRO chairs their own reviews), if any. */
const mine = (roster: readonly Iro[], subject: string) => roster.find((r) => r.sub === subject)?.id ?? '';

async function rosterOf(table: TenantTable): Promise<Iro[]> {
  return (await listAllRecords(table, practiceCollections.iros)).map((r) => r.fields);
}

const DECISION_FIELDS = ['text', 'topic', 'owner-role', 'owner-name', 'due'] as const;
const rowBlank = (form: Form, i: number) => DECISION_FIELDS.every((f) => !form[`d${i}-${f}`]);

/**
 * A refusal of the shared route functions (a body error, an unknown child, an IRO off the roster, a domain rule)
 * as field errors for the form, with its status; anything else is not the user's to fix and is rethrown.
 */
export function refusedFields(error: unknown, fieldIds: Record<string, string> = {}): { status: 400 | 409 | 422; errors: FieldErrors } {
  if (!(error instanceof ApiError) || !(error.status === 400 || error.status === 409 || error.status === 422) || error.code === 'conflict') throw error;
  const listed = (error.extensions.errors as { field: string | null; message: string }[] | undefined) ?? [];
  const errors: FieldErrors = {};
  for (const e of listed) {
    const field = e.field ?? 'form';
    errors[fieldIds[field] ?? field.replaceAll('.', '-')] ??= e.message;
  }
  if (listed.length === 0) errors[fieldIds.form ?? 'form'] = error.message;
  return { status: error.status, errors };
}

// ——— Record a review with its decisions ———

const ReviewForm: FC<{ c: PageContext<'practice.read'>; form: Form; rows: number; roster: Iro[]; errors: FieldErrors }> = ({ c, form, rows, roster, errors }) => <>
  <ErrorSummary errors={errorList(errors)} />
  <h1 class="govuk-heading-l">Record a review</h1>
  <form method="post" action="/app/reviews/new" novalidate>
    <CsrfField session={c.var.session} />
    <input type="hidden" name="rows" value={String(rows)} />
    <TextField bold name="child" label="Child (903 CHILD id)" value={form.child} width="10" errors={errors} />
    <DateField bold name="date" label="Date of the review" value={form.date} errors={errors} />
    <SelectField bold name="iro" label="Chairing IRO" value={form.iro} options={rosterOptions(roster)} errors={errors} />
    <SelectField bold name="participation" label="How the child participated" value={form.participation}
      options={[['', 'Choose a code'], ...Object.entries(PARTICIPATION)]} errors={errors} />
    <RadiosField bold name="spokeToChildBefore" label="Did the IRO speak to the child before the review?" value={form.spokeToChildBefore} inline
      options={[['yes', 'Yes'], ['no', 'No']]} errors={errors} />
    <h2 class="govuk-heading-m">Decisions of the review</h2>
    <p class="govuk-body">Fill in one row for each decision; leave the rows you do not need empty.</p>
    {Array.from({ length: rows }, (_, k) => k + 1).map((i) => (
      <fieldset class="govuk-fieldset app-decision-row">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Decision {i}</legend>
        <TextareaField name={`d${i}-text`} label="What was decided" value={form[`d${i}-text`]} rows={3} maxLength={2000} errors={errors} />
        <SelectField name={`d${i}-topic`} label="Topic" value={form[`d${i}-topic`]} options={[['', 'Choose a topic'], ...TOPICS]} errors={errors} />
        <TextField name={`d${i}-owner-role`} label="Responsible: role" hint="For example, social worker" value={form[`d${i}-owner-role`]} width="20" errors={errors} />
        <TextField name={`d${i}-owner-name`} label="Responsible: name" value={form[`d${i}-owner-name`]} width="20" errors={errors} />
        <DateField name={`d${i}-due`} label="Due by" value={form[`d${i}-due`]} errors={errors} />
      </fieldset>
    ))}
    <div class="govuk-button-group">
      <button type="submit" name="action" value="save" class="govuk-button" data-module="govuk-button">Save the review</button>
      {rows < MAX_DECISION_ROWS && <button type="submit" name="action" value="add" class="govuk-button govuk-button--secondary" data-module="govuk-button">Add another decision</button>}
    </div>
  </form>
</>;

/** The review and its decisions, each checked before anything is written (a refused form changes nothing). */
function checkReview(form: Form, rows: number, id: string) {
  const review = practiceReviewSchema.safeParse({
    id, child: form.child, iro: form.iro, date: form.date, participation: form.participation || undefined,
    spokeToChildBefore: form.spokeToChildBefore === 'yes' ? true : form.spokeToChildBefore === 'no' ? false : undefined,
  });
  const errors: FieldErrors = review.success ? {} : issuesToErrors(review.error.issues);
  if (errors.spokeToChildBefore) errors.spokeToChildBefore = 'Say whether the IRO spoke to the child before the review';
  if (errors.participation) errors.participation = 'Choose how the child participated';
  if (errors.iro) errors.iro = 'Choose the chairing IRO';
  const decisions = [];
  for (let i = 1; i <= rows; i++) {
    if (rowBlank(form, i)) continue;
    const decision = newDecisionSchema.safeParse({
      id: `${id}-d${i}`, child: form.child, review: id, made: form.date, text: form[`d${i}-text`], topic: form[`d${i}-topic`] || undefined,
      owner: { role: form[`d${i}-owner-role`], name: form[`d${i}-owner-name`] }, due: form[`d${i}-due`],
    });
    if (decision.success) decisions.push(decision.data);
    // Errors of the review's own fields (child, date) are already reported once above.
    else Object.assign(errors, issuesToErrors(decision.error.issues.filter((e) => !['child', 'made', 'review', 'id'].includes(String(e.path[0]))), `d${i}-`));
  }
  return { errors, review: review.success ? review.data : undefined, decisions };
}

// ——— The review's page, with Rate My Review ———

interface ReviewView {
  issued?: { url: string; expires: string; qrSvg: string };
  cardForm?: Form;
  errors?: FieldErrors;
}

async function reviewPage(c: PageContext<'practice.read'>, id: string, view: ReviewView = {}, status: 200 | 400 = 200) {
  const table = c.var.data;
  const [record] = await withLinks(table, [await found(table, practiceCollections.reviews, id)]);
  const [roster, decisions, cards] = await Promise.all([
    rosterOf(table), listAllRecords(table, practiceCollections.decisions), listAllRecords(table, practiceCollections.feedbackCards),
  ]);
  const review = record!.fields;
  const mineDecisions = decisions.filter((d) => d.fields.review === id);
  const mineCards = cards.filter((k) => k.fields.review === id);
  const errors = view.errors ?? {};
  const cardForm = view.cardForm ?? { received: today() };
  const saved = c.req.query('saved') === '1';
  const cardSaved = c.req.query('card') === '1';
  return render(c, { title: `Review of ${longDate(review.date)}`, crumbs: [['Worklist', '/app/worklist'], [`Child ${review.child}`, `/app/children/${review.child}`]] }, <>
    <ErrorSummary errors={errorList(errors)} />
    {saved && <SuccessBanner message={`The review is recorded${mineDecisions.length ? ` with ${mineDecisions.length} ${mineDecisions.length === 1 ? 'decision' : 'decisions'}` : ''}.`} />}
    {cardSaved && <SuccessBanner message="The paper card is recorded." />}
    <span class="govuk-caption-l">Child {review.child}</span>
    <h1 class="govuk-heading-l">Review of {longDate(review.date)}</h1>
    <dl class="govuk-summary-list" id="review">
      <SummaryRow k="Child"><a class="govuk-link" href={`/app/children/${review.child}`}>{review.child}</a></SummaryRow>
      <SummaryRow k="Date">{longDate(review.date)}</SummaryRow>
      <SummaryRow k="Chaired by">{roster.find((r) => r.id === review.iro)?.name ?? review.iro}</SummaryRow>
      <SummaryRow k="Participation">{PARTICIPATION[review.participation]}</SummaryRow>
      <SummaryRow k="IRO spoke to the child before">{review.spokeToChildBefore ? 'Yes' : 'No'}</SummaryRow>
      <SummaryRow k="In the 903 return">{record!.linked903 ? `Yes, ${record!.linked903.yearEnding} return (${record!.linked903.reviewCode})` : 'Not yet'}</SummaryRow>
    </dl>
    <h2 class="govuk-heading-m">Decisions</h2>
    {mineDecisions.length === 0 ? <p class="govuk-body">No decision was recorded at this review.</p> : (
      <table class="govuk-table" id="decisions">
        <caption class="govuk-table__caption govuk-visually-hidden">Decisions of this review</caption>
        <thead class="govuk-table__head"><tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">Decision</th>
          <th scope="col" class="govuk-table__header">Responsible</th>
          <th scope="col" class="govuk-table__header">Due</th>
          <th scope="col" class="govuk-table__header">Status</th>
        </tr></thead>
        <tbody class="govuk-table__body">
          {mineDecisions.map((d) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell"><a class="govuk-link" href={`/app/decisions/${d.id}`}>{d.fields.text}</a></td>
              <td class="govuk-table__cell">{d.fields.owner.name} ({d.fields.owner.role})</td>
              <td class="govuk-table__cell app-nowrap">{longDate(d.fields.due)}</td>
              <td class="govuk-table__cell"><strong class="govuk-tag">{STATUS_LABELS[d.fields.status]}</strong></td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
    <p class="govuk-body"><a class="govuk-link" href={`/app/contacts/new?child=${encodeURIComponent(review.child)}`}>Record a contact with the child between reviews</a></p>

    <h2 class="govuk-heading-m" id="rate-my-review">Rate My Review</h2>
    <p class="govuk-body">{mineCards.length === 0 ? 'No card has come back for this review yet.' : `${mineCards.length} ${mineCards.length === 1 ? 'card has' : 'cards have'} come back.`}</p>
    {mineCards.length > 0 && (
      <ul class="govuk-list" id="cards">
        {mineCards.map((k) => <li><a class="govuk-link" href={`/app/cards/${k.id}`}>{ANSWERS[k.fields.answer]}</a>, {k.fields.source === 'paper' ? 'paper card' : 'online'}, {longDate(k.fields.received)}</li>)}
      </ul>
    )}
    {view.issued ? (
      <div class="govuk-panel app-link-panel" id="issued">
        <h3 class="govuk-heading-s">Give this link to the child</h3>
        <p class="govuk-body app-break"><a class="govuk-link" href={view.issued.url} id="rate-link">{view.issued.url}</a></p>
        <img class="app-qr" src={`data:image/svg+xml;base64,${Buffer.from(view.issued.qrSvg).toString('base64')}`} alt="QR code of the link above" width="200" height="200" />
        <p class="govuk-body">It works once, until {longDate(view.issued.expires)}. It is shown only now: it is not stored.</p>
      </div>
    ) : holds(c.var.principal, 'feedback.issue') && (
      <form method="post" action={`/app/reviews/${id}/feedback-link`}>
        <CsrfField session={c.var.session} />
        <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Issue a Rate My Review link</button>
      </form>
    )}
    {holds(c.var.principal, 'feedback.record') && (
      <form method="post" action={`/app/reviews/${id}/paper-card`} novalidate>
        <CsrfField session={c.var.session} />
        <h3 class="govuk-heading-s">Enter a paper card</h3>
        <DateField name="received" label="Received on" value={cardForm.received} errors={errors} />
        <RadiosField name="answer" label="The child's answer" value={cardForm.answer} inline options={Object.entries(ANSWERS)} errors={errors} />
        <TextareaField name="comment" label="Comment (optional)" value={cardForm.comment} rows={3} maxLength={500} errors={errors} />
        <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Save the paper card</button>
      </form>
    )}
  </>, status);
}


// ——— A contact between reviews ———

const ContactForm: FC<{ c: PageContext<'practice.read'>; form: Form; roster: Iro[]; errors: FieldErrors; saved: boolean }> = ({ c, form, roster, errors, saved }) => <>
  <ErrorSummary errors={errorList(errors)} />
  {saved && <SuccessBanner message="The contact is recorded.">
    <p class="govuk-body"><a class="govuk-notification-banner__link" href={`/app/children/${encodeURIComponent(form.child ?? '')}`}>Back to the child's record</a></p>
  </SuccessBanner>}
  <h1 class="govuk-heading-l">Record a contact between reviews</h1>
  <form method="post" action="/app/contacts/new" novalidate>
    <CsrfField session={c.var.session} />
    <TextField bold name="child" label="Child (903 CHILD id)" value={form.child} width="10" errors={errors} />
    <DateField bold name="date" label="Date" value={form.date} errors={errors} />
    <SelectField bold name="iro" label="IRO" value={form.iro} options={rosterOptions(roster)} errors={errors} />
    <RadiosField bold name="kind" label="Kind of contact" value={form.kind} options={Object.entries(CONTACT_LABELS)} errors={errors} />
    <RadiosField bold name="with" label="With" value={form.with} inline options={[['child', 'The child'], ['carer', 'The carer']]} errors={errors} />
    <button type="submit" class="govuk-button" data-module="govuk-button">Save the contact</button>
  </form>
</>;

// ——— A Rate My Review card to follow up ———

async function cardPage(c: PageContext<'practice.read'>, id: string, errors: FieldErrors = {}, status: 200 | 400 | 409 | 422 = 200) {
  const card = await found(c.var.data, practiceCollections.feedbackCards, id);
  const k: FeedbackCard = card.fields;
  return render(c, { title: 'Rate My Review card', crumbs: [['Worklist', '/app/worklist'], ['The review', `/app/reviews/${k.review}`]] }, <>
    <ErrorSummary errors={errorList(errors)} />
    {c.req.query('done') === '1' && <SuccessBanner message="The card is marked as followed up." />}
    <h1 class="govuk-heading-l">Rate My Review card</h1>
    <dl class="govuk-summary-list" id="card">
      <SummaryRow k="Child"><a class="govuk-link" href={`/app/children/${k.child}`}>{k.child}</a></SummaryRow>
      <SummaryRow k="Review"><a class="govuk-link" href={`/app/reviews/${k.review}`}>Open the review</a></SummaryRow>
      <SummaryRow k="Answer">{ANSWERS[k.answer]}</SummaryRow>
      <SummaryRow k="Comment">{k.comment ?? 'None'}</SummaryRow>
      <SummaryRow k="Received">{longDate(k.received)} ({k.source === 'paper' ? 'paper card' : 'online'})</SummaryRow>
      <SummaryRow k="Followed up">{k.followedUp ? longDate(k.followedUp) : 'Not yet'}</SummaryRow>
    </dl>
    {k.followedUp === null && holds(c.var.principal, 'feedback.issue') && (
      <form method="post" action={`/app/cards/${id}`} novalidate>
        <CsrfField session={c.var.session} />
        <input type="hidden" name="rev" value={String(card.rev)} />
        <DateField bold name="date" label="Followed up on" value={today()} errors={errors} />
        <button type="submit" class="govuk-button" data-module="govuk-button">Mark as followed up</button>
      </form>
    )}
  </>, status);
}

export const reviewPages = new Pages()
  .get('/reviews/new', 'reviews.write', async (c) => {
    const roster = await rosterOf(c.var.data);
    const form = { child: c.req.query('child') ?? '', date: today(), iro: mine(roster, c.var.principal.subject) };
    return render(c, { title: 'Record a review', crumbs: [['Worklist', '/app/worklist']] },
      <ReviewForm c={c} form={form} rows={DECISION_ROWS} roster={roster} errors={{}} />);
  })
  .post('/reviews/new', 'reviews.write', async (c) => {
    const form = await formValues(c);
    const rows = Math.min(MAX_DECISION_ROWS, Math.max(1, Number(form.rows) || DECISION_ROWS));
    const again = (errors: FieldErrors, status: 200 | 400 | 409 | 422, shown = rows) => rosterOf(c.var.data).then((roster) =>
      render(c, { title: errors && Object.keys(errors).length ? 'Error: Record a review' : 'Record a review', crumbs: [['Worklist', '/app/worklist']] },
        <ReviewForm c={c} form={form} rows={shown} roster={roster} errors={errors} />, status));
    if (form.action === 'add') return again({}, 200, Math.min(MAX_DECISION_ROWS, rows + 1));
    const id = `rv-${randomUUID()}`;
    const { errors, review, decisions } = checkReview(form, rows, id);
    if (!review || Object.keys(errors).length > 0) return again(errors, 400);
    try {
      await recordReview(c.var.data, review);
    } catch (error) {
      const refused = refusedFields(error);
      return again(refused.errors, refused.status);
    }
    for (const decision of decisions) await recordDecision(c.var.data, decision);
    return c.redirect(`/app/reviews/${id}?saved=1`, 303);
  })
  .get('/reviews/:review', 'practice.read', (c) => reviewPage(c, pathParam(c, 'review')))
  .post('/reviews/:review/feedback-link', 'feedback.issue', async (c) => {
    const issued = await issueReviewLink(c.var.data, pathParam(c, 'review'), new URL(c.req.url).origin);
    return reviewPage(c, pathParam(c, 'review'), { issued });
  })
  .post('/reviews/:review/paper-card', 'feedback.record', async (c) => {
    const review = pathParam(c, 'review');
    const form = await formValues(c);
    const parsed = paperCardSchema.safeParse({ received: form.received, answer: form.answer || undefined, comment: form.comment || null });
    if (!parsed.success) {
      const errors = issuesToErrors(parsed.error.issues);
      if (errors.answer) errors.answer = "Choose the child's answer";
      return reviewPage(c, review, { cardForm: form, errors }, 400);
    }
    try {
      await recordPaperCard(c.var.data, { review, ...parsed.data });
    } catch (error) {
      return reviewPage(c, review, { cardForm: form, errors: refusedFields(error, { date: 'received' }).errors }, 400);
    }
    return c.redirect(`/app/reviews/${review}?card=1#rate-my-review`, 303);
  })
  .get('/contacts/new', 'reviews.write', async (c) => {
    const roster = await rosterOf(c.var.data);
    const form = { child: c.req.query('child') ?? '', date: today(), iro: mine(roster, c.var.principal.subject) };
    return render(c, { title: 'Record a contact', crumbs: [['Worklist', '/app/worklist']] },
      <ContactForm c={c} form={form} roster={roster} errors={{}} saved={c.req.query('saved') === '1'} />);
  })
  .post('/contacts/new', 'reviews.write', async (c) => {
    const form = await formValues(c);
    const input = { id: `ct-${randomUUID()}`, child: form.child, iro: form.iro, date: form.date, kind: form.kind || undefined, with: form.with || undefined };
    try {
      await recordContact(c.var.data, input);
    } catch (error) {
      const refused = refusedFields(error);
      const roster = await rosterOf(c.var.data);
      return render(c, { title: 'Error: Record a contact', crumbs: [['Worklist', '/app/worklist']] },
        <ContactForm c={c} form={form} roster={roster} errors={refused.errors} saved={false} />, refused.status);
    }
    return c.redirect(`/app/contacts/new?child=${encodeURIComponent(form.child ?? '')}&saved=1`, 303);
  })
  .get('/cards/:card', 'practice.read', (c) => cardPage(c, pathParam(c, 'card')))
  .post('/cards/:card', 'feedback.issue', async (c) => {
    const id = pathParam(c, 'card');
    const form = await formValues(c);
    try {
      await followUpFeedbackCard(c.var.data, id, form.rev ?? '', { date: form.date });
    } catch (error) {
      const refused = refusedFields(error, { followedUp: 'date' });
      return cardPage(c, id, refused.errors, refused.status);
    }
    return c.redirect(`/app/cards/${id}?done=1`, 303);
  });
