import { listAllRecords, practiceCollections } from '../../../shared/data/repositories/practice-collections.ts';
import type { PracticeRecord } from '../../../shared/data/repositories/records.ts';
import { contactSchema, practiceReviewSchema, type PracticeReview } from '../../../shared/domain/practice/records.ts';
import {
  ContactPage, ContactRecord, ListQuery, NewContact, NewPracticeReview, PracticeReviewPage, PracticeReviewRecord, ReviewParam,
} from '../../../shared/contracts/api/practice.ts';
import { createOpenApiApp, defineRoute, json, problems } from '../openapi.ts';
import { body, type Child903, childIn903, childYears, createNew, found, listPage, parseBody, refusalError, type TenantTable } from './practice-support.ts';

const { iros, reviews, contacts } = practiceCollections;

/** The 903 review of the same child and date, from the latest return that holds it. */
function linked903(years: readonly Child903[], date: string) {
  for (const { yearEnding, records } of [...years].reverse()) {
    const row = records.reviews.find((r) => r.review === date);
    if (row) return { yearEnding, review: row.review, reviewCode: row.reviewCode };
  }
  return null;
}

/** Reviews with their 903 link: each child's returns are read once. */
export async function withLinks(table: TenantTable, items: PracticeRecord<PracticeReview>[]) {
  const byChild = new Map<string, Promise<Child903[]>>();
  for (const r of items) if (!byChild.has(r.fields.child)) byChild.set(r.fields.child, childYears(table, r.fields.child));
  return Promise.all(items.map(async (r) => ({ ...r, linked903: linked903(await byChild.get(r.fields.child)!, r.fields.date) })));
}

/** A review or contact names an IRO on the roster. */
async function requireIro(table: TenantTable, iro: string): Promise<void> {
  const roster = await listAllRecords(table, iros);
  if (!roster.some((r) => r.id === iro)) throw refusalError({ rule: 'unknown_iro', field: 'iro', message: `IRO ${iro} is not on the LA's roster` });
}

/** Records a review chaired in the platform (a child of the LA's returns, an IRO on its roster), with its 903 link. */
export async function recordReview(table: TenantTable, input: unknown) {
  const review = parseBody(practiceReviewSchema, input);
  const years = await childIn903(table, review.child);
  await requireIro(table, review.iro);
  const record = await createNew(table, reviews, review.id, review);
  return { ...record, linked903: linked903(years, review.date) };
}

/** Records an IRO contact between reviews (a child of the LA's returns, an IRO on its roster). */
export async function recordContact(table: TenantTable, input: unknown) {
  const contact = parseBody(contactSchema, input);
  await childIn903(table, contact.child);
  await requireIro(table, contact.iro);
  return createNew(table, contacts, contact.id, contact);
}

const listReviews = defineRoute('practice.read', {
  method: 'get', path: '/reviews', tags: ['Reviews'], summary: 'Reviews chaired in the platform',
  request: { query: ListQuery },
  responses: { 200: json(PracticeReviewPage, 'one page of the reviews (or every review of the child), each linked to the 903 review of the same date when one is stored') },
});
const newReview = defineRoute('reviews.write', {
  method: 'post', path: '/reviews', tags: ['Reviews'], summary: 'Record a review chaired in the platform',
  description: 'Linked to the 903 Reviews row of the same child and date when an uploaded return holds one (then they count as one review)',
  request: { body: body(NewPracticeReview) },
  responses: { 201: json(PracticeReviewRecord, 'the review at revision 1'), ...problems('illegal_transition', 'record_exists', 'unknown_child') },
});
const oneReview = defineRoute('practice.read', {
  method: 'get', path: '/reviews/{review}', tags: ['Reviews'], summary: 'One review chaired in the platform',
  request: { params: ReviewParam },
  responses: { 200: json(PracticeReviewRecord, 'the review and its 903 link'), ...problems('not_found') },
});
const listContacts = defineRoute('practice.read', {
  method: 'get', path: '/contacts', tags: ['Reviews'], summary: "IRO contacts with children and carers between reviews (the IRO's footprint)",
  request: { query: ListQuery },
  responses: { 200: json(ContactPage, 'one page of the contacts, or every contact of the child') },
});
const newContact = defineRoute('reviews.write', {
  method: 'post', path: '/contacts', tags: ['Reviews'], summary: 'Record an IRO contact between reviews (midway review, visit, call, message)',
  request: { body: body(NewContact) },
  responses: { 201: json(ContactRecord, 'the contact at revision 1'), ...problems('illegal_transition', 'record_exists', 'unknown_child') },
});

export const practiceReviewRoutes = createOpenApiApp()
  .openapi(listReviews, async (c) => {
    const page = await listPage(c.var.data, reviews, c.req.valid('query'));
    return c.json({ ...page, items: await withLinks(c.var.data, page.items) }, 200);
  })
  .openapi(newReview, async (c) => c.json(await recordReview(c.var.data, c.req.valid('json')), 201))
  .openapi(oneReview, async (c) => {
    const record = await found(c.var.data, reviews, c.req.valid('param').review);
    const [linked] = await withLinks(c.var.data, [record]);
    return c.json(linked!, 200);
  })
  .openapi(listContacts, async (c) => {
    return c.json(await listPage(c.var.data, contacts, c.req.valid('query')), 200);
  })
  .openapi(newContact, async (c) => c.json(await recordContact(c.var.data, c.req.valid('json')), 201));
