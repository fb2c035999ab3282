import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect } from 'vitest';
import { devSubject, type TokenClaims } from '../../functions/local/dev-issuer.ts';
import { browserIt, expectAccessible, screenshot, useBrowser, type OpenOptions } from '../helpers/browser.ts';
import { usePlatform } from '../helpers/platform.ts';
import { child, dataset } from '../helpers/records.ts';

/**
 * The IRO's pages in Chromium against the real local platform: the worklist, recording a review with its
 * decisions (JavaScript off), a decision made not implemented, refused an illegal change, reopened, and a stale
 * form refused; a Rate My Review link issued and answered on a phone; a paper card; a contact; 403 for others.
 *
 * Gateshead (390) holds four children looked after since 2024-01-10 with no review in any return, so on any
 * date after 2024-02-07 each child's first review (20 days after the start) is overdue, and each has been in
 * care over 2 years with no permanence decision (both worklist rows). G001 and G002 are Ada's (the demo IRO's
 * roster entry carries her sign-in subject), G003 is Bob's, G004 has no IRO.
 */
const LA = '390';
const IRO: TokenClaims = { role: 'iro', tenant: LA };
const MANAGER: TokenClaims = { role: 'iro_manager', tenant: LA };
const ctx = usePlatform({
  users: [
    { label: 'IRO, Gateshead', claims: IRO },
    { label: 'IRO manager, Gateshead', claims: MANAGER },
    { label: 'New IRO not yet on the roster', claims: { role: 'iro', tenant: LA, sub: 'someone-new' } },
    { label: 'National analyst', claims: { role: 'national' } },
  ],
});
const browser = useBrowser();
/** Each test walks several pages with axe on each: on a loaded 2-core box that can pass the default 30 s. */
const WALK_MS = 90_000;

afterEach(() => {
  expect(browser.problems()).toEqual([]);
});

async function api(method: string, path: string, body: unknown): Promise<number> {
  const res = await ctx.get(path, MANAGER, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return res.status;
}

beforeAll(async () => {
  await ctx.seed(LA, dataset(2025, ['G001', 'G002', 'G003', 'G004'].map((id) => child(id))));
  expect(await api('POST', '/iros', { id: 'ada', name: 'Ada Lovelace', fte: 1, activeFrom: '2020-01-01', activeTo: null, sub: devSubject(IRO) })).toBe(201);
  expect(await api('POST', '/iros', { id: 'bob', name: 'Bob Brown', fte: 0.5, activeFrom: '2020-01-01', activeTo: null })).toBe(201);
  for (const [c, iro] of [['G001', 'ada'], ['G002', 'ada'], ['G003', 'bob']]) {
    expect(await api('POST', '/allocations', { id: `a-${c}`, child: c, iro, from: '2024-01-12' })).toBe(201);
  }
});

/** Dates relative to the day the test runs, as the worklist's are (a due date in the past would be overdue). */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const REVIEWED = day(-12);
const DUE = day(30);

/** One signed-in page per user (and JavaScript setting), kept across the tests: signing in is the slow part. */
const sessions = new Map<string, Page>();
async function signedIn(label: string, path: string, options: OpenOptions = {}): Promise<Page> {
  const key = `${label} ${options.javaScript ?? true}`;
  const open = sessions.get(key);
  if (open) {
    await open.goto(url(path));
    return open;
  }
  const page = await browser.signIn(ctx.platform.url, label, { ...options, path });
  sessions.set(key, page);
  return page;
}

const rowsOf = (page: Page) => page.locator('#worklist tbody tr').evaluateAll((trs) => trs.map((tr) => `${tr.querySelector('td:nth-child(2)')!.textContent} ${tr.getAttribute('data-reason')}`));
const url = (path: string) => `${ctx.platform.url}${path}`;

let reviewPath = '';
let decisionPath = '';

describe('the IRO worklist', () => {
  browserIt('an IRO sees the rows of their own children, each saying why and linking to its record; a manager filters by IRO and kind', async () => {
    const page = await signedIn('IRO, Gateshead', '/app/worklist');
    expect(await page.locator('h1').textContent()).toBe('Worklist');
    expect((await rowsOf(page)).sort()).toEqual(['G001 no_permanence_decision', 'G001 review_overdue', 'G002 no_permanence_decision', 'G002 review_overdue']);
    const overdue = page.locator('tr[data-reason="review_overdue"]').first();
    expect(await overdue.textContent()).toContain('first review was due 2024-02-07');
    expect(await overdue.locator('a', { hasText: 'Record the review' }).getAttribute('href')).toBe('/app/reviews/new?child=G001');
    expect(await page.locator('tr[data-reason="no_permanence_decision"] a', { hasText: "Open the child's record" }).first().getAttribute('href')).toBe('/app/children/G001');
    await expectAccessible(page);
    await screenshot(page, 'iro-worklist');

    const manager = await signedIn('IRO manager, Gateshead', '/app/worklist', { javaScript: false });
    expect(await manager.locator('#worklist caption').textContent()).toBe('9 rows, earliest date first');
    await manager.selectOption('#iro', 'bob');
    await manager.selectOption('#reason', 'review_overdue');
    await manager.getByRole('button', { name: 'Filter' }).click();
    await manager.waitForURL(/iro=bob/);
    expect(await rowsOf(manager)).toEqual(['G003 review_overdue']);
    expect(await manager.locator('#worklist tbody td:nth-child(4)').textContent()).toBe('Bob Brown');
    await manager.goto(url('/app/worklist?reason=no_iro_allocated'));
    expect(await rowsOf(manager)).toEqual(['G004 no_iro_allocated']);
  }, WALK_MS);

  browserIt('an IRO not on the roster is told so, not shown an error', async () => {
    const page = await signedIn('New IRO not yet on the roster', '/app/worklist');
    expect(await page.locator('.govuk-inset-text').textContent()).toContain('You are not on your LA’s IRO roster');
    await expectAccessible(page);
  }, WALK_MS);
});

describe('recording a review with its decisions', () => {
  browserIt('a bad form is shown again with its errors and what was typed; a good one saves the review and its decisions', async () => {
    const page = await signedIn('IRO, Gateshead', '/app/reviews/new?child=G001');
    expect(await page.inputValue('#child')).toBe('G001');
    expect(await page.inputValue('#iro')).toBe('ada');
    expect(await page.locator('.app-decision-row').count()).toBe(3);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Add another decision' }).click();
    expect(await page.locator('.app-decision-row').count()).toBe(4);

    await page.fill('#date', REVIEWED);
    await page.fill('#d1-text', 'Plan a permanence meeting within six weeks');
    await page.fill('#d1-owner-role', 'Social worker');
    const refused = page.waitForResponse((r) => r.url().endsWith('/app/reviews/new') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Save the review' }).click();
    expect((await refused).status()).toBe(400);
    const summary = await page.locator('.govuk-error-summary__list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(summary).toEqual(expect.arrayContaining(['#participation', '#spokeToChildBefore', '#d1-topic', '#d1-owner-name', '#d1-due']));
    expect(await page.inputValue('#d1-text')).toBe('Plan a permanence meeting within six weeks');
    expect(await page.locator('.app-decision-row').count()).toBe(4);
    await expectAccessible(page);
    await screenshot(page, 'review-form-errors');

    await page.selectOption('#participation', 'PN1');
    await page.check('#spokeToChildBefore');
    await page.selectOption('#d1-topic', 'permanence');
    await page.fill('#d1-owner-name', 'Sam Social');
    await page.fill('#d1-due', DUE);
    await page.getByRole('button', { name: 'Save the review' }).click();
    await page.waitForURL(/\/app\/reviews\/rv-[\w-]+\?saved=1/);
    reviewPath = new URL(page.url()).pathname;
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('The review is recorded with 1 decision.');
    expect(await page.locator('#review').textContent()).toContain('PN1: child attended and spoke for themselves');
    expect(await page.locator('#decisions tbody tr').count()).toBe(1);
    decisionPath = (await page.locator('#decisions a').getAttribute('href'))!;
    await expectAccessible(page);
    await screenshot(page, 'review');

    // The review held and the permanence decision take G001's two rows off the worklist; G002's stay.
    await page.goto(url('/app/worklist'));
    expect((await rowsOf(page)).sort()).toEqual(['G002 no_permanence_decision', 'G002 review_overdue']);
  }, WALK_MS);

  browserIt('the form works with JavaScript off, "add another decision" included', async () => {
    const page = await signedIn('IRO, Gateshead', '/app/reviews/new?child=G002', { javaScript: false });
    await page.getByRole('button', { name: 'Add another decision' }).click();
    expect(await page.locator('.app-decision-row').count()).toBe(4);
    expect(await page.inputValue('#child')).toBe('G002');
    await page.fill('#date', REVIEWED);
    await page.selectOption('#participation', 'PN6');
    await page.check('#spokeToChildBefore-no');
    await page.fill('#d4-text', 'Dental check-up booked');
    await page.selectOption('#d4-topic', 'health');
    await page.fill('#d4-owner-role', 'Foster carer');
    await page.fill('#d4-owner-name', 'Pat Carer');
    await page.fill('#d4-due', DUE);
    await page.getByRole('button', { name: 'Save the review' }).click();
    await page.waitForURL(/saved=1/);
    expect(await page.locator('#review').textContent()).toContain('IRO spoke to the child beforeNo');
    expect(await page.locator('#decisions tbody').textContent()).toContain('Dental check-up booked');
    // The review is held, but a health decision is not a permanence one: G002's drift row stays.
    await page.goto(url('/app/worklist'));
    expect(await rowsOf(page)).toEqual(['G002 no_permanence_decision']);
  }, WALK_MS);

  browserIt('records a contact between reviews', async () => {
    const page = await signedIn('IRO, Gateshead', '/app/contacts/new?child=G002');
    await expectAccessible(page);
    await page.fill('#date', day(-5));
    await page.check('#kind-visit');
    await page.check('#with');
    await page.getByRole('button', { name: 'Save the contact' }).click();
    await page.waitForURL(/saved=1/);
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('The contact is recorded.');
    const contacts = await (await ctx.get('/contacts?child=G002', MANAGER)).json() as { items: { fields: Record<string, string> }[] };
    expect(contacts.items.map((c) => [c.fields.kind, c.fields.with, c.fields.iro, c.fields.date])).toEqual([['visit', 'child', 'ada', day(-5)]]);
  }, WALK_MS);
});

describe('a decision', () => {
  browserIt('made not implemented with the LA reason, refused an illegal change, reopened; a stale form gets the 409 page and changes nothing', async () => {
    const page = await signedIn('IRO, Gateshead', decisionPath);
    expect(await page.locator('#decision').textContent()).toContain('Sam Social (Social worker)');
    const stale = await page.context().newPage();
    await stale.goto(url(decisionPath));
    await expectAccessible(page);

    await page.check('#action-not_implemented');
    await page.fill('#date', day(-2));
    await page.selectOption('#reason-category', 'placement_availability');
    await page.fill('#reason-text', 'No long-term foster placement in the area yet');
    await page.getByRole('button', { name: 'Save the update' }).click();
    await page.waitForURL(/updated=1/);
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('The decision is now not implemented.');
    expect(await page.locator('#decision').textContent()).toContain('No placement available: No long-term foster placement in the area yet');

    // not implemented → implemented is not a transition the domain allows: its message, 409, nothing changed.
    await page.check('#action');
    const illegal = page.waitForResponse((r) => r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Save the update' }).click();
    expect((await illegal).status()).toBe(409);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('the decision is not_implemented: only an open or reopened decision can be marked implemented');

    await page.goto(url(decisionPath));
    await page.check('#action-reopen');
    await page.fill('#due', day(60));
    await page.getByRole('button', { name: 'Save the update' }).click();
    await page.waitForURL(/updated=1/);
    const history = await page.locator('#history tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(1).map((td) => td.textContent)));
    expect(history).toEqual([
      ['Ada Lovelace', 'Made at the review', 'Open'],
      ['Ada Lovelace', 'Open', 'Not implemented'],
      ['Ada Lovelace', 'Not implemented', 'Reopened'],
    ]);
    await expectAccessible(page);
    await screenshot(page, 'decision');

    // The second tab still holds revision 1: its change is refused with the 409 page and the decision stays reopened.
    await stale.check('#action');
    const conflict = stale.waitForResponse((r) => r.request().method() === 'POST');
    await stale.getByRole('button', { name: 'Save the update' }).click();
    expect((await conflict).status()).toBe(409);
    expect(await stale.locator('h1').textContent()).toBe('Someone else changed this');
    await expectAccessible(stale);
    const stored = await (await ctx.get(`/decisions/${decisionPath.split('/').pop()}`, MANAGER)).json() as { rev: number; fields: { status: string; due: string } };
    expect(stored).toMatchObject({ rev: 3, fields: { status: 'reopened', due: day(60) } });

    await page.goto(url('/app/decisions?status=reopened'));
    expect(await page.locator('#decisions tbody tr').count()).toBe(1);
    await page.goto(url('/app/decisions?status=implemented'));
    expect(await page.locator('#empty').textContent()).toBe('No decision matches.');
    await page.goto(url('/app/decisions?child=G001'));
    await expectAccessible(page);
  }, WALK_MS);
});

describe('Rate My Review', () => {
  browserIt('a link is issued with its QR code, the child answers once on a 360 × 740 phone, is refused the second time; the card is followed up', async () => {
    const staff = await signedIn('IRO, Gateshead', reviewPath);
    await staff.getByRole('button', { name: 'Issue a Rate My Review link' }).click();
    await staff.locator('#issued').waitFor();
    const link = (await staff.locator('#rate-link').getAttribute('href'))!;
    expect(link).toMatch(new RegExp(`^${ctx.platform.url}/rate/${LA}\\.[A-Za-z0-9_-]{22}$`));
    expect(await staff.locator('#issued img').getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(await staff.locator('#issued img').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
    await expectAccessible(staff);
    await screenshot(staff, 'review-link-issued');

    const phone = await browser.page({ viewport: { width: 360, height: 740 } });
    await phone.goto(link);
    expect(await phone.locator('h1').textContent()).toBe('How was your review?');
    await expectAccessible(phone);
    // Large touch targets (WCAG 2.5.8 asks 24 px; the faces are far larger) and no sideways scrolling.
    for (const button of await phone.locator('button').all()) {
      const box = (await button.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.width).toBeGreaterThanOrEqual(280);
    }
    expect(await phone.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await screenshot(phone, 'rate-card-360');
    await phone.fill('#comment', 'I want to see my brother more');
    await phone.getByRole('button', { name: 'Not happy' }).click();
    await phone.waitForLoadState();
    expect(await phone.locator('h1').textContent()).toBe('Thank you');
    await expectAccessible(phone);
    const again = await phone.goto(link);
    expect(again!.status()).toBe(410);
    expect(await phone.locator('h1').textContent()).toBe('This card has already been sent');
    await expectAccessible(phone);

    // The card is on the IRO's worklist for follow-up, and its page marks it followed up.
    await staff.goto(url('/app/worklist?reason=feedback_follow_up'));
    await staff.getByRole('link', { name: /Follow up the card/ }).click();
    expect(await staff.locator('#card').textContent()).toContain('I want to see my brother more');
    await expectAccessible(staff);
    await staff.getByRole('button', { name: 'Mark as followed up' }).click();
    await staff.waitForURL(/done=1/);
    await staff.goto(url('/app/worklist?reason=feedback_follow_up'));
    expect(await staff.locator('#empty').count()).toBe(1);
  }, WALK_MS);

  browserIt('the card works on a 320 px phone', async () => {
    const staff = await signedIn('IRO manager, Gateshead', reviewPath);
    await staff.getByRole('button', { name: 'Issue a Rate My Review link' }).click();
    const link = (await staff.locator('#rate-link').getAttribute('href'))!;
    const phone = await browser.page({ viewport: { width: 320, height: 640 } });
    await phone.goto(link);
    expect(await phone.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
    await expectAccessible(phone);
    await screenshot(phone, 'rate-card-320');
    await phone.getByRole('button', { name: 'Good' }).click();
    await phone.waitForLoadState();
    expect(await phone.locator('h1').textContent()).toBe('Thank you');
  }, WALK_MS);

  browserIt('an IRO manager enters a paper card, JavaScript off; a bad one is shown again with its errors', async () => {
    const page = await signedIn('IRO manager, Gateshead', reviewPath, { javaScript: false });
    await page.fill('#received', day(-1));
    await page.getByRole('button', { name: 'Save the paper card' }).click();
    const summary = await page.locator('.govuk-error-summary__list a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
    expect(summary).toEqual([['#answer', "Choose the child's answer"]]);
    await page.check('#answer-ok');
    await page.fill('#received', day(-20));
    await page.getByRole('button', { name: 'Save the paper card' }).click();
    // A card received before the review was held: the domain's refusal names the date.
    expect(await page.locator('.govuk-error-summary__list a').getAttribute('href')).toBe('#received');
    await page.fill('#received', day(-1));
    await page.getByRole('button', { name: 'Save the paper card' }).click();
    await page.waitForURL(/card=1/);
    expect(await page.locator('#cards').textContent()).toContain('OK, paper card');
  }, WALK_MS);
});

describe('who may see the IRO pages', () => {
  browserIt('a national analyst is refused every IRO page (403), and an IRO may not enter a paper card', async () => {
    const page = await signedIn('National analyst', '/app');
    for (const path of ['/app/worklist', '/app/reviews/new?child=G001', reviewPath, '/app/decisions', decisionPath, '/app/contacts/new']) {
      const response = await page.goto(url(path));
      expect(response!.status(), path).toBe(403);
    }
    expect(await page.locator('h1').textContent()).toBe('You cannot see this page');
    await expectAccessible(page);

    const iro = await signedIn('IRO, Gateshead', reviewPath);
    expect(await iro.locator('form[action$="/paper-card"]').count()).toBe(0);
    const csrf = await iro.locator('input[name="_csrf"]').first().inputValue();
    const posted = await iro.request.post(url(`${reviewPath}/paper-card`), {
      form: { _csrf: csrf, received: day(0), answer: 'good' }, headers: { origin: ctx.platform.url }, maxRedirects: 0,
    });
    expect(posted.status()).toBe(403);
  }, WALK_MS);
});
