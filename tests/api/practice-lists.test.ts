import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../shared/data/audit.ts';
import { auditKeys, recordKeys } from '../../shared/data/keys.ts';
import { practiceCollections } from '../../shared/data/repositories/practice-collections.ts';
import { createRecord, getRecord, seedRecords, updateRecord } from '../../shared/data/repositories/records.ts';
import { tenantScope } from '../../shared/data/scopes.ts';
import { implementDecision, makeDecision, reopenDecision } from '../../shared/domain/practice/decisions.ts';
import type { Outcome } from '../../shared/domain/practice/outcome.ts';
import { raiseDispute } from '../../shared/domain/practice/disputes.ts';
import { DEFAULT_DISPUTE_CHAIN, type Decision } from '../../shared/domain/practice/records.ts';
import type { TokenClaims } from '../../functions/local/dev-issuer.ts';
import { SESSION_COOKIE } from '../../functions/api/web/session.ts';
import { dataset, lookedAfterChildren } from '../helpers/records.ts';
import { usePlatform } from '../helpers/platform.ts';

/**
 * Practice records at list scale over real HTTP (issue 11): a child's records through the child index (the child
 * page and `?child=` on every list route), whole-LA lists a page at a time with a cursor, and bad paging refused.
 *
 * Kent (886) holds 30 looked-after children K001–K030. Child n (1-based) has 5 + (n mod 4) decisions:
 *   n mod 4 = 0 for n = 4, 8, …, 28 (7 children) → 5 each = 35
 *   n mod 4 = 1 for n = 1, 5, …, 29 (8 children) → 6 each = 48
 *   n mod 4 = 2 for n = 2, 6, …, 30 (8 children) → 7 each = 56
 *   n mod 4 = 3 for n = 3, 7, …, 27 (7 children) → 8 each = 56      total 195 decisions.
 * Each child has one review, one allocation, one contact and one dispute (dis-Knnn), and K001–K025 a second dispute
 * (dis-Knnn-2): 55 disputes. K001, K002 and K003 are one sibling group (g-1), K004 and K005 another (g-2).
 * Medway (887) holds M001–M003 and a decision of M001.
 * Bexley (303) holds B001–B120, in 55 sibling pairs (B001+B002, …, B109+B110); B111–B120 are in no group.
 */
const KENT = '886';
const MEDWAY = '887';
const BEXLEY = '303';
const BEXLEY_MANAGER: TokenClaims = { role: 'iro_manager', tenant: BEXLEY, sub: 'mgr-bexley' };
const MANAGER: TokenClaims = { role: 'iro_manager', tenant: KENT, sub: 'mgr-kent' };
const MEDWAY_MANAGER: TokenClaims = { role: 'iro_manager', tenant: MEDWAY, sub: 'mgr-medway' };
const ctx = usePlatform({
  now: () => new Date('2025-06-10T02:00:00Z'),
  users: [{ label: 'IRO manager, Kent', claims: MANAGER }, { label: 'IRO manager, Bexley', claims: BEXLEY_MANAGER }, { label: 'IRO manager, Medway', claims: MEDWAY_MANAGER }],
});
const seeder = systemActor('test-setup');
const tableOf = (la: string) => ctx.platform.data.for(tenantScope(la), { actor: seeder });
const c = practiceCollections;
const SLOW = { timeout: 180_000 };

type Json = Record<string, any>;
const KIDS = lookedAfterChildren('K', 30).map((k) => k.child);
const decisionsOf = (n: number) => 5 + (n % 4);

function decision(id: string, kid: string, text: string): Decision {
  return makeDecision({ id, child: kid, review: `rev-${kid}`, made: '2024-06-01', text, topic: 'health', owner: { role: 'Social worker', name: 'Sam Smith' }, due: '2024-09-01' });
}
const DISPUTE_IDS = [...KIDS.map((kid) => `dis-${kid}`), ...KIDS.slice(0, 25).map((kid) => `dis-${kid}-2`)].sort();
const KENT_DECISIONS = KIDS.flatMap((kid, i) => Array.from({ length: decisionsOf(i + 1) }, (_, d) => decision(`dec-${kid}-${d + 1}`, kid, `Decision ${d + 1} about ${kid}`)));

async function get(path: string, claims: TokenClaims = MANAGER): Promise<{ status: number; body: Json }> {
  const res = await ctx.get(path, claims);
  return { status: res.status, body: await res.json() as Json };
}

/** Every page of a list, following the cursor; the pages' sizes too. */
async function walk(path: string, claims: TokenClaims = MANAGER): Promise<{ ids: string[]; sizes: number[] }> {
  const ids: string[] = [];
  const sizes: number[] = [];
  let cursor: string | undefined;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page = await get(cursor === undefined ? path : `${path}${sep}cursor=${encodeURIComponent(cursor)}`, claims);
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    ids.push(...page.body.items.map((r: Json) => r.id as string));
    sizes.push(page.body.items.length);
    cursor = page.body.cursor;
  } while (cursor !== undefined);
  return { ids, sizes };
}

beforeAll(async () => {
  await ctx.seed(KENT, dataset(2025, lookedAfterChildren('K', 30)));
  await ctx.seed(MEDWAY, dataset(2025, lookedAfterChildren('M', 3)));
  const kent = tableOf(KENT);
  const withIds = <T extends { id: string }>(rows: T[]) => rows.map((fields) => ({ id: fields.id, fields }));
  await seedRecords(kent, c.iros, [{ id: 'iro-a', fields: { id: 'iro-a', name: 'Alice Adams', fte: 1, activeFrom: '2020-01-01', activeTo: null } }]);
  await seedRecords(kent, c.decisions, withIds(KENT_DECISIONS));
  await seedRecords(kent, c.reviews, withIds(KIDS.map((kid) => ({ id: `rev-${kid}`, child: kid, iro: 'iro-a', date: '2024-06-01', participation: 'PN1' as const, spokeToChildBefore: true }))));
  await seedRecords(kent, c.contacts, withIds(KIDS.map((kid) => ({ id: `con-${kid}`, child: kid, iro: 'iro-a', date: '2024-07-01', kind: 'visit' as const, with: 'child' as const }))));
  await seedRecords(kent, c.allocations, withIds(KIDS.map((kid) => ({ id: `al-${kid}`, child: kid, iro: 'iro-a', from: '2024-01-12', to: null }))));
  await seedRecords(kent, c.disputes, withIds(DISPUTE_IDS.map((id) => raiseDispute(
    { id, child: id.slice(4, 8), iro: 'iro-a', theme: 'contact', raised: '2024-08-01', alertRecipient: `Team manager of ${id.slice(4, 8)}` }, DEFAULT_DISPUTE_CHAIN,
  ))));
  await seedRecords(kent, c.siblingGroups, [
    { id: 'g-1', fields: { id: 'g-1', children: ['K001', 'K002', 'K003'], recorded: '2024-03-01' } },
    { id: 'g-2', fields: { id: 'g-2', children: ['K004', 'K005'], recorded: '2024-03-01' } },
  ]);
  await ctx.seed(BEXLEY, dataset(2025, lookedAfterChildren('B', 120)));
  const pairs = Array.from({ length: 55 }, (_, i) => [`B${String(2 * i + 1).padStart(3, '0')}`, `B${String(2 * i + 2).padStart(3, '0')}`]);
  await seedRecords(tableOf(BEXLEY), c.siblingGroups, pairs.map((children) => ({ id: `g-${children[0]}`, fields: { id: `g-${children[0]}`, children, recorded: '2024-03-01' } })));
  await seedRecords(tableOf(MEDWAY), c.decisions, [{ id: 'dec-M001-1', fields: decision('dec-M001-1', 'M001', 'Decision about M001') }]);
}, 120_000);

describe('?child= on every list route: exactly that child’s records, through the child index', () => {
  it('decisions, reviews, contacts, allocations, disputes and sibling groups of K002 and of nobody else', async () => {
    // K002 is child 2: 5 + 2 mod 4 = 7 decisions, in id order.
    const decisions = await get('/decisions?child=K002');
    expect(decisions.body).toEqual({ items: expect.any(Array) });
    expect(decisions.body.items.map((d: Json) => d.id)).toEqual(Array.from({ length: 7 }, (_, d) => `dec-K002-${d + 1}`));
    expect((await get('/reviews?child=K002')).body.items.map((r: Json) => [r.id, r.fields.child])).toEqual([['rev-K002', 'K002']]);
    expect((await get('/contacts?child=K002')).body.items.map((r: Json) => r.id)).toEqual(['con-K002']);
    expect((await get('/allocations?child=K002')).body.items.map((r: Json) => r.id)).toEqual(['al-K002']);
    expect((await get('/disputes?child=K002')).body.items.map((r: Json) => r.id)).toEqual(['dis-K002', 'dis-K002-2']);
    // The group names K001 first: K002 and K003 find it through the index of every member.
    for (const kid of ['K001', 'K002', 'K003']) expect((await get(`/sibling-groups?child=${kid}`)).body.items.map((g: Json) => g.id)).toEqual(['g-1']);
    expect((await get('/sibling-groups?child=K030')).body.items).toEqual([]);
    // K030 has one dispute (only K001–K025 have a second); K999 is no child of Kent's.
    expect((await get('/disputes?child=K030')).body.items.map((r: Json) => r.id)).toEqual(['dis-K030']);
    expect((await get('/decisions?child=K999')).body.items).toEqual([]);
  });

  it("another LA's child is found nowhere in Kent, and Medway sees only its own", async () => {
    expect((await get('/decisions?child=M001')).body.items).toEqual([]);
    expect((await get('/decisions?child=M001', MEDWAY_MANAGER)).body.items.map((d: Json) => d.id)).toEqual(['dec-M001-1']);
  });
});

describe('whole-LA lists a page at a time', () => {
  it('walks every decision to the end with no repeat and no gap, at the default page and at 37', async () => {
    const every = KENT_DECISIONS.map((d) => d.id).sort();
    expect(every).toHaveLength(195);
    // Default 100 a page: 100 + 95, the second with no cursor after it.
    const byDefault = await walk('/decisions');
    expect(byDefault.sizes).toEqual([100, 95]);
    expect(byDefault.ids).toEqual(every);
    // 195 = 5 × 37 + 10: five full pages and one of 10.
    const by37 = await walk('/decisions?limit=37');
    expect(by37.sizes).toEqual([37, 37, 37, 37, 37, 10]);
    expect(by37.ids).toEqual(every);
    expect(new Set(by37.ids).size).toBe(195);
  });

  it('pages the other lists too (reviews keep their 903 link)', async () => {
    const reviews = await walk('/reviews?limit=7');
    expect(reviews.ids).toEqual(KIDS.map((kid) => `rev-${kid}`));
    // 30 = 4 × 7 + 2.
    expect(reviews.sizes).toEqual([7, 7, 7, 7, 2]);
    expect((await get('/reviews?limit=1')).body.items[0]).toHaveProperty('linked903');
    for (const [path, expected] of [
      ['/contacts?limit=500', KIDS.map((kid) => `con-${kid}`)],
      ['/allocations?limit=11', KIDS.map((kid) => `al-${kid}`)],
      ['/disputes?limit=20', DISPUTE_IDS],
      ['/sibling-groups?limit=1', ['g-1', 'g-2']],
    ] as const) expect((await walk(path)).ids, path).toEqual(expected);
  });

  it('refuses a bad limit or cursor with a 400 naming the field', async () => {
    for (const limit of ['0', '501', 'ten', '2.5']) {
      expect(await get(`/decisions?limit=${limit}`), limit).toMatchObject({ status: 400, body: { code: 'invalid_request', errors: [{ field: 'limit' }] } });
    }
    expect(await get('/decisions?cursor=not-a-cursor')).toMatchObject({ status: 400, body: { errors: [{ field: 'cursor' }] } });
    // A cursor of another collection's listing cannot steer this one.
    const reviewCursor = (await get('/reviews?limit=1')).body.cursor as string;
    expect(await get(`/decisions?cursor=${encodeURIComponent(reviewCursor)}`)).toMatchObject({ status: 400, body: { errors: [{ field: 'cursor' }] } });
    // A child's records come in one page.
    expect(await get('/decisions?child=K001&limit=2')).toMatchObject({ status: 400, body: { errors: [{ field: 'limit' }] } });
  });

  it("a cursor from another LA's listing is refused and reads nothing of either LA", async () => {
    // Medway's cursor points into Medway's partition: Kent's scoped table refuses it before any Query.
    await seedRecords(tableOf(MEDWAY), c.contacts, [1, 2].map((n) => ({ id: `con-M00${n}`, fields: { id: `con-M00${n}`, child: `M00${n}`, iro: 'iro-m', date: '2024-07-01', kind: 'visit' as const, with: 'child' as const } })));
    const medwayPage = await get('/contacts?limit=1', MEDWAY_MANAGER);
    expect(medwayPage.body.items.map((r: Json) => r.id)).toEqual(['con-M001']);
    const stolen = await ctx.get(`/contacts?cursor=${encodeURIComponent(medwayPage.body.cursor as string)}`, MANAGER);
    const text = await stolen.text();
    expect(stolen.status).toBe(400);
    expect(JSON.parse(text)).toMatchObject({ errors: [{ field: 'cursor' }] });
    expect(text).not.toMatch(/M00\d|K0\d\d/);
  });
});

/** A page over HTTP with a manager's session cookie (signed in through the local sign-in form): Kent's (user 0) or Bexley's (1). */
async function page(path: string, user = '0'): Promise<{ status: number; html: string; document: ReturnType<typeof parseHTML>['document'] }> {
  const signIn = await fetch(`${ctx.platform.url}/app/sign-in`, { method: 'POST', redirect: 'manual', headers: { origin: ctx.platform.url }, body: new URLSearchParams({ user }) });
  const session = signIn.headers.getSetCookie().find((h) => h.startsWith(`${SESSION_COOKIE}=`))!.split(';')[0]!;
  const res = await fetch(`${ctx.platform.url}${path}`, { headers: { cookie: session } });
  const html = await res.text();
  return { status: res.status, html, document: parseHTML(html).document };
}

describe("the child page reads the child's records only", () => {
  const childPage = (kid: string) => page(`/app/children/${kid}`);

  it("shows K002's decisions, review, contact, dispute, siblings and IRO, and nothing of another child", async () => {
    const { status, html, document } = await childPage('K002');
    expect(status).toBe(200);
    const decisionLinks = [...document.querySelectorAll('#reviews a')].map((a) => a.getAttribute('href'));
    expect(decisionLinks).toEqual(Array.from({ length: 7 }, (_, d) => `/app/decisions/dec-K002-${d + 1}`));
    expect(document.querySelectorAll('#reviews tbody tr')).toHaveLength(1);
    expect(document.querySelectorAll('#contacts tbody tr')).toHaveLength(1);
    expect([...document.querySelectorAll('#disputes a')].map((a) => a.getAttribute('href'))).toEqual(['/app/disputes/dis-K002', '/app/disputes/dis-K002-2']);
    expect([...document.querySelectorAll('#siblings a')].map((a) => a.textContent)).toEqual(['K001', 'K003']);
    expect(document.querySelector('#child-summary')!.textContent).toContain('Alice Adams since');
    // The only other children named are its siblings (as links), never another child's record.
    expect(html).not.toMatch(/dec-K0(0[13-9]|[12]\d|30)-|rev-K0(0[13-9]|[12]\d|30)|dis-K001/);
  });

  it('the last-listed member of a sibling group sees the group; a child in none sees none', async () => {
    expect([...(await childPage('K003')).document.querySelectorAll('#siblings a')].map((a) => a.textContent)).toEqual(['K001', 'K002']);
    expect((await childPage('K030')).document.querySelector('#siblings')).toBeNull();
  });
});

describe('the decisions and disputes pages, 50 rows a page', () => {
  type PageDoc = Awaited<ReturnType<typeof page>>['document'];
  const hrefs = (document: PageDoc, selector: string) => [...document.querySelectorAll(selector)].map((a) => a.getAttribute('href')!);
  const linkOf = (document: PageDoc, which: 'next' | 'prev') => document.querySelector(`.govuk-pagination__${which} a`)?.getAttribute('href') ?? undefined;

  /** Follows the pages' Next (or Previous) links from `path`: each page's links to records, and each link followed. */
  async function walkPages(path: string, selector: string, which: 'next' | 'prev' = 'next'): Promise<{ ids: string[]; sizes: number[]; links: string[] }> {
    const ids: string[] = [];
    const sizes: number[] = [];
    const links: string[] = [];
    for (let next: string | undefined = path; next !== undefined;) {
      const { status, document } = await page(next);
      expect(status).toBe(200);
      const onPage = hrefs(document, selector).map((h) => h.split('/').pop()!);
      ids.push(...onPage);
      sizes.push(onPage.length);
      next = linkOf(document, which);
      if (next !== undefined) links.push(next);
    }
    return { ids, sizes, links };
  }

  it('walks every decision, earliest due first (all due the same day, so in id order), with no repeat or gap, forward and back; the filters stay in the links', async () => {
    // 195 open decisions = 50 + 50 + 50 + 45; every one due 1 Sep 2024, so overdue today. The LA's list is read a page
    // at a time from the order index, with no count of it: Previous and Next carry a cursor, not a page number.
    const every = KENT_DECISIONS.map((d) => d.id).sort();
    const walked = await walkPages('/app/decisions?status=open&overdue=yes', '#decisions tbody td:nth-child(2) a');
    expect(walked.sizes).toEqual([50, 50, 50, 45]);
    expect(walked.ids).toEqual(every);
    expect(walked.links).toHaveLength(3);
    for (const link of walked.links) expect(link).toMatch(/^\/app\/decisions\?status=open&overdue=yes&after=[\w-]+$/);
    // Back from the last page: the three pages before it, whole, the first with no Previous link.
    const back = await walkPages(walked.links.at(-1)!, '#decisions tbody td:nth-child(2) a', 'prev');
    expect(back.sizes).toEqual([45, 50, 50, 50]);
    expect(back.ids).toEqual([...every.slice(150), ...every.slice(100, 150), ...every.slice(50, 100), ...every.slice(0, 50)]);
    for (const link of back.links) expect(link).toMatch(/^\/app\/decisions\?status=open&overdue=yes&before=[\w-]+$/);
    // A cursor not issued for this list (edited, or another list's) is its first page.
    const otherList = await page(`/app/decisions?status=reopened&${new URL(walked.links[0]!, 'http://x').search.split('&').pop()}`);
    expect(otherList.status).toBe(200);
    expect(otherList.document.querySelector('#empty')).not.toBeNull();
    const firstAgain = await page('/app/decisions?after=bm90IGEgY3Vyc29y');
    expect(hrefs(firstAgain.document, '#decisions tbody td:nth-child(2) a').map((h) => h.split('/').pop())).toEqual(every.slice(0, 50));
    // A filter nothing matches shows no table and no pagination.
    const none = await page('/app/decisions?status=implemented');
    expect(none.document.querySelector('#empty')).not.toBeNull();
    expect(none.document.querySelector('.govuk-pagination')).toBeNull();
  });

  it("the child filter shows that child's decisions only, on one page", async () => {
    const k003 = await page('/app/decisions?child=K003');
    // K003 is child 3: 5 + 3 mod 4 = 8 decisions.
    expect(hrefs(k003.document, '#decisions tbody td:nth-child(2) a')).toEqual(Array.from({ length: 8 }, (_, d) => `/app/decisions/dec-K003-${d + 1}`));
    expect(k003.document.querySelector('.govuk-pagination')).toBeNull();
  });

  it('walks the 55 disputes a page at a time (50 + 5), and the child filter finds a child’s through the index', async () => {
    const walked = await walkPages('/app/disputes?status=open', '#disputes tbody td:nth-child(2) a');
    expect(walked.sizes).toEqual([50, 5]);
    // All raised the same day: in id order.
    expect(walked.ids).toEqual(DISPUTE_IDS);
    expect(walked.links).toEqual(['/app/disputes?status=open&page=2']);
    expect(hrefs((await page('/app/disputes?child=K007')).document, '#disputes tbody td:nth-child(2) a')).toEqual(['/app/disputes/dis-K007', '/app/disputes/dis-K007-2']);
  });
});

describe('the sibling groups page, its two long lists paged on their own', () => {
  it("Bexley's 55 groups are 50 + 5, and the 110 children with a sibling 50 + 50 + 10, each list keeping the other's page", async () => {
    const groupIds = (html: ReturnType<typeof parseHTML>['document']) => [...html.querySelectorAll('#groups tbody tr td:first-child a:first-child')].map((a) => a.textContent);
    const childIds = (html: ReturnType<typeof parseHTML>['document']) => [...html.querySelectorAll('#report-children tbody tr')].map((r) => r.getAttribute('data-child'));
    const first = await page('/app/siblings', '1');
    expect(first.status).toBe(200);
    // Groups are listed by their first child: B001, B003, …; page 1 holds the first 50 (B001 … B099).
    expect(groupIds(first.document)).toEqual(Array.from({ length: 50 }, (_, i) => `B${String(2 * i + 1).padStart(3, '0')}`));
    expect(childIds(first.document)).toHaveLength(50);
    // Every pair shares the default placement, so all 110 children are placed with all their siblings.
    expect(first.document.querySelector('#report')!.textContent).toContain('110');

    const groups2 = await page('/app/siblings?page=2', '1');
    expect(groupIds(groups2.document)).toEqual(['B101', 'B103', 'B105', 'B107', 'B109']);
    expect(groups2.document.querySelector('details[open]')).toBeNull();

    const children = [1, 2, 3].map((n) => page(`/app/siblings?children-page=${n}&page=2`, '1'));
    const pages = await Promise.all(children);
    expect(pages.map((p) => childIds(p.document).length)).toEqual([50, 50, 10]);
    expect(new Set(pages.flatMap((p) => childIds(p.document))).size).toBe(110);
    // The children's pages open the list and keep the groups' page in their links.
    expect(pages[1]!.document.querySelector('details[open] #report-children')).not.toBeNull();
    expect(groupIds(pages[1]!.document)).toEqual(['B101', 'B103', 'B105', 'B107', 'B109']);
    expect(pages[1]!.document.querySelector('nav[aria-label^="Pages of the children"] .govuk-pagination__next a')!.getAttribute('href'))
      .toBe('/app/siblings?children-page=3&page=2#report-children');
  });
});

describe("the LA's decisions list follows each decision's status and due date", () => {
  const medway = () => tableOf(MEDWAY);
  const shownIn = async (path: string) => [...(await page(path, '2')).document.querySelectorAll('#decisions tbody td:nth-child(2) a')].map((a) => a.getAttribute('href')!.split('/').pop());

  /** Applies a domain command to the stored decision, at the revision read: as the decision page's form does. */
  async function change(id: string, command: (d: Decision) => Outcome<Decision>): Promise<void> {
    const current = (await getRecord(medway(), c.decisions, id))!;
    const outcome = command(current.fields);
    if (!outcome.ok) throw new Error(outcome.refusal.message);
    await updateRecord(medway(), c.decisions, id, current.rev, outcome.value);
  }

  it('moves a decision between the lists when it is implemented and reopened with a new due date: once, never at its old place', async () => {
    // Medway: dec-M001-1 (seeded, due 1 Sep 2024) and two made now, due 1 Jul and 1 Aug 2024; all open, all overdue.
    for (const [id, due] of [['dec-M002-1', '2024-07-01'], ['dec-M002-2', '2024-08-01']] as const) {
      await createRecord(medway(), c.decisions, id, { ...decision(id, 'M002', `Decision ${id}`), due });
    }
    expect(await shownIn('/app/decisions')).toEqual(['dec-M002-1', 'dec-M002-2', 'dec-M001-1']);
    expect(await shownIn('/app/decisions?overdue=yes')).toEqual(['dec-M002-1', 'dec-M002-2', 'dec-M001-1']);

    // Implemented: still first of every decision (its due date is unchanged), gone from the open and the overdue.
    await change('dec-M002-1', (d) => implementDecision(d, '2024-07-15'));
    expect(await shownIn('/app/decisions')).toEqual(['dec-M002-1', 'dec-M002-2', 'dec-M001-1']);
    expect(await shownIn('/app/decisions?status=open')).toEqual(['dec-M002-2', 'dec-M001-1']);
    expect(await shownIn('/app/decisions?status=implemented')).toEqual(['dec-M002-1']);
    expect(await shownIn('/app/decisions?overdue=yes')).toEqual(['dec-M002-2', 'dec-M001-1']);

    // Reopened, due 1 Jan 2099: last of every decision, reopened but not overdue, no longer implemented.
    await change('dec-M002-1', (d) => reopenDecision(d, '2024-07-20', '2099-01-01'));
    expect(await shownIn('/app/decisions')).toEqual(['dec-M002-2', 'dec-M001-1', 'dec-M002-1']);
    expect(await shownIn('/app/decisions?status=reopened')).toEqual(['dec-M002-1']);
    expect(await shownIn('/app/decisions?status=reopened&overdue=yes')).toEqual([]);
    expect(await shownIn('/app/decisions?status=implemented')).toEqual([]);
    expect(await shownIn('/app/decisions?overdue=yes')).toEqual(['dec-M002-2', 'dec-M001-1']);
    // Its old places were deleted once each change was in: it is in three lists, at its new due date.
    const places = (await medway().queryKeys(recordKeys.orderIndexPartition(medway().scope, c.decisions.name))).map((k) => k.sk).filter((sk) => sk.endsWith('#dec-M002-1'));
    expect(places.sort()).toEqual(['any#2099-01-01#dec-M002-1', 'awaiting#2099-01-01#dec-M002-1', 'reopened#2099-01-01#dec-M002-1']);

    // Old places left behind (a writer that stopped before deleting them) are skipped: the decision is shown once, at its place.
    await medway().batchPut(['any', 'open', 'awaiting'].map((list) => (
      { ...recordKeys.orderIndex(medway().scope, c.decisions.name, list, '2024-07-01', 'dec-M002-1'), type: 'record-order', v: 1, collection: c.decisions.name, id: 'dec-M002-1' }
    )));
    expect(await shownIn('/app/decisions')).toEqual(['dec-M002-2', 'dec-M001-1', 'dec-M002-1']);
    expect(await shownIn('/app/decisions?status=open')).toEqual(['dec-M002-2', 'dec-M001-1']);
    expect(await shownIn('/app/decisions?overdue=yes')).toEqual(['dec-M002-2', 'dec-M001-1']);
  });
});

describe('records stored before the index listed every child', () => {
  it("decisions stored before the order index are listed after the tenant job's next run", SLOW, async () => {
    const kent = tableOf(KENT);
    const firstOpen = async () => [...(await page('/app/decisions?status=open')).document.querySelectorAll('#decisions tbody td:nth-child(2) a')]
      .map((a) => a.getAttribute('href')!.split('/').pop());
    // dec-K001-1 is first of Kent's 195 open decisions (all due 1 Sep 2024: id order); without its places it is in no list.
    expect((await firstOpen())[0]).toBe('dec-K001-1');
    await kent.batchDelete(['open', 'any', 'awaiting'].map((list) => recordKeys.orderIndex(kent.scope, c.decisions.name, list, '2024-09-01', 'dec-K001-1')));
    expect(await firstOpen()).not.toContain('dec-K001-1');
    await ctx.platform.tick();
    await ctx.platform.drain();
    const shown = await firstOpen();
    expect(shown[0]).toBe('dec-K001-1');
    expect(shown).toHaveLength(50);
  });

  it("a sibling group indexed under its first child only is found for every member after the tenant job's next run", SLOW, async () => {
    const kent = tableOf(KENT);
    await kent.batchDelete(['K004', 'K005'].map((kid) => recordKeys.childIndex(kent.scope, c.siblingGroups.name, kid, 'g-2')));
    await kent.batchDelete([recordKeys.childIndex(kent.scope, c.reviews.name, 'K006', 'rev-K006')]);
    expect((await get('/sibling-groups?child=K005')).body.items).toEqual([]);
    expect((await get('/reviews?child=K006')).body.items).toEqual([]);
    await ctx.platform.tick();
    await ctx.platform.drain();
    for (const kid of ['K004', 'K005']) expect((await get(`/sibling-groups?child=${kid}`)).body.items.map((g: Json) => g.id)).toEqual(['g-2']);
    expect((await get('/reviews?child=K006')).body.items.map((r: Json) => r.id)).toEqual(['rev-K006']);
  });
});

describe('the children list reads the practice records only for a metric-9 figure', () => {
  /** Reads of many practice records at once since `from`, by a signed-in user (each is one bulk audit entry). */
  async function bulkRecordReads(from: string): Promise<number> {
    const entries = await tableOf(KENT).query(auditKeys.bulkPartition(tenantScope(KENT)), { type: 'audit' });
    return entries.filter((e) => e.at >= from && e.read === 'record' && e.actor.role === 'iro_manager').length;
  }

  it('lists a metric-9 figure’s children from the records, and other filters without reading them', SLOW, async () => {
    // The snapshot must carry metric 9 (the tenant job computes it) for the figure to be offered.
    await ctx.platform.tick();
    await ctx.platform.drain();
    const before = new Date().toISOString();
    const plain = await page('/app/children');
    expect(plain.document.querySelector('#found')!.textContent).toBe('30 children found of 30.');
    expect((await page('/app/children?figure=cla&part=numerator')).document.querySelector('#found')!.textContent).toBe('30 children found of 30.');
    expect(await bulkRecordReads(before)).toBe(0);
    // Every child has decisions made on 1 June 2024, inside the year to 31 March 2025: all 30 are counted.
    const decisionsMade = await page('/app/children?figure=decisionsMade&part=numerator');
    expect(decisionsMade.document.querySelector('#found')!.textContent).toBe('30 children found of 30.');
    expect(await bulkRecordReads(before)).toBeGreaterThan(0);
  });
});
