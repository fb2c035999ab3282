import { afterEach, describe, expect } from 'vitest';
import { usePlatform } from '../helpers/platform.ts';
import { browserIt, expectAccessible, screenshot, useBrowser } from '../helpers/browser.ts';

/** Signing in through the local sign-in page, a role's navigation, refusal of another role's page, signing out. */
const ctx = usePlatform();
const browser = useBrowser();

afterEach(() => {
  expect(browser.problems()).toEqual([]);
});

describe('sign-in and the pages of a role', () => {
  browserIt('a platform admin signs in, sees only their own navigation and the job status, and signs out', async () => {
    const page = await browser.signIn(ctx.platform.url, 'Platform administrator');
    expect(new URL(page.url()).pathname).toBe('/app/admin');
    await expect(page.getByRole('heading', { level: 1 })).toBeTruthy();
    expect(await page.locator('h1').textContent()).toBe('Tenants and jobs');
    const nav = await page.locator('.govuk-service-navigation__list a').allTextContents();
    expect(nav.map((t) => t.trim())).toEqual(['Tenants and jobs']);
    expect(await page.locator('#tenants tbody tr').count()).toBe(153);
    await expectAccessible(page);
    await screenshot(page, 'admin');

    // The re-run button posts the form (with its CSRF token) and comes back with a confirmation.
    await page.getByRole('button', { name: /Re-run/ }).click();
    await page.waitForURL(/queued=1/);
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('queued');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/signed-out/);
    const again = await page.goto(`${ctx.platform.url}/app/admin`);
    expect(new URL(again!.url()).pathname).toBe('/app/sign-in');
  });

  browserIt('an IRO manager opening the admin page is refused with a page that says so', async () => {
    const page = await browser.signIn(ctx.platform.url, 'IRO manager');
    const response = await page.goto(`${ctx.platform.url}/app/admin`);
    expect(response!.status()).toBe(403);
    expect(await page.locator('h1').textContent()).toBe('You cannot see this page');
    await expectAccessible(page);
  });

  browserIt('the sign-in page meets WCAG 2.2 AA, and signing in works with JavaScript off', async () => {
    const scripted = await browser.page();
    await scripted.goto(`${ctx.platform.url}/app/sign-in`);
    await expectAccessible(scripted);
    await screenshot(scripted, 'sign-in');
    const page = await browser.page({ javaScript: false });
    await page.goto(`${ctx.platform.url}/app/sign-in`);
    await page.getByLabel('Platform administrator').check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/app\/admin/);
    expect(await page.locator('h1').textContent()).toBe('Tenants and jobs');
  });
});
