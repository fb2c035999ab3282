import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signInLink } from '../../functions/api/pages/sign-in.ts';
import type { TokenClaims } from '../../functions/local/dev-issuer.ts';
import { child, dataset, lookedAfterChildren } from '../helpers/records.ts';
import { usePlatform } from '../helpers/platform.ts';

/**
 * The web dashboards in a real browser (Debian chromium via playwright-core) against the real local platform:
 * token from the sign-in link, one view per role, disclosure symbols, error pages. Screenshots go to
 * /tmp/iro-*.png for a human look at the layout.
 */
const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM) {
  console.warn(`SKIPPED tests/web: ${CHROMIUM} is not installed (apt-get install -y chromium); the browser tests did not run.`);
}
const browserIt = it.skipIf(!HAS_CHROMIUM);

const ctx = usePlatform();
const YEAR = 2025;
let browser: Browser | undefined;
/** Uncaught errors in the page script: any is a failure (checked in afterEach). */
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!HAS_CHROMIUM) return;
  const launched = chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  // Same data as the pipeline test: Kent 40 and Surrey 7 shown, Medway 3 suppressed (South East); Camden 27 (London).
  await Promise.all([
    ctx.seed('886', dataset(YEAR, [
      ...lookedAfterChildren('K', 38),
      // Two placement moves so the LA view has reasons to show.
      child('K-MOVE1', [{ decom: '2024-02-01', dec: '2024-09-01', rec: 'X1', reasonPlaceChange: 'CARPL' }, { decom: '2024-09-01', rne: 'P', place: 'U1' }]),
      child('K-MOVE2', [{ decom: '2024-02-01', dec: '2024-10-01', rec: 'X1', reasonPlaceChange: 'CREQB' }, { decom: '2024-10-01', rne: 'P', place: 'K2' }]),
    ])),
    ctx.seed('887', dataset(YEAR, lookedAfterChildren('M', 3))),
    ctx.seed('936', dataset(YEAR, lookedAfterChildren('S', 7))),
    ctx.seed('202', dataset(YEAR, lookedAfterChildren('C', 27))),
  ]);
  // One plan per seeded LA (what an upload enqueues) rather than the nightly all-153 run: same jobs, ~4 s less.
  for (const la of ['886', '887', '936', '202']) await ctx.platform.tick({ type: 'plan', reason: 'web test', la });
  await ctx.platform.drain();
  browser = await launched;
});

afterEach(() => {
  expect(pageErrors.splice(0)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
});

/** Opens the sign-in link for `claims` in a fresh browser context; resolves once the dashboard (or an error) is drawn. */
async function open(claims: TokenClaims | { token: string }, path = '/app'): Promise<Page> {
  const token = 'token' in claims ? claims.token : await ctx.token(claims);
  const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // CSP violations and script errors reach the console; the browser's own "Failed to load resource: 401/404"
  // lines for the error-page tests are expected.
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) pageErrors.push(message.text());
  });
  const link = signInLink(ctx.platform.url, token).replace('/app#', `${path}#`);
  await page.goto(link);
  await page.locator('#content > *').first().waitFor();
  return page;
}

const cell = (page: Page, row: string, col: string) => page.locator(`#la-figures tr[data-measure="${row}"] td[data-col="${col}"]`);
const unitCell = (page: Page, table: string, unit: string, measure: string) =>
  page.locator(`#${table} tr[data-unit="${unit}"] td[data-measure="${measure}"]`);

describe(`web dashboards in ${CHROMIUM}${HAS_CHROMIUM ? '' : ' (SKIPPED: not installed)'}`, () => {
  it('signInLink puts the token in the fragment of /app', () => {
    expect(signInLink('http://127.0.0.1:3000/', 'a.b.c')).toBe('http://127.0.0.1:3000/app#token=a.b.c');
  });

  it('serves the page shell, script and stylesheet without a token, with a strict CSP', async () => {
    for (const [path, type] of [['/app', 'text/html'], ['/app/app.js', 'text/javascript'], ['/app/app.css', 'text/css']] as const) {
      const res = await ctx.get(path, null);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toContain(type);
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    const script = await (await ctx.get('/app/app.js', null)).text();
    expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    // The API itself still needs a token.
    expect((await ctx.get('/dashboards/national', null)).status).toBe(401);
  });

  browserIt('LA view: own CLA beside the region and England, token moved out of the URL', async () => {
    const page = await open({ role: 'iro_manager', tenant: '886' });
    expect(page.url()).toBe(`${ctx.platform.url}/app`); // fragment cleared…
    expect(await page.evaluate<string | null>("sessionStorage.getItem('iro.dashboard.token')")).toMatch(/^ey/);

    await expect.poll(() => page.locator('h1').textContent()).toBe('Kent (886)');
    expect(await cell(page, 'cla', 'la').innerText()).toBe('40');
    // South East total 40 + 3 + 7 = 50 (rounded to 10), England 77 → 80.
    expect(await page.locator('#la-figures thead').innerText()).toContain('South East (region)');
    expect(await cell(page, 'cla', 'region').innerText()).toBe('50');
    expect(await cell(page, 'cla', 'england').innerText()).toBe('80');
    expect(await page.locator('#move-reasons').innerText()).toContain('Care plan change or implementation');
    expect(await page.locator('#content svg.chart').count()).toBe(1);
    await page.screenshot({ path: '/tmp/iro-la.png', fullPage: true });

    // Reload: the token now comes from sessionStorage.
    await page.reload();
    await expect.poll(() => cell(page, 'cla', 'la').innerText()).toBe('40');
    // The fragment was replaced, not pushed: one step back is the blank start page, not the token URL.
    await page.goBack();
    expect(page.url()).toBe('about:blank');
    await page.context().close();
  });

  browserIt('regional view: LAs side by side, the small one shown as "c", never a number', async () => {
    const page = await open({ role: 'regional_chair', region: 'South East' });
    const rows = await page.locator('#region-table tbody tr th').allInnerTexts();
    expect(rows).toEqual(['Kent (886)', 'Medway (887)', 'Surrey (936)']);
    expect(await unitCell(page, 'region-table', '886', 'cla').innerText()).toBe('40');
    const medway = unitCell(page, 'region-table', '887', 'cla');
    expect(await medway.locator('[data-symbol]').innerText()).toBe('c');
    expect(await medway.locator('[data-symbol]').getAttribute('title')).toMatch(/^suppressed: .+/);
    expect(await medway.innerText()).not.toMatch(/(^|\D)3(\D|$)/);
    expect(await unitCell(page, 'region-table', 'total', 'cla').innerText()).toBe('50');
    expect(await page.locator('#region-table caption').innerText()).toContain('South East');
    await page.screenshot({ path: '/tmp/iro-region.png', fullPage: true });
    await page.context().close();
  });

  browserIt('national view: regions and England, no LA named', async () => {
    const page = await open({ role: 'national' });
    expect(await unitCell(page, 'national-table', 'London', 'cla').innerText()).toBe('30');
    expect(await unitCell(page, 'national-table', 'england', 'cla').innerText()).toBe('80');
    const text = await page.locator('body').innerText();
    for (const needle of ['Kent', 'Medway', 'Surrey', 'Camden']) expect(text).not.toContain(needle);
    expect(text).not.toMatch(/\b(886|887|936|202)\b/);
    await page.screenshot({ path: '/tmp/iro-national.png', fullPage: true });
    await page.context().close();
  });

  browserIt('platform admin: registry count and queue status', async () => {
    const page = await open({ role: 'platform_admin' });
    expect(await page.locator('#registry-count .card__value').innerText()).toBe('153');
    expect(await page.locator('#queues tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-queue')))).toEqual(['plan', 'tenant', 'rollup']);
    expect(await page.locator('#runs tbody tr').count()).toBeGreaterThan(0);
    await page.screenshot({ path: '/tmp/iro-admin.png', fullPage: true });
    await page.context().close();
  });

  browserIt('a year with no snapshot says so; a bad token shows the sign-in error', async () => {
    // Through the year selector: a GET form, so the choice lands in ?year= and survives a reload.
    const empty = await open({ role: 'iro', tenant: '886' });
    expect(await empty.locator('#year').inputValue()).toBe(String(YEAR));
    await empty.locator('#year').selectOption('2019');
    await Promise.all([empty.waitForURL(/\?year=2019$/), empty.getByRole('button', { name: 'Show year' }).click()]);
    await empty.locator('#error').waitFor();
    expect(await empty.locator('#error h2').innerText()).toBe('No snapshot computed yet for the year ending 31 March 2019');
    expect(await empty.locator('#year').inputValue()).toBe('2019');
    await empty.context().close();

    const page = await open({ token: 'not.a.token' });
    expect(await page.locator('#error h2').innerText()).toBe('Your sign-in link has expired or is not valid');
    expect(await page.locator('#error').innerText()).toContain('npm run cli -- token');
    expect(page.url()).not.toContain('not.a.token');
    expect(await page.evaluate<number>('sessionStorage.length')).toBe(0); // the bad token is dropped
    await page.screenshot({ path: '/tmp/iro-signin-error.png', fullPage: true });
    await page.context().close();
  });
});
