import type { FC, PropsWithChildren } from 'hono/jsx';
import type * as z from 'zod/mini';
import { listAllRecords, practiceCollections } from '../../../../shared/data/repositories/practice-collections.ts';
import { listChildRecords, type RecordCollection } from '../../../../shared/data/repositories/records.ts';
import { mergeDatasets } from '../../../../shared/domain/metrics/history.ts';
import { timelineOf } from '../../../../shared/domain/metrics/timeline.ts';
import { heldReviews } from '../../../../shared/domain/practice/reviews.ts';
import { holds } from '../../../../shared/platform/auth/capabilities.ts';
import { childIn903, type TenantTable } from '../../routes/practice-support.ts';
import { TimelineChart, type TimelineSpan } from '../charts.tsx';
import { render, type PageContext } from '../kit.tsx';
import { longDate } from '../forms.tsx';

const ANSWERS = { good: 'Good', ok: 'OK', not_happy: 'Not happy' } as const;
const KINDS = { midway_review: 'Midway review', visit: 'Visit', call: 'Call', message: 'Message' } as const;
const STATUS_TAGS: Record<string, string> = {
  open: 'govuk-tag--blue', reopened: 'govuk-tag--blue', implemented: 'govuk-tag--green', resolved: 'govuk-tag--green',
  not_implemented: 'govuk-tag--red', referred_to_cafcass: 'govuk-tag--red', withdrawn: 'govuk-tag--grey',
};
const words = (code: string) => code.replaceAll('_', ' ');
const Tag: FC<{ status: string }> = ({ status }) => <strong class={`govuk-tag ${STATUS_TAGS[status] ?? 'govuk-tag--grey'}`}>{words(status)}</strong>;
const when = (iso: string | null) => (iso === null ? '' : longDate(iso));

/** The practice records about this child, through the child index of each collection (never the whole LA's). */
async function aboutChild(table: TenantTable, child: string) {
  const c = practiceCollections;
  const mine = async <F extends z.ZodMiniType<Record<string, unknown>>>(coll: RecordCollection<F>) => (await listChildRecords(table, coll, child)).map((r) => r.fields);
  const [allocations, reviews, contacts, decisions, disputes, cards, siblingGroups] = await Promise.all([
    mine(c.allocations), mine(c.reviews), mine(c.contacts), mine(c.decisions), mine(c.disputes), mine(c.feedbackCards), mine(c.siblingGroups),
  ]);
  return {
    allocations: allocations.sort((a, b) => a.from.localeCompare(b.from)),
    reviews, contacts: contacts.sort((a, b) => a.date.localeCompare(b.date)),
    decisions: decisions.sort((a, b) => a.made.localeCompare(b.made)),
    disputes: disputes.sort((a, b) => a.raised.localeCompare(b.raised)),
    cards: cards.sort((a, b) => a.received.localeCompare(b.received)),
    siblingGroups,
  };
}

/**
 * children.read: one child's timeline over every stored return: periods of care and placements on a time axis,
 * legal statuses, reviews (903 and chaired here) with their decisions, IRO contacts, missing incidents, disputes,
 * Rate My Review cards, siblings and the IRO allocation history. Another LA's child or an unknown id is a 404 that
 * does not repeat the id (childIn903).
 */
export async function childPage(c: PageContext<'children.read'>): Promise<Response> {
  const id = c.req.param('child') ?? '';
  // The 903 check first: an unknown id reads (and audits) no practice record.
  const years = await childIn903(c.var.data, id, 'child', 'not_found');
  const records = mergeDatasets(years.map((y) => ({ yearEnding: y.yearEnding, children: [y.records] }))).children[0]!;
  const [mine, roster] = await Promise.all([aboutChild(c.var.data, records.child), listAllRecords(c.var.data, practiceCollections.iros)]);
  const timeline = timelineOf(records);
  const iroName = new Map(roster.map((i) => [i.id, i.fields.name]));
  const iro = (idOf: string) => iroName.get(idOf) ?? idOf;
  const today = new Date().toISOString().slice(0, 10);
  const child = encodeURIComponent(records.child);

  const spans: TimelineSpan[] = timeline.periods.flatMap((p, group) => p.episodes.map((e) => ({ label: `${e.place} · ${e.ls}`, from: e.decom, to: e.dec, group })));
  const legalChanges = timeline.episodes.filter((e, i) => i === 0 || timeline.episodes[i - 1]!.ls !== e.ls || timeline.episodes[i - 1]!.dec !== e.decom);
  const codeOn = new Map(records.reviews.map((r) => [r.review, r.reviewCode]));
  const reviews = heldReviews(records, mine.reviews, records.child);
  const current = mine.allocations.find((a) => a.to === null);
  const manager = holds(c.var.principal, 'audit.read');

  return render(c, { title: `Child ${records.child}`, crumbs: [['Home', '/app'], ['Children', '/app/children']] }, <>
    <span class="govuk-caption-l">Child</span>
    <h1 class="govuk-heading-l">{records.child}</h1>
    <dl class="govuk-summary-list" id="child-summary">
      <Row label="Date of birth">{when(records.header.dob)}</Row>
      <Row label="In the 903 returns for">{years.map((y) => y.yearEnding).join(', ')}</Row>
      <Row label="Looked after now">{timeline.episodes.at(-1)?.dec === null ? 'Yes' : 'No'}</Row>
      <Row label="IRO">{current ? `${iro(current.iro)} since ${longDate(current.from)}` : 'No IRO allocated'}</Row>
    </dl>
    <ul class="govuk-list app-no-print" id="actions">
      <li><a class="govuk-link" href={`/app/reviews/new?child=${child}`}>Record a review</a></li>
      <li><a class="govuk-link" href={`/app/contacts/new?child=${child}`}>Record a contact</a></li>
      <li><a class="govuk-link" href={`/app/disputes/new?child=${child}`}>Raise a dispute</a></li>
      <li><a class="govuk-link" href="/app/allocations">IRO allocations</a></li>
      {manager && <li><a class="govuk-link" href={`/app/audit?child=${child}`}>Who has read this child's records</a></li>}
    </ul>

    <h2 class="govuk-heading-m" id="placements">Periods of care and placements</h2>
    {timeline.periods.map((p, i) => <p class="govuk-body govuk-!-margin-bottom-1">{`Period of care ${i + 1}: ${longDate(p.start)} to ${p.end === null ? 'now' : longDate(p.end)}`}</p>)}
    <TimelineChart title="Placements (placement type · legal status), oldest first" spans={spans} until={today} />
    <Table id="episodes" caption="Episodes of care" head={['Start', 'End', 'Reason new episode', 'Legal status', 'Placement', 'Provider', 'Reason ended', 'Reason placement changed']}
      rows={timeline.episodes.map((e) => [when(e.decom), when(e.dec), e.rne, e.ls, e.place, e.placeProvider ?? '', e.rec ?? '', e.reasonPlaceChange ?? ''])} />

    <h2 class="govuk-heading-m" id="legal-statuses">Legal statuses</h2>
    <Table id="legal" caption="Legal status from each date" head={['From', 'Legal status']} rows={legalChanges.map((e) => [when(e.decom), e.ls])} />

    <h2 class="govuk-heading-m" id="reviews-heading">Reviews and their decisions</h2>
    {reviews.length === 0 ? <p class="govuk-body">No review is recorded.</p> : (
      <table class="govuk-table" id="reviews">
        <caption class="govuk-table__caption govuk-visually-hidden">Reviews, oldest first</caption>
        <thead class="govuk-table__head"><tr class="govuk-table__row">
          {['Date', 'Recorded in', 'Participation', 'IRO', 'Seen before', 'Decisions'].map((h) => <th scope="col" class="govuk-table__header">{h}</th>)}
        </tr></thead>
        <tbody class="govuk-table__body">
          {reviews.map((r) => {
            const decisions = r.practice ? mine.decisions.filter((d) => d.review === r.practice!.id) : [];
            return (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">{longDate(r.date)}</td>
                <td class="govuk-table__cell">{[r.in903 && '903 return', r.practice && 'this platform'].filter(Boolean).join(' and ')}</td>
                <td class="govuk-table__cell">{r.practice?.participation ?? codeOn.get(r.date) ?? ''}</td>
                <td class="govuk-table__cell">{r.practice ? iro(r.practice.iro) : ''}</td>
                <td class="govuk-table__cell">{r.practice ? (r.practice.spokeToChildBefore ? 'Yes' : 'No') : ''}</td>
                <td class="govuk-table__cell">
                  {decisions.length === 0 ? '' : <ul class="govuk-list govuk-!-margin-bottom-0">
                    {decisions.map((d) => <li><a class="govuk-link" href={`/app/decisions/${encodeURIComponent(d.id)}`}>{words(d.topic)}</a> <Tag status={d.status} /></li>)}
                  </ul>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    )}

    <h2 class="govuk-heading-m" id="contacts-heading">IRO contacts between reviews</h2>
    <Table id="contacts" caption="IRO contacts, oldest first" head={['Date', 'Kind', 'With', 'IRO']}
      rows={mine.contacts.map((x) => [longDate(x.date), KINDS[x.kind], x.with, iro(x.iro)])} empty="No contact is recorded." />

    <h2 class="govuk-heading-m" id="missing-heading">Missing and away from placement</h2>
    <Table id="missing" caption="Missing incidents, oldest first" head={['Started', 'Ended', 'Kind']}
      rows={[...records.missing].sort((a, b) => a.misStart.localeCompare(b.misStart)).map((m) => [longDate(m.misStart), when(m.misEnd), m.missing === 'M' ? 'Missing' : 'Away without authorisation'])} empty="No incident is recorded." />

    <h2 class="govuk-heading-m" id="disputes-heading">Disputes</h2>
    {mine.disputes.length === 0 ? <p class="govuk-body">No dispute is recorded.</p> : (
      <ul class="govuk-list" id="disputes">
        {mine.disputes.map((d) => {
          const stage = d.steps.at(-1)!.stage;
          return <li><a class="govuk-link" href={`/app/disputes/${encodeURIComponent(d.id)}`}>{`${words(d.theme)}, raised ${longDate(d.raised)}`}</a>{` · ${stage === 0 ? 'informal' : `stage ${stage}`} `}<Tag status={d.status} /></li>;
        })}
      </ul>
    )}

    <h2 class="govuk-heading-m" id="cards-heading">Rate My Review</h2>
    <Table id="cards" caption="Rate My Review cards, oldest first" head={['Received', 'Answer', 'Comment']}
      rows={mine.cards.map((card) => [longDate(card.received), ANSWERS[card.answer], card.comment ?? ''])} empty="No card has come back." />

    <h2 class="govuk-heading-m" id="siblings-heading">Siblings</h2>
    {mine.siblingGroups.length === 0 ? <p class="govuk-body">No sibling group is recorded.</p> : (
      <ul class="govuk-list" id="siblings">
        {mine.siblingGroups.flatMap((g) => g.children.filter((s) => s !== records.child)).map((s) => (
          <li><a class="govuk-link" href={`/app/children/${encodeURIComponent(s)}`}>{s}</a></li>
        ))}
      </ul>
    )}

    <h2 class="govuk-heading-m" id="allocations-heading">IRO allocation history</h2>
    <Table id="allocations" caption="IROs allocated, oldest first" head={['IRO', 'From', 'To']}
      rows={mine.allocations.map((a) => [iro(a.iro), longDate(a.from), a.to === null ? 'now' : longDate(a.to)])} empty="No IRO has been allocated in the platform." />
  </>);
}

const Row: FC<PropsWithChildren<{ label: string }>> = ({ label, children }) => (
  <div class="govuk-summary-list__row">
    <dt class="govuk-summary-list__key">{label}</dt>
    <dd class="govuk-summary-list__value">{children}</dd>
  </div>
);

const Table: FC<{ id: string; caption: string; head: string[]; rows: string[][]; empty?: string }> = ({ id, caption, head, rows, empty }) => rows.length === 0 ? <p class="govuk-body">{empty ?? 'None.'}</p> : (
  <table class="govuk-table" id={id}>
    <caption class="govuk-table__caption govuk-visually-hidden">{caption}</caption>
    <thead class="govuk-table__head"><tr class="govuk-table__row">{head.map((h) => <th scope="col" class="govuk-table__header">{h}</th>)}</tr></thead>
    <tbody class="govuk-table__body">
      {rows.map((r) => <tr class="govuk-table__row">{r.map((cell) => <td class="govuk-table__cell">{cell}</td>)}</tr>)}
    </tbody>
  </table>
);
