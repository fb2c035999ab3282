import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect } from 'vitest';
import type { DevUser } from '../../functions/api/web/sign-in.tsx';
import { child, dataset, lookedAfterChildren } from '../helpers/records.ts';
import { usePlatform } from '../helpers/platform.ts';
import { browserIt, expectAccessible, screenshot, useBrowser } from '../helpers/browser.ts';
import { fixtureFiles, type CsvFile } from '../helpers/uploads.ts';

/**
 * The upload page, the regional comparison and the national page, in chromium over the real local platform.
 * Data as in tests/jobs/pipeline.test.ts: the South East holds Kent (40 children looked after on 31 March 2025),
 * Medway (3: a count of 1 to 5, so `c` outside Medway) and Surrey (7); London holds Camden (27).
 */
const YEAR = 2025;
const users: DevUser[] = [
  { label: 'IRO manager, Camden', claims: { role: 'iro_manager', tenant: '202' } },
  { label: 'IRO, Camden', claims: { role: 'iro', tenant: '202' } },
  { label: 'Regional chair, South East', claims: { role: 'regional_chair', region: 'South East' } },
  { label: 'National analyst', claims: { role: 'national' } },
];
const ctx = usePlatform({ users });
const browser = useBrowser();
const camdenManager = { role: 'iro_manager', tenant: '202' } as const;

/** Each test signs in and renders pages of 22 charts in chromium: on this shared 2-core box that takes well over the default 30 s. */
const SLOW = 90_000;

afterEach(() => {
  expect(browser.problems()).toEqual([]);
});

beforeAll(async () => {
  await ctx.seed('886', dataset(YEAR, [
    ...lookedAfterChildren('K', 40),
    child('K-LEFT', [{ decom: '2024-06-01', dec: '2025-01-15', rec: 'E13' }]),
    child('K-RESPITE', [{ decom: '2025-03-01', ls: 'V3' }]),
  ]));
  await ctx.seed('887', dataset(YEAR, lookedAfterChildren('M', 3)));
  await ctx.seed('936', dataset(YEAR, lookedAfterChildren('S', 7)));
  await ctx.seed('202', dataset(YEAR, [...lookedAfterChildren('C', 26), child('C-NEW', [{ decom: '2025-03-31' }])]));
  await ctx.platform.tick();
  await ctx.platform.drain();
});

/** The rows of a table as text, header cells and data cells alike (locators only: they work with JavaScript off too). */
async function tableRows(page: Page, id: string): Promise<string[][]> {
  const rows = await page.locator(`table#${id} tbody tr`).all();
  return Promise.all(rows.map(async (row) => (await row.locator('th, td').allTextContents()).map((text) => text.trim())));
}

/** A CSV link on the page, downloaded with the page's own session; parsed naively (our cells hold no commas here). */
async function downloadCsv(page: Page, table: string): Promise<{ status: number; type: string; lines: string[] }> {
  const href = await page.locator(`a[href*="csv=${table}"]`).first().getAttribute('href');
  const res = await page.request.get(new URL(href!, page.url()).href);
  return { status: res.status(), type: res.headers()['content-type'] ?? '', lines: (await res.text()).trim().split(/\r?\n/) };
}

const LA_NAMES = readFileSync(path.resolve('/work/shared/data/local-authorities.csv'), 'utf8').trim().split('\n').slice(1)
  .map((line) => line.split(',').slice(1, -1).join(',').replace(/^"|"$/g, ''));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const namedLas = (text: string) => LA_NAMES.filter((name) => new RegExp(`\\b${escape(name)}\\b`).test(text));

describe('regional comparison', () => {
  browserIt('a regional chair sees the South East LAs named side by side, Medway suppressed, with the region and England', async () => {
    const page = await browser.signIn(ctx.platform.url, 'Regional chair', { path: '/app/region' });
    expect(new URL(page.url()).pathname).toBe('/app/region');
    expect(await page.locator('h1').textContent()).toBe('South East: local authorities side by side');
    // Hand-checked: Kent's 40 is an LA count (never rounded). Medway's 3 is 1 to 5, so c. The South East is
    // 40 + 3 + 7 = 50 (rounded to 10: 50) and England 50 + Camden's 27 = 77, rounded to 80. Surrey's 7 is c too
    // (secondary suppression): with Kent's 40 and the total beside it, Surrey's 7 would narrow Medway to 1 to 5.
    expect(await tableRows(page, 'cla')).toEqual([
      ['Kent', '40'], ['Medway', 'c'], ['Surrey', 'c'], ['South East', '50'], ['England', '80'],
    ]);
    // The bar chart names each LA and draws the suppressed ones as c.
    const labels = await page.locator('#cla-section svg').first().locator('text').allTextContents();
    for (const expected of ['Kent', 'Medway', 'Surrey', '40', 'c']) expect(labels).toContain(expected);
    // A rate has the region and England as reference lines: none of these children had 3 placements, so 0% each.
    const rates = await page.locator('#short-term-stability-section svg').first().locator('text').allTextContents();
    for (const expected of ['Kent', '0%', 'South East 0%', 'England 0%']) expect(rates).toContain(expected);
    expect(await page.locator('#legend').textContent()).toContain('c: suppressed, a count of 1 to 5 children');
    // Every metric has its table and charts; no figure names a child.
    expect(await page.locator('section.app-metric').count()).toBe(11);
    const html = await page.content();
    for (const id of ['K001', 'M001', 'S001', 'C001', 'K-LEFT']) expect(html).not.toContain(id);
    await expectAccessible(page);
    await screenshot(page, 'region');

    // The CSV holds exactly the page's table.
    const csv = await downloadCsv(page, 'cla');
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    expect(csv.lines).toEqual(['Local authority,Children', 'Kent,40', 'Medway,c', 'Surrey,c', 'South East,50', 'England,80']);

    // With JavaScript off the page is the same, and its year chooser is a plain GET form.
    const plain = await browser.signIn(ctx.platform.url, 'Regional chair', { path: '/app/region', javaScript: false });
    await plain.getByRole('button', { name: 'Show this year' }).click();
    await plain.waitForURL(/year=2025/);
    expect(await tableRows(plain, 'cla')).toEqual(await tableRows(page, 'cla'));

    // Not theirs: the upload and national pages, even by typing the address.
    expect((await page.goto(`${ctx.platform.url}/app/upload`))!.status()).toBe(403);
    expect((await page.goto(`${ctx.platform.url}/app/national`))!.status()).toBe(403);
    expect(await page.locator('h1').textContent()).toBe('You cannot see this page');
  }, SLOW);

  browserIt('a national user sees the regions and England, and no LA is named on the page or in any download', async () => {
    const page = await browser.signIn(ctx.platform.url, 'National analyst', { path: '/app/national' });
    expect(new URL(page.url()).pathname).toBe('/app/national');
    const rows = await tableRows(page, 'cla');
    // Nine regions and England. London 27 → 30 and the South East 50; England 77 → 80. The six regions with no LA
    // uploaded have nothing counted: 0, not suppressed.
    expect(rows).toHaveLength(10);
    expect(rows).toContainEqual(['London', '30']);
    expect(rows).toContainEqual(['South East', '50']);
    expect(rows.at(-1)).toEqual(['England', '80']);
    const labels = await page.locator('#short-term-stability-section svg').first().locator('text').allTextContents();
    for (const expected of ['London', 'South East', 'England 0%']) expect(labels).toContain(expected);
    expect(namedLas(await page.locator('body').innerText())).toEqual([]);
    expect(namedLas(await page.content())).toEqual([]);
    for (const table of ['cla', 'review-timeliness', 'iro-caseload']) {
      const csv = await downloadCsv(page, table);
      expect(csv.status).toBe(200);
      expect(namedLas(csv.lines.join('\n'))).toEqual([]);
    }
    expect((await downloadCsv(page, 'cla')).lines).toEqual(['Region,Children', ...rows.map((r) => r.join(','))]);
    await expectAccessible(page);
    await screenshot(page, 'national');
    expect((await page.goto(`${ctx.platform.url}/app/region`))!.status()).toBe(403);
    expect((await page.goto(`${ctx.platform.url}/app/upload`))!.status()).toBe(403);
  }, SLOW);
});

/** What upload.js's progress box says, each time it changes, reported out of the page (it is about to navigate away). */
async function watchProgress(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction('noteProgress', (text: string) => seen.push(text));
  await page.evaluate(`(() => {
    const box = document.getElementById('upload-progress');
    const text = (id) => document.getElementById(id).textContent;
    new MutationObserver(() => noteProgress((box.hidden ? 'hidden: ' : 'shown: ') + text('upload-progress-label') + ' | ' + text('upload-progress-status')))
      .observe(box, { subtree: true, childList: true, characterData: true, attributes: true });
  })()`);
  return seen;
}

const asFiles = (files: CsvFile[]) => files.map((f) => ({ name: f.name, mimeType: 'text/csv', buffer: Buffer.from(f.text) }));

describe('upload', () => {
  browserIt('an IRO manager uploads a bad return and sees the error table, downloadable as CSV; nothing changed', async () => {
    const page = await browser.signIn(ctx.platform.url, 'IRO manager, Camden', { path: '/app/upload' });
    expect(await page.locator('h1').textContent()).toBe('Upload a 903 return');
    await expectAccessible(page);
    await screenshot(page, 'upload-form');
    // No files: the server's form with its error (400) replaces the page's, and its summary takes the focus.
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('attach the files of the return');
    expect(await page.locator('#files-error').textContent()).toContain('attach the files');
    await expectAccessible(page);
    await screenshot(page, 'upload-form-error');
    // Row 2 of Episodes: DEC moved before DECOM, the DfE's 356 (as tests/api/uploads.test.ts); and a 3 MB file that
    // is no 903 table, so the upload is large enough to show the bytes sent.
    const broken = await fixtureFiles((name, text) => (name === 'episodes.csv' ? text.replace('1001,10/01/2022,S,C2,N1,U4,PR1,05/08/2024', '1001,10/01/2022,S,C2,N1,U4,PR1,01/01/2021') : text));
    broken.push({ name: 'notes.csv', text: `NOTE\n${'x'.repeat(3 * 1024 * 1024)}\n` });
    await page.locator('#files').setInputFiles(asFiles(broken));
    await page.locator('#year').fill(String(YEAR));
    const progress = await watchProgress(page);
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await page.waitForURL(/\/app\/upload\/reports\/[0-9a-f-]{36}$/);
    expect(progress.some((p) => /^shown: Sending the files… \| Sent 3\.0 MB of 3\.0 MB$/.test(p))).toBe(true);
    expect(progress.some((p) => p.startsWith('shown: Checking the return…'))).toBe(true);
    expect(await page.locator('h1').textContent()).toBe('The 2024 to 2025 return was rejected');
    const errors = await tableRows(page, 'errors');
    expect(errors).toContainEqual(['Episodes', '2', 'DEC', '356', expect.stringContaining('DfE 356')]);
    expect(errors).toContainEqual(['notes.csv', '1', '', 'UNRECOGNISED_FILE', expect.stringContaining('notes.csv is not a 903 table')]);
    expect(await page.locator('#findings-summary').textContent()).toContain(`${errors.length} error`);
    await expectAccessible(page);
    await screenshot(page, 'upload-rejected');

    // The report stays: its CSV is downloadable after the page was shown, with the same rows.
    const csv = await downloadCsv(page, 'errors');
    expect(csv.status).toBe(200);
    expect(csv.lines[0]).toBe('File,Row,Column,Code,Message');
    expect(csv.lines).toHaveLength(errors.length + 1);
    expect(csv.lines.some((l) => l.startsWith('Episodes,2,DEC,356,'))).toBe(true);
    // Nothing changed: Camden's seeded return (27 children) is still the one stored.
    const dash = await ctx.get(`/dashboards/la?year=${YEAR}`, camdenManager);
    expect(((await dash.json()) as { metrics: { cla: { count: number } } }).metrics.cla.count).toBe(27);
  }, SLOW);

  browserIt('a good return: what was replaced, the refresh notice, and after the recompute a new snapshot time', async () => {
    const before = ((await (await ctx.get(`/dashboards/la?year=${YEAR}`, camdenManager)).json()) as { computedAt: string }).computedAt;
    const page = await browser.signIn(ctx.platform.url, 'IRO manager, Camden', { path: '/app/upload' });
    await page.locator('#files').setInputFiles(asFiles(await fixtureFiles()));
    await page.locator('#year').fill(String(YEAR));
    // upload.js sends the form by XHR and shows its progress.
    const progress = await watchProgress(page);
    const [posted] = await Promise.all([page.waitForRequest((r) => r.method() === 'POST'), page.getByRole('button', { name: 'Upload and check' }).click()]);
    expect(posted.resourceType()).toBe('xhr');
    await page.waitForURL(/\/app\/upload\/reports\//);
    expect(progress.some((p) => p.startsWith('shown: Checking the return…'))).toBe(true);
    expect(await page.locator('h1').textContent()).toBe('The 2024 to 2025 return was stored');
    // Camden's seed stored 27 Header rows and nothing else; the fixture has 5 children, 8 episodes, 6 reviews.
    expect(await tableRows(page, 'replaced')).toEqual([
      ['Episodes', '0', '8'], ['Header', '27', '5'], ['Missing', '0', '2'], ['Reviews', '0', '6'], ['UASC', '0', '1'],
    ]);
    expect(await page.locator('#dashboard-refresh').textContent()).toMatch(/Refresh queued|Refreshed/);
    expect(await page.locator('#dashboard-refresh a').getAttribute('href')).toBe(`/app/dashboard?year=${YEAR}`);
    await expectAccessible(page);
    await screenshot(page, 'upload-accepted');
    expect((await downloadCsv(page, 'replaced')).lines).toEqual(['Table,Rows before,Rows after', 'Episodes,0,8', 'Header,27,5', 'Missing,0,2', 'Reviews,0,6', 'UASC,0,1']);

    await ctx.platform.drain();
    await page.reload();
    expect(await page.locator('#dashboard-refresh').textContent()).toContain('Refreshed');
    const computed = await page.locator('#snapshot-time time').getAttribute('datetime');
    expect(computed! > before).toBe(true);
  }, SLOW);

  browserIt('without JavaScript: a return that would empty a table is refused with the form kept, then emptied on purpose', async () => {
    const page = await browser.signIn(ctx.platform.url, 'IRO manager, Camden', { path: '/app/upload', javaScript: false });
    const headerOnly = await fixtureFiles((name, text) => (name === 'reviews.csv' ? 'CHILD,DOB,REVIEW,REVIEW_CODE\n' : text));
    await page.locator('#files').setInputFiles(asFiles(headerOnly));
    await page.locator('#year').fill(String(YEAR));
    const [refused] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Upload and check' }).click()]);
    expect(refused.status()).toBe(422);
    await page.waitForLoadState();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('would remove stored rows');
    expect(await tableRows(page, 'removals')).toEqual([['Reviews', '6', 'header row only']]);
    expect(await page.locator('#year').inputValue()).toBe(String(YEAR));
    await screenshot(page, 'upload-refused');

    await page.locator('#files').setInputFiles(asFiles(headerOnly));
    await page.getByLabel('Reviews', { exact: true }).check();
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await page.waitForURL(/\/app\/upload\/reports\//);
    expect(await tableRows(page, 'replaced')).toContainEqual(['Reviews', '6', '0']);
  }, SLOW);

  browserIt('an IRO (no upload capability) is refused the page and the post', async () => {
    const page = await browser.signIn(ctx.platform.url, 'IRO, Camden');
    expect((await page.goto(`${ctx.platform.url}/app/upload`))!.status()).toBe(403);
    const post = await page.request.post(`${ctx.platform.url}/app/upload`, { headers: { origin: ctx.platform.url }, multipart: { _csrf: 'x', year: '2025' } });
    expect(post.status()).toBe(403);
    expect((await page.goto(`${ctx.platform.url}/app/region`))!.status()).toBe(403);
  }, SLOW);
});
