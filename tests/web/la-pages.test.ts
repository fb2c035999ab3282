import type { Locator, Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect } from 'vitest';
import { browserIt, expectAccessible, screenshot, useBrowser } from '../helpers/browser.ts';
import { usePlatform } from '../helpers/platform.ts';
import { child, dataset, lookedAfterChildren } from '../helpers/records.ts';

/**
 * The LA pages in Chromium over a hand-made dataset: the dashboard (a figure worked out by hand, its numerator and
 * denominator, region and England, a two-year trend), a figure's link to exactly its children, the children list
 * (search, CSV), a child's timeline, and who may not see them.
 *
 * Gateshead (390) and Newcastle (391) are both in the North East, so the region's figure exists.
 */
const GATESHEAD = '390';
const NEWCASTLE = '391';
const ctx = usePlatform({
  users: [
    { label: 'IRO manager, Gateshead', claims: { role: 'iro_manager', tenant: GATESHEAD } },
    { label: 'IRO manager, Newcastle', claims: { role: 'iro_manager', tenant: NEWCASTLE } },
    { label: 'IRO manager, North Tyneside', claims: { role: 'iro_manager', tenant: '392' } },
    { label: 'Regional chair, North East', claims: { role: 'regional_chair', region: 'North East' } },
    { label: 'National analyst', claims: { role: 'national' } },
  ],
});
const browser = useBrowser();

afterEach(() => {
  expect(browser.problems()).toEqual([]);
});

/*
 * Gateshead's returns (the 2025 one holds every episode of a child in it, as LAs submit):
 *   G001 in care since 10 Jan 2023 in U4, moved 1 Jun 2024 (U1) and 1 Oct 2024 (U3); a review on 1 May 2024.
 *   G002 in care since 1 May 2023 (U4), G003 since 1 Jul 2024 (U4), G004 since 1 Jan 2022 (U4, then R1 from 1 Sep 2024).
 *   G005 in care 1 Mar 2023 – 1 Aug 2024, went home (E4A): not looked after on 31 March 2025.
 * Metric 2 (short-term stability) for the year ending 31 March 2025, worked out by hand:
 *   denominator = children looked after on 31 March 2025 = G001, G002, G003, G004 = 4;
 *   placements in the year: G001 = the U4 in force on 1 April (began before) + U1 + U3 = 3; G002 = 1 (in force on
 *   1 April); G003 = 1 (its start); G004 = the U4 in force on 1 April + R1 = 2;
 *   numerator = those with 3 or more = G001 = 1; 1 / 4 = 25%.
 * The year ending 31 March 2024: the same children but G003 (not yet in care), each with only the placement in force
 *   on 1 April 2023 or its start: nobody has 3, so 0 of 4 (G001, G002, G004, G005) = 0%.
 * Newcastle: 30 children in one placement each, both years. The North East's numerator is then 1 (G001): a count
 *   of 1 to 5, so the region (and England, the same two LAs) show c, never a number.
 */
const G001 = [
  { decom: '2023-01-10', place: 'U4', dec: '2024-06-01', rec: 'X1', reasonPlaceChange: 'CARPL' },
  { decom: '2024-06-01', rne: 'P', place: 'U1', dec: '2024-10-01', rec: 'X1', reasonPlaceChange: 'CHILD' },
  { decom: '2024-10-01', rne: 'P', place: 'U3' },
];
function gateshead2025() {
  const g001 = child('G001', G001);
  g001.reviews = [{ child: 'G001', dob: '2012-05-01', review: '2024-05-01', reviewCode: 'PN1' }];
  return dataset(2025, [
    g001,
    child('G002', [{ decom: '2023-05-01' }]),
    child('G003', [{ decom: '2024-07-01' }]),
    child('G004', [{ decom: '2022-01-01', dec: '2024-09-01', rec: 'X1' }, { decom: '2024-09-01', rne: 'P', place: 'R1' }]),
    child('G005', [{ decom: '2023-03-01', dec: '2024-08-01', rec: 'E4A' }]),
  ]);
}
const gateshead2024 = () => dataset(2024, [
  child('G001', [{ decom: '2023-01-10', place: 'U4' }]),
  child('G002', [{ decom: '2023-05-01' }]),
  child('G004', [{ decom: '2022-01-01' }]),
  child('G005', [{ decom: '2023-03-01' }]),
]);

/*
 * Gateshead's IRO practice, through the JSON API: one full-time IRO; G001 allocated since 12 Jan 2023, G003 since
 * 3 Jul 2024; G001's review of 1 May 2024 chaired here too, with one decision.
 * Metric 9, worked out by hand for the year ending 31 March 2025:
 *   same IRO through the year: of those looked after on 1 April 2024 and on 31 March 2025 (G001, G002, G004 = 3),
 *   those with an IRO on 1 April and no other since: G001 = 1; 1 / 3 = 33%.
 *   caseload: looked after on 31 March with an IRO = G001, G003 = 2, over 1 FTE = 2 per FTE.
 */
const MANAGER = { role: 'iro_manager', tenant: GATESHEAD, sub: 'mgr-g' } as const;
async function post(path: string, body: object) {
  const res = await ctx.get(path, MANAGER, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status, `${path}: ${await res.clone().text()}`).toBe(201);
}

beforeAll(async () => {
  await ctx.seed(GATESHEAD, gateshead2024());
  await ctx.seed(GATESHEAD, gateshead2025());
  await post('/iros', { id: 'iro-a', name: 'Alex Reviewer', fte: 1, activeFrom: '2020-01-01', activeTo: null });
  await post('/allocations', { id: 'al-g001', child: 'G001', iro: 'iro-a', from: '2023-01-12' });
  await post('/allocations', { id: 'al-g003', child: 'G003', iro: 'iro-a', from: '2024-07-03' });
  await post('/reviews', { id: 'rv-g001', child: 'G001', iro: 'iro-a', date: '2024-05-01', participation: 'PN1', spokeToChildBefore: true });
  await post('/decisions', { id: 'dc-g001', child: 'G001', review: 'rv-g001', made: '2024-05-01', text: 'Plan the move to a long-term carer.', topic: 'placement', owner: { role: 'Social worker', name: 'Sam Worker' }, due: '2024-07-01' });
  for (const year of [2024, 2025]) await ctx.seed(NEWCASTLE, dataset(year, lookedAfterChildren('N', 30)));
  await ctx.platform.tick({ type: 'plan', reason: 'test', la: GATESHEAD });
  await ctx.platform.tick({ type: 'plan', reason: 'test', la: NEWCASTLE });
  await ctx.platform.drain();
}, 60_000);

const rowTexts = async (page: Page | Locator, selector: string) =>
  (await page.locator(selector).allTextContents()).map((t) => t.trim());

describe('the LA dashboard, the children list and a child timeline', () => {
  browserIt('an IRO manager sees a figure with its parts beside the region and England, its trend, and the children behind it', async () => {
    const page = await browser.signIn(ctx.platform.url, 'IRO manager, Gateshead', { path: '/app/dashboard' });
    expect(new URL(page.url()).pathname).toBe('/app/dashboard');
    expect(await page.locator('.govuk-caption-l').textContent()).toContain('Gateshead · year ending 31 March 2025');

    // Metric 2, worked out above: 25% = 1 of 4; the region and England are c (a count of 1 to 5).
    const row = page.locator('#metrics tr[data-figure="shortTermStability"]').first();
    expect(await rowTexts(row, 'td')).toEqual(['25%', '1: the children behind the numerator of 3 or more placements in the year', '4: the children behind the denominator of 3 or more placements in the year', 'c', 'c']);
    expect(await page.locator('#legend').textContent()).toContain('suppressed to protect confidentiality');
    // Metric 1: 4 looked after on 31 March; the region's 34 is published rounded to the nearest 10.
    expect(await rowTexts(page.locator('#metrics tr[data-figure="cla"]'), 'td')).toEqual([
      '4', '4: the children behind the numerator of looked after on the as-at date', '', '30', '30',
    ]);
    // Metric 9: 33% kept the same IRO (1 of 3); caseload 2 per FTE (2 children over 1 FTE); the region's are c.
    expect(await rowTexts(page.locator('#practice tr[data-figure="sameIroThroughYear"]'), 'td')).toEqual([
      '33%', '1: the children behind the numerator of kept the same iro through the year', '3: the children behind the denominator of kept the same iro through the year', 'c', 'c',
    ]);
    expect((await rowTexts(page.locator('#practice tr[data-figure="caseload"]'), 'td')).slice(0, 3)).toEqual([
      '2', '2: the children behind the numerator of caseload per fte (children with an iro over iro fte; handbook 50–70)', '1',
    ]);

    // The trend over both years: 0% in 2024, 25% in 2025 (the chart's table alternative).
    const trend = page.locator('figure', { hasText: '3 or more placements in the year' }).locator('table');
    expect(await rowTexts(trend, 'thead th')).toEqual(['', '2024', '2025']);
    expect(await rowTexts(trend.locator('tbody tr').first(), 'th, td')).toEqual(['Gateshead', '0%', '25%']);
    await expectAccessible(page);
    await screenshot(page, 'la-dashboard');

    // The numerator links to exactly the child behind it, the denominator to the four.
    await row.locator('td').nth(1).getByRole('link').click();
    await page.waitForURL(/\/app\/children\?/);
    expect(await rowTexts(page, '#children tbody th')).toEqual(['G001']);
    expect(await page.locator('#figure-filter').textContent()).toContain('short-term placement stability');
    await page.goBack();
    await row.locator('td').nth(2).getByRole('link').click();
    await page.waitForURL(/part=denominator/);
    expect(await rowTexts(page, '#children tbody th')).toEqual(['G001', 'G002', 'G003', 'G004']);
    await expectAccessible(page);
    await page.goto(`${ctx.platform.url}/app/dashboard`);
    await page.locator('#practice tr[data-figure="sameIroThroughYear"] td').nth(1).getByRole('link').click();
    await page.waitForURL(/figure=sameIroThroughYear/);
    expect(await rowTexts(page, '#children tbody th')).toEqual(['G001']);
    await page.getByRole('link', { name: 'G001' }).click();
    await page.waitForURL(/\/app\/children\/G001/);
    // The review is both in the 903 return and chaired here, with its decision linked; the IRO allocation history.
    expect(await rowTexts(page.locator('#reviews tbody tr').first(), 'td')).toEqual(['1 May 2024', '903 return and this platform', 'PN1', 'Alex Reviewer', 'Yes', 'placement open']);
    expect(await page.getByRole('link', { name: 'placement' }).getAttribute('href')).toBe('/app/decisions/dc-g001');
    expect(await rowTexts(page.locator('#allocations tbody tr').first(), 'td')).toEqual(['Alex Reviewer', '12 January 2023', 'now']);
    await expectAccessible(page);

    // A filter that is not one of its choices: 400, the error summary naming the field, no list.
    const bad = await page.goto(`${ctx.platform.url}/app/children?status=everyone`);
    expect(bad!.status()).toBe(400);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Status: choose one of the statuses listed');
    expect(await page.locator('#children').count()).toBe(0);
    await expectAccessible(page);
  }, 60_000);

  // axe runs in the page, so it needs JavaScript: the pages are checked with it on (above), used with it off here.
  browserIt('with JavaScript off: the year selector, search, the CSV of the list and the timeline of a child', async () => {
    const page = await browser.signIn(ctx.platform.url, 'IRO manager, Gateshead', { path: '/app/dashboard', javaScript: false });
    await page.getByLabel('Collection year ending 31 March').selectOption('2024');
    await page.getByRole('button', { name: 'Show year' }).click();
    await page.waitForURL(/year=2024/);
    // 2024: 0 of 4 (G001, G002, G004, G005); a numerator of 0 is not suppressed, so the region and England show 0%.
    expect(await rowTexts(page.locator('#metrics tr[data-figure="shortTermStability"]').first(), 'td')).toEqual([
      '0%', '0', '4: the children behind the denominator of 3 or more placements in the year', '0%', '0%',
    ]);

    // The dashboard's table as CSV: the same figures as the page, c where the page shows c.
    const figures = await (await page.request.get(`${ctx.platform.url}/app/dashboard?year=2025&csv=metrics`)).text();
    expect(figures).toContain('3 or more placements in the year,25%,1,4,c,c');

    await page.goto(`${ctx.platform.url}/app/children`);
    expect(await rowTexts(page, '#children tbody th')).toEqual(['G001', 'G002', 'G003', 'G004', 'G005']);
    await screenshot(page, 'la-children');
    // The CSV has the same rows as the page, in the same order.
    const tableRows = await page.locator('#children tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent!.trim())));
    const csv = await page.request.get(`${ctx.platform.url}/app/children?year=2025&csv=children`);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const lines = (await csv.text()).trim().split(/\r?\n/).map((l) => l.split(','));
    expect(lines[0]).toEqual(['Child', 'Date of birth', 'Looked after at the as-at date', 'Legal status', 'Placement', 'Placements in the year', 'Reviews in the year']);
    expect(lines.slice(1)).toEqual(tableRows);
    expect(tableRows[0]).toEqual(['G001', '2012-05-01', 'Yes', 'C2', 'U3', '3', '1']);

    await page.getByLabel('Child ID').fill('G003');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/q=G003/);
    expect(await rowTexts(page, '#children tbody th')).toEqual(['G003']);

    await page.goto(`${ctx.platform.url}/app/children`);
    await page.getByRole('link', { name: 'G001' }).click();
    await page.waitForURL(/\/app\/children\/G001/);
    expect(await page.locator('h1').textContent()).toBe('G001');
    // Placements in order, on the time axis and in the table; the 903 review of 1 May 2024.
    expect(await rowTexts(page, '#episodes tbody tr td:nth-child(5)')).toEqual(['U4', 'U1', 'U3']);
    const svg = await page.locator('#placements ~ figure svg').first().innerHTML();
    expect(svg.indexOf('1. U4 · C2')).toBeGreaterThan(0);
    expect(svg.indexOf('2. U1 · C2')).toBeGreaterThan(svg.indexOf('1. U4 · C2'));
    expect(svg.indexOf('3. U3 · C2')).toBeGreaterThan(svg.indexOf('2. U1 · C2'));
    expect(await rowTexts(page, '#reviews tbody tr td:nth-child(1)')).toEqual(['1 May 2024']);
    expect(await page.locator('#reviews tbody tr td:nth-child(3)').textContent()).toBe('PN1');
    expect(await page.getByRole('link', { name: "Who has read this child's records" }).getAttribute('href')).toBe('/app/audit?child=G001');
    await screenshot(page, 'la-child');
  }, 60_000);

  browserIt("another LA's manager gets a 404 that does not repeat the id; a regional chair and a national user are refused all three pages", async () => {
    const newcastle = await browser.signIn(ctx.platform.url, 'IRO manager, Newcastle');
    const other = await newcastle.goto(`${ctx.platform.url}/app/children/G001`);
    expect(other!.status()).toBe(404);
    expect(await newcastle.locator('main').textContent()).not.toContain('G001');
    const unknown = await newcastle.goto(`${ctx.platform.url}/app/children/NOSUCH`);
    expect(unknown!.status()).toBe(404);
    await expectAccessible(newcastle);

    // An LA with no return yet: no figure at all, "not computed yet".
    const empty = await browser.signIn(ctx.platform.url, 'IRO manager, North Tyneside', { path: '/app/dashboard' });
    expect(await empty.locator('#not-computed').textContent()).toContain('not computed yet');
    expect(await empty.locator('#metrics').count()).toBe(0);
    await empty.goto(`${ctx.platform.url}/app/children`);
    expect(await empty.locator('#no-return').textContent()).toContain('No 903 return');

    for (const label of ['Regional chair, North East', 'National analyst']) {
      const page = await browser.signIn(ctx.platform.url, label);
      for (const path of ['/app/dashboard', '/app/children', '/app/children/G001']) {
        const response = await page.goto(`${ctx.platform.url}${path}`);
        expect(response!.status(), `${label} ${path}`).toBe(403);
        expect(await page.locator('main').textContent()).not.toContain('G001');
      }
    }
  }, 60_000);
});
