import type { Page, Response } from 'playwright-core';
import { afterEach, beforeAll, describe, expect } from 'vitest';
import { usePlatform } from '../helpers/platform.ts';
import { browserIt, expectAccessible, screenshot, useBrowser } from '../helpers/browser.ts';
import { child, dataset } from '../helpers/records.ts';

/**
 * The IRO manager's practice pages in Chromium, over the real local platform: the roster and allocations,
 * disputes escalated through the chain, sibling groups and the placement report, a child's audit trail, and who
 * is refused. Kent (886) holds five children looked after since 10 January 2024 (a Wednesday); K004 lives at
 * another postcode, so it is not placed with its sibling K003. The main forms run with JavaScript off.
 */
const LA = '886';
const ctx = usePlatform({
  users: [
    { label: 'Kent IRO manager', claims: { role: 'iro_manager', tenant: LA, sub: 'mgr-kent' } },
    { label: 'Kent IRO Alice', claims: { role: 'iro', tenant: LA, sub: 'sub-alice' } },
    { label: 'South East chair', claims: { role: 'regional_chair', region: 'South East' } },
  ],
});
const browser = useBrowser();

beforeAll(async () => {
  await ctx.seed(LA, dataset(2025, [child('K001'), child('K002'), child('K003'), child('K004', [{ plPost: 'ZZ9' }]), child('K005')]));
});

afterEach(() => {
  expect(browser.problems()).toEqual([]);
});

/** What a reader sees in each match, whitespace (and table cells' tabs) collapsed to single spaces. */
const texts = async (page: Page, selector: string) => (await page.locator(selector).allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());

/** Clicks a form's button and returns the page's response: the re-rendered form, or the page a 303 led to. */
async function submit(page: Page, form: string, button: string): Promise<Response> {
  const [response] = await Promise.all([page.waitForNavigation(), page.locator(form).getByRole('button', { name: button }).click()]);
  return response!;
}

/** Signs in; a step that cannot happen fails within 10 s, naming itself, instead of timing the whole test out. */
async function signIn(label: string, options: Parameters<typeof browser.signIn>[2]): Promise<Page> {
  const page = await browser.signIn(ctx.platform.url, label, options);
  page.setDefaultTimeout(10_000);
  return page;
}

/** A form post outside the page's own forms (a tampered or stale form): the session's token and our origin. */
async function postForm(page: Page, path: string, form: Record<string, string>) {
  const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
  const response = await page.request.post(`${ctx.platform.url}${path}`, { form: { _csrf: csrf, ...form }, headers: { origin: ctx.platform.url }, maxRedirects: 0 });
  return { status: response.status(), html: await response.text() };
}

describe("the IRO manager's practice pages", () => {
  browserIt('adds IROs to the roster and allocates, then re-allocates, a child; an earlier date is refused and changes nothing', async () => {
    const page = await signIn('Kent IRO manager', { path: '/app/roster', javaScript: false });
    expect(await texts(page, '.govuk-service-navigation__list a')).toEqual(expect.arrayContaining(['Disputes', 'Roster']));
    expect(await page.locator('h1').textContent()).toBe('IRO roster');
    expect(await page.getByText('No IRO is on the roster yet.').count()).toBe(1);

    await page.getByRole('button', { name: 'Add an IRO' }).click();
    // Nothing typed: 400, each missing field named, nothing stored.
    const empty = await submit(page, '#iro', 'Add the IRO');
    expect(empty.status()).toBe(400);
    expect((await texts(page, '.govuk-error-summary__list li')).join(' | ')).toMatch(/Name: .*\| FTE: .*\| Active from: /);
    for (const [name, fte, sub] of [['Alice Adams', '1', 'sub-alice'], ['Bob Brown', '0.5', '']] as const) {
      await page.goto(`${ctx.platform.url}/app/roster/new`);
      await page.getByLabel('Name').fill(name);
      await page.getByLabel('Full-time equivalent (FTE)').fill(fte);
      await page.getByLabel('Active from').fill('2020-01-01');
      if (sub) await page.getByLabel('Sign-in subject (optional)').fill(sub);
      expect((await submit(page, '#iro', 'Add the IRO')).status()).toBe(200);
      expect(await page.locator('.govuk-notification-banner').textContent()).toContain(`${name} is saved on the roster`);
    }
    expect(await texts(page, '#roster tbody tr')).toEqual([
      expect.stringMatching(/^Alice Adams ?: change 1 1 January 2020 — 0 0$/),
      expect.stringMatching(/^Bob Brown ?: change 0\.5 1 January 2020 — 0 0$/),
    ]);

    await page.goto(`${ctx.platform.url}/app/allocations`);
    expect(await page.locator('#unallocated').textContent()).toBe('5 of 5 children have no IRO allocated today.');
    await page.locator('tr[data-child="K001"]').getByRole('link', { name: /No IRO/ }).click();
    expect(await page.locator('#current').textContent()).toBe('No IRO is allocated today.');
    // Allocated two days after the period began (10 January 2024): within the 5 working days (deadline 17 January).
    await page.getByLabel('IRO', { exact: true }).selectOption({ label: 'Alice Adams' });
    await page.getByLabel('Allocated from').fill('2024-01-12');
    await submit(page, '#allocate', 'Allocate');
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Alice Adams is allocated from 12 January 2024');
    await page.getByLabel('IRO', { exact: true }).selectOption({ label: 'Bob Brown' });
    await page.getByLabel('Allocated from').fill('2025-03-03');
    await submit(page, '#allocate', 'Allocate');
    const history = ['Alice Adams 12 January 2024 3 March 2025', 'Bob Brown 3 March 2025 Current'];
    expect(await texts(page, '#history tbody tr')).toEqual(history);

    // Before the latest spell began: the domain's message on the date field, 409, the history unchanged.
    await page.getByLabel('IRO', { exact: true }).selectOption({ label: 'Alice Adams' });
    await page.getByLabel('Allocated from').fill('2025-01-01');
    expect((await submit(page, '#allocate', 'Allocate')).status()).toBe(409);
    expect(await texts(page, '.govuk-error-summary__list a')).toEqual(["The child's latest allocation began on 2025-03-03: a new one must start later"]);
    expect(await page.locator('#from').inputValue()).toBe('2025-01-01');
    expect(await texts(page, '#history tbody tr')).toEqual(history);

    await page.goto(`${ctx.platform.url}/app/allocations`);
    expect(await page.locator('#unallocated').textContent()).toBe('4 of 5 children have no IRO allocated today.');
    // Unallocated children first; K001's IRO allocated on 12 January 2024, inside the 5 working days.
    expect((await texts(page, '#allocations tbody tr')).at(-1)).toEqual(expect.stringMatching(/^K001 Bob Brown ?: allocation history of child K001 10 January 2024 12 January 2024 Yes$/));
    await page.goto(`${ctx.platform.url}/app/roster`);
    expect(await page.locator('tr[data-iro] >> nth=1').textContent()).toMatch(/Bob Brown.*0\.5.*1.*2/);
  }, 90_000);

  browserIt('raises a dispute, escalates it to the DCS (skipping two stages) then the Chief Executive, records the responses and resolves it; illegal steps change nothing', async () => {
    const page = await signIn('Kent IRO manager', { path: '/app/disputes/new?child=ZZ999', javaScript: false });
    await page.getByLabel('Who received the alert').fill('Sam Jones, team manager');
    const unknown = await submit(page, 'form[action="/app/disputes/new"]', 'Raise the dispute');
    expect(unknown.status()).toBe(422);
    expect(await texts(page, '.govuk-error-summary__list a')).toEqual(["The child is not in your LA's stored 903 returns"]);
    expect(await page.getByLabel('Who received the alert').inputValue()).toBe('Sam Jones, team manager');

    await page.getByLabel('Child (903 CHILD id)').fill('K001');
    await page.getByLabel('Theme').selectOption('placement_stability');
    await page.getByLabel('IRO raising the dispute').selectOption({ label: 'Alice Adams' });
    await page.getByLabel('Date of the informal alert').fill('2025-04-01');
    await submit(page, 'form[action="/app/disputes/new"]', 'Raise the dispute');
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('The dispute was raised');
    const disputePath = new URL(page.url()).pathname;
    // Informal alert: 10 working days from Tuesday 1 April 2025 is 15 April (no bank holiday before Good Friday).
    expect(await texts(page, '#steps li[data-stage="0"] .govuk-summary-list__row')).toEqual([
      'Date 1 April 2025', 'Sent to Sam Jones, team manager', 'Response due 15 April 2025 (10 working days)', 'Response None yet',
    ]);

    await page.locator('#respond-date').fill('2025-04-10');
    await page.getByLabel('Response', { exact: true }).fill('The team manager will review the placement plan.');
    await submit(page, '#respond', 'Record the response');
    expect(await page.locator('#steps li[data-stage="0"] .govuk-tag').textContent()).toBe('Met');

    // Straight to stage 3 (skipping 1 and 2): 5 working days from Monday 14 April 2025 skip Good Friday and
    // Easter Monday (18 and 21 April) → 23 April; the formal process's 20 working days also skip 5 May → 15 May.
    await page.getByLabel(/Stage 3: Assistant director/).check();
    await page.locator('#escalate-recipient').fill('Director of Children’s Services');
    await page.locator('#escalate-date').fill('2025-04-14');
    await submit(page, '#escalate', 'Escalate');
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('escalated');
    expect(await texts(page, '#steps li[data-stage="3"] .govuk-summary-list__row')).toContain('Response due 23 April 2025 (5 working days)');
    expect(await page.locator('#summary').textContent()).toContain('15 May 2025 (20 working days from the first formal stage)');
    expect(await texts(page, '#escalate .govuk-radios__label')).toEqual([expect.stringMatching(/^Stage 4: Chief Executive/)]);

    // A stage dated before the last step: 409 with the domain's message on the date, what was typed kept, nothing stored.
    await page.getByLabel(/Stage 4: Chief Executive/).check();
    await page.locator('#escalate-recipient').fill('Chief Executive');
    await page.locator('#escalate-date').fill('2025-04-01');
    expect((await submit(page, '#escalate', 'Escalate')).status()).toBe(409);
    expect(await texts(page, '.govuk-error-summary__list a')).toEqual(["The date 2025-04-01 is before the dispute's last step on 2025-04-14"]);
    expect(await page.locator('.govuk-error-summary__list a').getAttribute('href')).toBe('#escalate-date');
    expect(await page.locator('#escalate-recipient').inputValue()).toBe('Chief Executive');
    expect(await page.locator('#steps > li').count()).toBe(2);

    // Back a stage (a tampered form) and a stale revision: 409, nothing changes.
    const rev = await page.locator('#escalate input[name="rev"]').inputValue();
    const back = await postForm(page, `${disputePath}/escalate`, { rev, stage: '2', recipient: 'Head of service', date: '2025-04-15' });
    expect(back.status).toBe(409);
    expect(back.html).toContain('The dispute is already at stage 3: it can only move up to a later stage');
    const stale = await postForm(page, `${disputePath}/respond`, { rev: String(Number(rev) - 1), date: '2025-04-22', text: 'Agreed' });
    expect(stale.status).toBe(409);
    expect(stale.html).toContain('Someone else changed this');

    await page.goto(`${ctx.platform.url}${disputePath}`);
    expect(await page.locator('#steps > li').count()).toBe(2);
    await page.locator('#respond-date').fill('2025-04-22');
    await page.getByLabel('Response', { exact: true }).fill('The DCS asks for a placement stability meeting.');
    await submit(page, '#respond', 'Record the response');
    await page.getByLabel(/Stage 4: Chief Executive/).check();
    await page.locator('#escalate-recipient').fill('Chief Executive');
    await page.locator('#escalate-date').fill('2025-04-24');
    await submit(page, '#escalate', 'Escalate');
    await page.locator('#respond-date').fill('2025-05-02');
    await page.getByLabel('Response', { exact: true }).fill('Funding for the placement is agreed.');
    await submit(page, '#respond', 'Record the response');
    await page.getByLabel('Resolved').check();
    await page.locator('#close-date').fill('2025-05-06');
    await page.getByLabel('What changed for the child').fill('K001 stays with her foster carers, with extra support agreed.');
    await submit(page, '#close', 'Close the dispute');

    expect(await page.locator('h1 .govuk-tag').textContent()).toBe('Resolved');
    expect(await page.locator('#steps > li[data-stage]').evaluateAll((items) => items.map((i) => i.getAttribute('data-stage')))).toEqual(['0', '3', '4']);
    // Stage 4, sent Thursday 24 April, was due 5 working days later on 1 May; answered on 2 May, a day late.
    expect(await texts(page, '#steps li[data-stage] .govuk-summary-card__title-wrapper')).toEqual([
      'Informal alert Met', 'Stage 3: Assistant director / Director of Children’s Services Met', 'Stage 4: Chief Executive Missed by 1 working day',
    ]);
    expect(await page.locator('#closure').textContent()).toContain('K001 stays with her foster carers');
    expect(await page.locator('form').count()).toBe(1); // only sign-out: a closed dispute has no forms
    const closedRev = String(Number(rev) + 4); // respond, escalate, respond, close
    const closed = await postForm(page, `${disputePath}/respond`, { rev: closedRev, date: '2025-05-07', text: 'More' });
    expect(closed.status).toBe(409);
    expect(closed.html).toContain('The dispute was resolved on 2025-05-06: it can no longer change');

    // The list and its filters.
    await page.goto(`${ctx.platform.url}/app/disputes`);
    await page.getByLabel('Status').selectOption('closed');
    await page.getByLabel('Highest stage reached').selectOption('4');
    await submit(page, '#filters', 'Apply filters');
    expect(await texts(page, '#disputes tbody tr')).toEqual([expect.stringMatching(/^K001 Placement stability ?dispute about child K001 Alice Adams 1 April 2025 Stage 4: Chief Executive — Resolved$/)]);
    await page.goto(`${ctx.platform.url}/app/disputes?status=open`);
    expect(await page.locator('#no-disputes').count()).toBe(1);
  }, 90_000);

  browserIt("shows the LA's escalation chain and saves a change to it, refusing a bad one", async () => {
    const page = await signIn('Kent IRO manager', { path: '/app/settings/disputes', javaScript: false });
    expect(await texts(page, '#chain tbody tr')).toEqual([
      'Informal alert 10', 'Stage 1: Team manager 5', 'Stage 2: Service manager / head of service 5',
      'Stage 3: Assistant director / Director of Children’s Services 5', 'Stage 4: Chief Executive 5', 'The whole formal process 20',
    ]);
    await page.locator('#informalWorkingDays').fill('90');
    expect((await submit(page, '#settings', 'Save the chain')).status()).toBe(400);
    expect((await texts(page, '.govuk-error-summary__list a'))[0]).toMatch(/^Working days to answer the informal alert: /);
    await page.locator('#informalWorkingDays').fill('5');
    await submit(page, '#settings', 'Save the chain');
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('The escalation chain was saved');
    expect((await texts(page, '#chain tbody tr'))[0]).toBe('Informal alert 5');
  });

  browserIt('records sibling groups and reports who is placed with all, some or none of their siblings', async () => {
    const page = await signIn('Kent IRO manager', { path: '/app/siblings', javaScript: false });
    expect(await page.getByText('No sibling group has been recorded yet.').count()).toBe(1);
    await page.getByLabel('Children', { exact: true }).fill('K003, K999');
    expect((await submit(page, '#record-group', 'Record the group')).status()).toBe(422);
    expect(await texts(page, '.govuk-error-summary__list a')).toEqual(["Children, entry 2: the child is not in your LA's stored 903 returns"]);
    for (const group of ['K001, K002', 'K003 K004']) {
      await page.getByLabel('Children', { exact: true }).fill(group);
      await submit(page, '#record-group', 'Record the group');
      expect(await page.locator('.govuk-notification-banner').textContent()).toContain('The sibling group was recorded');
    }
    // K001 and K002 share a placement (CD2); K004 lives at ZZ9, so K003 and K004 are each with none. All are in foster care (U4).
    expect(await texts(page, '#report tbody tr')).toEqual([
      'Placed with all their looked-after siblings 2 50% 2 50%', 'Placed with some of them 0 0% 0 0%',
      'Placed with none of them 2 50% 2 50%', 'Total 4 4',
    ]);
    expect(await texts(page, '#groups tbody tr td:first-child')).toEqual(['K001, K002', 'K003, K004']);
  });

  browserIt("opens a child's audit trail and sees the reads this test made", async () => {
    const page = await signIn('Kent IRO manager', { path: '/app/audit', javaScript: false });
    await page.getByLabel('Child (903 CHILD id)').fill('K0 01');
    expect((await submit(page, '#find-child', 'Show the audit trail')).status()).toBe(400);
    expect(await texts(page, '.govuk-error-summary__list a')).toEqual([expect.stringContaining("Enter the child's 903 CHILD id")]);
    // K005 is read nowhere else in this file: its allocation page, opened once here, is its whole trail.
    await page.goto(`${ctx.platform.url}/app/allocations/K005`);
    await page.goto(`${ctx.platform.url}/app/audit`);
    await page.getByLabel('Child (903 CHILD id)').fill('K005');
    await submit(page, '#find-child', 'Show the audit trail');
    expect(await page.locator('h1').innerText()).toBe('Audit trail of child K005');
    expect(await texts(page, '#audit tbody tr')).toEqual([
      expect.stringMatching(/^\d+ \w+ \d{4}, \d\d:\d\d mgr-kent iro manager child the caller's LA's practice records: allocations, reviews/),
    ]);
    // K001's records were read many times by the tests above: a page holds 25 entries, newest first, then older ones.
    await page.goto(`${ctx.platform.url}/app/audit?child=K001`);
    expect(await page.locator('#audit tbody tr').count()).toBe(25);
    await page.getByRole('link', { name: 'Older reads' }).click();
    expect(await page.locator('#audit caption').textContent()).toBe('Older reads');
    expect(await page.locator('#audit tbody tr').count()).toBeGreaterThan(0);
    const edited = await page.goto(`${ctx.platform.url}/app/audit?child=K001&cursor=not-a-cursor`);
    expect(edited!.status()).toBe(400);
  });

  browserIt('every page, and a refused form, meets WCAG 2.2 AA with GOV.UK Frontend running', async () => {
    const page = await signIn('Kent IRO manager', { path: '/app/disputes' });
    const dispute = await page.locator('#disputes tbody a[href^="/app/disputes/"]').first().getAttribute('href');
    await page.goto(`${ctx.platform.url}/app/roster`);
    const iro = await page.locator('#roster tbody a').first().getAttribute('href');
    const pages: [string, string][] = [
      ['disputes', '/app/disputes'], ['dispute-new', '/app/disputes/new?child=K002'], ['dispute', dispute!], ['dispute-settings', '/app/settings/disputes'],
      ['roster', '/app/roster'], ['roster-new', '/app/roster/new'], ['roster-change', iro!], ['allocations', '/app/allocations'],
      ['allocation', '/app/allocations/K001'], ['siblings', '/app/siblings'], ['audit', '/app/audit?child=K001'],
    ];
    for (const [name, path] of pages) {
      const response = await page.goto(`${ctx.platform.url}${path}`);
      expect([path, response!.status()]).toEqual([path, 200]);
      await expectAccessible(page);
      await screenshot(page, `manager-${name}`);
    }
    // A refused form, with its error summary and inline errors, as GOV.UK Frontend enhances it.
    await page.goto(`${ctx.platform.url}/app/allocations/K002`);
    await page.getByLabel('Allocated from').fill('');
    expect((await submit(page, '#allocate', 'Allocate')).status()).toBe(400);
    await expectAccessible(page);
    await screenshot(page, 'manager-allocation-refused');
  }, 90_000);

  browserIt('an IRO reads disputes but is refused the audit trail and the manager-only pages; a regional chair is refused them all', async () => {
    const iro = await signIn('Kent IRO Alice', { path: '/app/disputes' });
    expect(await iro.locator('#disputes tbody tr').count()).toBe(1);
    expect(await texts(iro, '.govuk-service-navigation__list a')).toEqual(expect.arrayContaining(['Disputes', 'Roster']));
    await iro.goto(`${ctx.platform.url}/app/roster`);
    expect(await iro.getByRole('link', { name: 'Add an IRO' }).count()).toBe(0);
    const refused = await iro.goto(`${ctx.platform.url}/app/audit?child=K001`);
    expect(refused!.status()).toBe(403);
    expect(await iro.locator('h1').textContent()).toBe('You cannot see this page');
    await expectAccessible(iro);
    // The chain is theirs to read, not to change: no form, and the gate refuses the manager-only pages.
    await iro.goto(`${ctx.platform.url}/app/settings/disputes`);
    expect([await iro.locator('#chain').count(), await iro.locator('#settings').count()]).toEqual([1, 0]);
    const status = async (page: Page, path: string) => [path, (await page.request.get(`${ctx.platform.url}${path}`, { maxRedirects: 0 })).status()];
    for (const path of ['/app/roster/new', '/app/roster/iro-any']) expect(await status(iro, path)).toEqual([path, 403]);
    for (const [path, form] of [['/app/siblings', { children: 'K001 K005', recorded: '2025-01-01' }], ['/app/roster/new', { name: 'Eve' }], ['/app/allocations/K005', { iro: 'x', from: '2025-01-01' }], ['/app/settings/disputes', { rev: '1' }]] as const) {
      expect([path, (await postForm(iro, path, form)).status]).toEqual([path, 403]);
    }

    const chair = await signIn('South East chair', { path: '/app/disputes' });
    for (const path of ['/app/disputes', '/app/disputes/new', '/app/settings/disputes', '/app/roster', '/app/allocations', '/app/allocations/K001', '/app/siblings', '/app/audit?child=K001']) {
      expect(await status(chair, path)).toEqual([path, 403]);
    }
  }, 90_000);
});
