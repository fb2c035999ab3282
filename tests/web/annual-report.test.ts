import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeAll, describe, expect } from 'vitest';
import { demoTenants } from '../../functions/local/demo-users.ts';
import { seedPracticeRecords } from '../../functions/local/seed.ts';
import { systemActor } from '../../shared/data/audit.ts';
import { tenantScope } from '../../shared/data/scopes.ts';
import type { ChildRecords } from '../../shared/domain/ssda903/records.ts';
import type { LocalAuthority } from '../../shared/domain/tenancy/local-authorities.ts';
import { browserIt, expectAccessible, screenshot, useBrowser } from '../helpers/browser.ts';
import { usePlatform } from '../helpers/platform.ts';
import { child, dataset } from '../helpers/records.ts';

/**
 * The IRO annual report page and its Word download, over two seeded years of the demo LA and a neighbour in its
 * region, through the real pipeline (tick → tenant snapshots → rollup).
 */
const ctx = usePlatform();
const browser = useBrowser();
// The demo users' two LAs (demo-users.ts): both in the North East.
const [own, neighbour] = demoTenants() as [LocalAuthority, LocalAuthority];

/** In care since January 2020 in one placement (stable). */
const stable = (id: string): ChildRecords => child(id, [{ decom: '2020-01-06' }]);
/** In care since January 2020, moved to a new placement on 1 June 2024 (so not stable at 31 March 2025). */
const moved = (id: string): ChildRecords => child(id, [
  { decom: '2020-01-06', dec: '2024-06-01', rec: 'X1' },
  { decom: '2024-06-01', rne: 'P', place: 'U5', placeProvider: 'PR2', plPost: 'EF3', urn: 'YYYYYYY', reasonPlaceChange: 'CARPL' },
]);
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(3, '0')}`);

/** Headings of a .docx by Word style (`Title`, `Heading1`, `Heading2`), read from word/document.xml. */
function docxHeadings(xml: string, style: string): string[] {
  return [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="([^"]+)"\/>(?:(?!<\/w:p>).)*<\/w:p>/gs)]
    .filter((m) => m[1] === style)
    .map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1]!)).join(''));
}

const ENTITIES: Record<string, string> = { '&apos;': "'", '&quot;': '"', '&lt;': '<', '&gt;': '>', '&amp;': '&' };
const unescapeXml = (text: string) => text.replace(/&(apos|quot|lt|gt|amp);/g, (e) => ENTITIES[e]!);

afterEach(() => {
  expect(browser.problems()).toEqual([]);
});

beforeAll(async () => {
  // The demo LA: 2023-24, 25 children all in one placement since 2020; 2024-25, the same 25 (20 stable, 5 moved on
  // 1 June 2024) and 5 more stable ones, with the demo's generated IRO practice records. The neighbour, 2024-25:
  // 20 stable children and no practice records.
  await ctx.seed(own.code, dataset(2024, ids('G', 25).map(stable)));
  await ctx.seed(own.code, dataset(2025, [...ids('G', 20).map(stable), ...ids('G', 25).slice(20).map(moved), ...ids('H', 5).map(stable)]));
  await ctx.seed(neighbour.code, dataset(2025, ids('N', 20).map(stable)));
  expect(await seedPracticeRecords(ctx.platform.data.for(tenantScope(own.code), { actor: systemActor('test-seed') }))).toBeGreaterThan(0);
  await ctx.platform.tick();
  await ctx.platform.drain(120_000);
}, 180_000);

describe('the IRO annual report', () => {
  browserIt('an IRO manager reads the report with its figures beside the region and England, and downloads it as Word', { timeout: 90_000 }, async () => {
    const page = await browser.signIn(ctx.platform.url, `IRO manager, ${own.name}`, { path: '/app/report' });
    expect(new URL(page.url()).pathname).toBe('/app/report');
    expect(await page.locator('h1').textContent()).toBe('IRO annual report 2024-25');
    expect(await page.locator('.govuk-service-navigation__list a', { hasText: 'Annual report' }).count()).toBe(1);

    // Long-term stability (metric 3): all 30 children are under 16 and in care since January 2020 (2½ years and
    // more); 25 have been in their placement 2 years (the 5 who moved in June 2024 have not): 25 / 30 = 83%. Last
    // year all 25 were: 100%. The region and England (only these two LAs hold data): (25 + 20) / (30 + 20) = 90%.
    const stability = page.locator('#stability-figures');
    const row = stability.locator('tr', { hasText: 'same placement for 2 years' });
    expect((await row.locator('td').allTextContents()).slice(0, 4)).toEqual(['83%', '100%', '90%', '90%']);
    expect(await page.locator('.app-report__sentence').allTextContents()).toContain(
      'Children in care 2½ years or more who were in the same placement for 2 years fell from 100% to 83%; North East 90%, England 90%.');
    // Children looked after on 31 March: 25 → 30; the region's 50 is published rounded to the nearest 10.
    expect((await page.locator('#children-figures tr', { hasText: 'on 31 March' }).locator('td').allTextContents()).slice(0, 4)).toEqual(['30', '25', '50', '50']);
    // Metric 9 from the practice records: the figures tables of its sections are there (the records are generated,
    // so their values are not hand-worked here; tests/unit/annual-report.test.ts works them by hand).
    for (const id of ['caseloads', 'seen', 'escalations', 'decisions', 'feedback']) {
      expect(await page.locator(`#${id}-figures tbody tr`).count(), id).toBeGreaterThan(0);
    }
    expect(await page.locator('#caseloads-figures tr', { hasText: 'Children per full-time IRO' }).count()).toBe(1);
    expect(await page.locator('section', { hasText: 'Timeliness of reviews' }).textContent()).toContain('the stored data does not say');
    await expectAccessible(page);
    await screenshot(page, 'annual-report');

    // Printed: no navigation, and each chart's figures table is shown.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.govuk-service-navigation').isVisible()).toBe(false);
    const chartTables = page.locator('section:has(#stability) .app-chart__table');
    expect(await chartTables.count()).toBe(4); // one per stability rate
    for (const table of await chartTables.all()) expect(await table.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // A table as CSV: the same figures.
    const csv = await page.request.get(`${ctx.platform.url}/app/report?year=2025&csv=stability-figures`);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain('83%,100%,90%,90%,25 of 30 children under 16 in care 2½ years or more');

    // The Word download, through the page's own link.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#docx').click()]);
    expect(download.suggestedFilename()).toBe(`IRO-annual-report-${own.name.replace(/[^\w.-]+/g, '-')}-2024-25.docx`);
    const head = await page.request.get(`${ctx.platform.url}/app/report.docx?year=2025`);
    expect(head.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    const xml = strFromU8(files['word/document.xml']!);
    expect(docxHeadings(xml, 'Title')).toEqual([`IRO annual report 2024-25: ${own.name}`]);
    expect(docxHeadings(xml, 'Heading1')).toEqual([
      'Children looked after and reviews held', 'Timeliness of reviews', 'IRO caseloads and staffing', "Children's participation in their reviews",
      'Children seen by their IRO before and between reviews', 'Escalations (disputes) and Cafcass referrals', 'Review decisions and decisions not implemented',
      "Children's feedback (Rate My Review)", 'Placement stability', 'Brothers and sisters placed together',
    ]);
    expect(xml).toContain('fell from 100% to 83%; North East 90%, England 90%.');
    // Charts are native Word charts (a chart part per chart), not pictures.
    expect(Object.keys(files).filter((f) => /^word\/charts\/chart\d+\.xml$/.test(f)).length).toBeGreaterThan(0);
    // No child id anywhere in the document.
    expect(Object.values(files).map((f) => strFromU8(f)).join('')).not.toMatch(/\b[GHN]0\d\d\b/);
  });

  browserIt('with JavaScript off, choosing another year shows that year, with nothing compared with a year not held', async () => {
    const page = await browser.signIn(ctx.platform.url, `IRO manager, ${own.name}`, { javaScript: false, path: '/app/report' });
    await page.getByLabel('Collection year').selectOption('2024');
    await page.getByRole('button', { name: "Show this year's report" }).click();
    await page.waitForURL(/year=2024/);
    expect(await page.locator('h1').textContent()).toBe('IRO annual report 2023-24');
    expect(await page.locator('.app-report__sentence').allTextContents()).toContain('Children looked after on 31 March numbered 25 in 2023-24; there is no figure for 2022-23 to compare with.');
  });

  browserIt('a regional chair is refused the report and its download; a bad year is a 400 naming the field', async () => {
    const chair = await browser.signIn(ctx.platform.url, 'Regional IRO partnership chair');
    expect((await chair.goto(`${ctx.platform.url}/app/report`))!.status()).toBe(403);
    expect((await chair.request.get(`${ctx.platform.url}/app/report.docx?year=2025`)).status()).toBe(403);
    const manager = await browser.signIn(ctx.platform.url, `IRO manager, ${own.name}`);
    const bad = await manager.goto(`${ctx.platform.url}/app/report?year=twenty`);
    expect(bad!.status()).toBe(400);
    expect(await manager.locator('main').textContent()).toContain('year: give the collection year');
    // The neighbour keeps no practice records: its practice sections say so rather than show zeros.
    const other = await browser.signIn(ctx.platform.url, `IRO manager, ${neighbour.name}`, { path: '/app/report' });
    expect(await other.locator('#caseloads + p').textContent()).toBe('No IRO practice records were kept in the platform for 2024-25, and the figures of this section come from them.');
    const missing = await manager.goto(`${ctx.platform.url}/app/report?year=2021`);
    expect(missing!.status()).toBe(404);
    expect(await manager.locator('main').textContent()).toContain('year: your LA has no figures for 2020-21; years with figures: 2024-25, 2023-24');
  });
});
