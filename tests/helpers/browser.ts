import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';

/**
 * Browser tests: Debian's chromium driven by playwright-core (never `playwright install`), headless, with
 * background networking off. `.ci/run` installs chromium with apt; without it the browser tests are reported as
 * skipped with a warning, never silently passed.
 */
export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM) console.warn(`SKIPPED browser tests: ${CHROMIUM} is not installed (apt-get install -y chromium).`);
export const browserIt = it.skipIf(!HAS_CHROMIUM);

/** Where screenshots go: test artefacts, never committed (.gitignore). */
export const ARTEFACTS = path.resolve('test-artifacts/screenshots');

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface OpenOptions {
  /** Run with JavaScript off (every page must work without it). */
  javaScript?: boolean;
  viewport?: { width: number; height: number };
}

/** One chromium for the file; each `open` is a fresh context (own cookies), so users never share a session. */
export function useBrowser() {
  let browser: Browser | undefined;
  /** Page errors, CSP violations and failed scripts: any one fails the test that made it (see `problems`). */
  const errors: string[] = [];
  beforeAll(async () => {
    if (!HAS_CHROMIUM) return;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    /** A new page in a new context, optionally with JavaScript off; console errors are collected. */
    async page(options: OpenOptions = {}): Promise<Page> {
      const context = await browser!.newContext({
        viewport: options.viewport ?? { width: 1280, height: 900 },
        javaScriptEnabled: options.javaScript ?? true,
      } satisfies BrowserContextOptions);
      const page = await context.newPage();
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        // A refused status (401/403/404) logs "Failed to load resource"; tests assert those statuses themselves.
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
      });
      return page;
    },
    /** Signs in through the local sign-in page as the demo user whose label starts with `label`. */
    async signIn(baseUrl: string, label: string, options: OpenOptions & { path?: string } = {}): Promise<Page> {
      const page = await this.page(options);
      await page.goto(`${baseUrl}/app/sign-in${options.path ? `?return=${encodeURIComponent(options.path)}` : ''}`);
      await page.getByLabel(label, { exact: false }).first().check();
      await Promise.all([page.waitForURL((url) => !url.pathname.endsWith('/sign-in')), page.getByRole('button', { name: 'Sign in' }).click()]);
      return page;
    },
    /** Errors seen since the last call (and clears them). */
    problems(): string[] {
      return errors.splice(0);
    },
  };
}

/**
 * axe-core in the page (WCAG 2.0–2.2 A and AA rules): no serious or critical violation. Injected through the
 * DevTools protocol (page.evaluate), which the pages' CSP does not govern, so the CSP under test stays on.
 */
export async function expectAccessible(page: Page): Promise<void> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, where: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'), `axe on ${page.url()}`).toEqual([]);
}

/** A full-page screenshot as a test artefact (test-artifacts/screenshots/NAME.png). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTEFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTEFACTS, `${name}.png`), fullPage: true });
}
